import { paymentCreatedData, paymentRefundedData, paymentSucceededData } from '@slotwise/contracts';
import {
  createEventTransport,
  type EventEnvelope,
  type EventTransport,
  type Subscription,
} from '@slotwise/platform/events';
import { createLogger } from '@slotwise/platform/logger';
import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPayment, type PaymentHarness } from './harness.js';

describe('payment events on the bus', () => {
  let h: PaymentHarness;
  let transport: EventTransport;
  let subscription: Subscription;
  const received: EventEnvelope[] = [];

  beforeAll(async () => {
    h = await startPayment();
    const { env } = h.testEnv;
    transport = await createEventTransport({
      amqpUrl: env.AMQP_URL,
      eventsDatabaseUrl: env.EVENTS_DATABASE_URL,
      prefix: env.EVENTS_PREFIX ?? '',
      logger: createLogger({ service: 'payment-test', level: 'silent' }),
    });
    // The queue must exist before the events are published, as in a real deployment.
    subscription = await transport.subscribe('payment-test', ['payment.*'], async (event) => {
      received.push(event);
    });
  });
  afterAll(async () => {
    await subscription.close();
    await transport.close();
    await h.close();
  });

  it('publishes every change, once, in order, with the payment’s version', async () => {
    const customer = await h.person('CUSTOMER');
    const vendor = await h.person('VENDOR');
    const payment = await h.simulate(await h.createPayment(customer, vendor), customer);
    const refund = await h.call('POST', `/api/payments/${payment.id}/refund`, vendor, {
      amount: '25.00',
      reason: 'goodwill',
    });
    expect(refund.statusCode).toBe(200);

    const events = await waitFor(
      () => {
        const mine = received.filter((e) => e.aggregateId === payment.id);
        expect(mine).toHaveLength(3);
        return mine;
      },
      { timeoutMs: 15_000 },
    );
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['payment.created', 1],
      ['payment.succeeded', 2],
      ['payment.refunded', 3],
    ]);
    expect(paymentCreatedData.parse(events[0]?.data).checkoutUrl).toBe(payment.checkoutUrl);
    expect(paymentSucceededData.parse(events[1]?.data).status).toBe('SUCCEEDED');
    expect(paymentRefundedData.parse(events[2]?.data)).toMatchObject({
      refundAmount: '25.00',
      refundedAmount: '25.00',
      status: 'PARTIALLY_REFUNDED',
    });
  });
});
