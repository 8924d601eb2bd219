import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, CommonErrors, type HttpErrorStatus } from './app-error.js';
import { isDependencyUnavailable } from './dependency-errors.js';

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: Record<string, unknown>;
    requestId: string;
  };
}

export interface FieldError {
  field: string;
  message: string;
}

const fastifyStatusToCode: Partial<Record<number, string>> = {
  400: 'VALIDATION_ERROR',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

function fieldErrors(error: FastifyError): FieldError[] {
  const location = error.validationContext ?? 'body';
  return (error.validation ?? []).flatMap((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const field = path ? `${location}.${path}` : location;
    // An unknown key is reported on its object; name each key so a client sees which one.
    const keys = (issue.params as { keys?: unknown } | undefined)?.keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      return keys.map((key) => ({ field: `${field}.${String(key)}`, message: 'Unknown field' }));
    }
    return [{ field, message: issue.message ?? 'Invalid' }];
  });
}

/** Maps any thrown value to a status and the API.md envelope, without leaking internals. */
export function toErrorResponse(
  error: unknown,
  requestId: string,
): { status: HttpErrorStatus; body: ErrorBody; retryAfter?: number } {
  if (error instanceof AppError) {
    const appError = error as AppError;
    return {
      status: appError.status,
      retryAfter: appError.retryAfter,
      body: {
        error: {
          code: appError.code,
          message: appError.message,
          ...(appError.details ? { details: appError.details } : {}),
          requestId,
        },
      },
    };
  }
  const fastifyError = error as Partial<FastifyError> | undefined;
  if (fastifyError && hasZodFastifySchemaValidationErrors(fastifyError)) {
    return envelope(400, 'VALIDATION_ERROR', 'The request is invalid', requestId, {
      fields: fieldErrors(fastifyError),
    });
  }
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = fastifyStatusToCode[status] ?? 'VALIDATION_ERROR';
    const message = clientMessage(fastifyError as FastifyError);
    return envelope(
      (status in fastifyStatusToCode ? status : 400) as HttpErrorStatus,
      code,
      message,
      requestId,
    );
  }
  if (isDependencyUnavailable(error)) {
    // The database (or a connection to it) is down, restarting, saturated or too slow: the
    // request may well succeed in a moment, so say that, and when.
    return {
      ...envelope(
        503,
        'SERVICE_UNAVAILABLE',
        'A service this request needs is unavailable',
        requestId,
        {
          dependency: 'database',
        },
      ),
      retryAfter: DATABASE_RETRY_AFTER_SECONDS,
    };
  }
  return envelope(500, 'INTERNAL_ERROR', 'Something went wrong on our side', requestId);
}

/** Long enough for a pool to drain or a restart to finish, short enough not to lose the client. */
const DATABASE_RETRY_AFTER_SECONDS = 2;

function clientMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is not valid JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is larger than 1 MiB';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported Content-Type: send application/json';
    default:
      // Fastify's own 4xx messages are written for clients and name no internals.
      return error.message || 'The request is invalid';
  }
}

function envelope(
  status: HttpErrorStatus,
  code: string,
  message: string,
  requestId: string,
  details?: Record<string, unknown>,
): { status: HttpErrorStatus; body: ErrorBody } {
  return { status, body: { error: { code, message, ...(details ? { details } : {}), requestId } } };
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): FastifyReply {
  const { status, body, retryAfter } = toErrorResponse(error, request.id);
  if (request.raw.socket?.destroyed) {
    // The client hung up mid-request: nobody is left to answer, and it is not our failure.
    request.log.debug({ reason: (error as Error).message }, 'client went away');
  } else if (status === 503) {
    // A dependency down is an operational state, not a bug of ours: no stack, one line.
    request.log.warn(
      {
        code: body.error.code,
        dependency: body.error.details?.dependency,
        reason: (error as Error).message,
      },
      'request refused: dependency unavailable',
    );
  } else if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
  } else if (!(error instanceof AppError)) {
    request.log.info(
      { code: body.error.code, reason: (error as Error).message },
      'request refused',
    );
  }
  if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
  return reply.status(status).send(body);
}

export const validationError = (fields: FieldError[], message = 'The request is invalid') =>
  CommonErrors.create('VALIDATION_ERROR', message, { details: { fields } });
