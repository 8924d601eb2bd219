import { serviceUnavailable } from '@slotwise/platform/errors';
import Stripe from 'stripe';
import { toMinor } from '@slotwise/contracts';
import {
  InvalidWebhookSignature,
  ProviderRefusedError,
  TransientProviderError,
  type CallOptions,
  type Checkout,
  type CheckoutInput,
  type PaymentProvider,
  type RefundInput,
  type WebhookEvent,
} from '../provider.js';

export interface StripeOptions {
  secretKey: string;
  webhookSecret: string | undefined;
  /** Where the customer lands after paying or giving up (the web app). */
  publicUrl: string;
  /** Another API endpoint than Stripe's (a local stand-in in tests); unset: Stripe's own. */
  host?: string | undefined;
  port?: number | undefined;
  protocol?: 'http' | 'https' | undefined;
  timeoutMs: number;
}

/** Currencies Stripe counts in whole units (no cents): https://docs.stripe.com/currencies. */
const ZERO_DECIMAL = new Set(
  'BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF'.split(' '),
);

/** Our two-decimal amount in the smallest unit Stripe counts for the currency. */
export function stripeAmount(amount: string, currency: string): number {
  const minor = toMinor(amount);
  if (!ZERO_DECIMAL.has(currency)) return Number(minor);
  if (minor % 100n !== 0n) {
    throw new ProviderRefusedError(`${currency} has no minor unit: ${amount} cannot be charged`);
  }
  return Number(minor / 100n);
}

/** Stripe's Checkout Sessions last 30 minutes to 24 hours. */
const MIN_SESSION_SEC = 31 * 60;
const MAX_SESSION_SEC = 23 * 60 * 60;

/**
 * Stripe, through its official SDK: a Checkout Session per checkout, refunds against its payment
 * intent, webhooks verified with `webhooks.constructEvent`. The SDK's own retries are off: the
 * caller retries (`callProvider`) with the same idempotency key, the same way for every provider.
 */
export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe' as const;
  private readonly stripe: Stripe;

  constructor(private readonly options: StripeOptions) {
    this.stripe = new Stripe(options.secretKey, {
      maxNetworkRetries: 0,
      timeout: options.timeoutMs,
      telemetry: false,
      ...(options.host ? { host: options.host } : {}),
      ...(options.port ? { port: options.port } : {}),
      ...(options.protocol ? { protocol: options.protocol } : {}),
    });
  }

  async createCheckout(input: CheckoutInput, { idempotencyKey }: CallOptions): Promise<Checkout> {
    const base = this.options.publicUrl.replace(/\/+$/, '');
    const now = Math.floor(Date.now() / 1000);
    const deadline = input.expiresAt ? Math.floor(input.expiresAt.getTime() / 1000) : null;
    const metadata = { paymentId: input.paymentId, bookingId: input.bookingId };
    const session = await this.call(() =>
      this.stripe.checkout.sessions.create(
        {
          mode: 'payment',
          client_reference_id: input.paymentId,
          metadata,
          payment_intent_data: { metadata },
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: input.currency.toLowerCase(),
                unit_amount: stripeAmount(input.amount, input.currency),
                product_data: { name: input.description.slice(0, 250) },
              },
            },
          ],
          success_url: `${base}/bookings/${input.bookingId}?payment=succeeded`,
          cancel_url: `${base}/bookings/${input.bookingId}?payment=cancelled`,
          // Stripe's bounds win; our own deadline is enforced by the payment's expiry.
          ...(deadline
            ? {
                expires_at: Math.min(
                  Math.max(deadline, now + MIN_SESSION_SEC),
                  now + MAX_SESSION_SEC,
                ),
              }
            : {}),
        },
        { idempotencyKey },
      ),
    );
    if (!session.url)
      throw new ProviderRefusedError('Stripe made a Checkout Session without a URL');
    return { providerRef: session.id, checkoutUrl: session.url };
  }

  async cancelCheckout(
    input: { providerRef: string },
    { idempotencyKey }: CallOptions,
  ): Promise<void> {
    try {
      await this.call(() =>
        this.stripe.checkout.sessions.expire(input.providerRef, {}, { idempotencyKey }),
      );
    } catch (error) {
      // Already complete or expired: nothing is left open to close.
      if (!(error instanceof ProviderRefusedError)) throw error;
    }
  }

  async refund(
    input: RefundInput,
    { idempotencyKey }: CallOptions,
  ): Promise<{ providerRef: string }> {
    const refund = await this.call(() =>
      this.stripe.refunds.create(
        {
          payment_intent: input.providerPaymentRef,
          amount: stripeAmount(input.amount, input.currency),
          reason: 'requested_by_customer',
          metadata: { paymentId: input.paymentId, refundId: input.refundId },
        },
        { idempotencyKey },
      ),
    );
    if (refund.status === 'failed' || refund.status === 'canceled') {
      throw new ProviderRefusedError(`Stripe refund ${refund.id} is ${refund.status}`);
    }
    return { providerRef: refund.id };
  }

  parseWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): WebhookEvent {
    const signature = headers['stripe-signature'];
    if (!this.options.webhookSecret || typeof signature !== 'string') {
      throw new InvalidWebhookSignature();
    }
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, signature, this.options.webhookSecret);
    } catch (error) {
      throw new InvalidWebhookSignature(undefined, { cause: error });
    }
    const ignored = { eventId: event.id, type: event.type, outcome: 'ignored' } as const;
    if (!event.type.startsWith('checkout.session.')) return ignored;
    const session = event.data.object as Stripe.Checkout.Session;
    const paymentId = session.client_reference_id ?? session.metadata?.paymentId ?? null;
    const intent =
      typeof session.payment_intent === 'string'
        ? session.payment_intent
        : (session.payment_intent?.id ?? null);
    const common = { eventId: event.id, type: event.type, paymentId, providerRef: session.id };
    const type: string = event.type;
    if (
      type === 'checkout.session.completed' ||
      type === 'checkout.session.async_payment_succeeded'
    ) {
      // `completed` with `unpaid`: a delayed method (a bank debit) whose outcome comes later.
      if (session.payment_status === 'unpaid' || !intent) return ignored;
      return { ...common, outcome: 'succeeded', providerPaymentRef: intent };
    }
    if (type === 'checkout.session.async_payment_failed') {
      return { ...common, outcome: 'failed', reason: 'DECLINED', error: 'The payment failed' };
    }
    if (type === 'checkout.session.expired') {
      return { ...common, outcome: 'failed', reason: 'EXPIRED', error: 'The checkout expired' };
    }
    return ignored;
  }

  /** Stripe's errors in our terms: worth another try, a refusal, or an outage (503). */
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeError)) throw error;
      const status = error.statusCode ?? 0;
      if (
        error instanceof Stripe.errors.StripeConnectionError ||
        error instanceof Stripe.errors.StripeRateLimitError ||
        error instanceof Stripe.errors.StripeAPIError ||
        status >= 500 ||
        status === 429
      ) {
        throw new TransientProviderError(`Stripe: ${error.message}`, { cause: error });
      }
      if (
        error instanceof Stripe.errors.StripeInvalidRequestError ||
        error instanceof Stripe.errors.StripeIdempotencyError ||
        error instanceof Stripe.errors.StripeCardError
      ) {
        throw new ProviderRefusedError(`Stripe: ${error.message}`, { cause: error });
      }
      // A key Stripe refuses (authentication, permission): no request can succeed until the
      // configuration is fixed, which is an outage of the provider for our clients.
      throw serviceUnavailable('payment-provider', 30, error);
    }
  }
}
