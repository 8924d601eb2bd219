import { userOtpRequestedData } from '@slotwise/contracts';
import { otpTemplateName, renderOtpMail } from '../../templates/otp.templates.js';
import {
  defineHandler,
  type HandlerDependencies,
  type NotificationEventHandler,
} from '../handler-registry.js';

/**
 * Emails a one-time code (verification, password reset, sign-in). The event names the recipient
 * itself, so the mail never waits for the read model. The code goes into the mail and nowhere
 * else: not the log table, not a log line.
 */
export function userOtpRequestedHandler({
  delivery,
  templates,
}: Pick<HandlerDependencies, 'delivery' | 'templates'>): NotificationEventHandler {
  return defineHandler(userOtpRequestedData, async (event, context) => {
    const { userId, email, firstName, purpose, otp } = event.data;
    const expiresAt = new Date(event.data.expiresAt);
    const mail = renderOtpMail(
      purpose,
      { firstName, otp, issuedAt: new Date(event.occurredAt), expiresAt },
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
