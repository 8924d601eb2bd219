import type { NotificationDeliveryService } from '../../notifications/notification-delivery.service.js';
import type { TemplateContext } from '../../templates/template.js';
import type { UserReadModelService } from '../../users/user-read-model.service.js';

/** What the handlers are built from; each takes only the parts it uses. */
export interface HandlerDependencies {
  users: UserReadModelService;
  delivery: NotificationDeliveryService;
  templates: TemplateContext;
}
