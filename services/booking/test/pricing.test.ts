import { describe, expect, it } from 'vitest';
import { nightsBetween, totalPrice } from '../src/bookings/pricing.js';

const t = (iso: string) => new Date(iso);

describe('pricing, in decimal arithmetic', () => {
  it('PER_BOOKING is the price whatever the length', () => {
    expect(
      totalPrice(
        '150.00',
        'PER_BOOKING',
        t('2026-12-01T09:00:00Z'),
        t('2026-12-03T09:00:00Z'),
        'UTC',
      ),
    ).toBe('150.00');
  });

  it('PER_HOUR counts minutes and rounds half-up to the cent, without float error', () => {
    expect(
      totalPrice('20.00', 'PER_HOUR', t('2026-12-01T09:00:00Z'), t('2026-12-01T11:30:00Z'), 'UTC'),
    ).toBe('50.00');
    // 10.01 × 25/60 = 4.170833… → 4.17
    expect(
      totalPrice('10.01', 'PER_HOUR', t('2026-12-01T09:00:00Z'), t('2026-12-01T09:25:00Z'), 'UTC'),
    ).toBe('4.17');
    // 0.10 × 15/60 = 0.025 → 0.03 (half-up)
    expect(
      totalPrice('0.10', 'PER_HOUR', t('2026-12-01T09:00:00Z'), t('2026-12-01T09:15:00Z'), 'UTC'),
    ).toBe('0.03');
    // 0.1 + 0.2 style traps: 0.30 × 1 h
    expect(
      totalPrice('0.30', 'PER_HOUR', t('2026-12-01T09:00:00Z'), t('2026-12-01T10:00:00Z'), 'UTC'),
    ).toBe('0.30');
    expect(
      totalPrice(
        '9999999999.99',
        'PER_HOUR',
        t('2026-12-01T00:00:00Z'),
        t('2026-12-01T01:00:00Z'),
        'UTC',
      ),
    ).toBe('9999999999.99');
  });

  it('PER_DAY charges every started day', () => {
    expect(
      totalPrice('100.00', 'PER_DAY', t('2026-12-01T09:00:00Z'), t('2026-12-02T09:00:00Z'), 'UTC'),
    ).toBe('100.00');
    expect(
      totalPrice('100.00', 'PER_DAY', t('2026-12-01T09:00:00Z'), t('2026-12-02T09:01:00Z'), 'UTC'),
    ).toBe('200.00');
    expect(
      totalPrice('100.00', 'PER_DAY', t('2026-12-01T09:00:00Z'), t('2026-12-01T10:00:00Z'), 'UTC'),
    ).toBe('100.00');
  });

  it('PER_NIGHT counts nights in the business time zone, at least one', () => {
    expect(
      totalPrice('80.00', 'PER_NIGHT', t('2026-12-01T15:00:00Z'), t('2026-12-03T11:00:00Z'), 'UTC'),
    ).toBe('160.00');
    expect(
      totalPrice('80.00', 'PER_NIGHT', t('2026-12-01T09:00:00Z'), t('2026-12-01T17:00:00Z'), 'UTC'),
    ).toBe('80.00');
    // 23:00 UTC on Dec 1 is already Dec 2 in Tokyo: check-in Dec 2, check-out Dec 3 local = 1 night.
    expect(nightsBetween(t('2026-12-01T23:00:00Z'), t('2026-12-03T01:00:00Z'), 'Asia/Tokyo')).toBe(
      1,
    );
    expect(nightsBetween(t('2026-12-01T23:00:00Z'), t('2026-12-03T01:00:00Z'), 'UTC')).toBe(2);
  });

  it('PER_NIGHT across a DST change counts calendar nights, not 24-hour blocks', () => {
    // Europe/Berlin falls back on 2026-10-25 (that night lasts 25 hours). Check-in Oct 24 15:00
    // local (13:00Z), check-out Oct 26 11:00 local (10:00Z): two nights, 45 hours.
    const start = t('2026-10-24T13:00:00Z');
    const end = t('2026-10-26T10:00:00Z');
    expect(nightsBetween(start, end, 'Europe/Berlin')).toBe(2);
    expect(totalPrice('120.50', 'PER_NIGHT', start, end, 'Europe/Berlin')).toBe('241.00');
    // Spring forward, America/New_York 2026-03-08 (a 23-hour night).
    expect(
      nightsBetween(t('2026-03-07T20:00:00Z'), t('2026-03-08T15:00:00Z'), 'America/New_York'),
    ).toBe(1);
  });
});
