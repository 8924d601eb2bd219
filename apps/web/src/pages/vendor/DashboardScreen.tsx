import type { Business } from '../../api/client';
import { api } from '../../api/client';
import { Status, useLoad } from '../../load';
import { Link } from '../../router';
import { typeLabel } from '../HomePage';
import { bookingsBetween, STATUS_WORDS, STATUSES } from './bookings';
import { statusWords } from './business';
import { addDays, longDate, startOfDay, todayIn } from './calendar';

const SCREENS = [
  { href: '/vendor/bookings', label: 'Bookings', what: 'confirm, check in and complete them' },
  {
    href: '/vendor/resources',
    label: 'Resources',
    what: 'what customers book, its price and rules',
  },
  { href: '/vendor/categories', label: 'Categories', what: 'group resources, such as room types' },
  { href: '/vendor/hours', label: 'Opening hours', what: 'your week, holidays and exceptions' },
  { href: '/vendor/policies', label: 'Policies', what: 'payment, cancellations, maintenance' },
  { href: '/vendor/profile', label: 'Profile', what: 'name, contact details, time zone, status' },
];

function TodaysBookings({ business }: { business: Business }) {
  const today = todayIn(business.timezone);
  const [bookings] = useLoad(`${business.id}|${today}`, () =>
    bookingsBetween(
      business.id,
      startOfDay(today, business.timezone),
      startOfDay(addDays(today, 1), business.timezone),
    ),
  );
  return (
    <section aria-labelledby="today-heading" className="panel">
      <h2 id="today-heading">Today, {longDate(today)}</h2>
      <Status loaded={bookings} what="today's bookings" />
      {bookings.state === 'done' && (
        <>
          <p>
            <strong>{bookings.value.length}</strong>{' '}
            {bookings.value.length === 1 ? 'booking' : 'bookings'} today ({business.timezone} time).
          </p>
          {bookings.value.length > 0 && (
            <dl className="counts">
              {STATUSES.map((status) => {
                const count = bookings.value.filter((b) => b.status === status).length;
                return count === 0 ? null : (
                  <div key={status}>
                    <dt>{STATUS_WORDS[status]}</dt>
                    <dd>{count}</dd>
                  </div>
                );
              })}
            </dl>
          )}
          <p>
            <Link href={`/vendor/bookings?view=day&date=${today}`}>See today's bookings</Link>
          </p>
        </>
      )}
    </section>
  );
}

function ResourceStats({ business }: { business: Business }) {
  const [stats] = useLoad(business.id, () =>
    api.GET('/api/resources/stats', { params: { query: { businessId: business.id } } }),
  );
  return (
    <section aria-labelledby="stats-heading" className="panel">
      <h2 id="stats-heading">Resources</h2>
      <Status loaded={stats} what="the resource figures" />
      {stats.state === 'done' &&
        (() => {
          const s = stats.value.data;
          return (
            <>
              <p>
                <strong>{s.total}</strong> {s.total === 1 ? 'resource' : 'resources'}:{' '}
                {s.byStatus.ACTIVE} active, {s.byStatus.INACTIVE} inactive, {s.byStatus.MAINTENANCE}{' '}
                in maintenance.
              </p>
              {Object.entries(s.priceByCurrency).map(([currency, price]) => (
                <p key={currency}>
                  Prices in {currency}: from {price.min} to {price.max}, {price.avg} on average.
                </p>
              ))}
              {s.byCategory.length > 0 && (
                <dl className="counts">
                  {s.byCategory.map((category) => (
                    <div key={category.categoryId ?? 'none'}>
                      <dt>{category.name ?? 'No category'}</dt>
                      <dd>{category.count}</dd>
                    </div>
                  ))}
                </dl>
              )}
              <p>
                <Link href="/vendor/resources/new">Add a resource</Link>
              </p>
            </>
          );
        })()}
    </section>
  );
}

/** The vendor's home: the business's status, today's bookings, the resources, every screen. */
export function DashboardScreen({ business }: { business: Business }) {
  return (
    <>
      <section aria-labelledby="business-heading" className="panel">
        <h2 id="business-heading">{business.name}</h2>
        <p className="muted">
          {typeLabel(business.type)} · times in {business.timezone}
        </p>
        <p role="status" className={`business-status status-${business.status.toLowerCase()}`}>
          {statusWords(business)}
        </p>
      </section>
      <div className="panels">
        <TodaysBookings business={business} />
        <ResourceStats business={business} />
      </div>
      <section aria-labelledby="manage-heading">
        <h2 id="manage-heading">Manage</h2>
        <ul className="cards">
          {SCREENS.map((screen) => (
            <li key={screen.href} className="card">
              <h3>
                <Link href={screen.href}>{screen.label}</Link>
              </h3>
              <p className="muted">{screen.what}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
