import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, type Session } from '../../api/client';
import { Link, navigate, useLocation } from '../../router';
import { setSession } from '../../session';
import {
  CodeField,
  errorCode,
  Field,
  landingFor,
  Outcome,
  problemOf,
  queryOf,
  send,
  useSubmit,
} from './form';

/** Why this page was opened instead of the one asked for, said above the form (`?notice=`). */
const NOTICES: Record<string, string> = {
  'password-reset': 'Your password has been changed. Sign in with the new one.',
  'signed-out-everywhere': 'You have been signed out on every device.',
  'session-ended': 'Your session has ended. Please sign in again.',
};

/** The address to verify, when what was typed to sign in with is one (not a username). */
const emailIn = (identifier: string): string | null =>
  identifier.includes('@') ? identifier.trim() : null;

/**
 * Sign in with email or username and password; with two-step sign-in on, then the code emailed
 * for this sign-in. Afterwards, back to where the person was going (`?next=`).
 */
export function SignInPage() {
  const { query } = useLocation();
  const next = query.get('next');
  const notice = NOTICES[query.get('notice') ?? ''];
  const [identifier, setIdentifier] = useState(query.get('identifier') ?? '');
  const [password, setPassword] = useState('');
  const [unverified, setUnverified] = useState(false);
  const [challengeId, setChallengeId] = useState<string | null>(null);
  const { busy, problem, run } = useSubmit();

  const signedIn = (session: Session) => {
    setSession(session);
    navigate(landingFor(session.user, next));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setUnverified(false);
    void run(async () => {
      const answer = await send(api.POST('/api/auth/login', { body: { identifier, password } }));
      if (!answer.ok) {
        setUnverified(errorCode(answer.error) === 'EMAIL_NOT_VERIFIED');
        return problemOf(answer.error, []);
      }
      const outcome = answer.data.data;
      if ('twoFactorRequired' in outcome) setChallengeId(outcome.challengeId);
      else signedIn(outcome);
      return null;
    });
  };

  if (challengeId) {
    return (
      <>
        <h1 tabIndex={-1}>Sign in</h1>
        <TwoFactorStep
          challengeId={challengeId}
          onSignedIn={signedIn}
          onStartAgain={() => {
            setPassword('');
            setChallengeId(null);
          }}
        />
      </>
    );
  }

  return (
    <>
      <h1 tabIndex={-1}>Sign in</h1>
      {notice && (
        <p role="status" className="account-notice">
          {notice}
        </p>
      )}
      <form onSubmit={submit} className="form" noValidate>
        <Field
          id="sign-in-identifier"
          label="Email or username"
          autoComplete="username"
          autoCapitalize="none"
          required
          value={identifier}
          onChange={(e) => setIdentifier(e.target.value)}
        />
        <Field
          id="sign-in-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Outcome problem={problem} />
        {unverified && (
          <p>
            <Link href={`/verify-email${queryOf({ email: emailIn(identifier), next })}`}>
              Verify your email address
            </Link>{' '}
            with the code we emailed you, or ask there for a new one.
          </p>
        )}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
      <ul className="account-links">
        <li>
          <Link href="/forgot-password">Forgot your password?</Link>
        </li>
        <li>
          New to Slotwise? <Link href={`/sign-up${queryOf({ next })}`}>Create an account</Link>
        </li>
      </ul>
    </>
  );
}

/** The second step: the code emailed for this sign-in (POST /login/2fa with its challenge). */
function TwoFactorStep({
  challengeId,
  onSignedIn,
  onStartAgain,
}: {
  challengeId: string;
  onSignedIn: (session: Session) => void;
  onStartAgain: () => void;
}) {
  const [otp, setOtp] = useState('');
  const { busy, problem, run } = useSubmit();
  const heading = useRef<HTMLHeadingElement>(null);
  // The step replaces the form in place: keyboard and screen reader users are taken to it.
  useEffect(() => heading.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const answer = await send(api.POST('/api/auth/login/2fa', { body: { challengeId, otp } }));
      if (!answer.ok) {
        return problemOf(answer.error, ['otp'], { INVALID_OTP: 'otp' });
      }
      onSignedIn(answer.data.data);
      return null;
    });
  };

  return (
    <section aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading" tabIndex={-1} ref={heading}>
        Enter your sign-in code
      </h2>
      <p>Two-step sign-in is on for this account: we have emailed you a code for this sign-in.</p>
      <form onSubmit={submit} className="form" noValidate>
        <CodeField
          id="two-factor-code"
          label="Sign-in code"
          value={otp}
          onChange={setOtp}
          error={problem?.fields.otp}
        />
        <Outcome problem={problem} />
        <button type="submit" disabled={busy}>
          Verify and sign in
        </button>
      </form>
      <p>
        No code, or it has run out?{' '}
        <button type="button" className="link" onClick={onStartAgain}>
          Start again
        </button>{' '}
        to have a new one sent.
      </p>
    </section>
  );
}
