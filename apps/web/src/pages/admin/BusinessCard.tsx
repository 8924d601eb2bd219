import { api, type Business } from '../../api/client';
import { Link } from '../../router';
import { typeLabel } from '../HomePage';
import { ConfirmButton, Facts, formatDate, Refusal, Unseen, type RowActions } from './rows';

export const BUSINESS_STATUS: Record<Business['status'], string> = {
  PENDING: 'Waiting for verification',
  ACTIVE: 'Active',
  INACTIVE: 'Switched off by its owner',
  SUSPENDED: 'Suspended',
  DELETED: 'Deleted',
};

/**
 * One business with what an admin can do to it: verify it while it waits, suspend it (its upcoming
 * bookings are cancelled and refunded), restore a suspended one to ACTIVE. `onChanged` runs after
 * the API did it; a refusal stays next to the business.
 */
export function BusinessCard({
  business,
  level,
  actions,
  onChanged,
}: {
  business: Business;
  level: 2 | 3;
  actions: RowActions;
  onChanged: () => void;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const { id, name, status } = business;
  const busy = actions.busy !== null;
  const act = async (what: string, call: () => Promise<{ data?: unknown }>, success: string) => {
    if (await actions.run(id, what, call, success)) onChanged();
  };
  const setStatus = (to: 'ACTIVE' | 'SUSPENDED') =>
    api.PATCH('/api/businesses/{id}/status', { params: { path: { id } }, body: { status: to } });

  return (
    <li className="card admin-row">
      <Heading>
        <Link href={`/businesses/${id}`}>{name}</Link>
      </Heading>
      <Facts
        facts={[
          ['Type', typeLabel(business.type)],
          ['Status', BUSINESS_STATUS[status]],
          ['Verified', business.verifiedAt ? formatDate(business.verifiedAt) : 'No'],
          ['Address', business.address ?? '—'],
          ['Email', business.email ?? '—'],
          ['Registered', formatDate(business.createdAt)],
        ]}
      />
      <div className="admin-actions">
        {status === 'PENDING' && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void act(
                'verify',
                () =>
                  api.PATCH('/api/businesses/{id}/verify', { params: { path: { id } }, body: {} }),
                `${name} is verified and active.`,
              )
            }
          >
            Verify<Unseen> {name}</Unseen>
          </button>
        )}
        {status !== 'SUSPENDED' && status !== 'DELETED' && (
          <ConfirmButton
            label="Suspend"
            subject={name}
            consequence={`Suspend ${name}? It disappears from the catalog, and its upcoming bookings are cancelled and refunded.`}
            disabled={busy}
            onConfirm={() =>
              void act('suspend', () => setStatus('SUSPENDED'), `${name} is suspended.`)
            }
          />
        )}
        {status === 'SUSPENDED' && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() =>
              void act('restore', () => setStatus('ACTIVE'), `${name} is active again.`)
            }
          >
            Restore<Unseen> {name}</Unseen>
          </button>
        )}
      </div>
      <Refusal actions={actions} row={id} />
    </li>
  );
}
