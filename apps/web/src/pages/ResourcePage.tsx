import { api } from '../api/client';
import { Status, useLoad } from '../load';
import { Link } from '../router';
import { priceUnit } from './BusinessPage';
import { SlotBooker } from './SlotBooker';

/**
 * A resource and the week of its free slots, in the business's time zone. A customer books a slot
 * in two clicks: the slot, then "Book".
 */
export function ResourcePage({ id }: { id: string }) {
  const [resource] = useLoad(id, () =>
    api.GET('/api/resources/{id}', { params: { path: { id } } }),
  );

  if (resource.state !== 'done') {
    return (
      <>
        <h1 tabIndex={-1}>Book</h1>
        <Status loaded={resource} what="this resource" />
      </>
    );
  }
  const r = resource.value.data;
  return (
    <>
      <h1 tabIndex={-1}>{r.name}</h1>
      <p className="muted">
        {r.price} {r.currency} {priceUnit(r.priceUnit)} ·{' '}
        <Link href={`/businesses/${r.businessId}`}>About the business</Link>
      </p>
      {r.description && <p>{r.description}</p>}
      <SlotBooker target={{ resourceId: id }} what={r.name} />
    </>
  );
}
