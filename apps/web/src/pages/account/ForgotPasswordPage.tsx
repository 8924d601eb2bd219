import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { Link, navigate } from '../../router';
import { Field, Outcome, problemOf, queryOf, send, useSubmit } from './form';

/** Forgot the password: a code to choose a new one is emailed, then entered on the next page. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const { busy, problem, run } = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const address = email.trim();
      const answer = await send(
        api.POST('/api/auth/forgot-password', { body: { email: address } }),
      );
      if (!answer.ok) return problemOf(answer.error, ['email']);
      navigate(`/reset-password${queryOf({ email: address })}`);
      return null;
    });
  };

  return (
    <>
      <h1 tabIndex={-1}>Forgot your password?</h1>
      <p>
        Enter the email address of your account: we will email you a code to choose a new password.
      </p>
      <form onSubmit={submit} className="form" noValidate>
        <Field
          id="forgot-email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={problem?.fields.email}
        />
        <Outcome problem={problem} />
        <button type="submit" disabled={busy}>
          Email me a code
        </button>
      </form>
      <p>
        Remembered it? <Link href="/sign-in">Sign in</Link>.
      </p>
    </>
  );
}
