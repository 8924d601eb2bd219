import type { Schedule } from '@slotwise/contracts';
import { createEvent } from '@slotwise/platform/events';
import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBusiness, startResource, type ResourceHarness } from './harness.js';

const EARLY: Schedule = { weekly: { MON: [['07:00', '12:00']] }, overrides: [] };
const LATE: Schedule = {
  weekly: { MON: [['12:00', '20:00']], SUN: [['00:00', '24:00']] },
  overrides: [{ date: '2026-12-25', intervals: [] }],
};

describe('business.schedule_changed and the business read model', () => {
  let h: ResourceHarness;
  beforeAll(async () => {
    h = await startResource();
  });
  afterAll(async () => {
    await h.close();
  });

  interface Row {
    name: string;
    version: number;
    schedule: Schedule | null;
    schedule_version: number;
    confirmation_window_minutes: number;
  }
  const stored = async (id: string): Promise<Row | undefined> =>
    (
      await h.sql<Row>(
        `SELECT name, version, schedule, schedule_version, confirmation_window_minutes
           FROM businesses WHERE id = $1`,
        [id],
      )
    )[0];
  /** Publishes and waits until this service has processed it (applied or not). */
  const deliver = async (type: string, data: object, version: number, id: string) => {
    const event = createEvent({
      type,
      aggregateId: id,
      version,
      data: { changedBy: null, ...data },
    });
    await h.container.transport.publish([event]);
    await waitFor(async () =>
      expect(await h.sql('SELECT 1 FROM inbox WHERE event_id = $1', [event.id])).toHaveLength(1),
    );
  };

  it('keeps the schedule and the confirmation window of a business, from its events', async () => {
    const business = buildBusiness({ confirmationWindowMinutes: 120 });
    await deliver('business.created', business, 1, business.id);
    expect(await stored(business.id)).toEqual({
      name: business.name,
      version: 1,
      schedule: null,
      schedule_version: 0,
      confirmation_window_minutes: 120,
    });
    await deliver('business.schedule_changed', { ...business, schedule: EARLY }, 2, business.id);
    expect(await stored(business.id)).toMatchObject({
      version: 2,
      schedule: EARLY,
      schedule_version: 2,
    });
    // Events without a schedule leave it alone.
    await deliver(
      'business.updated',
      { ...business, confirmationWindowMinutes: 30 },
      3,
      business.id,
    );
    expect(await stored(business.id)).toMatchObject({
      version: 3,
      schedule: EARLY,
      confirmation_window_minutes: 30,
    });
  });

  it('reads a window of 1440 minutes from a sender that predates the field', async () => {
    const { confirmationWindowMinutes: _omitted, ...older } = buildBusiness();
    await deliver('business.created', older, 1, older.id);
    expect((await stored(older.id))?.confirmation_window_minutes).toBe(1_440);
  });

  it('ignores a schedule older than the one it holds', async () => {
    const business = buildBusiness();
    await deliver('business.schedule_changed', { ...business, schedule: LATE }, 3, business.id);
    await deliver(
      'business.schedule_changed',
      { ...business, name: 'Old name', schedule: EARLY },
      2,
      business.id,
    );
    expect(await stored(business.id)).toMatchObject({
      name: business.name,
      version: 3,
      schedule: LATE,
      schedule_version: 3,
    });
  });

  it('takes a schedule that arrives after a later event without one, and only the schedule', async () => {
    const business = buildBusiness();
    await deliver('business.created', business, 1, business.id);
    // Versions 2 (the hours) and 3 (a rename) arrive the other way round.
    await deliver('business.updated', { ...business, name: 'Renamed' }, 3, business.id);
    await deliver(
      'business.schedule_changed',
      { ...business, name: 'Before the rename', schedule: LATE },
      2,
      business.id,
    );
    expect(await stored(business.id)).toMatchObject({
      name: 'Renamed',
      version: 3,
      schedule: LATE,
      schedule_version: 2,
    });
  });

  it('leaves the read model alone when business.schedule_changed carries no schedule', async () => {
    const business = buildBusiness();
    await deliver('business.created', business, 1, business.id);
    const broken = createEvent({
      type: 'business.schedule_changed',
      aggregateId: business.id,
      version: 2,
      data: { ...business, name: 'Broken', changedBy: null },
    });
    await h.container.transport.publish([broken]);
    await deliver('business.updated', { ...business, name: 'Fine' }, 3, business.id);
    expect(await stored(business.id)).toMatchObject({ name: 'Fine', schedule: null });
    expect(await h.sql('SELECT 1 FROM inbox WHERE event_id = $1', [broken.id])).toEqual([]);
  });
});
