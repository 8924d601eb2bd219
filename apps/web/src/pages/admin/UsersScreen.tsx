import { useState, type FormEvent } from 'react';
import { api, type User } from '../../api/client';
import { Status, useLoad } from '../../load';
import { navigate } from '../../router';
import {
  ActionStatus,
  ConfirmButton,
  Facts,
  formatDate,
  listHref,
  pageOf,
  Pager,
  Refusal,
  Unseen,
  useRowActions,
  type RowActions,
} from './rows';

const ROLE: Record<User['role'], string> = {
  CUSTOMER: 'Customer',
  VENDOR: 'Vendor',
  ADMIN: 'Administrator',
};
const USER_STATUS: Record<User['status'], string> = {
  ACTIVE: 'Active',
  SUSPENDED: 'Suspended',
  PENDING_VERIFICATION: 'Email not verified yet',
  DELETED: 'Deleted',
};
const PAGE_SIZE = 50;

/**
 * One account with what an admin can do to it: suspend it (its sessions end and its upcoming
 * bookings are cancelled), restore a suspended one. One's own account is left alone (the API
 * refuses that too).
 */
function UserCard({
  user,
  isMe,
  actions,
  onChanged,
}: {
  user: User;
  isMe: boolean;
  actions: RowActions;
  onChanged: () => void;
}) {
  const { id, username } = user;
  const busy = actions.busy !== null;
  const setStatus = async (to: 'ACTIVE' | 'SUSPENDED', what: string, success: string) => {
    const call = () =>
      api.PATCH('/api/auth/users/{id}/status', { params: { path: { id } }, body: { status: to } });
    if (await actions.run(id, what, call, success)) onChanged();
  };
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');

  return (
    <li className="card admin-row">
      <h3>{username}</h3>
      <Facts
        facts={[
          ['Email', user.email],
          ['Name', name || '—'],
          ['Role', ROLE[user.role]],
          ['Status', USER_STATUS[user.status]],
          ['Last signed in', user.lastLoginAt ? formatDate(user.lastLoginAt) : 'Never'],
          ['Joined', formatDate(user.createdAt)],
        ]}
      />
      <div className="admin-actions">
        {isMe && <p className="muted">This is you.</p>}
        {!isMe && user.status !== 'SUSPENDED' && user.status !== 'DELETED' && (
          <ConfirmButton
            label="Suspend"
            subject={username}
            consequence={`Suspend ${username}? They are signed out everywhere at once, and their upcoming bookings are cancelled.`}
            disabled={busy}
            onConfirm={() => void setStatus('SUSPENDED', 'suspend', `${username} is suspended.`)}
          />
        )}
        {!isMe && user.status === 'SUSPENDED' && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void setStatus('ACTIVE', 'restore', `${username} is active again.`)}
          >
            Restore<Unseen> {username}</Unseen>
          </button>
        )}
      </div>
      <Refusal actions={actions} row={id} />
    </li>
  );
}

/** Every account, with role and status filters and a search, all in the address. */
export function UsersScreen({ query, me }: { query: URLSearchParams; me: string }) {
  const role = (query.get('role') ?? '') as User['role'] | '';
  const status = (query.get('status') ?? '') as User['status'] | '';
  const search = query.get('search') ?? '';
  const page = pageOf(query);
  const [draft, setDraft] = useState({ role, status, search });
  const actions = useRowActions();
  const [found, reload] = useLoad(`${role}|${status}|${search}|${page}`, () =>
    api.GET('/api/auth/users', {
      params: {
        query: {
          page,
          limit: PAGE_SIZE,
          ...(role ? { role } : {}),
          ...(status ? { status } : {}),
          ...(search ? { search } : {}),
        },
      },
    }),
  );
  const filters = { role, status, search };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(listHref('/admin/users', { ...draft, search: draft.search.trim() }));
  };

  return (
    <>
      <form role="search" aria-label="Users" onSubmit={submit} className="search">
        <div className="field">
          <label htmlFor="admin-user-role">Role</label>
          <select
            id="admin-user-role"
            value={draft.role}
            onChange={(e) => setDraft({ ...draft, role: e.target.value as User['role'] | '' })}
          >
            <option value="">Any role</option>
            {Object.entries(ROLE).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="admin-user-status">Status</label>
          <select
            id="admin-user-status"
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: e.target.value as User['status'] | '' })}
          >
            <option value="">Any status</option>
            {Object.entries(USER_STATUS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="admin-user-search">Name, email or username</label>
          <input
            id="admin-user-search"
            type="search"
            maxLength={100}
            value={draft.search}
            onChange={(e) => setDraft({ ...draft, search: e.target.value })}
          />
        </div>
        <button type="submit">Filter</button>
      </form>
      <section aria-labelledby="admin-results">
        <h2 id="admin-results">
          {found.state === 'done' ? `Users (${found.value.meta.total})` : 'Users'}
        </h2>
        <ActionStatus actions={actions} />
        <Status loaded={found} what="users" />
        {found.state === 'done' &&
          (found.value.data.length === 0 ? (
            <p>No user matches these filters.</p>
          ) : (
            <>
              <ul className="cards admin-list">
                {found.value.data.map((user) => (
                  <UserCard
                    key={user.id}
                    user={user}
                    isMe={user.id === me}
                    actions={actions}
                    onChanged={reload}
                  />
                ))}
              </ul>
              <Pager meta={found.value.meta} hrefOf={(n) => listHref('/admin/users', filters, n)} />
            </>
          ))}
      </section>
    </>
  );
}
