import { useState, type FormEvent } from 'react';
import { api, signOut, type User } from '../../api/client';
import { Status, useLoad } from '../../load';
import { Link, navigate } from '../../router';
import { currentSession, setSession, useSession } from '../../session';
import { Field, Outcome, PASSWORD_HINT, problemOf, send, sendEmpty, useSubmit } from './form';

const ROLE: Record<User['role'], string> = {
  CUSTOMER: 'Customer',
  VENDOR: 'Business owner',
  ADMIN: 'Administrator',
};

/** The tab's session keeps the user as the API last answered it (the header shows its name). */
function keepUser(user: User): void {
  const held = currentSession();
  if (held) setSession({ ...held, user });
}

/** The signed-in person's account: profile, password, two-step sign-in, and their sessions. */
export function AccountPage() {
  const session = useSession();
  const [me] = useLoad(session?.user.id ?? '-', async () =>
    session ? api.GET('/api/auth/me') : { data: undefined, error: undefined },
  );

  if (!session) {
    return (
      <>
        <h1 tabIndex={-1}>Your account</h1>
        <p>
          <Link href="/sign-in?next=%2Faccount">Sign in</Link> to see your account.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 tabIndex={-1}>Your account</h1>
      <Status loaded={me} what="your account" />
      {me.state === 'done' && (
        <div className="account-sections">
          <ProfileSection user={me.value.data} />
          <PasswordSection />
          <TwoFactorSection user={me.value.data} />
          <SessionsSection />
        </div>
      )}
    </>
  );
}

const PROFILE_FIELDS = ['firstName', 'lastName', 'phone'] as const;

function ProfileSection({ user }: { user: User }) {
  const [firstName, setFirstName] = useState(user.firstName ?? '');
  const [lastName, setLastName] = useState(user.lastName ?? '');
  const [phone, setPhone] = useState(user.phone ?? '');
  const { busy, problem, done, run } = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      // An emptied field removes what was there.
      const body = {
        firstName: firstName.trim() || null,
        lastName: lastName.trim() || null,
        phone: phone.trim() || null,
      };
      const answer = await send(api.PATCH('/api/auth/me', { body }));
      if (!answer.ok) return problemOf(answer.error, PROFILE_FIELDS);
      keepUser(answer.data.data);
      return 'Your profile is saved.';
    });
  };

  return (
    <section aria-labelledby="profile-heading" className="card">
      <h2 id="profile-heading">Profile</h2>
      <dl className="account-facts">
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Username</dt>
        <dd>{user.username}</dd>
        <dt>Account</dt>
        <dd>{ROLE[user.role]}</dd>
      </dl>
      <form onSubmit={submit} className="form" noValidate>
        <Field
          id="profile-first-name"
          label="First name"
          autoComplete="given-name"
          value={firstName}
          onChange={(e) => setFirstName(e.target.value)}
          error={problem?.fields.firstName}
        />
        <Field
          id="profile-last-name"
          label="Last name"
          autoComplete="family-name"
          value={lastName}
          onChange={(e) => setLastName(e.target.value)}
          error={problem?.fields.lastName}
        />
        <Field
          id="profile-phone"
          label="Phone"
          type="tel"
          autoComplete="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={problem?.fields.phone}
        />
        <Outcome problem={problem} done={done} />
        <button type="submit" disabled={busy}>
          Save profile
        </button>
      </form>
    </section>
  );
}

function PasswordSection() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const { busy, problem, done, run } = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const answer = await send(
        api.POST('/api/auth/change-password', { body: { currentPassword, newPassword } }),
      );
      if (!answer.ok) {
        return problemOf(answer.error, ['currentPassword', 'newPassword'], {
          INVALID_CREDENTIALS: 'currentPassword',
        });
      }
      setCurrentPassword('');
      setNewPassword('');
      return 'Your password is changed. You stay signed in here; every other session has ended.';
    });
  };

  return (
    <section aria-labelledby="password-heading" className="card">
      <h2 id="password-heading">Password</h2>
      <form onSubmit={submit} className="form" noValidate>
        <Field
          id="password-current"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={problem?.fields.currentPassword}
        />
        <Field
          id="password-new"
          label="New password"
          hint={PASSWORD_HINT}
          type="password"
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={problem?.fields.newPassword}
        />
        <Outcome problem={problem} done={done} />
        <button type="submit" disabled={busy}>
          Change password
        </button>
      </form>
    </section>
  );
}

function TwoFactorSection({ user }: { user: User }) {
  const [on, setOn] = useState(user.twoFactorEnabled);
  const [password, setPassword] = useState('');
  const { busy, problem, done, run } = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const path = on ? '/api/auth/2fa/disable' : '/api/auth/2fa/enable';
      const answer = await send(api.POST(path, { body: { password } }));
      if (!answer.ok) {
        return problemOf(answer.error, ['password'], { INVALID_CREDENTIALS: 'password' });
      }
      const changed = answer.data.data;
      setPassword('');
      setOn(changed.twoFactorEnabled);
      keepUser(changed);
      return changed.twoFactorEnabled
        ? 'Two-step sign-in is now on: your next sign-in will ask for an emailed code.'
        : 'Two-step sign-in is now off.';
    });
  };

  return (
    <section aria-labelledby="two-factor-heading" className="card">
      <h2 id="two-factor-heading">Two-step sign-in</h2>
      <p>
        Two-step sign-in is <strong>{on ? 'on' : 'off'}</strong>.{' '}
        {on
          ? 'Each sign-in asks for your password and a code we email you.'
          : 'Turn it on to be asked, each time you sign in, for a code we email you as well as your password.'}
      </p>
      <form onSubmit={submit} className="form" noValidate>
        <Field
          id="two-factor-password"
          label="Your password"
          hint={`Needed to turn two-step sign-in ${on ? 'off' : 'on'}.`}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={problem?.fields.password}
        />
        <Outcome problem={problem} done={done} />
        <button type="submit" disabled={busy}>
          {on ? 'Turn off two-step sign-in' : 'Turn on two-step sign-in'}
        </button>
      </form>
    </section>
  );
}

function SessionsSection() {
  const everywhere = useSubmit();

  const signOutEverywhere = () =>
    void everywhere.run(async () => {
      const error = await sendEmpty(api.POST('/api/auth/logout-all'));
      if (error !== null) return problemOf(error, []);
      setSession(null);
      navigate('/sign-in?notice=signed-out-everywhere');
      return null;
    });

  return (
    <section aria-labelledby="sessions-heading" className="card">
      <h2 id="sessions-heading">Sessions</h2>
      <p>Signed in on a device you no longer use, or one you share? End every session at once.</p>
      <div className="account-actions">
        <button
          type="button"
          className="secondary"
          onClick={() => void signOut().then(() => navigate('/'))}
        >
          Sign out
        </button>
        <button type="button" onClick={signOutEverywhere} disabled={everywhere.busy}>
          Sign out everywhere
        </button>
      </div>
      <Outcome problem={everywhere.problem} />
    </section>
  );
}
