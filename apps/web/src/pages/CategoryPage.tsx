import { api } from '../api/client';
import { Status, useLoad } from '../load';
import { Link } from '../router';
import { priceUnit } from './BusinessPage';
import { SlotBooker } from './SlotBooker';

/**
 * A room type (a category of resources): a slot is free when any of its resources is, and booking
 * it takes whichever is free; the booking then says which one.
 */
export function CategoryPage({ id }: { id: string }) {
  const [category] = useLoad(id, () =>
    api.GET('/api/resources/categories/{id}', { params: { path: { id } } }),
  );
  // The cheapest of its resources, and how many there are.
  const [units] = useLoad(id, () =>
    api.GET('/api/resources', { params: { query: { categoryId: id, sort: 'price', limit: 1 } } }),
  );

  if (category.state !== 'done') {
    return (
      <>
        <h1 tabIndex={-1}>Room type</h1>
        <Status loaded={category} what="this room type" />
      </>
    );
  }
  const c = category.value.data;
  const cheapest = units.state === 'done' ? units.value.data[0] : undefined;
  return (
    <>
      <h1 tabIndex={-1}>{c.name}</h1>
      <p className="muted">
        {cheapest && units.state === 'done' && (
          <>
            {units.value.meta.total} to choose from, from {cheapest.price} {cheapest.currency}{' '}
            {priceUnit(cheapest.priceUnit)} ·{' '}
          </>
        )}
        <Link href={`/businesses/${c.businessId}`}>About the business</Link>
      </p>
      {c.description && <p>{c.description}</p>}
      <p>Book a time and any free one of this type is yours: you will see which.</p>
      <SlotBooker target={{ categoryId: id }} what={`${c.name}, any free one`} />
    </>
  );
}
