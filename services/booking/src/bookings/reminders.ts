import { EventTypes } from '@slotwise/contracts';
import { bookingEvent } from './booking-events.js';
import type { BookingRepository } from './booking.repository.js';

const HOUR_MS = 3_600_000;

/**
 * The reminder a day before a CONFIRMED booking starts: each booking is marked and announced
 * (`booking.reminder_due`, which notification mails) in one statement, once, however many
 * runners look at the same time. A booking confirmed less than a day ahead is reminded at once.
 */
export class Reminders {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly aheadHours = 24,
  ) {}

  async sendDue(limit = 200): Promise<number> {
    const now = new Date();
    const due = await this.bookings.findReminderDue(
      now,
      new Date(now.getTime() + this.aheadHours * HOUR_MS),
      limit,
    );
    let sent = 0;
    for (const booking of due) {
      const event = bookingEvent(EventTypes.bookingReminderDue, booking, booking.status);
      if (await this.bookings.markReminded(booking, now, event)) sent += 1;
    }
    return sent;
  }
}
