import { api, type Business, type Resource } from '../../api/client';
import { Status, useLoad } from '../../load';
import { Link } from '../../router';
import { priceUnit } from '../BusinessPage';
import { resourceTypeLabel } from './ResourceForm';

export const RESOURCE_STATUS_WORDS: Record<Resource['status'], string> = {
  ACTIVE: 'Active: customers can book it',
  INACTIVE: 'Inactive: hidden from customers',
  MAINTENANCE: 'In maintenance: not bookable',
  DELETED: 'Deleted',
};

/** Every resource of the business, whatever its status, with a link to change it. */
export function ResourcesScreen({ business }: { business: Business }) {
  const [resources] = useLoad(business.id, () =>
    api.GET('/api/resources', {
      params: { query: { businessId: business.id, sort: 'name', limit: 100 } },
    }),
  );
  const [categories] = useLoad(business.id, () =>
    api.GET('/api/resources/categories', {
      params: { query: { businessId: business.id, limit: 100 } },
    }),
  );
  const categoryName = (id: string | null): string | undefined =>
    categories.state === 'done' ? categories.value.data.find((c) => c.id === id)?.name : undefined;

  return (
    <>
      <p>
        <Link href="/vendor/resources/new" className="button-link">
          Add a resource
        </Link>
      </p>
      <Status loaded={resources} what="your resources" />
      {resources.state === 'done' &&
        (resources.value.data.length === 0 ? (
          <p>No resources yet: add what customers can book, such as a room, a desk or a chair.</p>
        ) : (
          <>
            {resources.value.meta.total > resources.value.data.length && (
              <p className="muted">
                The first {resources.value.data.length} of {resources.value.meta.total}, by name.
              </p>
            )}
            <ul className="cards">
              {resources.value.data.map((resource) => (
                <li key={resource.id} className="card">
                  <h2>
                    <Link href={`/vendor/resources/${resource.id}`}>{resource.name}</Link>
                  </h2>
                  <p className="muted">
                    {resourceTypeLabel(resource.type)}
                    {resource.categoryId && categoryName(resource.categoryId)
                      ? ` · ${categoryName(resource.categoryId)}`
                      : ''}
                  </p>
                  <p>
                    {resource.price} {resource.currency} {priceUnit(resource.priceUnit)}
                  </p>
                  <p className={`resource-status status-${resource.status.toLowerCase()}`}>
                    {RESOURCE_STATUS_WORDS[resource.status]}
                  </p>
                </li>
              ))}
            </ul>
          </>
        ))}
    </>
  );
}
