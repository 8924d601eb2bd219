import type { BookingEventData } from '@slotwise/contracts';
import { formatTimeRange } from '../time/time-range.js';
import { html, type SafeHtml } from './html.js';

/** What every booking mail is built from; names come from the user read model. */
export interface BookingMailInput {
  booking: BookingEventData;
  /** The business's zone, already checked (resolveTimeZone): every time is shown in it. */
  zone: string;
  /** The first name of whoever this mail goes to. */
  recipientFirstName: string | null;
  /** How the customer is named to the vendor: "Grace Hopper (grace_h)", or the username. */
  customerName: string;
}

export function bookingStart(input: BookingMailInput): Date {
  return new Date(input.booking.startTime);
}

/** The facts of the booking, as label and value, the same in every booking mail. */
export function bookingFacts(input: BookingMailInput): [string, string][] {
  const { booking, zone } = input;
  const when = formatTimeRange(new Date(booking.startTime), new Date(booking.endTime), zone);
  const notes = booking.notes?.trim();
  return [
    ['What', `${booking.resourceName} at ${booking.businessName}`],
    ['When', when],
    ['Total', `${booking.totalPrice} ${booking.currency}`],
    ...(notes ? [['Notes', notes] as [string, string]] : []),
    ['Booking reference', booking.bookingId],
  ];
}

export function factsText(facts: [string, string][]): string[] {
  return facts.map(([label, value]) => `${label}: ${value}`);
}

export function factsHtml(facts: [string, string][]): SafeHtml {
  const rows = facts.map(
    ([label, value]) =>
      html`<tr>
        <td style="padding:2px 16px 2px 0;color:#6e6e73;vertical-align:top">${label}</td>
        <td style="padding:2px 0;white-space:pre-wrap">${value}</td>
      </tr>`,
  );
  return html`<table style="font-size:15px;line-height:1.5;border-collapse:collapse;margin:16px 0">
    ${rows}
  </table>`;
}
