import { html, type SafeHtml } from './html.js';

/** What every template may use besides its own input; from the service's config. */
export interface TemplateContext {
  productName: string;
  /** The gateway's public URL, without a trailing slash. */
  publicUrl: string;
  /** The bare address of MAIL_FROM: the ORGANIZER of calendar files. */
  senderAddress: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The names stored in `notifications.template`. Stable strings: operators query by them, so a
 * template that changes meaning gets a new name.
 */
export const TemplateNames = {
  emailVerification: 'otp.email_verification',
  passwordReset: 'otp.password_reset',
  signInCode: 'otp.two_factor_auth',
  welcome: 'user.welcome',
  businessVerified: 'business.verified',
  businessSuspended: 'business.suspended',
  /** To the business's owner on resource.status_changed to MAINTENANCE under the KEEP policy. */
  resourceMaintenanceKept: 'resource.maintenance_kept',
  /** To the vendor on booking.created: a request to confirm, or (auto-confirmed) a new booking. */
  bookingRequested: 'booking.requested',
  /** To the customer on booking.created PENDING: the business has yet to confirm. */
  bookingRequestReceived: 'booking.request_received',
  /** To the customer on booking.confirmed, or on booking.created CONFIRMED, with the .ics. */
  bookingConfirmed: 'booking.confirmed',
  // One event can mail both parties: the log keys rows by (eventId, template), so they differ.
  bookingCancelledToCustomer: 'booking.cancelled.customer',
  bookingCancelledToVendor: 'booking.cancelled.vendor',
  /** The vendor cancelled a PENDING booking: only the customer is told. */
  bookingDeclined: 'booking.declined',
  bookingExpiredToCustomer: 'booking.expired.customer',
  bookingExpiredToVendor: 'booking.expired.vendor',
  bookingRescheduledToCustomer: 'booking.rescheduled.customer',
  bookingRescheduledToVendor: 'booking.rescheduled.vendor',
  /** To the customer on booking.reminder_due: the booking starts within a day. */
  bookingReminder: 'booking.reminder',
  /** To the customer on payment.created: the checkout link (a new one on a retry). */
  paymentLink: 'payment.link',
  /** To the customer on payment.succeeded. */
  paymentReceipt: 'payment.receipt',
  /** To the customer on payment.failed, declined or expired (not when cancelled with its booking). */
  paymentFailed: 'payment.failed',
  /** To the customer on payment.refunded: this refund, and the total refunded so far. */
  paymentRefunded: 'payment.refunded',
} as const;

export type TemplateName = (typeof TemplateNames)[keyof typeof TemplateNames];

export function greetingName(firstName: string | null | undefined): string {
  const name = firstName?.trim();
  return name ? `Hi ${name},` : 'Hi,';
}

interface Layout {
  title: string;
  body: SafeHtml;
  /** Plain-text lines of the same message; blank strings become paragraph breaks. */
  text: string[];
}

/** Wraps a message in the shared HTML frame and plain-text footer. */
export function renderMail(
  context: TemplateContext,
  subject: string,
  layout: Layout,
): RenderedMail {
  const footer = `${context.productName} · ${context.publicUrl}`;
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${layout.title}</title>
      </head>
      <body
        style="margin:0;padding:24px;background:#f5f5f7;font-family:Arial,Helvetica,sans-serif;color:#1d1d1f"
      >
        <div
          style="max-width:520px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px"
        >
          <h1 style="font-size:20px;margin:0 0 16px">${layout.title}</h1>
          ${layout.body}
          <p style="margin-top:32px;font-size:12px;color:#6e6e73">
            <a href="${context.publicUrl}" style="color:#6e6e73">${context.productName}</a>
          </p>
        </div>
      </body>
    </html> `;
  return {
    subject,
    text: [...layout.text, '', '--', footer, ''].join('\n'),
    html: page.value,
  };
}

export function paragraphs(lines: string[]): SafeHtml[] {
  return lines.map((line) => html`<p style="font-size:15px;line-height:1.5">${line}</p>`);
}
