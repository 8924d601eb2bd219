import type { BookingEventData } from '@slotwise/contracts';
import type { EventHandlerContext } from '@slotwise/platform/events';
import type { Logger } from '@slotwise/platform/logger';
import type {
  DeliveryRequest,
  NotificationDeliveryService,
} from '../../notifications/notification-delivery.service.js';
import type { BookingParty } from '../../templates/booking-cancelled.template.js';
import type { BookingMailInput } from '../../templates/booking-details.js';
import { resolveTimeZone } from '../../time/zoned-time.js';
import type { UserReadModelService } from '../../users/user-read-model.service.js';
import { UserNotInReadModelError } from '../../users/user.errors.js';
import type { UserRecord } from '../../users/user.repository.js';

/**
 * Booking events name both parties by id only. One the read model does not know yet is thrown, so
 * the transport retries (the `user.*` events are usually just behind) and dead-letters it in the
 * end, as for business events. Lookups come before any sending, so a retry never finds half sent.
 */
export async function requireUser(
  users: UserReadModelService,
  userId: string,
): Promise<UserRecord> {
  const user = await users.findById(userId);
  if (!user) throw new UserNotInReadModelError(userId);
  return user;
}

/**
 * Both parties of a booking, read in one query: `party(id)` is the user of that id, or throws as
 * `requireUser` does when the read model does not hold it.
 */
export async function bookingParties(
  users: UserReadModelService,
  booking: BookingEventData,
): Promise<(userId: string) => UserRecord> {
  const found = await users.findByIds([booking.userId, booking.vendorId]);
  return (userId) => {
    const user = found.get(userId);
    if (!user) throw new UserNotInReadModelError(userId);
    return user;
  };
}

/**
 * The customer and the vendor, each once: a vendor who booked their own resource is one person
 * and gets one mail (the customer's, which is the one that can carry the calendar file).
 */
export function distinctParties(
  booking: BookingEventData,
): { party: BookingParty; userId: string }[] {
  const parties = [
    { party: 'customer' as const, userId: booking.userId },
    { party: 'vendor' as const, userId: booking.vendorId },
  ];
  return parties.filter((p, index) => parties.findIndex((q) => q.userId === p.userId) === index);
}

/** "Grace Hopper (grace_h)", or the username alone when the user gave no name. */
export function displayName(user: Pick<UserRecord, 'firstName' | 'lastName' | 'username'>): string {
  const name = [user.firstName, user.lastName]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part.length > 0)
    .join(' ');
  return name ? `${name} (${user.username})` : user.username;
}

/**
 * The business's zone, or UTC when this runtime does not know it: a zone string the business
 * service accepted should not stop the mail; UTC is then named in it, so nobody is misled.
 */
export function bookingZone(booking: BookingEventData, logger: Logger): string {
  const zone = resolveTimeZone(booking.timezone);
  if (zone) return zone;
  logger.warn({ timezone: booking.timezone }, 'Unknown business time zone; times shown in UTC');
  return 'UTC';
}

export function mailInput(
  booking: BookingEventData,
  zone: string,
  recipient: UserRecord,
  customer: UserRecord,
): BookingMailInput {
  return {
    booking,
    zone,
    recipientFirstName: recipient.firstName,
    customerName: displayName(customer),
  };
}

/**
 * Sends the mails one event asks for. Each is tried even if another failed: one refused address
 * must not silence the other party. Their log rows are separate, so the retry that the thrown
 * first failure causes skips the ones already SENT.
 */
export async function deliverEach(
  delivery: NotificationDeliveryService,
  requests: readonly DeliveryRequest[],
  context: EventHandlerContext,
): Promise<void> {
  let failure: Error | undefined;
  for (const request of requests) {
    try {
      await delivery.deliver(request, context);
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error));
    }
  }
  if (failure !== undefined) throw failure;
}
