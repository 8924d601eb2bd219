import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { Link, navigate, useLocation } from '../../router';
import { setSession } from '../../session';
import {
  CodeField,
  Field,
  Outcome,
  PASSWORD_HINT,
  problemOf,
  queryOf,
  send,
  useSubmit,
} from './form';

const FIELDS = ['email', 'otp', 'newPassword'] as const;

/**
 * The emailed code and a new password. Every session of the account ends with the old password,
 * this tab's too: its owner signs in again with the new one.
 */
export function ResetPasswordPage() {
  const { query } = useLocation();
  const [email, setEmail] = useState(query.get('email') ?? '');
  const [otp, setOtp] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const reset = useSubmit();
  const resend = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void reset.run(async () => {
      const address = email.trim();
      const answer = await send(
        api.POST('/api/auth/reset-password', { body: { email: address, otp, newPassword } }),
      );
      if (!answer.ok) {
        return problemOf(answer.error, FIELDS, { INVALID_OTP: 'otp' });
      }
      setSession(null);
      navigate(`/sign-in${queryOf({ identifier: address, notice: 'password-reset' })}`);
      return null;
    });
  };

  const sendAgain = () =>
    void resend.run(async () => {
      const address = email.trim();
      const answer = await send(
        api.POST('/api/auth/forgot-password', { body: { email: address } }),
      );
      if (!answer.ok) return problemOf(answer.error, []);
      return `If ${address} has an account, a new code is on its way. Codes sent before it no longer work.`;
    });

  return (
    <>
      <h1 tabIndex={-1}>Reset your password</h1>
      <p>
        If an account has this email address, we have emailed it a 6-digit code. Enter it with the
        new password.
      </p>
      <form onSubmit={submit} className="form" noValidate>
        <Field
          id="reset-email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={reset.problem?.fields.email}
        />
        <CodeField
          id="reset-code"
          label="Reset code"
          value={otp}
          onChange={setOtp}
          error={reset.problem?.fields.otp}
        />
        <Field
          id="reset-new-password"
          label="New password"
          hint={PASSWORD_HINT}
          type="password"
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={reset.problem?.fields.newPassword}
        />
        <Outcome problem={reset.problem} />
        <button type="submit" disabled={reset.busy}>
          Set new password
        </button>
      </form>
      <section aria-labelledby="reset-resend-heading" className="account-aside">
        <h2 id="reset-resend-heading">No code?</h2>
        <p>
          Check your spam folder, ask for a new code, or{' '}
          <Link href="/forgot-password">use another email address</Link>.
        </p>
        <button type="button" className="secondary" onClick={sendAgain} disabled={resend.busy}>
          Resend code
        </button>
        <Outcome problem={resend.problem} done={resend.done} />
      </section>
    </>
  );
}
