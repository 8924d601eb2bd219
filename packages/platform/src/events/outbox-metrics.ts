import type pg from 'pg';
import { Counter, Gauge, type Registry } from 'prom-client';
import { countUnpublished } from './outbox-store.js';

export interface OutboxMetricsOptions {
  /** The service's registry; metrics are never put on prom-client's global one. */
  registry: Registry;
}

export interface OutboxMetrics {
  published(count: number): void;
  failed(): void;
}

/**
 * `outbox_pending_events` is read from the database at scrape time, so every instance reports the
 * same backlog whichever of them is relaying; the counters are per instance.
 */
export function createOutboxMetrics(pool: pg.Pool, options: OutboxMetricsOptions): OutboxMetrics {
  const registers = [options.registry];
  let lastPending = 0;
  new Gauge({
    name: 'outbox_pending_events',
    help: 'Outbox rows not yet published to the broker',
    registers,
    async collect(): Promise<void> {
      // A scrape during a database outage reports the last known value instead of failing.
      lastPending = await countUnpublished(pool).catch(() => lastPending);
      this.set(lastPending);
    },
  });
  const published = new Counter({
    name: 'outbox_published_events_total',
    help: 'Events this instance published from the outbox',
    registers,
  });
  const failures = new Counter({
    name: 'outbox_publish_failures_total',
    help: 'Outbox batches this instance failed to publish',
    registers,
  });
  return {
    published: (count) => published.inc(count),
    failed: () => failures.inc(),
  };
}
