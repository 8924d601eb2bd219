import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { Link, navigate, useLocation } from '../../router';
import { Field, Outcome, PASSWORD_HINT, problemOf, queryOf, send, useSubmit } from './form';

type Role = 'CUSTOMER' | 'VENDOR';

const ROLES: { value: Role; label: string; hint: string }[] = [
  { value: 'CUSTOMER', label: 'I want to book', hint: 'Rooms, appointments, chairs and desks.' },
  { value: 'VENDOR', label: 'I run a business', hint: 'Publish what customers can book.' },
];

const FIELDS = ['email', 'username', 'password', 'firstName', 'lastName', 'role'] as const;

/** Sign up: the account is created waiting for its email address to be verified with a code. */
export function SignUpPage() {
  const { query } = useLocation();
  const [email, setEmail] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [role, setRole] = useState<Role>('CUSTOMER');
  const { busy, problem, run } = useSubmit();
  const fieldError = (name: (typeof FIELDS)[number]) => problem?.fields[name];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const answer = await send(
        api.POST('/api/auth/register', {
          body: {
            email: email.trim(),
            username: username.trim(),
            password,
            role,
            // Left empty, a name is not sent: the API takes none rather than an empty one.
            ...(firstName.trim() ? { firstName: firstName.trim() } : {}),
            ...(lastName.trim() ? { lastName: lastName.trim() } : {}),
          },
        }),
      );
      if (!answer.ok) {
        return problemOf(answer.error, FIELDS, {
          EMAIL_TAKEN: 'email',
          USERNAME_TAKEN: 'username',
        });
      }
      navigate(
        `/verify-email${queryOf({ email: answer.data.data.email, next: query.get('next') })}`,
      );
      return null;
    });
  };

  return (
    <>
      <h1 tabIndex={-1}>Sign up</h1>
      <p>
        Already have an account?{' '}
        <Link href={`/sign-in${queryOf({ next: query.get('next') })}`}>Sign in</Link>.
      </p>
      <form onSubmit={submit} className="form" noValidate>
        <fieldset
          className="account-choices"
          aria-describedby={fieldError('role') ? 'sign-up-role-error' : undefined}
        >
          <legend>What brings you to Slotwise?</legend>
          {ROLES.map((choice) => (
            <div key={choice.value} className="account-choice">
              <input
                type="radio"
                id={`sign-up-role-${choice.value}`}
                name="role"
                value={choice.value}
                checked={role === choice.value}
                onChange={() => setRole(choice.value)}
                aria-describedby={`sign-up-role-${choice.value}-hint`}
              />
              <label htmlFor={`sign-up-role-${choice.value}`}>{choice.label}</label>
              <p id={`sign-up-role-${choice.value}-hint`} className="account-hint">
                {choice.hint}
              </p>
            </div>
          ))}
          {fieldError('role') && (
            <p id="sign-up-role-error" role="alert" className="error">
              {fieldError('role')}
            </p>
          )}
        </fieldset>
        <Field
          id="sign-up-email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError('email')}
        />
        <Field
          id="sign-up-username"
          label="Username"
          hint="3 to 32 letters, digits, dots, dashes or underscores."
          autoComplete="username"
          autoCapitalize="none"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={fieldError('username')}
        />
        <Field
          id="sign-up-password"
          label="Password"
          hint={PASSWORD_HINT}
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError('password')}
        />
        <Field
          id="sign-up-first-name"
          label="First name (optional)"
          autoComplete="given-name"
          value={firstName}
          onChange={(e) => setFirstName(e.target.value)}
          error={fieldError('firstName')}
        />
        <Field
          id="sign-up-last-name"
          label="Last name (optional)"
          autoComplete="family-name"
          value={lastName}
          onChange={(e) => setLastName(e.target.value)}
          error={fieldError('lastName')}
        />
        <Outcome problem={problem} />
        <button type="submit" disabled={busy}>
          Create account
        </button>
      </form>
    </>
  );
}
