import { useState, type FormEvent } from 'react';
import { api, type Business } from '../../api/client';
import { Status, useLoad } from '../../load';
import { navigate } from '../../router';
import { BUSINESS_STATUS, BusinessCard } from './BusinessCard';
import { ActionStatus, listHref, pageOf, Pager, useRowActions } from './rows';

type BusinessStatus = Business['status'];
const STATUSES = Object.keys(BUSINESS_STATUS) as BusinessStatus[];
const PAGE_SIZE = 50;

/** Every business, whatever its status, with a status filter and a name search in the address. */
export function BusinessesScreen({ query }: { query: URLSearchParams }) {
  const status = (query.get('status') ?? '') as BusinessStatus | '';
  const search = query.get('search') ?? '';
  const page = pageOf(query);
  const [draftStatus, setDraftStatus] = useState(status);
  const [draftSearch, setDraftSearch] = useState(search);
  const actions = useRowActions();
  const [found, reload] = useLoad(`${status}|${search}|${page}`, () =>
    api.GET('/api/businesses', {
      params: {
        query: {
          page,
          limit: PAGE_SIZE,
          sort: 'name',
          ...(status ? { status } : {}),
          ...(search ? { search } : {}),
        },
      },
    }),
  );
  const filters = { status, search };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(listHref('/admin/businesses', { status: draftStatus, search: draftSearch.trim() }));
  };

  return (
    <>
      <form role="search" aria-label="Businesses" onSubmit={submit} className="search">
        <div className="field">
          <label htmlFor="admin-business-status">Status</label>
          <select
            id="admin-business-status"
            value={draftStatus}
            onChange={(e) => setDraftStatus(e.target.value as BusinessStatus | '')}
          >
            <option value="">Any status</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {BUSINESS_STATUS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="admin-business-search">Name</label>
          <input
            id="admin-business-search"
            type="search"
            maxLength={100}
            value={draftSearch}
            onChange={(e) => setDraftSearch(e.target.value)}
          />
        </div>
        <button type="submit">Filter</button>
      </form>
      <section aria-labelledby="admin-results">
        <h2 id="admin-results">
          {found.state === 'done' ? `Businesses (${found.value.meta.total})` : 'Businesses'}
        </h2>
        <ActionStatus actions={actions} />
        <Status loaded={found} what="businesses" />
        {found.state === 'done' &&
          (found.value.data.length === 0 ? (
            <p>No business matches these filters.</p>
          ) : (
            <>
              <ul className="cards admin-list">
                {found.value.data.map((business) => (
                  <BusinessCard
                    key={business.id}
                    business={business}
                    level={3}
                    actions={actions}
                    onChanged={reload}
                  />
                ))}
              </ul>
              <Pager
                meta={found.value.meta}
                hrefOf={(n) => listHref('/admin/businesses', filters, n)}
              />
            </>
          ))}
      </section>
    </>
  );
}
