import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { navigate, useLocation } from '../../router';
import { setSession } from '../../session';
import { CodeField, Field, Outcome, problemOf, safeNext, send, useSubmit } from './form';

const FIELDS = ['email', 'otp'] as const;

/**
 * The code emailed at sign-up activates the account and signs its owner in: a vendor goes on to
 * their business, a customer back to where they were going.
 */
export function VerifyEmailPage() {
  const { query } = useLocation();
  const [email, setEmail] = useState(query.get('email') ?? '');
  const [otp, setOtp] = useState('');
  const verify = useSubmit();
  const resend = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void verify.run(async () => {
      const answer = await send(
        api.POST('/api/auth/verify-email', { body: { email: email.trim(), otp } }),
      );
      if (!answer.ok) {
        return problemOf(answer.error, FIELDS, { INVALID_OTP: 'otp' });
      }
      const session = answer.data.data;
      setSession(session);
      navigate(session.user.role === 'VENDOR' ? '/vendor' : (safeNext(query.get('next')) ?? '/'));
      return null;
    });
  };

  const sendAgain = () =>
    void resend.run(async () => {
      const answer = await send(
        api.POST('/api/auth/resend-verification', { body: { email: email.trim() } }),
      );
      if (!answer.ok) return problemOf(answer.error, []);
      // The API answers the same whether or not the address waits for a code: so does the page.
      return `If ${email.trim()} is waiting to be verified, a new code is on its way. Codes sent before it no longer work.`;
    });

  return (
    <>
      <h1 tabIndex={-1}>Verify your email</h1>
      <p>
        We emailed a 6-digit code to{' '}
        {query.get('email') ? <strong>{query.get('email')}</strong> : 'you'}. Enter it here to
        activate your account.
      </p>
      <form onSubmit={submit} className="form" noValidate>
        <Field
          id="verify-email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={verify.problem?.fields.email}
        />
        <CodeField
          id="verify-code"
          label="Verification code"
          value={otp}
          onChange={setOtp}
          error={verify.problem?.fields.otp}
        />
        <Outcome problem={verify.problem} />
        <button type="submit" disabled={verify.busy}>
          Verify
        </button>
      </form>
      <section aria-labelledby="verify-resend-heading" className="account-aside">
        <h2 id="verify-resend-heading">No code?</h2>
        <p>
          A code works for a limited time: the email says until when. Check your spam folder, or ask
          for a new one.
        </p>
        <button type="button" className="secondary" onClick={sendAgain} disabled={resend.busy}>
          Resend code
        </button>
        <Outcome problem={resend.problem} done={resend.done} />
      </section>
    </>
  );
}
