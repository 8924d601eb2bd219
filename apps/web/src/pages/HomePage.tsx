import { useState, type FormEvent } from 'react';
import { api, type Business } from '../api/client';
import { Status, useLoad } from '../load';
import { Link, navigate, useLocation } from '../router';

const TYPES: { value: Business['type']; label: string }[] = [
  { value: 'HOTEL', label: 'Hotel' },
  { value: 'CLINIC', label: 'Clinic' },
  { value: 'SALON', label: 'Salon' },
  { value: 'CO_WORKING', label: 'Co-working' },
  { value: 'OTHER', label: 'Other' },
];

export const typeLabel = (type: string): string =>
  TYPES.find((t) => t.value === type)?.label ?? type;

/**
 * Home: find a business by type, name and city (the search is in the address, so it can be
 * shared).
 */
export function HomePage() {
  const { query } = useLocation();
  const type = (query.get('type') ?? '') as Business['type'] | '';
  const search = query.get('search') ?? '';
  const city = query.get('city') ?? '';
  const [draftType, setDraftType] = useState(type);
  const [draftSearch, setDraftSearch] = useState(search);
  const [draftCity, setDraftCity] = useState(city);
  const [found] = useLoad(`${type}|${search}|${city}`, () =>
    api.GET('/api/businesses', {
      params: {
        query: {
          limit: 50,
          ...(type ? { type } : {}),
          ...(search ? { search } : {}),
          ...(city ? { city } : {}),
        },
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draftType) next.set('type', draftType);
    if (draftSearch.trim()) next.set('search', draftSearch.trim());
    if (draftCity.trim()) next.set('city', draftCity.trim());
    const qs = next.toString();
    navigate(qs ? `/?${qs}` : '/');
  };

  return (
    <>
      <h1 tabIndex={-1}>Find a business</h1>
      <form role="search" aria-label="Businesses" onSubmit={submit} className="search">
        <div className="field">
          <label htmlFor="search-type">Type</label>
          <select
            id="search-type"
            value={draftType}
            onChange={(e) => setDraftType(e.target.value as Business['type'] | '')}
          >
            <option value="">Any type</option>
            {TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-name">Name</label>
          <input
            id="search-name"
            type="search"
            value={draftSearch}
            onChange={(e) => setDraftSearch(e.target.value)}
            maxLength={100}
          />
        </div>
        <div className="field">
          <label htmlFor="search-city">City</label>
          <input
            id="search-city"
            type="search"
            value={draftCity}
            onChange={(e) => setDraftCity(e.target.value)}
            maxLength={100}
            autoComplete="address-level2"
          />
        </div>
        <button type="submit">Search</button>
      </form>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">Businesses</h2>
        <Status loaded={found} what="businesses" />
        {found.state === 'done' &&
          (found.value.data.length === 0 ? (
            <p>No business matches this search.</p>
          ) : (
            <ul className="cards">
              {found.value.data.map((business) => (
                <li key={business.id} className="card">
                  <h3>
                    <Link href={`/businesses/${business.id}`}>{business.name}</Link>
                  </h3>
                  <p className="muted">
                    {typeLabel(business.type)}
                    {business.address ? ` · ${business.address}` : ''}
                  </p>
                  {business.description && <p>{business.description}</p>}
                </li>
              ))}
            </ul>
          ))}
      </section>
    </>
  );
}
