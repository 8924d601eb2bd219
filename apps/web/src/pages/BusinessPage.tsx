import { api } from '../api/client';
import { Status, useLoad } from '../load';
import { Link } from '../router';
import { typeLabel } from './HomePage';

const DAYS = [
  ['MON', 'Monday'],
  ['TUE', 'Tuesday'],
  ['WED', 'Wednesday'],
  ['THU', 'Thursday'],
  ['FRI', 'Friday'],
  ['SAT', 'Saturday'],
  ['SUN', 'Sunday'],
] as const;

interface Hours {
  timezone: string;
  weekly: Partial<Record<(typeof DAYS)[number][0], string[][]>> | null;
}

function OpeningHours({ schedule }: { schedule: Hours }) {
  if (!schedule.weekly) return <p>Open around the clock.</p>;
  const weekly = schedule.weekly;
  return (
    <table className="hours">
      <caption>Opening hours ({schedule.timezone} time)</caption>
      <tbody>
        {DAYS.map(([key, day]) => {
          const intervals = weekly[key] ?? [];
          return (
            <tr key={key}>
              <th scope="row">{day}</th>
              <td>
                {intervals.length === 0
                  ? 'Closed'
                  : intervals.map(([from, to]) => `${from ?? ''}–${to ?? ''}`).join(', ')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function BusinessPage({ id }: { id: string }) {
  const [business] = useLoad(id, () =>
    api.GET('/api/businesses/{id}', { params: { path: { id } } }),
  );
  const [schedule] = useLoad(id, () =>
    api.GET('/api/businesses/{id}/schedule', { params: { path: { id } } }),
  );
  const [resources] = useLoad(id, () =>
    api.GET('/api/resources', { params: { query: { businessId: id, limit: 100 } } }),
  );
  const [categories] = useLoad(id, () =>
    api.GET('/api/resources/categories', { params: { query: { businessId: id, limit: 100 } } }),
  );

  if (business.state !== 'done') {
    return (
      <>
        <h1 tabIndex={-1}>Business</h1>
        <Status loaded={business} what="this business" />
      </>
    );
  }
  const b = business.value.data;
  return (
    <>
      <h1 tabIndex={-1}>{b.name}</h1>
      <p className="muted">
        {typeLabel(b.type)}
        {b.address ? ` · ${b.address}` : ''} · times in {b.timezone}
      </p>
      {b.description && <p>{b.description}</p>}
      <Status loaded={categories} what="the room types" />
      {categories.state === 'done' && categories.value.data.length > 0 && (
        <section aria-labelledby="categories-heading">
          <h2 id="categories-heading">{b.type === 'HOTEL' ? 'Room types' : 'Categories'}</h2>
          <ul className="cards">
            {categories.value.data.map((category) => (
              <li key={category.id} className="card">
                <h3>
                  <Link href={`/categories/${category.id}`}>{category.name}</Link>
                </h3>
                {category.description && <p>{category.description}</p>}
                <p className="muted">Book a time, and any free one is yours.</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="resources-heading">
        <h2 id="resources-heading">What you can book</h2>
        <Status loaded={resources} what="what this business offers" />
        {resources.state === 'done' &&
          (resources.value.data.length === 0 ? (
            <p>Nothing can be booked here yet.</p>
          ) : (
            <ul className="cards">
              {resources.value.data.map((resource) => (
                <li key={resource.id} className="card">
                  <h3>
                    <Link href={`/resources/${resource.id}`}>{resource.name}</Link>
                  </h3>
                  <p className="muted">
                    {resource.price} {resource.currency} {priceUnit(resource.priceUnit)}
                  </p>
                  {resource.description && <p>{resource.description}</p>}
                </li>
              ))}
            </ul>
          ))}
      </section>
      <section aria-labelledby="hours-heading">
        <h2 id="hours-heading">Opening hours</h2>
        <Status loaded={schedule} what="the opening hours" />
        {schedule.state === 'done' && <OpeningHours schedule={schedule.value.data} />}
      </section>
    </>
  );
}

export function priceUnit(unit: string): string {
  switch (unit) {
    case 'PER_HOUR':
      return 'an hour';
    case 'PER_DAY':
      return 'a day';
    case 'PER_NIGHT':
      return 'a night';
    default:
      return 'a booking';
  }
}
