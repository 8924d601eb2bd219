import { html } from './html.js';
import { actionLink, pageLinks } from './links.js';
import {
  greetingName,
  paragraphs,
  renderMail,
  type RenderedMail,
  type TemplateContext,
} from './template.js';

export interface BusinessMailInput {
  /** The vendor's first name, from the user read model. */
  firstName: string | null;
  /** As the vendor typed it: escaped in the HTML like every other interpolated value. */
  businessName: string;
}

/** Sent when an administrator verifies the business: it is ACTIVE and customers can book it. */
export function renderBusinessVerifiedMail(
  input: BusinessMailInput,
  context: TemplateContext,
): RenderedMail {
  const lines = [
    greetingName(input.firstName),
    `Good news: ${input.businessName} is verified and now live on ${context.productName}.`,
    'Customers can find it and book what you publish. Add your rooms, appointment slots, chairs or desks to start taking bookings.',
  ];
  const dashboard = pageLinks.vendor(context);
  const link = `Manage your business at ${dashboard}`;
  const body = html`${paragraphs(lines)}
  ${actionLink(dashboard, `Manage your business on ${context.productName}`)}`;
  return renderMail(context, `${input.businessName} is verified and live`, {
    title: 'Your business is live',
    body,
    text: [lines[0] ?? '', '', ...lines.slice(1), '', link],
  });
}

/** Sent when an administrator suspends the business; only an administrator can lift it. */
export function renderBusinessSuspendedMail(
  input: BusinessMailInput,
  context: TemplateContext,
): RenderedMail {
  const lines = [
    greetingName(input.firstName),
    `An administrator has suspended ${input.businessName} on ${context.productName}.`,
    'While it is suspended, customers cannot find or book it, and it cannot be changed.',
    'If you think this is a mistake, contact the support team by replying to this email.',
  ];
  const dashboard = pageLinks.vendor(context);
  return renderMail(context, `${input.businessName} has been suspended`, {
    title: 'Your business is suspended',
    body: html`${paragraphs(lines)} ${actionLink(dashboard, 'See your business')}`,
    text: [lines[0] ?? '', '', ...lines.slice(1), '', `See your business at ${dashboard}`],
  });
}
