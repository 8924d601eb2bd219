import {
  backoffDelay,
  createEvent,
  eventLogFields,
  matchesTopic,
  parseEventEnvelope,
} from '@slotwise/platform/events';
import { describe, expect, it } from 'vitest';

describe('event envelope', () => {
  it('fills id and timestamp and round-trips through the schema', () => {
    const event = createEvent({
      type: 'user.registered',
      aggregateId: 'u1',
      version: 1,
      data: { email: 'a@b.c' },
      requestId: 'req-1',
    });
    expect(parseEventEnvelope(JSON.parse(JSON.stringify(event)))).toEqual(event);
    expect(event.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('rejects a malformed type, a fractional version and non-object data', () => {
    const base = { type: 'user.registered', aggregateId: 'u1', version: 1, data: {} };
    expect(() => createEvent({ ...base, type: 'UserRegistered' })).toThrow();
    expect(() => createEvent({ ...base, version: 1.5 })).toThrow();
    expect(() => parseEventEnvelope({ ...createEvent(base), data: [1] })).toThrow();
  });

  it('exposes id, type, aggregate and request id to logs, never data', () => {
    const event = createEvent({
      type: 'user.otp_requested',
      aggregateId: 'u1',
      version: 2,
      data: { code: '123456' },
    });
    expect(JSON.stringify(eventLogFields(event))).not.toContain('123456');
  });
});

describe('topic patterns', () => {
  it.each([
    ['user.registered', 'user.registered', true],
    ['user.*', 'user.registered', true],
    ['user.*', 'user.otp.requested', false],
    ['user.#', 'user', true],
    ['user.#', 'user.otp.requested', true],
    ['#.cancelled', 'booking.cancelled', true],
    ['#', 'anything.at.all', true],
    ['booking.*', 'user.registered', false],
  ])('%s matches %s: %s', (pattern, key, expected) => {
    expect(matchesTopic(pattern, key)).toBe(expected);
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter and stays under the cap', () => {
    const options = { initialMs: 100, maxMs: 1_000 };
    for (let i = 0; i < 50; i += 1) {
      expect(backoffDelay(1, options)).toBeGreaterThanOrEqual(50);
      expect(backoffDelay(1, options)).toBeLessThanOrEqual(100);
      expect(backoffDelay(3, options)).toBeGreaterThanOrEqual(200);
      expect(backoffDelay(40, options)).toBeLessThanOrEqual(1_000);
    }
  });
});
