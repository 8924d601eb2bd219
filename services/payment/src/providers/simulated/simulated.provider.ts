import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sleep } from '@slotwise/platform/events';
import { z } from 'zod';
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
import type { SimulatedLedgerRepository } from './simulated-ledger.repository.js';

/**
 * The `simulated` provider: no money moves, but it behaves like a real one on every path that
 * matters, so the local default exercises the same code as Stripe does.
 *
 * - Its checkout page is served by the payment service (`checkout/`), at a capability URL: the
 *   session id is 192 random bits and the only thing the page needs, so the URL works without a
 *   sign-in (like a provider's hosted page) and keeps working across restarts.
 * - Paying or declining there (or `POST /api/payments/:id/simulate`) does not change the payment
 *   directly: the provider signs an event with `SIMULATED_WEBHOOK_SECRET` and delivers it to the
 *   webhook handler, the very code a provider's HTTP webhook reaches. Duplicates, order and
 *   signatures are thus handled once, for every provider.
 * - Its record of what it did (`simulated_provider_ledger`) is keyed by the call's idempotency
 *   key, so a call repeated after a lost answer does nothing twice, as with a real provider.
 * - Configurable to decline above an amount, to be slow, and to fail transiently at a rate. A
 *   transient failure happens after the work was done (the answer is "lost"): the hardest case
 *   for a caller, which only idempotency keys make safe.
 */

export const SIMULATED_SIGNATURE_HEADER = 'x-simulated-signature';
const SIGNATURE_TOLERANCE_SEC = 300;
const SESSION_REF = /^sim_cs_[A-Za-z0-9_-]{32}$/;

export interface SimulatedOptions {
  publicUrl: string;
  webhookSecret: string;
  /** Decline a payment above this amount (a decimal string); null: never. */
  declineAbove: string | null;
  delayMs: number;
  failureRate: number;
  random?: () => number;
}

/** Where the provider delivers its events: the payment service's webhook handler. */
export type Deliver = (
  rawBody: Buffer,
  headers: Record<string, string | string[] | undefined>,
) => Promise<unknown>;

const simulatedEvent = z.object({
  id: z.string().min(1).max(255),
  type: z.enum(['checkout.succeeded', 'checkout.declined']),
  paymentId: z.uuid(),
  sessionId: z.string().regex(SESSION_REF),
  chargeId: z.string().nullable(),
  error: z.string().nullable(),
  created: z.number().int(),
});

const reference = (prefix: string): string => `${prefix}${randomBytes(24).toString('base64url')}`;

export class SimulatedProvider implements PaymentProvider {
  readonly name = 'simulated' as const;
  private readonly random: () => number;
  private deliver: Deliver | undefined;

  constructor(
    private readonly ledger: SimulatedLedgerRepository,
    private readonly options: SimulatedOptions,
  ) {
    this.random = options.random ?? Math.random;
  }

  /** Set once the webhook handler exists (it needs the providers; the providers need it). */
  connect(deliver: Deliver): void {
    this.deliver = deliver;
  }

  static isSessionRef(value: string): boolean {
    return SESSION_REF.test(value);
  }

  checkoutUrlOf(sessionRef: string): string {
    return `${this.options.publicUrl.replace(/\/+$/, '')}/api/payments/checkout/${sessionRef}`;
  }

  async createCheckout(input: CheckoutInput, { idempotencyKey }: CallOptions): Promise<Checkout> {
    await this.slow();
    const entry = await this.ledger.recordOnce({
      idempotencyKey,
      operation: 'CHECKOUT',
      reference: reference('sim_cs_'),
      paymentId: input.paymentId,
      amount: input.amount,
    });
    this.maybeLoseTheAnswer('createCheckout');
    return { providerRef: entry.reference, checkoutUrl: this.checkoutUrlOf(entry.reference) };
  }

  /** The payment a session of this provider's was opened for (an earlier one's included). */
  paymentOfSession(sessionRef: string): Promise<string | null> {
    return this.ledger.paymentOfCheckout(sessionRef);
  }

  /** Nothing to close: the page asks the payment service whether the payment is still payable. */
  async cancelCheckout(): Promise<void> {
    await this.slow();
  }

