import { userVerifiedData } from '@slotwise/contracts';
import { on, type ConsumedEvent } from '@slotwise/platform/events';
import { TemplateNames } from '../../templates/template.js';
import { renderWelcomeMail } from '../../templates/welcome.template.js';
import type { HandlerDependencies } from './handler-dependencies.js';
import { logOutcome } from './user-read-model.handlers.js';

/** Verification activates the account: the read model learns it, and the user gets a welcome. */
export function userVerifiedHandler({
  users,
  delivery,
  templates,
}: HandlerDependencies): ConsumedEvent<typeof userVerifiedData> {
  return on(userVerifiedData, async (data, event, context) => {
    const { userId, email, username, firstName, lastName, role } = data;
    const profile = { email, username, firstName, lastName, role };
    // First, and in its own transaction: a retry caused by SMTP finds it done and skips it.
    const change = { kind: 'profile', profile, status: 'ACTIVE' } as const;
    logOutcome(context.logger, await users.apply(event, userId, change));

    const mail = renderWelcomeMail({ firstName, username, role }, templates);
    await delivery.deliver(
      { event, userId, template: TemplateNames.welcome, mail: { to: email, ...mail } },
      context,
    );
  });
}
