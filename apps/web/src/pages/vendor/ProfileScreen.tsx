import { useState, type FormEvent } from 'react';
import { api, errorMessage, type Business } from '../../api/client';
import { typeLabel } from '../HomePage';
import { statusWords } from './business';
import { Outcome, problemOf, send, type Problem } from './form';
import { PROFILE_FIELDS, ProfileFields, profileOf, type ProfileDraft } from './ProfileFields';

/** An optional field emptied is cleared (null), not left as it was. */
const orNull = (value: string): string | null => value.trim() || null;

function ProfileForm({
  business,
  onChange,
}: {
  business: Business;
  onChange: (business: Business) => void;
}) {
  const [draft, setDraft] = useState<ProfileDraft>(() => profileOf(business));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setDone(null);
    const answer = await send(
      api.PATCH('/api/businesses/{id}', {
        params: { path: { id: business.id } },
        body: {
          name: draft.name.trim(),
          timezone: draft.timezone,
          address: orNull(draft.address),
          description: orNull(draft.description),
          email: orNull(draft.email),
          phone: orNull(draft.phone),
        },
      }),
    );
    setBusy(false);
    if (answer.data) {
      onChange(answer.data.data);
      setDraft(profileOf(answer.data.data));
      setDone('Profile saved.');
    } else {
      setProblem(problemOf(answer.error, (path) => PROFILE_FIELDS.includes(path)));
    }
  };

  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      <p className="muted">
        Type: {typeLabel(business.type)} (chosen when the business was created)
      </p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <ProfileFields draft={draft} onChange={setDraft} errors={problem?.fields ?? {}} />
        <Outcome problem={problem} done={done} />
        <button type="submit" disabled={busy}>
          Save profile
        </button>
      </form>
    </section>
  );
}

/** Once verified, the owner may close the business to bookings (INACTIVE) and open it again. */
function BusinessStatus({
  business,
  onChange,
}: {
  business: Business;
  onChange: (business: Business) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next =
    business.isVerified && business.status === 'ACTIVE'
      ? ({ status: 'INACTIVE', label: 'Set inactive (stop taking bookings)' } as const)
      : business.isVerified && business.status === 'INACTIVE'
        ? ({ status: 'ACTIVE', label: 'Set active (take bookings again)' } as const)
        : null;

  const change = async (status: 'ACTIVE' | 'INACTIVE') => {
    setBusy(true);
    setError(null);
    const answer = await send(
      api.PATCH('/api/businesses/{id}/status', {
        params: { path: { id: business.id } },
        body: { status },
      }),
    );
    setBusy(false);
    if (answer.data) onChange(answer.data.data);
    else setError(errorMessage(answer.error));
  };

  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">Status</h2>
      <p role="status" className={`business-status status-${business.status.toLowerCase()}`}>
        {statusWords(business)}
      </p>
      {next && (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void change(next.status)}
        >
          {next.label}
        </button>
      )}
      {error && (
        <p role="alert" className="error">
          Could not change the status: {error}
        </p>
      )}
    </section>
  );
}

export function ProfileScreen({
  business,
  onChange,
}: {
  business: Business;
  onChange: (business: Business) => void;
}) {
  return (
    <>
      <BusinessStatus business={business} onChange={onChange} />
      <ProfileForm business={business} onChange={onChange} />
    </>
  );
}
