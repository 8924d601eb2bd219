import {
  paymentCreatedData,
  paymentFailedData,
  paymentRefundedData,
  paymentSucceededData,
  type PaymentEventData,
} from '@slotwise/contracts';
import {
  on,
  type ConsumedEvent,
  type EventEnvelope,
  type EventHandlerContext,
} from '@slotwise/platform/events';
import {
  renderPaymentFailedMail,
  renderPaymentLinkMail,
  renderPaymentReceiptMail,
  renderPaymentRefundedMail,
  type PaymentMailInput,
} from '../../templates/payment.templates.js';
import {
  TemplateNames,
  type RenderedMail,
  type TemplateContext,
  type TemplateName,
} from '../../templates/template.js';
import { requireUser } from './booking-mail.shared.js';
import type { HandlerDependencies } from './handler-dependencies.js';

type Render<T extends PaymentEventData> = (
  input: PaymentMailInput<T>,
  context: TemplateContext,
) => RenderedMail;

/**
 * Mails the customer who pays. Payment events name them by id only: the address comes from the
 * user read model, and one it does not know yet is thrown so the transport retries, as for
 * booking events. Sent once per event by its delivery log row, retried while SMTP fails.
 */
async function mailCustomer<T extends PaymentEventData>(
  { users, delivery, templates }: HandlerDependencies,
  event: EventEnvelope<T>,
  template: TemplateName,
  render: Render<T>,
  context: EventHandlerContext,
): Promise<void> {
  const payment = event.data;
  const customer = await requireUser(users, payment.userId);
  const mail = render({ payment, recipientFirstName: customer.firstName }, templates);
  await delivery.deliver(
    { event, userId: customer.id, template, mail: { to: customer.email, ...mail } },
    context,
  );
}

/** A payment waits: the checkout link (a new one when a failed payment is retried). */
export function paymentCreatedHandler(
  deps: HandlerDependencies,
): ConsumedEvent<typeof paymentCreatedData> {
  return on(paymentCreatedData, async (_data, event, context) => {
    await mailCustomer(deps, event, TemplateNames.paymentLink, renderPaymentLinkMail, context);
  });
}

/** The provider took the money: a receipt. */
export function paymentSucceededHandler(
  deps: HandlerDependencies,
): ConsumedEvent<typeof paymentSucceededData> {
  return on(paymentSucceededData, async (_data, event, context) => {
    await mailCustomer(
      deps,
      event,
      TemplateNames.paymentReceipt,
      renderPaymentReceiptMail,
      context,
    );
  });
}

/**
 * Declined or expired: the customer is told it did not go through. A payment CANCELLED with its
 * booking gets no mail: the booking's cancellation mail has said enough.
 */
export function paymentFailedHandler(
  deps: HandlerDependencies,
): ConsumedEvent<typeof paymentFailedData> {
  return on(paymentFailedData, async (data, event, context) => {
    if (data.reason === 'CANCELLED') {
      context.logger.debug('Payment cancelled with its booking; nothing to send');
      return;
    }
    await mailCustomer(deps, event, TemplateNames.paymentFailed, renderPaymentFailedMail, context);
  });
}

/** A refund went through: how much now, and how much of the payment in all. */
export function paymentRefundedHandler(
  deps: HandlerDependencies,
): ConsumedEvent<typeof paymentRefundedData> {
  return on(paymentRefundedData, async (_data, event, context) => {
    await mailCustomer(
      deps,
      event,
      TemplateNames.paymentRefunded,
      renderPaymentRefundedMail,
      context,
    );
  });
}
