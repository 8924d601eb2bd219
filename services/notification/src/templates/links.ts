import type { BookingEventData } from '@slotwise/contracts';
import { localDateTime, resolveTimeZone } from '../time/zoned-time.js';
import { html, type SafeHtml } from './html.js';
import type { TemplateContext } from './template.js';

/**
 * Where mails send their reader: the web app's pages, as the app's routes name them (the gateway
 * serves the app at PUBLIC_URL). Every link of every mail is built here, so that a page that
 * moves is changed in one place.
 */
export const pageLinks = {
  signIn: ({ publicUrl }: TemplateContext): string => `${publicUrl}/sign-in`,
  verifyEmail: ({ publicUrl }: TemplateContext, email: string): string =>
    `${publicUrl}/verify-email?email=${encodeURIComponent(email)}`,
  resetPassword: ({ publicUrl }: TemplateContext, email: string): string =>
    `${publicUrl}/reset-password?email=${encodeURIComponent(email)}`,
  /** One booking, as its customer sees it: details, payment, cancel and reschedule. */
  booking: ({ publicUrl }: TemplateContext, bookingId: string): string =>
    `${publicUrl}/bookings/${encodeURIComponent(bookingId)}`,
  resource: ({ publicUrl }: TemplateContext, resourceId: string): string =>
    `${publicUrl}/resources/${encodeURIComponent(resourceId)}`,
  business: ({ publicUrl }: TemplateContext, businessId: string): string =>
    `${publicUrl}/businesses/${encodeURIComponent(businessId)}`,
  /** The vendor's dashboard. */
  vendor: ({ publicUrl }: TemplateContext): string => `${publicUrl}/vendor`,
  /** The vendor's bookings of one day (`YYYY-MM-DD`), or of today when no day is known. */
  vendorBookings: ({ publicUrl }: TemplateContext, date?: string): string =>
    `${publicUrl}/vendor/bookings?view=day${date ? `&date=${date}` : ''}`,
};

/**
 * The day a booking starts on its business's calendar (`YYYY-MM-DD`): the day the vendor's
 * bookings page opens at. Undefined when the business's zone is one this runtime does not know:
 * a day counted in another zone could be the wrong one, and the page then opens at today.
 */
export function bookingLocalDate(booking: BookingEventData): string | undefined {
  const zone = resolveTimeZone(booking.timezone);
  if (!zone) return undefined;
  const { year, month, day } = localDateTime(new Date(booking.startTime), zone);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The vendor's bookings on the day this booking starts. */
export function vendorBookingsOf(booking: BookingEventData, context: TemplateContext): string {
  return pageLinks.vendorBookings(context, bookingLocalDate(booking));
}

/** A mail's call to action: one link on a line of its own. */
export function actionLink(url: string, label: string): SafeHtml {
  return html`<p style="font-size:15px"><a href="${url}">${label}</a></p>`;
}
