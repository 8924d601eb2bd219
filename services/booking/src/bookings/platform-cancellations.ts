import type { BookingChanges } from './booking-changes.service.js';
import type { BookingRepository } from './booking.repository.js';

const BATCH = 100;
/** Batches at most per call: a booking that keeps changing is left for the event's retry. */
const MAX_BATCHES = 10_000;

export type UpcomingScope = { businessId: string } | { resourceId: string } | { userId: string };

/**
 * The platform cancels the upcoming bookings of what went away (a business suspended or
 * deleted, a resource deleted or in maintenance, a customer suspended or deleted), a batch at a
 * time, each under its version guard. Run again (a redelivered event), it finds nothing left to
 * cancel: each booking is cancelled, refunded and mailed about once.
 */
export class PlatformCancellations {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly changes: BookingChanges,
  ) {}

  async cancelUpcoming(scope: UpcomingScope, reason: string, requestId?: string): Promise<number> {
    let cancelled = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
      const upcoming = await this.bookings.findUpcoming(scope, new Date(), BATCH);
      if (upcoming.length === 0) return cancelled;
      for (const booking of upcoming) {
        if (await this.changes.cancelByPlatform(booking, reason, {}, requestId)) cancelled += 1;
      }
    }
    throw new Error(`upcoming bookings of ${JSON.stringify(scope)} kept changing; retried later`);
  }
}
