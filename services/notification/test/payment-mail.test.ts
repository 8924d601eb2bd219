import { EventTypes, type PaymentEventData } from '@slotwise/contracts';
import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drain, knownUser, type KnownUser } from './booking-parties.js';
import {
  buildPaymentCreated,
  buildPaymentData,
  buildPaymentEvent,
  buildPaymentFailed,
  buildPaymentRefunded,
  buildPaymentSucceeded,
} from './factories.js';
import { startHarness, type Harness } from './harness.js';

const SLOW = { timeoutMs: 20_000, intervalMs: 50 };

describe('payment mails', () => {
  let harness: Harness;
  let customer: KnownUser;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

  async function payment(overrides: Partial<PaymentEventData> = {}): Promise<PaymentEventData> {
    customer = await knownUser(harness, 'CUSTOMER', 'Grace');
    return buildPaymentData({ userId: customer.userId, ...overrides });
  }

  it('sends the customer the checkout link with the amount and the deadline', async () => {
    const data = buildPaymentCreated(await payment());
    const event = buildPaymentEvent(EventTypes.paymentCreated, data);
    await harness.publish(event);

    const mail = await harness.smtp.waitFor(customer.email);
    expect(mail.subject).toBe('Complete your payment of 40.00 EUR');
    expect(mail.text).toContain('Hi Grace,');
    expect(mail.text).toContain('To secure your booking, please pay 40.00 EUR.');
    expect(mail.text).toContain(`Pay now: ${data.checkoutUrl}`);
    expect(mail.html).toContain(`href="${data.checkoutUrl}"`);
    expect(mail.text).toContain('Pay by: Saturday 24 October 2026, 12:30 (UTC time)');
    expect(mail.text).toContain('is released and its time offered to others');
    expect(mail.text).toContain(`Booking reference: ${data.bookingId}`);
    expect(mail.text).toContain(`Payment reference: ${data.paymentId}`);
    await waitFor(async () => {
      expect(await harness.notificationsFor(event.id)).toEqual([
        expect.objectContaining({
          template: 'payment.link',
          userId: customer.userId,
          recipient: customer.email,
          status: 'SENT',
        }),
      ]);
    });
  });

  it('words a retried payment as a new link, and one without a deadline without one', async () => {
    const data = buildPaymentCreated(await payment({ kind: 'POSTPAY' }), {
      attempt: 2,
      expiresAt: null,
    });
    await harness.publish(buildPaymentEvent(EventTypes.paymentCreated, data, 3));

    const mail = await harness.smtp.waitFor(customer.email);
    expect(mail.subject).toBe('A new link to complete your payment of 40.00 EUR');
    expect(mail.text).toContain('Here is a new link to pay 40.00 EUR for your booking.');
    expect(mail.text).toContain(`Pay now: ${data.checkoutUrl}`);
    expect(mail.text).not.toContain('Pay by');
  });

  it('sends a receipt with the amount and the payment id once, however often it is delivered', async () => {
    const data = buildPaymentSucceeded(await payment());
    const event = buildPaymentEvent(EventTypes.paymentSucceeded, data, 2);
    await harness.publish(event, event);
    await drain(harness, data.paymentId);
    await harness.publish(event);
    await drain(harness, data.paymentId);

    expect(harness.smtp.to(customer.email)).toHaveLength(1);
    const [mail] = harness.smtp.to(customer.email);
    expect(mail?.subject).toBe('Receipt for your payment of 40.00 EUR');
    expect(mail?.text).toContain('Amount paid: 40.00 EUR');
    expect(mail?.text).toContain('Paid on: Tuesday 20 October 2026, 09:15 (UTC time)');
    expect(mail?.text).toContain(`Payment reference: ${data.paymentId}`);
    expect(await harness.notificationsFor(event.id)).toEqual([
      expect.objectContaining({ template: 'payment.receipt', status: 'SENT', attempts: 1 }),
    ]);
  });

  it('tells the customer a declined payment did not go through and the booking is released', async () => {
    const data = buildPaymentFailed(await payment(), {
      reason: 'DECLINED',
      error: 'card_declined',
    });
    const event = buildPaymentEvent(EventTypes.paymentFailed, data, 2);
    await harness.publish(event);

    const mail = await harness.smtp.waitFor(customer.email);
    expect(mail.subject).toBe('Your payment of 40.00 EUR did not go through');
    expect(mail.text).toContain('Your payment of 40.00 EUR was declined');
    expect(mail.text).toContain('No money was taken.');
    expect(mail.text).toContain('it is released, and its time is free again');
    // The provider's code is for operators, not for the customer.
    expect(mail.text).not.toContain('card_declined');
    await waitFor(async () => {
      expect(await harness.notificationsFor(event.id)).toEqual([
        expect.objectContaining({ template: 'payment.failed', status: 'SENT' }),
      ]);
    });
  });

  it('tells the customer an expired POSTPAY payment can be tried again', async () => {
    const data = buildPaymentFailed(await payment({ kind: 'POSTPAY' }), { reason: 'EXPIRED' });
    await harness.publish(buildPaymentEvent(EventTypes.paymentFailed, data, 2));

    const mail = await harness.smtp.waitFor(customer.email);
    expect(mail.text).toContain('The time to pay 40.00 EUR for your booking has run out');
    expect(mail.text).toContain('You can try again: open your bookings at http://localhost:3000');
  });

  it('sends nothing when the payment was cancelled with its booking', async () => {
    const data = buildPaymentFailed(await payment(), { reason: 'CANCELLED' });
    const event = buildPaymentEvent(EventTypes.paymentFailed, data, 2);
    await harness.publish(event);
    await drain(harness, data.paymentId);

    expect(harness.smtp.to(customer.email)).toHaveLength(0);
    expect(await harness.notificationsFor(event.id)).toEqual([]);
  });

  it('tells the customer of a partial refund, the total so far and the reason given', async () => {
    const data = buildPaymentRefunded(await payment({ status: 'SUCCEEDED' }));
    await harness.publish(buildPaymentEvent(EventTypes.paymentRefunded, data, 3));

    const mail = await harness.smtp.waitFor(customer.email);
    expect(mail.subject).toBe('Your refund of 15.00 EUR');
    expect(mail.text).toContain('We have refunded 15.00 EUR of your payment of 40.00 EUR.');
    expect(mail.text).toContain('So far 15.00 EUR of 40.00 EUR has been refunded.');
    expect(mail.text).toContain('Refunded in all: 15.00 EUR of 40.00 EUR');
    expect(mail.text).toContain('Reason given: Towels were missing');
  });

  it('tells the customer the rest is refunded after a cancellation, without the platform’s code', async () => {
    const data = buildPaymentRefunded(await payment({ status: 'SUCCEEDED' }), {
      status: 'REFUNDED',
      refundAmount: '25.00',
      refundedAmount: '40.00',
      reason: 'CANCELLED',
      refundedBy: null,
    });
    const event = buildPaymentEvent(EventTypes.paymentRefunded, data, 4);
    await harness.publish(event);

    const mail = await harness.smtp.waitFor(customer.email);
    expect(mail.subject).toBe('Your refund of 25.00 EUR');
    expect(mail.text).toContain('Your payment is now refunded in full (40.00 EUR in all).');
    expect(mail.text).toContain('The refund is for your cancelled booking.');
    expect(mail.text).not.toContain('Reason given');
    await waitFor(async () => {
      expect(await harness.notificationsFor(event.id)).toEqual([
        expect.objectContaining({ template: 'payment.refunded', status: 'SENT' }),
      ]);
    });
  });

  it('sends the receipt once SMTP is back, after failed attempts', async () => {
    const data = buildPaymentSucceeded(await payment());
    const event = buildPaymentEvent(EventTypes.paymentSucceeded, data, 2);
    harness.smtp.setDown(true);
    try {
      await harness.publish(event);
      await waitFor(async () => {
        const [row] = await harness.notificationsFor(event.id);
        expect(row).toMatchObject({ status: 'PENDING', lastError: expect.stringMatching(/421/) });
      }, SLOW);
    } finally {
      harness.smtp.setDown(false);
    }

    const mail = await harness.smtp.waitFor(customer.email, { timeoutMs: 20_000 });
    expect(mail.subject).toBe('Receipt for your payment of 40.00 EUR');
    const [row] = await waitFor(async () => {
      const rows = await harness.notificationsFor(event.id);
      expect(rows[0]?.status).toBe('SENT');
      return rows;
    });
    expect(row?.attempts).toBeGreaterThan(1);
    expect(harness.smtp.to(customer.email)).toHaveLength(1);
  });
});