  async refund(
    input: RefundInput,
    { idempotencyKey }: CallOptions,
  ): Promise<{ providerRef: string }> {
    await this.slow();
    // The same key again: the refund that call made, not a new one.
    const earlier = await this.ledger.find(idempotencyKey);
    if (!earlier) {
      const { charged, refunded } = await this.ledger.totals(input.paymentId);
      if (toMinor(refunded) + toMinor(input.amount) > toMinor(charged)) {
        throw new ProviderRefusedError(
          'The simulated provider refuses to refund more than it charged',
        );
      }
    }
    const done =
      earlier ??
      (await this.ledger.recordOnce({
        idempotencyKey,
        operation: 'REFUND',
        reference: reference('sim_re_'),
        paymentId: input.paymentId,
        amount: input.amount,
      }));
    this.maybeLoseTheAnswer('refund');
    return { providerRef: done.reference };
  }

  /**
   * What paying (`succeed`) or declining on the checkout page does: charge (once per session),
   * then deliver the signed outcome to the webhook handler and wait for it to be applied.
   */
  async complete(
    session: { providerRef: string; paymentId: string; amount: string },
    requested: 'succeed' | 'decline',
  ): Promise<void> {
    if (!this.deliver) throw new Error('the simulated provider is not connected to its webhook');
    await this.slow();
    const limit = this.options.declineAbove;
    const overLimit = limit !== null && toMinor(session.amount) > toMinor(limit);
    const pay = requested === 'succeed' && !overLimit;
    const charge = pay
      ? await this.ledger.recordOnce({
          idempotencyKey: `charge:${session.providerRef}`,
          operation: 'CHARGE',
          reference: reference('sim_ch_'),
          paymentId: session.paymentId,
          amount: session.amount,
        })
      : null;
    const body = JSON.stringify({
      id: `sim_evt_${session.providerRef}_${pay ? 'succeeded' : 'declined'}`,
      type: pay ? 'checkout.succeeded' : 'checkout.declined',
      paymentId: session.paymentId,
      sessionId: session.providerRef,
      chargeId: charge?.reference ?? null,
      error: pay
        ? null
        : overLimit
          ? `Declined: the amount is above ${limit} (SIMULATED_DECLINE_ABOVE)`
          : 'Declined by the customer',
      created: Math.floor(Date.now() / 1000),
    } satisfies z.input<typeof simulatedEvent>);
    await this.deliver(Buffer.from(body), { [SIMULATED_SIGNATURE_HEADER]: this.sign(body) });
  }

  parseWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): WebhookEvent {
    const header = headers[SIMULATED_SIGNATURE_HEADER];
    if (typeof header !== 'string') throw new InvalidWebhookSignature('No signature header');
    const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
    const timestamp = Number(parts.get('t'));
    const given = Buffer.from(parts.get('v1') ?? '', 'hex');
    const expected = this.mac(`${parts.get('t')}.${rawBody.toString('utf8')}`);
    if (
      !Number.isInteger(timestamp) ||
      Math.abs(Date.now() / 1000 - timestamp) > SIGNATURE_TOLERANCE_SEC ||
      given.length !== expected.length ||
      !timingSafeEqual(given, expected)
    ) {
      throw new InvalidWebhookSignature();
    }
    const parsed = simulatedEvent.safeParse(safeJson(rawBody));
    if (!parsed.success)
      throw new InvalidWebhookSignature('A signed event that is not one of ours');
    const event = parsed.data;
    if (event.type === 'checkout.succeeded') {
      return {
        eventId: event.id,
        type: event.type,
        outcome: 'succeeded',
        paymentId: event.paymentId,
        providerRef: event.sessionId,
        providerPaymentRef: event.chargeId ?? event.sessionId,
      };
    }
    return {
      eventId: event.id,
      type: event.type,
      outcome: 'failed',
      paymentId: event.paymentId,
      providerRef: event.sessionId,
      reason: 'DECLINED',
      error: event.error,
    };
  }

  /** The signature header of a body, as the provider sends it (also for tests' own deliveries). */
  sign(body: string, timestamp = Math.floor(Date.now() / 1000)): string {
    return `t=${timestamp},v1=${this.mac(`${timestamp}.${body}`).toString('hex')}`;
  }

  private mac(text: string): Buffer {
    return createHmac('sha256', this.options.webhookSecret).update(text).digest();
  }

  private async slow(): Promise<void> {
    if (this.options.delayMs > 0) await sleep(this.options.delayMs);
  }

  private maybeLoseTheAnswer(operation: string): void {
    if (this.options.failureRate > 0 && this.random() < this.options.failureRate) {
      throw new TransientProviderError(`simulated transient failure of ${operation}`);
    }
  }
}

function safeJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}
