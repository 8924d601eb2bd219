import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { navigate } from '../router';
import { currentSession, setSession, storedSession } from '../session';

export type Schemas = components['schemas'];
export type Business = Schemas['Business'];
export type Resource = Schemas['Resource'];
export type Booking = Schemas['Booking'];
export type Availability = Schemas['Availability'];
export type Session = Schemas['Session'];
export type User = Schemas['User'];

/** The API's error shape (API.md): every 4xx and 5xx has it. */
export interface ApiError {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

/** The typed client of the public API, on this origin (the gateway that serves the app). */
export const api = createClient<paths>({ baseUrl: window.location.origin });

/**
 * What a refresh came to: a new pair; refused (the session is over: signed out elsewhere, its
 * tokens revoked or expired); or no answer (offline, the API unavailable), which ends nothing.
 */
type Renewal = { session: Session } | 'refused' | 'unanswered';

let renewing: Promise<Renewal> | null = null;

/**
 * Trades the refresh token for a new pair, once for all the calls that need it: refresh tokens
 * rotate, so a second refresh with the same token would be taken for a stolen one's reuse. A
 * refused refresh signs the tab out and asks to sign in again, coming back here afterwards.
 */
function renew(held: Session): Promise<Renewal> {
  renewing ??= oneTabAtATime(async (): Promise<Renewal> => {
    // Another tab may have renewed it, or signed out, while this one waited for its turn.
    const before = storedSession();
    if (before?.refreshToken !== held.refreshToken) {
      return before ? { session: before } : 'refused';
    }
    const answer = await api
      .POST('/api/auth/refresh', { body: { refreshToken: held.refreshToken } })
      .catch(() => undefined);
    // Signed out (or in as someone else) while it was under way: that is the session now.
    const current = storedSession();
    if (current?.refreshToken !== held.refreshToken) {
      return current ? { session: current } : 'refused';
    }
    if (answer?.data) {
      setSession(answer.data.data);
      return { session: answer.data.data };
    }
    if (answer?.response.status !== 401) return 'unanswered';
    setSession(null);
    const here = window.location.pathname + window.location.search;
    navigate(`/sign-in?next=${encodeURIComponent(here)}&notice=session-ended`);
    return 'refused';
  }).finally(() => {
    renewing = null;
  });
  return renewing;
}

/**
 * Runs `work` while no other tab of this browser runs its own (Web Locks): the tabs share one
 * session, and two renewals with the same refresh token would look like a stolen token's reuse.
 */
function oneTabAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (!('locks' in navigator)) return work();
  return navigator.locks.request('slotwise.session-renewal', work) as Promise<T>;
}

/** Whether a 401 says the access token was refused, rather than a password or a code. */
async function tokenRefused(response: Response): Promise<boolean> {
  if (response.status !== 401) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as Partial<ApiError> | undefined;
  return body?.error?.code === 'UNAUTHENTICATED';
}

/** A copy of each call made while signed in, to send again once its session is renewed. */
const resendable = new Map<string, Request>();

/**
 * Signed in: every call carries the access token. One refused because the token expired or was
 * revoked is sent once more, with the token the refresh token is traded for.
 */
const session: Middleware = {
  onRequest({ request, id, schemaPath }) {
    const held = currentSession();
    if (!held) return request;
    request.headers.set('authorization', `Bearer ${held.accessToken}`);
    if (schemaPath !== '/api/auth/refresh') resendable.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id, options }) {
    const copy = resendable.get(id);
    resendable.delete(id);
    if (!copy || !(await tokenRefused(response))) return response;
    const held = currentSession();
    if (!held) return response;
    // Another call may have renewed the session since this one was sent: its token is new.
    const sentWith = copy.headers.get('authorization');
    const renewal =
      sentWith === `Bearer ${held.accessToken}` ? await renew(held) : { session: held };
    if (typeof renewal === 'string') return response;
    copy.headers.set('authorization', `Bearer ${renewal.session.accessToken}`);
    // Called on its own, not as a method of `options`: the browser's fetch refuses another `this`.
    const { fetch } = options;
    return fetch(copy);
  },
  onError({ id }) {
    resendable.delete(id);
  },
};
api.use(session);

/**
 * Signs this browser out: the session ends in its tabs at once, and on the server (its refresh token
 * revoked, its access tokens refused within seconds, the cookies cleared) when the call returns.
 */
export async function signOut(): Promise<void> {
  const held = currentSession();
  setSession(null);
  if (!held) return;
  await api
    .POST('/api/auth/logout', { body: { refreshToken: held.refreshToken } })
    .catch(() => undefined);
}

/** The words to show for an error the API answered (or a network failure). */
export function errorMessage(error: unknown): string {
  const body = error as Partial<ApiError> | undefined;
  if (body?.error?.message) return body.error.message;
  return 'Something went wrong. Please try again.';
}
