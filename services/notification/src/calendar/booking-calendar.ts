import { isRepeatedLocalTime, localDateTime } from '../time/zoned-time.js';
import { escapeText, formatLocal, formatUtc, quoteParam, serializeLines } from './ics-text.js';
import { vtimezoneLines } from './vtimezone.js';

export interface BookingCalendarInput {
  /**
   * PUBLISH puts the booking in the calendar, and again with new times when it is rescheduled
   * (same UID, higher `sequence`: the calendar replaces what it holds); CANCEL takes it out
   * again, matched by its UID, and must carry a higher `sequence` than every PUBLISH before it.
   */
  method: 'PUBLISH' | 'CANCEL';
  bookingId: string;
  /** The booking's aggregate version: a later update of the same UID must carry a higher one. */
  sequence: number;
  /** When this calendar object was made; the event's time, so a resend is byte-identical. */
  stamp: Date;
  start: Date;
  end: Date;
  /** A canonical IANA zone (see resolveTimeZone): the business's. */
  zone: string;
  summary: string;
  location: string;
  description: string;
  organizer: { name: string; email: string };
  productName: string;
}

const UTC_ZONES = new Set(['UTC', 'Etc/UTC']);

/**
 * A DATE-TIME property in the business's wall-clock time with its TZID, so calendars keep the
 * appointment at 09:00 in the business's zone. Two exceptions are written in UTC, which is
 * exact too: a UTC business, and a time in a DST fold's second pass, which a TZID local time
 * would place an hour early (RFC 5545 reads repeated local times as the first).
 */
function dateTime(name: string, instant: Date, zone: string): string {
  if (UTC_ZONES.has(zone) || isRepeatedLocalTime(instant, zone)) {
    return `${name}:${formatUtc(instant)}`;
  }
  return `${name};TZID=${zone}:${formatLocal(localDateTime(instant, zone))}`;
}

/**
 * The .ics of a booking: one VEVENT. A confirmation attaches it with METHOD:PUBLISH, rather than
 * REQUEST because the booking is already agreed: REQUEST would have calendars offer
 * accept/decline and send the reply to an address nobody reads. A reschedule of a confirmed
 * booking publishes the same UID again with its new times and a higher SEQUENCE, which a calendar
 * takes as the newer version of the event it holds. A cancellation of a confirmed booking attaches
 * the same event with METHOD:CANCEL and STATUS:CANCELLED (RFC 5546 §3.2.5), so the calendar that
 * took the first one removes it.
 */
export function buildBookingCalendar(input: BookingCalendarInput): string {
  const start = dateTime('DTSTART', input.start, input.zone);
  const end = dateTime('DTEND', input.end, input.zone);
  const usesTzid = start.includes(';TZID=') || end.includes(';TZID=');
  return serializeLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${escapeText(input.productName)}//Booking notifications//EN`,
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
    // RFC 5545 §3.2.19: every TZID used needs its VTIMEZONE in the same object.
    ...(usesTzid ? vtimezoneLines(input.zone, input.start, input.end) : []),
    'BEGIN:VEVENT',
    `UID:${input.bookingId}@slotwise`,
    `DTSTAMP:${formatUtc(input.stamp)}`,
    `SEQUENCE:${input.sequence}`,
    start,
    end,
    `SUMMARY:${escapeText(input.summary)}`,
    `LOCATION:${escapeText(input.location)}`,
    `DESCRIPTION:${escapeText(input.description)}`,
    `ORGANIZER;CN=${quoteParam(input.organizer.name)}:mailto:${input.organizer.email}`,
    input.method === 'CANCEL' ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ]);
}
