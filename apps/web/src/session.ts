import { useSyncExternalStore } from 'react';
import type { components } from './api/schema';

type Session = components['schemas']['Session'];

/**
 * The signed-in person's tokens, kept for this browser tab only (sessionStorage): the access
 * token goes with every API call as a bearer token.
 */
const KEY = 'slotwise.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;

export function currentSession(): Session | null {
  if (cached === undefined) {
    const stored = sessionStorage.getItem(KEY);
    cached = stored ? (JSON.parse(stored) as Session) : null;
  }
  return cached;
}

export function setSession(session: Session | null): void {
  cached = session;
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function useSession(): Session | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, currentSession);
}
