import { businessEventData, businessStatusChangedData } from '@slotwise/contracts';
import {
  on,
  type ConsumedEvent,
  type EventEnvelope,
  type EventHandlerContext,
} from '@slotwise/platform/events';
import {
  renderBusinessSuspendedMail,
  renderBusinessVerifiedMail,
  type BusinessMailInput,
} from '../../templates/business.templates.js';
import type { RenderedMail, TemplateContext, TemplateName } from '../../templates/template.js';
import { TemplateNames } from '../../templates/template.js';
import { UserNotInReadModelError } from '../../users/user.errors.js';
import type { HandlerDependencies } from './handler-dependencies.js';

type Render = (input: BusinessMailInput, context: TemplateContext) => RenderedMail;

/**
 * Mails the business's owner. Business events carry the owner's id only, so the address comes from
 * the user read model; an owner it does not know yet is thrown as UserNotInReadModelError so the
 * transport retries (the vendor's `user.*` events are usually just behind) and, in the end,
 * dead-letters it where someone can look.
 */
async function mailOwner(
  { users, delivery, templates }: HandlerDependencies,
  event: EventEnvelope<{ ownerId: string; name: string }>,
  template: TemplateName,
  render: Render,
  context: EventHandlerContext,
): Promise<void> {
  const { ownerId, name } = event.data;
  const owner = await users.findById(ownerId);
  if (!owner) throw new UserNotInReadModelError(ownerId);
  const mail = render({ firstName: owner.firstName, businessName: name }, templates);
  await delivery.deliver(
    { event, userId: ownerId, template, mail: { to: owner.email, ...mail } },
    context,
  );
}

/** The business was verified by an administrator: it is live. */
export function businessVerifiedHandler(
  deps: HandlerDependencies,
): ConsumedEvent<typeof businessEventData> {
  return on(businessEventData, async (_data, event, context) => {
    await mailOwner(
      deps,
      event,
      TemplateNames.businessVerified,
      renderBusinessVerifiedMail,
      context,
    );
  });
}

/** Only a suspension is worth a mail; the owner made the other status changes themselves. */
export function businessStatusChangedHandler(
  deps: HandlerDependencies,
): ConsumedEvent<typeof businessStatusChangedData> {
  return on(businessStatusChangedData, async (data, event, context) => {
    const { status, previousStatus } = data;
    if (status !== 'SUSPENDED' || previousStatus === 'SUSPENDED') {
      context.logger.debug('Business status change that needs no mail; acknowledged');
      return;
    }
    await mailOwner(
      deps,
      event,
      TemplateNames.businessSuspended,
      renderBusinessSuspendedMail,
      context,
    );
  });
}
