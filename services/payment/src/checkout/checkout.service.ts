import { notFound } from '@slotwise/platform/errors';
import type { Store } from '../db/store.repository.js';
import { PaymentErrors } from '../payment.errors.js';
import { requireCustomer, visibleOr404 } from '../payments/payment-access.js';
import type { Caller, PaymentRecord, PaymentWithAttempts } from '../payments/payment.types.js';
import { SimulatedProvider } from '../providers/simulated/simulated.provider.js';

/** What the simulated checkout page shows. */
export interface CheckoutView {
  payment: PaymentRecord;
  /** Pay and Decline are offered. */
  payable: boolean;
  /** Why not, for the page: paid, declined, expired, cancelled, or an earlier checkout. */
  state: 'open' | 'paid' | 'failed' | 'expired' | 'cancelled' | 'replaced';
}

function viewOf(payment: PaymentRecord, sessionRef: string, now: Date): CheckoutView {
  const state: CheckoutView['state'] =
    payment.providerRef !== sessionRef
      ? 'replaced'
      : payment.cancelledAt
        ? 'cancelled'
        : payment.status === 'PENDING'
          ? payment.expiresAt && payment.expiresAt <= now
            ? 'expired'
            : 'open'
          : payment.status === 'FAILED'
            ? payment.failureReason === 'EXPIRED'
              ? 'expired'
              : 'failed'
            : 'paid';
  return { payment, payable: state === 'open', state };
}

/**
 * The simulated provider's checkout, served by the payment service: the page at the checkout URL
 * and what its buttons do, plus `POST /api/payments/:id/simulate`, the same for scripts. Paying
 * goes through the provider, which reports the outcome through the webhook path (see
 * `SimulatedProvider`): nothing here changes a payment itself.
 */
export class CheckoutService {
  constructor(
    private readonly store: Store,
    private readonly simulated: SimulatedProvider,
  ) {}

  /** The page of a checkout session; null for a session that does not exist. */
  async view(sessionRef: string, now = new Date()): Promise<CheckoutView | null> {
    if (!SimulatedProvider.isSessionRef(sessionRef)) return null;
    const { payments } = this.store.repos;
    // The session the payment waits on, else an earlier one of it (replaced by a retry).
    let payment = await payments.findByProviderRef('simulated', sessionRef);
    if (!payment) {
      const paymentId = await this.simulated.paymentOfSession(sessionRef);
      payment = paymentId ? await payments.findById(paymentId) : null;
    }
    return payment && viewOf(payment, sessionRef, now);
  }

  /** Pay or Decline on the page; a session no longer open is shown as it is, unchanged. */
  async act(sessionRef: string, action: 'pay' | 'decline'): Promise<CheckoutView | null> {
    const view = await this.view(sessionRef);
    if (!view?.payable) return view;
    await this.simulated.complete(
      { providerRef: sessionRef, paymentId: view.payment.id, amount: view.payment.amount },
      action === 'pay' ? 'succeed' : 'decline',
    );
    return this.view(sessionRef);
  }

  /** `POST /api/payments/:id/simulate`: the payment's customer, while it can be paid. */
  async simulate(
    caller: Caller,
    paymentId: string,
    outcome: 'succeed' | 'decline',
  ): Promise<PaymentWithAttempts> {
    const payment = visibleOr404(caller, await this.store.repos.payments.findById(paymentId));
    requireCustomer(caller, payment, false);
    if (payment.provider !== 'simulated') {
      throw PaymentErrors.create(
        'INVALID_STATUS_TRANSITION',
        `This payment is made through ${payment.provider}, not the simulated provider`,
      );
    }
    const view = viewOf(payment, payment.providerRef, new Date());
    if (!view.payable) {
      throw PaymentErrors.create(
        'INVALID_STATUS_TRANSITION',
        `This payment cannot be paid now (${view.state})`,
      );
    }
    await this.simulated.complete(
      { providerRef: payment.providerRef, paymentId, amount: payment.amount },
      outcome,
    );
    const after = await this.store.repos.payments.findWithAttempts(paymentId);
    if (!after) throw notFound('Payment');
    return after;
  }
}
