import { resolveBookingRules, type Schedule } from '@slotwise/contracts';
import { describe, expect, it } from 'vitest';
import { ruleViolation } from '../src/rules/booking-rules.js';
import { isOpen, openSpans } from '../src/rules/opening-hours.js';
import { instantOf, wallClockOf } from '../src/rules/zoned-time.js';

const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const at = (iso: string) => Date.parse(iso);
const show = (ms: number) => new Date(ms).toISOString();
const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

describe('wall-clock time across DST changes', () => {
  it('maps a local time to its instant on both sides of a change', () => {
    // Berlin: CET (+1) until 2027-03-28 02:00, CEST (+2) after; back on 2027-10-31 03:00.
    expect(show(instantOf(day('2027-03-27'), 9 * 60, BERLIN))).toBe('2027-03-27T08:00:00.000Z');
    expect(show(instantOf(day('2027-03-29'), 9 * 60, BERLIN))).toBe('2027-03-29T07:00:00.000Z');
    expect(show(instantOf(day('2027-11-01'), 9 * 60, BERLIN))).toBe('2027-11-01T08:00:00.000Z');
    expect(show(instantOf(day('2027-03-14'), 9 * 60, NEW_YORK))).toBe('2027-03-14T13:00:00.000Z');
  });

  it('moves a skipped time forward and takes the first of a repeated one', () => {
    expect(show(instantOf(day('2027-03-28'), 150, BERLIN))).toBe('2027-03-28T01:30:00.000Z'); // 03:30 CEST
    expect(show(instantOf(day('2027-10-31'), 150, BERLIN))).toBe('2027-10-31T00:30:00.000Z'); // first 02:30
    expect(wallClockOf(at('2027-10-31T01:30:00Z'), BERLIN)).toEqual({
      day: day('2027-10-31'),
      minutes: 150,
    });
  });
});

describe('open time of a schedule', () => {
  const clinic: Schedule = {
    weekly: {
      MON: [
        ['09:00', '12:00'],
        ['12:00', '17:00'],
      ],
      TUE: [['09:00', '17:00']],
      SAT: [['22:00', '24:00']],
      SUN: [['00:00', '02:00']],
    },
    overrides: [{ date: '2027-03-30', intervals: [] }],
  };

  it('joins touching intervals, across midnight too, and closes an override date', () => {
    const spans = openSpans(clinic, BERLIN, at('2027-03-27T00:00:00Z'), at('2027-04-01T00:00:00Z'));
    expect(spans.map((s) => [show(s.start), show(s.end)])).toEqual([
      // Saturday 22:00 CET to Sunday 02:00 — which is 03:00 CEST that night: the gap is skipped
      ['2027-03-27T21:00:00.000Z', '2027-03-28T01:00:00.000Z'],
      ['2027-03-29T07:00:00.000Z', '2027-03-29T15:00:00.000Z'],
    ]);
  });

  it('says whether a booking lies wholly in open time', () => {
    expect(isOpen(clinic, BERLIN, at('2027-03-29T07:00:00Z'), at('2027-03-29T15:00:00Z'))).toBe(
      true,
    );
    expect(isOpen(clinic, BERLIN, at('2027-03-29T06:30:00Z'), at('2027-03-29T07:30:00Z'))).toBe(
      false,
    );
    expect(isOpen(clinic, BERLIN, at('2027-03-27T22:00:00Z'), at('2027-03-28T00:30:00Z'))).toBe(
      true,
    );
    expect(isOpen(clinic, BERLIN, at('2027-03-30T08:00:00Z'), at('2027-03-30T09:00:00Z'))).toBe(
      false,
    );
  });

  it('is open around the clock with no weekly hours, except on override dates', () => {
    const always: Schedule = {
      weekly: null,
      overrides: [{ date: '2027-01-05', intervals: [['10:00', '11:00']] }],
    };
    expect(isOpen(always, 'UTC', at('2027-01-04T03:00:00Z'), at('2027-01-05T00:00:00Z'))).toBe(
      true,
    );
    expect(isOpen(always, 'UTC', at('2027-01-05T09:00:00Z'), at('2027-01-05T10:30:00Z'))).toBe(
      false,
    );
    expect(isOpen(always, 'UTC', at('2027-01-05T10:00:00Z'), at('2027-01-05T11:00:00Z'))).toBe(
      true,
    );
  });
});

describe('booking rules at their edges', () => {
  const now = at('2027-03-20T12:00:00Z');
  const rules = resolveBookingRules({
    minDurationMinutes: 30,
    maxDurationMinutes: 120,
    slotMinutes: 30,
    minNoticeMinutes: 60,
    maxAdvanceDays: 10,
  });
  const check = (start: string, end: string, timezone = BERLIN) =>
    ruleViolation(rules, timezone, at(start), at(end), now)?.rule ?? null;

  it('minimum notice and horizon', () => {
    expect(check('2027-03-20T13:00:00Z', '2027-03-20T13:30:00Z')).toBeNull();
    expect(check('2027-03-20T12:30:00Z', '2027-03-20T13:00:00Z')).toBe('minNotice');
    expect(check('2027-03-30T12:00:00Z', '2027-03-30T12:30:00Z')).toBeNull();
    expect(check('2027-03-30T12:30:00Z', '2027-03-30T13:00:00Z')).toBe('maxAdvance');
  });

  it('duration', () => {
    expect(check('2027-03-21T10:00:00Z', '2027-03-21T10:00:00.001Z')).toBe('minDuration');
    expect(check('2027-03-21T10:00:00Z', '2027-03-21T12:00:00Z')).toBeNull();
    expect(check('2027-03-21T10:00:00Z', '2027-03-21T12:30:00Z')).toBe('maxDuration');
  });

  it('the slot grid counts from local midnight, on both sides of a DST change, in two zones', () => {
    // 09:00 Berlin is 08:00Z before the change (March 27) and 07:00Z after (March 29).
    expect(check('2027-03-27T08:00:00Z', '2027-03-27T08:30:00Z')).toBeNull();
    expect(check('2027-03-29T07:00:00Z', '2027-03-29T08:00:00Z')).toBeNull();
    expect(check('2027-03-29T07:10:00Z', '2027-03-29T07:40:00Z')).toBe('slotGrid');
    expect(check('2027-03-29T07:00:00Z', '2027-03-29T07:45:00Z')).toBe('slotGrid');
    // New York is 4 h behind UTC after its change (March 14): 09:30 local = 13:30Z.
    expect(check('2027-03-21T13:30:00Z', '2027-03-21T14:00:00Z', NEW_YORK)).toBeNull();
    expect(check('2027-03-21T13:15:00Z', '2027-03-21T13:45:00Z', NEW_YORK)).toBe('slotGrid');
  });
});
