import { useSyncExternalStore } from 'react';
import type { components } from './api/schema';

type Session = components['schemas']['Session'];

/**
 * The signed-in person's tokens, shared by every tab of this browser (localStorage), so that a
 * link opened from an email is signed in like the tab it came from: the access token goes with
 * every API call as a bearer token. A tab that signs in, renews or signs out tells the others
 * through the `storage` event; renewals are serialised across tabs (api/client.ts), as refresh
 * tokens rotate.
 */
const KEY = 'slotwise.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;

function read(): Session | null {
  const stored = localStorage.getItem(KEY);
  try {
    return stored ? (JSON.parse(stored) as Session) : null;
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  if (cached === undefined) cached = read();
  return cached;
}

/** The session as stored right now, which another tab may have changed a moment ago. */
export function storedSession(): Session | null {
  cached = read();
  return cached;
}

export function setSession(session: Session | null): void {
  cached = session;
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

// Another tab signed in, renewed or signed out.
window.addEventListener('storage', (event) => {
  if (event.key !== KEY && event.key !== null) return;
  cached = read();
  for (const listener of listeners) listener();
});

export function useSession(): Session | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, currentSession);
}
