import type { PaymentFailureReason, PaymentProviderName } from '@slotwise/contracts';

/**
 * What the payment service needs from a payment provider. Every call that makes the provider do
 * something carries an idempotency key: the same key twice does the work once and answers the
 * same, so a call whose answer was lost can be made again without a second charge or refund.
 */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** Opens a checkout (a page of the provider's) for one payment. */
  createCheckout(input: CheckoutInput, options: CallOptions): Promise<Checkout>;
  /** Closes an open checkout so it can no longer be paid (its booking was cancelled). */
  cancelCheckout(
    input: { providerRef: string; paymentId: string },
    options: CallOptions,
  ): Promise<void>;
  /** Gives back `amount` of what was charged. */
  refund(input: RefundInput, options: CallOptions): Promise<{ providerRef: string }>;
  /**
   * Verifies a webhook's signature over its exact bytes and says what it means. Throws
   * `InvalidWebhookSignature` when it does not verify.
   */
  parseWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): WebhookEvent;
}

export interface CallOptions {
  idempotencyKey: string;
}

export interface CheckoutInput {
  paymentId: string;
  bookingId: string;
  /** Decimal string, two decimals. */
  amount: string;
  currency: string;
  /** What the customer is paying for, as the checkout page shows it. */
  description: string;
  /** When the checkout should stop taking payment; null: no deadline of ours. */
  expiresAt: Date | null;
}

export interface Checkout {
  /** The provider's checkout session id. */
  providerRef: string;
  checkoutUrl: string;
}

export interface RefundInput {
  paymentId: string;
  refundId: string;
  /** What the provider charged (`Payment.providerPaymentRef`). */
  providerPaymentRef: string;
  amount: string;
  currency: string;
  reason: string;
}

/** What a verified webhook says, in the payment service's terms. */
export type WebhookEvent =
  | {
      eventId: string;
      type: string;
      outcome: 'succeeded';
      /** Our payment id, as we gave it to the provider; null if the event does not carry it. */
      paymentId: string | null;
      providerRef: string;
      providerPaymentRef: string;
    }
  | {
      eventId: string;
      type: string;
      outcome: 'failed';
      paymentId: string | null;
      providerRef: string;
      reason: Extract<PaymentFailureReason, 'DECLINED' | 'EXPIRED'>;
      error: string | null;
    }
  /** Verified, but nothing a payment cares about (a Stripe event type we do not use). */
  | { eventId: string; type: string; outcome: 'ignored' };

/** Worth trying again with the same idempotency key: the network, a 5xx, a rate limit. */
export class TransientProviderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientProviderError';
  }
}

/** The provider said no, and will say it again: a bad request, a refund it does not allow. */
export class ProviderRefusedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderRefusedError';
  }
}

export class InvalidWebhookSignature extends Error {
  constructor(message = 'The webhook signature does not verify', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidWebhookSignature';
  }
}

/** The providers this process can use, by name: new payments go to `current`. */
export interface ProviderRegistry {
  current: PaymentProvider;
  get(name: string): PaymentProvider | undefined;
}

export function providerRegistry(
  current: PaymentProvider,
  others: readonly PaymentProvider[],
): ProviderRegistry {
  const byName = new Map<string, PaymentProvider>(
    [current, ...others].map((provider) => [provider.name, provider]),
  );
  return { current, get: (name) => byName.get(name) };
}
