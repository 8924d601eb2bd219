import {
  businessStatusChangedData,
  businessSummary,
  EventTypes,
  paymentCreatedData,
  paymentFailedData,
  paymentRefundedData,
  paymentSucceededData,
  PlatformCancelReasons,
  resourceEventData,
  userDeletedData,
  userStatusChangedData,
  type BusinessSummary,
  type ResourceEventData,
} from '@slotwise/contracts';
import { defineConsumer, type Consumer } from '@slotwise/platform/events';
import type { PlatformCancellations } from '../bookings/platform-cancellations.js';
import type { BookingPayments } from '../payments/booking-payments.js';
import type { ResourceCatalog } from '../resources/resource-catalog.js';

/**
 * What booking does about other services' events, in one queue (`booking`). Every effect is
 * idempotent by the booking's own state and version (a cancelled booking is not cancelled again,
 * a payment event older than the one applied changes nothing), so no inbox is needed:
 * - `payment.*`: the booking's `paymentStatus`, confirmation when paid, release when declined;
 * - a business suspended or deleted, a resource deleted or put in maintenance (when its business
 *   chose CANCEL), a customer suspended or deleted: their upcoming bookings are cancelled by the
 *   platform (refunded in full, the customer told, through `booking.cancelled`);
 * - any change of a business or resource: the cached snapshots go, so the next booking or
 *   availability reads the new rules, hours and prices at once.
 */
export function bookingConsumer(deps: {
  payments: BookingPayments;
  cancellations: PlatformCancellations;
  catalog: ResourceCatalog;
}): Consumer {
  const { payments, cancellations, catalog } = deps;
  const businessChanged = {
    schema: businessSummary,
    handle: async (business: BusinessSummary) => catalog.forgetBusiness(business.id),
  };
  const resourceChanged = {
    schema: resourceEventData,
    handle: async (resource: ResourceEventData) => catalog.forgetResource(resource.id),
  };
  return defineConsumer({
    name: 'booking',
    events: {
      [EventTypes.paymentCreated]: {
        schema: paymentCreatedData,
        handle: (data, event) => payments.created({ data, version: event.version }),
      },
      [EventTypes.paymentSucceeded]: {
        schema: paymentSucceededData,
        handle: (data, event) =>
          payments.succeeded({ data, version: event.version }, event.requestId),
      },
      [EventTypes.paymentFailed]: {
        schema: paymentFailedData,
        handle: (data, event) =>
          payments.failed({ data, version: event.version, reason: data.reason }, event.requestId),
      },
      [EventTypes.paymentRefunded]: {
        schema: paymentRefundedData,
        handle: (data, event) => payments.refunded({ data, version: event.version }),
      },
      [EventTypes.businessStatusChanged]: {
        schema: businessStatusChangedData,
        handle: async (business, event, { logger }) => {
          catalog.forgetBusiness(business.id);
          if (business.status !== 'SUSPENDED') return;
          const cancelled = await cancellations.cancelUpcoming(
            { businessId: business.id },
            PlatformCancelReasons.businessSuspended,
            event.requestId,
          );
          logger.info({ cancelled }, 'Upcoming bookings of a suspended business cancelled');
        },
      },
      [EventTypes.businessDeleted]: {
        schema: businessSummary,
        handle: async (business, event, { logger }) => {
          catalog.forgetBusiness(business.id);
          const cancelled = await cancellations.cancelUpcoming(
            { businessId: business.id },
            PlatformCancelReasons.businessDeleted,
            event.requestId,
          );
          logger.info({ cancelled }, 'Upcoming bookings of a deleted business cancelled');
        },
      },
      [EventTypes.businessCreated]: businessChanged,
      [EventTypes.businessVerified]: businessChanged,
      [EventTypes.businessUpdated]: businessChanged,
      [EventTypes.businessScheduleChanged]: businessChanged,
      [EventTypes.resourceCreated]: resourceChanged,
      [EventTypes.resourceUpdated]: resourceChanged,
      [EventTypes.resourceStatusChanged]: {
        schema: resourceEventData,
        handle: async (resource, event, { logger }) => {
          catalog.forgetResource(resource.id);
          if (resource.status !== 'MAINTENANCE') return;
          // The business's choice when it happened (older senders: as it is now): cancel the
          // upcoming bookings, or keep them (notification warns the owner).
          const policy =
            resource.maintenancePolicy ??
            (await catalog.get(resource.id, event.requestId))?.business.maintenancePolicy;
          if (policy !== 'CANCEL') return;
          const cancelled = await cancellations.cancelUpcoming(
            { resourceId: resource.id },
            PlatformCancelReasons.resourceMaintenance,
            event.requestId,
          );
          logger.info({ cancelled }, 'Upcoming bookings of a resource in maintenance cancelled');
        },
      },
      [EventTypes.resourceDeleted]: {
        schema: resourceEventData,
        handle: async (resource, event, { logger }) => {
          catalog.forgetResource(resource.id);
          const cancelled = await cancellations.cancelUpcoming(
            { resourceId: resource.id },
            PlatformCancelReasons.resourceDeleted,
            event.requestId,
          );
          logger.info({ cancelled }, 'Upcoming bookings of a deleted resource cancelled');
        },
      },
      [EventTypes.userStatusChanged]: {
        schema: userStatusChangedData,
        handle: async (user, event, { logger }) => {
          if (user.status !== 'SUSPENDED') return;
          const cancelled = await cancellations.cancelUpcoming(
            { userId: user.userId },
            PlatformCancelReasons.userSuspended,
            event.requestId,
          );
          logger.info({ cancelled }, 'Upcoming bookings of a suspended customer cancelled');
        },
      },
      [EventTypes.userDeleted]: {
        schema: userDeletedData,
        handle: async (user, event, { logger }) => {
          const cancelled = await cancellations.cancelUpcoming(
            { userId: user.userId },
            PlatformCancelReasons.userDeleted,
            event.requestId,
          );
          logger.info({ cancelled }, 'Upcoming bookings of a deleted customer cancelled');
        },
      },
    },
    // Different bookings side by side; one payment's events always in order.
    concurrency: 4,
  });
}
