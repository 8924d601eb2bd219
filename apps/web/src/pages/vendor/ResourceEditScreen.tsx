import { useState } from 'react';
import { api, errorMessage, type Business, type Resource } from '../../api/client';
import { Status, useLoad } from '../../load';
import { Link, navigate } from '../../router';
import { deleted, send } from './form';
import { HoursSummary } from './HoursScreen';
import { ResourceForm } from './ResourceForm';
import { RESOURCE_STATUS_WORDS } from './ResourcesScreen';
import { draftOf } from './schedule';
import { ScheduleEditor } from './ScheduleEditor';

type Settable = Exclude<Resource['status'], 'DELETED'>;

function statusChoices(business: Business): { value: Settable; words: string }[] {
  return [
    { value: 'ACTIVE', words: 'Customers can find and book it.' },
    { value: 'INACTIVE', words: 'Hidden from customers; its bookings stay.' },
    {
      value: 'MAINTENANCE',
      words:
        business.maintenancePolicy === 'CANCEL'
          ? 'Not bookable; its upcoming bookings are cancelled and refunded in full (your maintenance policy).'
          : 'Not bookable; its upcoming bookings are kept, and you are reminded to move or cancel those you cannot serve (your maintenance policy).',
    },
  ];
}

function StatusSection({
  business,
  resource,
  onChange,
}: {
  business: Business;
  resource: Resource;
  onChange: (resource: Resource) => void;
}) {
  const current = resource.status === 'DELETED' ? 'INACTIVE' : resource.status;
  const [choice, setChoice] = useState<Settable>(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const change = async () => {
    setBusy(true);
    setError(null);
    const answer = await send(
      api.PATCH('/api/resources/{id}/status', {
        params: { path: { id: resource.id } },
        body: { status: choice },
      }),
    );
    setBusy(false);
    if (answer.data) onChange(answer.data.data);
    else setError(errorMessage(answer.error));
  };

  return (
    <section aria-labelledby="resource-status-heading">
      <h2 id="resource-status-heading">Status</h2>
      <p role="status" className={`resource-status status-${resource.status.toLowerCase()}`}>
        {RESOURCE_STATUS_WORDS[resource.status]}
      </p>
      <fieldset className="choices">
        <legend>Set the status</legend>
        {statusChoices(business).map((option) => (
          <div key={option.value} className="choice">
            <input
              type="radio"
              id={`resource-status-${option.value}`}
              name="resource-status"
              checked={choice === option.value}
              onChange={() => setChoice(option.value)}
              aria-describedby={`resource-status-${option.value}-words`}
            />
            <label htmlFor={`resource-status-${option.value}`}>
              {RESOURCE_STATUS_WORDS[option.value].split(':')[0]}
            </label>
            <p id={`resource-status-${option.value}-words`} className="hint">
              {option.words}
            </p>
          </div>
        ))}
      </fieldset>
      <button
        type="button"
        disabled={busy || choice === resource.status}
        onClick={() => void change()}
      >
        Change status
      </button>
      {error && (
        <p role="alert" className="error">
          Could not change the status: {error}
        </p>
      )}
    </section>
  );
}

/** The resource's own opening hours, or the business's, which it follows until given its own. */
function OwnHours({ resource }: { resource: Resource }) {
  const [round, setRound] = useState(0);
  const [schedule] = useLoad(`${resource.id}|${round}`, () =>
    api.GET('/api/resources/{id}/schedule', { params: { path: { id: resource.id } } }),
  );
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [news, setNews] = useState<string | null>(null);

  const follow = async () => {
    setBusy(true);
    setError(null);
    const refusal = await deleted(
      api.DELETE('/api/resources/{id}/schedule', { params: { path: { id: resource.id } } }),
    );
    setBusy(false);
    if (refusal) {
      setError(refusal);
      return;
    }
    setEditing(false);
    setNews('It follows the business’s hours again.');
    setRound(round + 1);
  };

  const hours = schedule.state === 'done' ? schedule.value.data : null;
  return (
    <section aria-labelledby="resource-hours-heading">
      <h2 id="resource-hours-heading">Opening hours</h2>
      <Status loaded={schedule} what="its opening hours" />
      {hours && (
        <>
          <p>
            {hours.inherited
              ? 'It follows the business’s hours:'
              : 'It has hours of its own, instead of the business’s:'}
          </p>
          <HoursSummary
            hours={hours}
            caption={hours.inherited ? 'The business’s hours' : 'Its own hours'}
          />
          {news && (
            <p role="status" className="ok">
              {news}
            </p>
          )}
          {hours.inherited && !editing ? (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setNews(null);
                setEditing(true);
              }}
            >
              Give it hours of its own
            </button>
          ) : (
            <ScheduleEditor
              key={round}
              idPrefix="resource-hours"
              initial={draftOf(hours)}
              timeZone={hours.timezone}
              saveLabel="Save its own hours"
              save={async (body) => {
                const answer = await send(
                  api.PUT('/api/resources/{id}/schedule', {
                    params: { path: { id: resource.id } },
                    body,
                  }),
                );
                if (answer.data) {
                  setNews(null);
                  setRound(round + 1);
                }
                return answer;
              }}
            >
              <button
                type="button"
                className="secondary"
                disabled={busy}
                onClick={() => (hours.inherited ? setEditing(false) : void follow())}
              >
                {hours.inherited
                  ? 'Keep following the business’s hours'
                  : 'Follow the business’s hours'}
              </button>
            </ScheduleEditor>
          )}
          {error && (
            <p role="alert" className="error">
              Could not change its hours: {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function DeleteSection({ resource }: { resource: Resource }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    const refusal = await deleted(
      api.DELETE('/api/resources/{id}', { params: { path: { id: resource.id } } }),
    );
    setBusy(false);
    if (refusal) setError(refusal);
    else navigate('/vendor/resources');
  };

  return (
    <section aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete</h2>
      {asking ? (
        <div role="group" aria-labelledby="delete-question" className="confirm">
          <p id="delete-question">
            Delete {resource.name}? Its upcoming bookings are cancelled and the customers refunded
            in full. This cannot be undone.
          </p>
          <div className="actions">
            <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
              Yes, delete {resource.name}
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              No, keep it
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="secondary" onClick={() => setAsking(true)}>
          Delete this resource
        </button>
      )}
      {error && (
        <p role="alert" className="error">
          Could not delete it: {error}
        </p>
      )}
    </section>
  );
}

/** One resource: its details and rules, its status, its own hours, and deleting it. */
export function ResourceEditScreen({
  business,
  id,
  query,
}: {
  business: Business;
  id: string;
  query: URLSearchParams;
}) {
  const [loaded] = useLoad(id, () => api.GET('/api/resources/{id}', { params: { path: { id } } }));
  const [changed, setChanged] = useState<Resource | null>(null);

  if (loaded.state !== 'done') {
    return (
      <>
        <Status loaded={loaded} what="this resource" />
        {loaded.state === 'failed' && (
          <p>
            <Link href="/vendor/resources">All resources</Link>
          </p>
        )}
      </>
    );
  }
  const resource = changed ?? loaded.value.data;
  return (
    <>
      <p className="lead">
        <strong>{resource.name}</strong> · <Link href="/vendor/resources">All resources</Link> ·{' '}
        <Link href={`/resources/${resource.id}`}>As customers see it</Link>
      </p>
      {query.has('created') && (
        <p role="status" className="ok">
          {resource.name} was created. Set its status or its own hours below.
        </p>
      )}
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Details and booking rules</h2>
        <ResourceForm business={business} resource={resource} onSaved={setChanged} />
      </section>
      <StatusSection business={business} resource={resource} onChange={setChanged} />
      <OwnHours resource={resource} />
      <DeleteSection resource={resource} />
    </>
  );
}
