import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badFields,
  errorOf,
  startBusiness,
  type BusinessHarness,
  type BusinessJson,
  type Person,
} from './harness.js';

const overridesFrom = (count: number, start = Date.UTC(2027, 0, 1)) =>
  Array.from({ length: count }, (_, i) => ({
    date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    intervals: [],
  }));

describe('PUT /api/businesses/:id/schedule validation', () => {
  let h: BusinessHarness;
  let owner: Person;
  let business: BusinessJson;
  beforeAll(async () => {
    h = await startBusiness();
    owner = await h.person('VENDOR');
    business = await h.createBusiness(owner);
  });
  afterAll(async () => {
    await h.close();
  });

  const put = (body: unknown) =>
    h.call('PUT', `/api/businesses/${business.id}/schedule`, owner, body);

  it.each<[string, unknown, string]>([
    [
      'unsorted intervals',
      {
        weekly: {
          MON: [
            ['13:00', '17:00'],
            ['09:00', '12:00'],
          ],
        },
      },
      'body.weekly.MON.1',
    ],
    [
      'overlapping intervals',
      {
        weekly: {
          MON: [
            ['09:00', '12:00'],
            ['11:30', '13:00'],
          ],
        },
      },
      'body.weekly.MON.1',
    ],
    [
      'an interval that starts at its end',
      { weekly: { TUE: [['09:00', '09:00']] } },
      'body.weekly.TUE.0',
    ],
    [
      'an interval that starts after its end',
      { weekly: { TUE: [['17:00', '09:00']] } },
      'body.weekly.TUE.0',
    ],
    ['"24:00" as a start', { weekly: { WED: [['24:00', '24:00']] } }, 'body.weekly.WED.0'],
    ['a time that is not HH:MM', { weekly: { THU: [['9:00', '12:00']] } }, 'body.weekly.THU.0.0'],
    ['a time past 24:00', { weekly: { THU: [['09:00', '24:30']] } }, 'body.weekly.THU.0.1'],
    ['an unknown weekday key', { weekly: { MONDAY: [['09:00', '17:00']] } }, 'body.weekly.MONDAY'],
    ['an unknown field', { weekly: null, holidays: [] }, 'body.holidays'],
    [
      'an unknown field in an override',
      { weekly: null, overrides: [{ date: '2026-12-25', intervals: [], note: 'Xmas' }] },
      'body.overrides.0.note',
    ],
    ['no weekly at all', { overrides: [] }, 'body.weekly'],
    [
      'an impossible date',
      { weekly: null, overrides: [{ date: '2026-02-30', intervals: [] }] },
      'body.overrides.0.date',
    ],
    [
      'two overrides of one date',
      {
        weekly: null,
        overrides: [
          { date: '2026-12-25', intervals: [] },
          { date: '2026-12-25', intervals: [['10:00', '12:00']] },
        ],
      },
      'body.overrides.1.date',
    ],
    ['more than 500 overrides', { weekly: null, overrides: overridesFrom(501) }, 'body.overrides'],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_case, body, field) => {
    const response = await put(body);
    expect(response.statusCode, response.body).toBe(400);
    expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    expect(badFields(response)).toContain(field);
    expect((await h.row(business.id))?.schedule).toBeNull();
    expect(await h.events(business.id)).toHaveLength(1);
  });

  it('names every bad field of a body at once', async () => {
    const response = await put({
      weekly: {
        MON: [
          ['13:00', '17:00'],
          ['09:00', '12:00'],
        ],
        TUE: [['17:00', '09:00']],
        FUNDAY: [],
      },
      overrides: [{ date: 'tomorrow', intervals: [] }],
      extra: true,
    });
    expect(response.statusCode).toBe(400);
    expect(badFields(response)).toEqual(
      expect.arrayContaining([
        'body.weekly.MON.1',
        'body.weekly.TUE.0',
        'body.weekly.FUNDAY',
        'body.overrides.0.date',
        'body.extra',
      ]),
    );
  });

  it('accepts intervals that touch, "24:00" as an end, closed dates and exactly 500 overrides', async () => {
    const weekly = {
      MON: [
        ['09:00', '12:00'],
        ['12:00', '17:00'],
      ],
      SAT: [['18:00', '24:00']],
      SUN: [['00:00', '02:00']],
    };
    const overrides = overridesFrom(500);
    const response = await put({ weekly, overrides });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ data: unknown }>().data).toEqual({
      timezone: 'UTC',
      weekly,
      overrides,
    });
    expect((await h.row(business.id))?.schedule).toEqual({ weekly, overrides });
  });
});
