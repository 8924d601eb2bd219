import { EventTypes, type ResourceEventData } from '@slotwise/contracts';
import { createEvent, type EventEnvelope } from '@slotwise/platform/events';
import type { ResourceRecord } from '../resources/resource.types.js';

/** The `resource.*` events: the resource as it is after the change, its version included. */
const event = (
  type: string,
  resource: ResourceRecord,
  requestId?: string,
): EventEnvelope<ResourceEventData> =>
  createEvent<ResourceEventData>({
    type,
    aggregateId: resource.id,
    version: resource.version,
    data: {
      id: resource.id,
      businessId: resource.businessId,
      name: resource.name,
      type: resource.type,
      status: resource.status,
      categoryId: resource.categoryId,
      price: resource.price,
      currency: resource.currency,
      priceUnit: resource.priceUnit,
    },
    ...(requestId ? { requestId } : {}),
  });

type ResourceEventFactory = (
  resource: ResourceRecord,
  requestId?: string,
) => EventEnvelope<ResourceEventData>;

export const ResourceEvents: Record<
  'created' | 'updated' | 'statusChanged' | 'deleted',
  ResourceEventFactory
> = {
  created: (resource, requestId) => event(EventTypes.resourceCreated, resource, requestId),
  updated: (resource, requestId) => event(EventTypes.resourceUpdated, resource, requestId),
  statusChanged: (resource, requestId) =>
    event(EventTypes.resourceStatusChanged, resource, requestId),
  deleted: (resource, requestId) => event(EventTypes.resourceDeleted, resource, requestId),
};
