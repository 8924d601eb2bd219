import { businessStatusChangedData, businessSummary } from '@slotwise/contracts';
import {
  createEventTransport,
  type EventEnvelope,
  type EventTransport,
  type Subscription,
} from '@slotwise/platform/events';
import { createLogger } from '@slotwise/platform/logger';
import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusiness, type BusinessHarness } from './harness.js';

describe('business events on the bus', () => {
  let h: BusinessHarness;
  let transport: EventTransport;
  let subscription: Subscription;
  const received: EventEnvelope[] = [];

  beforeAll(async () => {
    h = await startBusiness();
    const { env } = h.testEnv;
    transport = await createEventTransport({
      amqpUrl: env.AMQP_URL,
      eventsDatabaseUrl: env.EVENTS_DATABASE_URL,
      prefix: env.EVENTS_PREFIX ?? '',
      logger: createLogger({ service: 'business-test', level: 'silent' }),
    });
    // The queue must exist before the events are published, as in a real deployment.
    subscription = await transport.subscribe('business-test', ['business.*'], async (event) => {
      received.push(event);
    });
  });
  afterAll(async () => {
    await subscription.close();
    await transport.close();
    await h.close();
  });

  it('publishes every change, once, in order, with the business’s version', async () => {
    const admin = await h.person('ADMIN');
    const owner = await h.person('VENDOR');
    const business = await h.createBusiness(owner, {}, { verifiedBy: admin });
    await h.call('PATCH', `/api/businesses/${business.id}`, owner, { name: 'Renamed' });
    await h.call('PATCH', `/api/businesses/${business.id}/status`, admin, { status: 'SUSPENDED' });
    await h.call('DELETE', `/api/businesses/${business.id}`, admin);

    const events = await waitFor(
      () => {
        const mine = received.filter((e) => e.aggregateId === business.id);
        expect(mine).toHaveLength(5);
        return mine;
      },
      { timeoutMs: 15_000 },
    );
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['business.created', 1],
      ['business.verified', 2],
      ['business.updated', 3],
      ['business.status_changed', 4],
      ['business.deleted', 5],
    ]);
    for (const event of events) expect(() => businessSummary.parse(event.data)).not.toThrow();
    expect(businessStatusChangedData.parse(events[3]?.data)).toMatchObject({
      name: 'Renamed',
      status: 'SUSPENDED',
      previousStatus: 'ACTIVE',
      changedBy: admin.id,
    });
    expect(events[4]?.data).toMatchObject({ status: 'DELETED', isVerified: true });
    // Published rows are marked, so no instance publishes them again. The mark commits after the
    // broker confirmed, which can be after a consumer already has the event: poll for it.
    await waitFor(async () => {
      const { rows } = await h.container.pool.query(
        'SELECT 1 FROM outbox WHERE aggregate_id = $1 AND published_at IS NULL',
        [business.id],
      );
      expect(rows).toHaveLength(0);
    });
  });
});
