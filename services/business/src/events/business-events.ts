import {
  ALWAYS_OPEN,
  EventTypes,
  businessUpdatedEventType,
  type BusinessEventData,
  type BusinessScheduleChangedData,
  type BusinessStatus,
  type BusinessStatusChangedData,
  type BusinessSummary,
  type BusinessUpdatedData,
} from '@slotwise/contracts';
import { createEvent, type EventEnvelope } from '@slotwise/platform/events';
import type { BusinessRecord, ScheduledBusiness } from '../businesses/business.types.js';

/** What other services know of a business: the contract's summary, nothing more. */
export function toSummary(business: BusinessRecord): BusinessSummary {
  return {
    id: business.id,
    name: business.name,
    ownerId: business.ownerId,
    status: business.status,
    isVerified: business.isVerified,
    timezone: business.timezone,
    confirmationWindowMinutes: business.confirmationWindowMinutes,
    paymentMode: business.paymentMode,
    cancellationPolicy: { ...business.cancellationPolicy },
    maintenancePolicy: business.maintenancePolicy,
  };
}

/** The `business.*` events, built from the business as it is after the change (version included). */
const event = <T extends object>(
  type: string,
  business: BusinessRecord,
  data: T,
  requestId?: string,
): EventEnvelope<T> =>
  createEvent<T>({
    type,
    aggregateId: business.id,
    version: business.version,
    data,
    ...(requestId ? { requestId } : {}),
  });

export const BusinessEvents = {
  created: (business: BusinessRecord, requestId?: string): EventEnvelope<BusinessEventData> =>
    event(EventTypes.businessCreated, business, toSummary(business), requestId),

  updated: (
    business: BusinessRecord,
    changedBy: string,
    requestId?: string,
  ): EventEnvelope<BusinessUpdatedData> =>
    event(businessUpdatedEventType, business, { ...toSummary(business), changedBy }, requestId),

  verified: (business: BusinessRecord, requestId?: string): EventEnvelope<BusinessEventData> =>
    event(EventTypes.businessVerified, business, toSummary(business), requestId),

  statusChanged: (
    business: BusinessRecord,
    previousStatus: BusinessStatus,
    changedBy: string,
    requestId?: string,
  ): EventEnvelope<BusinessStatusChangedData> =>
    event(
      EventTypes.businessStatusChanged,
      business,
      { ...toSummary(business), previousStatus, changedBy },
      requestId,
    ),

  /** The whole schedule after the change (removed: open around the clock), so nothing is fetched. */
  scheduleChanged: (
    business: ScheduledBusiness,
    changedBy: string,
    requestId?: string,
  ): EventEnvelope<BusinessScheduleChangedData> =>
    event(
      EventTypes.businessScheduleChanged,
      business,
      { ...toSummary(business), schedule: business.schedule ?? ALWAYS_OPEN, changedBy },
      requestId,
    ),

  deleted: (business: BusinessRecord, requestId?: string): EventEnvelope<BusinessEventData> =>
    event(EventTypes.businessDeleted, business, toSummary(business), requestId),
};
