import { userOtpRequestedData } from '@slotwise/contracts';
import { on, type ConsumedEvent } from '@slotwise/platform/events';
import { otpTemplateName, renderOtpMail } from '../../templates/otp.templates.js';
import type { HandlerDependencies } from './handler-dependencies.js';

/**
 * Emails a one-time code (verification, password reset, sign-in). The event names the recipient
 * itself, so the mail never waits for the read model. The code goes into the mail and nowhere
 * else: not the log table, not a log line.
 */
export function userOtpRequestedHandler({
  delivery,
  templates,
}: Pick<HandlerDependencies, 'delivery' | 'templates'>): ConsumedEvent<
  typeof userOtpRequestedData
> {
  return on(userOtpRequestedData, async (data, event, context) => {
    const { userId, email, firstName, purpose, otp } = data;
    const expiresAt = new Date(data.expiresAt);
    const mail = renderOtpMail(
      purpose,
      { email, firstName, otp, issuedAt: new Date(event.occurredAt), expiresAt },
      templates,
    );
    await delivery.deliver(
      {
        event,
        userId,
        template: otpTemplateName(purpose),
        mail: { to: email, ...mail },
        // A code that died while SMTP was down would only confuse; the user asks for a new one.
        notAfter: expiresAt,
      },
      context,
    );
  });
}
