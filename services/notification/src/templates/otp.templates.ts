import type { OtpPurpose } from '@slotwise/contracts';
import { html } from './html.js';
import { actionLink, pageLinks } from './links.js';
import {
  greetingName,
  paragraphs,
  renderMail,
  TemplateNames,
  type RenderedMail,
  type TemplateContext,
  type TemplateName,
} from './template.js';

export interface OtpMailInput {
  /** Where the mail goes: the page the code is entered on is opened for this address. */
  email: string;
  firstName: string | null;
  otp: string;
  /** When the code was requested, to say how long it lasts. */
  issuedAt: Date;
  expiresAt: Date;
}

interface OtpCopy {
  template: TemplateName;
  subject: (product: string) => string;
  title: string;
  intro: (product: string) => string;
  /** What to do if the reader did not ask for the code. */
  unrequested: string;
  /**
   * The page the code is entered on, with its link's words; none for a sign-in code, which
   * belongs to the sign-in already open in the reader's browser.
   */
  page?: { url: (context: TemplateContext, email: string) => string; label: string };
}

const COPY: Record<OtpPurpose, OtpCopy> = {
  EMAIL_VERIFICATION: {
    template: TemplateNames.emailVerification,
    subject: (product) => `Your ${product} verification code`,
    title: 'Verify your email address',
    intro: (product) =>
      `Use this code to verify your email address and activate your ${product} account:`,
    unrequested: 'If you did not create an account, you can ignore this email.',
    page: { url: pageLinks.verifyEmail, label: 'Enter the code on the verification page' },
  },
  PASSWORD_RESET: {
    template: TemplateNames.passwordReset,
    subject: (product) => `Your ${product} password reset code`,
    title: 'Reset your password',
    intro: (product) => `Use this code to choose a new password for your ${product} account:`,
    unrequested:
      'If you did not ask to reset your password, ignore this email: your password stays as it is.',
    page: { url: pageLinks.resetPassword, label: 'Choose a new password' },
  },
  TWO_FACTOR_AUTH: {
    template: TemplateNames.signInCode,
    subject: (product) => `Your ${product} sign-in code`,
    title: 'Your sign-in code',
    intro: (product) => `Use this code to finish signing in to ${product}:`,
    unrequested:
      'If you did not just try to sign in, someone may know your password: change it now.',
  },
};

export function otpTemplateName(purpose: OtpPurpose): TemplateName {
  return COPY[purpose].template;
}

/** The mail that carries a one-time code; the code appears in the bodies only, never the subject. */
export function renderOtpMail(
  purpose: OtpPurpose,
  input: OtpMailInput,
  context: TemplateContext,
): RenderedMail {
  const copy = COPY[purpose];
  const validity = describeValidity(input.issuedAt, input.expiresAt);
  const intro = copy.intro(context.productName);
  const page = copy.page && { url: copy.page.url(context, input.email), label: copy.page.label };
  const body = html`${paragraphs([greetingName(input.firstName), intro])}
    <p style="font-size:28px;font-weight:bold;letter-spacing:6px;margin:24px 0">${input.otp}</p>
    ${page ? actionLink(page.url, page.label) : []}
    ${paragraphs([validity, 'Never share this code with anyone.', copy.unrequested])}`;
  return renderMail(context, copy.subject(context.productName), {
    title: copy.title,
    body,
    text: [
      greetingName(input.firstName),
      '',
      intro,
      '',
      `    ${input.otp}`,
      '',
      ...(page ? [`${page.label}: ${page.url}`, ''] : []),
      validity,
      'Never share this code with anyone.',
      '',
      copy.unrequested,
    ],
  });
}

const UNTIL = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
});

function describeValidity(issuedAt: Date, expiresAt: Date): string {
  const until = `${UNTIL.format(expiresAt)} UTC`;
  const minutes = Math.round((expiresAt.getTime() - issuedAt.getTime()) / 60_000);
  return minutes >= 1
    ? `The code is valid for ${minutes} minute${minutes === 1 ? '' : 's'}, until ${until}.`
    : `The code is valid until ${until}.`;
}
