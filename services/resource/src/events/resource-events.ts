import { EventTypes, type ResourceEventData } from '@slotwise/contracts';
import { createEvent, type EventEnvelope } from '@slotwise/platform/events';
import type { BusinessRecord } from '../businesses/business.repository.js';
import type { ResourceRecord } from '../resources/resource.types.js';

/** The `resource.*` events: the resource as it is after the change, its version included. */
const event = (
  type: string,
  resource: ResourceRecord,
  requestId?: string,
  extra: Pick<ResourceEventData, 'ownerId' | 'maintenancePolicy'> = {},
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
      ...extra,
    },
    ...(requestId ? { requestId } : {}),
  });

type ResourceEventFactory = (
  resource: ResourceRecord,
  requestId?: string,
) => EventEnvelope<ResourceEventData>;

export const ResourceEvents: Record<'created' | 'updated' | 'deleted', ResourceEventFactory> & {
  /** With the owner and, into MAINTENANCE, the business's maintenance policy. */
  statusChanged: (
    resource: ResourceRecord,
    business: Pick<BusinessRecord, 'ownerId' | 'maintenancePolicy'>,
    requestId?: string,
  ) => EventEnvelope<ResourceEventData>;
} = {
  created: (resource, requestId) => event(EventTypes.resourceCreated, resource, requestId),
  updated: (resource, requestId) => event(EventTypes.resourceUpdated, resource, requestId),
  statusChanged: (resource, business, requestId) =>
    event(EventTypes.resourceStatusChanged, resource, requestId, {
      ownerId: business.ownerId,
      ...(resource.status === 'MAINTENANCE'
        ? { maintenancePolicy: business.maintenancePolicy }
        : {}),
    }),
  deleted: (resource, requestId) => event(EventTypes.resourceDeleted, resource, requestId),
};
