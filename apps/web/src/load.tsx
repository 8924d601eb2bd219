import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from './api/client';

export type Loaded<T> =
  { state: 'loading' } | { state: 'failed'; message: string } | { state: 'done'; value: T };

/**
 * Runs `load` when `key` changes (and on `reload`): what it answered, or the API's words for why
 * it failed. A load that is overtaken by a newer one is ignored.
 */
export function useLoad<T>(
  key: string,
  load: () => Promise<{ data?: T; error?: unknown }>,
): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    load().then(
      ({ data, error }) => {
        if (!current) return;
        setResult(
          data !== undefined
            ? { state: 'done', value: data }
            : { state: 'failed', message: errorMessage(error) },
        );
      },
      () => current && setResult({ state: 'failed', message: errorMessage(undefined) }),
    );
    return () => {
      current = false;
    };
    // `load` is a new function on every render; `key` says when it asks for something else.
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return [result, reload];
}

export function Status({ loaded, what }: { loaded: Loaded<unknown>; what: string }) {
  if (loaded.state === 'loading') return <p role="status">Loading {what}…</p>;
  if (loaded.state === 'failed') {
    return (
      <p role="alert" className="error">
        Could not load {what}: {loaded.message}
      </p>
    );
  }
  return null;
}
