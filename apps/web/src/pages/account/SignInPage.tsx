import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../../api/client';
import { navigate, useLocation } from '../../router';
import { setSession } from '../../session';

/** Only paths of this app: never a redirect to another site. */
const safeNext = (next: string | null): string =>
  next && next.startsWith('/') && !next.startsWith('//') && next !== '/sign-in' ? next : '/';

export function SignInPage() {
  const { query } = useLocation();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const { data, error: failure } = await api
      .POST('/api/auth/login', { body: { identifier, password } })
      .catch((thrown: unknown) => ({ data: undefined, error: thrown }));
    setBusy(false);
    if (!data) {
      setError(errorMessage(failure));
      return;
    }
    if (!('accessToken' in data.data)) {
      setError('This account uses two-factor sign-in, which this app does not offer yet.');
      return;
    }
    setSession(data.data);
    navigate(safeNext(query.get('next')));
  };

  return (
    <>
      <h1 tabIndex={-1}>Sign in</h1>
      <form onSubmit={(event) => void submit(event)} className="form" noValidate>
        <div className="field">
          <label htmlFor="sign-in-identifier">Email or username</label>
          <input
            id="sign-in-identifier"
            autoComplete="username"
            required
            value={identifier}
            onChange={(e) => setIdentifier(e.target.value)}
            aria-describedby={error ? 'sign-in-error' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby={error ? 'sign-in-error' : undefined}
          />
        </div>
        {error && (
          <p id="sign-in-error" role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </>
  );
}
