/**
 * One error type for everything a service refuses on purpose. Each module defines its own codes and
 * an exhaustive code → status map (see `defineErrorCodes`), so a new code cannot ship without a
 * status, and the single error handler turns any AppError into API.md's envelope.
 */
export type HttpErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

export interface AppErrorOptions {
  details?: Record<string, unknown>;
  cause?: unknown;
  /** Seconds, sent as `Retry-After` (429 and 503). */
  retryAfter?: number;
}

export class AppError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly status: HttpErrorStatus;
  readonly details: Record<string, unknown> | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: Code, status: HttpErrorStatus, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.details = options.details;
    this.retryAfter = options.retryAfter;
  }
}

/**
 * Builds a module's error factory from its exhaustive code → status map:
 *
 *   export const BookingErrors = defineErrorCodes({ BOOKING_CONFLICT: 409, RESOURCE_NOT_BOOKABLE: 422 });
 *   throw BookingErrors.create('BOOKING_CONFLICT', 'That time is already booked');
 */
export function defineErrorCodes<const Codes extends Record<string, HttpErrorStatus>>(
  statuses: Codes,
) {
  type Code = Extract<keyof Codes, string>;
  return {
    statuses,
    create(code: Code, message: string, options?: AppErrorOptions): AppError<Code> {
      return new AppError(code, statuses[code] as HttpErrorStatus, message, options);
    },
    is(error: unknown, code?: Code): error is AppError<Code> {
      return (
        error instanceof AppError &&
        Object.hasOwn(statuses, (error as AppError).code) &&
        (code === undefined || (error as AppError).code === code)
      );
    },
  };
}

/** The codes every service can answer with (API.md, Conventions). */
export const CommonErrors = defineErrorCodes({
  VALIDATION_ERROR: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
});
export type CommonErrorCode = keyof typeof CommonErrors.statuses;

export const notFound = (what = 'Resource'): AppError<CommonErrorCode> =>
  CommonErrors.create('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You may not do this'): AppError<CommonErrorCode> =>
  CommonErrors.create('FORBIDDEN', message);
export const unauthenticated = (message = 'Authentication required'): AppError<CommonErrorCode> =>
  CommonErrors.create('UNAUTHENTICATED', message);
export const serviceUnavailable = (
  dependency: string,
  retryAfter = 5,
  cause?: unknown,
): AppError<CommonErrorCode> =>
  CommonErrors.create('SERVICE_UNAVAILABLE', `A service this request needs is unavailable`, {
    details: { dependency },
    retryAfter,
    cause,
  });
