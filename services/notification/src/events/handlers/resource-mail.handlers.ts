import { resourceEventData } from '@slotwise/contracts';
import { on, type ConsumedEvent } from '@slotwise/platform/events';
import { renderResourceMaintenanceKeptMail } from '../../templates/resource.templates.js';
import { TemplateNames } from '../../templates/template.js';
import { UserNotInReadModelError } from '../../users/user.errors.js';
import type { HandlerDependencies } from './handler-dependencies.js';

/**
 * A resource put in MAINTENANCE while its business keeps the upcoming bookings (KEEP): the owner is
 * warned, as nobody else will cancel or move them. Under CANCEL the booking service cancels them
 * and each customer gets that mail; every other status change needs no mail. The owner's address
 * comes from the user read model; one it does not know yet is thrown as UserNotInReadModelError so
 * the transport retries (the vendor's `user.*` events are usually just behind).
 */
export function resourceStatusChangedHandler({
  users,
  delivery,
  templates,
}: HandlerDependencies): ConsumedEvent<typeof resourceEventData> {
  return on(resourceEventData, async (data, event, context) => {
    const { status, maintenancePolicy, ownerId, name } = data;
    if (status !== 'MAINTENANCE' || maintenancePolicy !== 'KEEP' || !ownerId) {
      context.logger.debug('Resource status change that needs no mail; acknowledged');
      return;
    }
    const owner = await users.findById(ownerId);
    if (!owner) throw new UserNotInReadModelError(ownerId);
    const mail = renderResourceMaintenanceKeptMail(
      { firstName: owner.firstName, resourceName: name },
      templates,
    );
    await delivery.deliver(
      {
        event,
        userId: ownerId,
        template: TemplateNames.resourceMaintenanceKept,
        mail: { to: owner.email, ...mail },
      },
      context,
    );
  });
}
