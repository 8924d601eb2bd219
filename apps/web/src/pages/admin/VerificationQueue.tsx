import { api } from '../../api/client';
import { Status, useLoad } from '../../load';
import { Link } from '../../router';
import { BusinessCard } from './BusinessCard';
import { ActionStatus, useRowActions } from './rows';

/** The businesses waiting for an admin, the longest-waiting first: verify them or suspend them. */
export function VerificationQueue() {
  const actions = useRowActions();
  const [waiting, reload] = useLoad('queue', () =>
    api.GET('/api/businesses', {
      params: { query: { status: 'PENDING', sort: 'createdAt', limit: 100 } },
    }),
  );

  return (
    <>
      <ActionStatus actions={actions} />
      <Status loaded={waiting} what="the businesses waiting for verification" />
      {waiting.state === 'done' &&
        (waiting.value.data.length === 0 ? (
          <p>
            No business is waiting. <Link href="/admin/businesses">See all businesses</Link>.
          </p>
        ) : (
          <>
            <p className="muted">
              {waiting.value.meta.total === 1
                ? 'One business is waiting.'
                : `${waiting.value.meta.total} businesses are waiting.`}
            </p>
            <ul className="cards admin-list">
              {waiting.value.data.map((business) => (
                <BusinessCard
                  key={business.id}
                  business={business}
                  level={2}
                  actions={actions}
                  onChanged={reload}
                />
              ))}
            </ul>
          </>
        ))}
    </>
  );
}
