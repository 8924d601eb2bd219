import { describe, expect, it } from 'vitest';
import { fromMinor, percentOf, toMinor } from '@slotwise/contracts';
import {
  applyRefund,
  canRetry,
  checkRefund,
  decideCancel,
  decideExpiry,
  decideOutcome,
} from '../src/payments/payment-rules.js';
import type { PaymentRecord } from '../src/payments/payment.types.js';

const now = new Date('2026-12-03T10:00:00Z');

function payment(overrides: Partial<PaymentRecord> = {}): PaymentRecord {
  return {
    id: 'p',
    bookingId: 'b',
    kind: 'PREPAY',
    userId: 'u',
    businessId: 'biz',
    vendorId: 'v',
    businessName: null,
    description: null,
    amount: '150.00',
    currency: 'USD',
    status: 'PENDING',
    refundedAmount: '0.00',
    provider: 'simulated',
    providerRef: 'cs_2',
    providerPaymentRef: null,
    checkoutUrl: 'http://x/cs_2',
    checkoutAttempt: 2,
    failureReason: null,
    expiresAt: null,
    paidAt: null,
    cancelledAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

const success = { outcome: 'succeeded', providerRef: 'cs_2', providerPaymentRef: 'ch_1' } as const;
const decline = (providerRef = 'cs_2') =>
  ({ outcome: 'failed', providerRef, reason: 'DECLINED', error: 'no' }) as const;

describe('what a provider’s report does to a payment', () => {
  it('applies a success from PENDING, and from FAILED (money taken is never forgotten)', () => {
    for (const status of ['PENDING', 'FAILED'] as const) {
      const decision = decideOutcome(payment({ status, failureReason: 'DECLINED' }), success, now);
      expect(decision).toMatchObject({
        apply: true,
        announce: 'succeeded',
        changes: {
          status: 'SUCCEEDED',
          failureReason: null,
          paidAt: now,
          providerPaymentRef: 'ch_1',
        },
      });
    }
  });

  it('ignores a second success and anything after the money was taken', () => {
    for (const status of ['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED'] as const) {
      expect(decideOutcome(payment({ status }), success, now).apply, status).toBe(false);
      expect(decideOutcome(payment({ status }), decline(), now).apply, status).toBe(false);
    }
  });

  it('applies a failure of the current checkout only, and only while PENDING', () => {
    expect(decideOutcome(payment(), decline(), now)).toMatchObject({
      apply: true,
      announce: 'failed',
      attempt: 'DECLINED',
      changes: { status: 'FAILED', failureReason: 'DECLINED' },
    });
    expect(decideOutcome(payment(), decline('cs_1'), now)).toEqual({
      apply: false,
      why: 'an earlier checkout’s failure',
    });
    expect(
      decideOutcome(payment({ status: 'FAILED', failureReason: 'DECLINED' }), decline(), now).apply,
    ).toBe(false);
  });

  it('expires a PENDING payment once its deadline has passed, not before', () => {
    const due = payment({ expiresAt: now });
    expect(decideExpiry(due, now)).toMatchObject({
      apply: true,
      changes: { status: 'FAILED', failureReason: 'EXPIRED' },
    });
    expect(decideExpiry(payment({ expiresAt: new Date(now.getTime() + 1) }), now).apply).toBe(
      false,
    );
    expect(decideExpiry(payment({ expiresAt: null }), now).apply).toBe(false);
    expect(decideExpiry(payment({ status: 'SUCCEEDED', expiresAt: now }), now).apply).toBe(false);
  });

  it('cancels PENDING (announced), marks FAILED (silently), leaves paid and cancelled alone', () => {
    expect(decideCancel(payment(), now)).toEqual({
      changes: { status: 'FAILED', failureReason: 'CANCELLED', cancelledAt: now },
      announce: true,
    });
    expect(decideCancel(payment({ status: 'FAILED', failureReason: 'DECLINED' }), now)).toEqual({
      changes: { cancelledAt: now },
      announce: false,
    });
    expect(decideCancel(payment({ status: 'SUCCEEDED' }), now)).toBeNull();
    expect(decideCancel(payment({ cancelledAt: now }), now)).toBeNull();
  });

  it('retries a FAILED payment unless its booking was cancelled', () => {
    expect(canRetry(payment({ status: 'FAILED' }))).toBe(true);
    expect(canRetry(payment({ status: 'FAILED', cancelledAt: now }))).toBe(false);
    for (const status of ['PENDING', 'SUCCEEDED', 'REFUNDED', 'PARTIALLY_REFUNDED'] as const) {
      expect(canRetry(payment({ status })), status).toBe(false);
    }
  });
});

describe('refund bounds', () => {
  const paid = payment({ status: 'SUCCEEDED', paidAt: now });

  it('refunds all that is left when no amount is given', () => {
    expect(checkRefund(paid, null, '0.00')).toEqual({ ok: true, amount: '150.00' });
    expect(
      checkRefund(
        { ...paid, status: 'PARTIALLY_REFUNDED', refundedAmount: '50.00' },
        null,
        '25.00',
      ),
    ).toEqual({ ok: true, amount: '75.00' });
  });

  it('never more than was paid, counting refunds already made and in flight', () => {
    expect(checkRefund(paid, '150.00', '0.00').ok).toBe(true);
    expect(checkRefund(paid, '150.01', '0.00')).toMatchObject({
      ok: false,
      code: 'REFUND_EXCEEDS_PAYMENT',
    });
    expect(checkRefund(paid, '100.00', '50.01')).toMatchObject({
      ok: false,
      code: 'REFUND_EXCEEDS_PAYMENT',
    });
    const full = { ...paid, status: 'PARTIALLY_REFUNDED' as const, refundedAmount: '100.00' };
    expect(checkRefund(full, '50.00', '50.00')).toMatchObject({
      ok: false,
      code: 'REFUND_EXCEEDS_PAYMENT',
    });
  });

  it('refunds only a paid payment', () => {
    for (const status of ['PENDING', 'FAILED', 'REFUNDED'] as const) {
      expect(checkRefund(payment({ status }), null, '0.00')).toMatchObject({
        ok: false,
        code: 'INVALID_STATUS_TRANSITION',
      });
    }
  });

  it('is PARTIALLY_REFUNDED until the whole amount is back, then REFUNDED', () => {
    expect(applyRefund(paid, '0.01')).toEqual({
      refundedAmount: '0.01',
      status: 'PARTIALLY_REFUNDED',
    });
    expect(applyRefund({ ...paid, refundedAmount: '149.99' }, '0.01')).toEqual({
      refundedAmount: '150.00',
      status: 'REFUNDED',
    });
    expect(() => applyRefund(paid, '150.01')).toThrow();
  });
});

describe('money', () => {
  it('is integer minor units in code, two-decimal strings outside', () => {
    expect(toMinor('150.00')).toBe(15_000n);
    expect(toMinor('0.07')).toBe(7n);
    expect(fromMinor(9_999_999_999_99n)).toBe('9999999999.99');
    expect(fromMinor(5n)).toBe('0.05');
    expect(() => toMinor('1.5')).toThrow();
    expect(() => toMinor('1e3')).toThrow();
  });

  it('takes a percentage rounded down to the minor unit', () => {
    expect(percentOf(toMinor('150.00'), 50)).toBe(7_500n);
    expect(percentOf(toMinor('0.99'), 50)).toBe(49n);
    expect(percentOf(toMinor('10.00'), 0)).toBe(0n);
    expect(() => percentOf(100n, 101)).toThrow();
    expect(() => percentOf(100n, 12.5)).toThrow();
  });
});
