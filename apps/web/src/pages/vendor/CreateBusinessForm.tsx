import { useState, type FormEvent } from 'react';
import { api, type Business } from '../../api/client';
import { Field, Outcome, problemOf, send, trimmed, type Problem } from './form';
import {
  BUSINESS_TYPES,
  emptyProfile,
  PROFILE_FIELDS,
  ProfileFields,
  type ProfileDraft,
} from './ProfileFields';

/** A vendor without a business creates it here; it then waits for an admin to verify it. */
export function CreateBusinessForm({ onCreated }: { onCreated: (business: Business) => void }) {
  const [draft, setDraft] = useState<ProfileDraft>(emptyProfile);
  const [type, setType] = useState<Business['type']>('OTHER');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const answer = await send(
      api.POST('/api/businesses', {
        body: {
          name: draft.name.trim(),
          type,
          timezone: draft.timezone,
          address: trimmed(draft.address),
          description: trimmed(draft.description),
          email: trimmed(draft.email),
          phone: trimmed(draft.phone),
        },
      }),
    );
    setBusy(false);
    if (answer.data) onCreated(answer.data.data);
    else setProblem(problemOf(answer.error, (path) => [...PROFILE_FIELDS, 'type'].includes(path)));
  };

  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">Create your business</h2>
      <p>
        Tell customers who you are. An admin verifies every new business before customers can book
        it.
      </p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <ProfileFields
          draft={draft}
          onChange={setDraft}
          errors={problem?.fields ?? {}}
          afterName={
            <Field id="business-type" label="Type" error={problem?.fields.type}>
              {(props) => (
                <select
                  {...props}
                  value={type}
                  onChange={(e) => setType(e.target.value as Business['type'])}
                >
                  {BUSINESS_TYPES.map((t) => (
                    <option key={t.value} value={t.value}>
                      {t.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          }
        />
        <Outcome problem={problem} />
        <button type="submit" disabled={busy}>
          Create business
        </button>
      </form>
    </section>
  );
}
