import type { UserRole } from '@slotwise/contracts';
import { html } from './html.js';
import { actionLink, pageLinks } from './links.js';
import {
  greetingName,
  paragraphs,
  renderMail,
  type RenderedMail,
  type TemplateContext,
} from './template.js';

export interface WelcomeMailInput {
  firstName: string | null;
  username: string;
  role: UserRole;
}

const NEXT_STEP: Record<UserRole, string> = {
  CUSTOMER: 'You can now find a business and book a room, an appointment, a chair or a desk.',
  VENDOR:
    'You can now create your business. Once an administrator has verified it, you can publish the resources customers book.',
  ADMIN: 'Your administrator account is ready.',
};

/** Sent once the email address is verified and the account is active. */
export function renderWelcomeMail(input: WelcomeMailInput, context: TemplateContext): RenderedMail {
  const lines = [
    greetingName(input.firstName),
    `Your email address is verified and your ${context.productName} account (${input.username}) is active.`,
    NEXT_STEP[input.role],
  ];
  const signInUrl = pageLinks.signIn(context);
  const signIn = `Sign in at ${signInUrl}`;
  const body = html`${paragraphs(lines)}
  ${actionLink(signInUrl, `Sign in to ${context.productName}`)}`;
  return renderMail(context, `Welcome to ${context.productName}`, {
    title: `Welcome to ${context.productName}`,
    body,
    text: [lines[0] ?? '', '', ...lines.slice(1), '', signIn],
  });
}
