import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { currentSession } from '../session';

export type Schemas = components['schemas'];
export type Business = Schemas['Business'];
export type Resource = Schemas['Resource'];
export type Booking = Schemas['Booking'];
export type Availability = Schemas['Availability'];
export type Session = Schemas['Session'];

/** The API's error shape (API.md): every 4xx and 5xx has it. */
export interface ApiError {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

/** Signed in: every call carries the access token. */
const bearer: Middleware = {
  onRequest({ request }) {
    const token = currentSession()?.accessToken;
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
};

/** The typed client of the public API, on this origin (the gateway that serves the app). */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(bearer);

/** The words to show for an error the API answered (or a network failure). */
export function errorMessage(error: unknown): string {
  const body = error as Partial<ApiError> | undefined;
  if (body?.error?.message) return body.error.message;
  return 'Something went wrong. Please try again.';
}
