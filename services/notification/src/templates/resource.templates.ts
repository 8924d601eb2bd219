import { html } from './html.js';
import { actionLink, pageLinks } from './links.js';
import {
  greetingName,
  paragraphs,
  renderMail,
  type RenderedMail,
  type TemplateContext,
} from './template.js';

export interface ResourceMailInput {
  /** The owner's first name, from the user read model. */
  firstName: string | null;
  /** As the vendor typed it: escaped in the HTML like every other interpolated value. */
  resourceName: string;
}

/**
 * Sent to the business's owner when a resource goes into maintenance and the business keeps its
 * upcoming bookings (`maintenancePolicy` KEEP): nobody cancelled them, so the owner has to look.
 */
export function renderResourceMaintenanceKeptMail(
  input: ResourceMailInput,
  context: TemplateContext,
): RenderedMail {
  const lines = [
    greetingName(input.firstName),
    `${input.resourceName} is now in maintenance on ${context.productName}. New bookings of it are not taken until it is active again.`,
    'As your business chose, its upcoming bookings were kept: none was cancelled and their customers have not been told.',
    'If it cannot serve some of them, move them to other times or cancel them from your bookings list; their customers are told either way.',
  ];
  // The event names no booking, so no day: the bookings page opens at today.
  const bookings = pageLinks.vendorBookings(context);
  const link = `Open your bookings at ${bookings}`;
  const body = html`${paragraphs(lines)}
  ${actionLink(bookings, `Open your bookings on ${context.productName}`)}`;
  return renderMail(
    context,
    `${input.resourceName} is in maintenance: its upcoming bookings are kept`,
    {
      title: 'Upcoming bookings kept during maintenance',
      body,
      text: [lines[0] ?? '', '', ...lines.slice(1), '', link],
    },
  );
}
