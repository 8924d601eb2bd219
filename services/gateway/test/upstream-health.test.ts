import { waitFor } from '@slotwise/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UpstreamGroup } from '../src/proxy/upstream-group.js';
import { startEchoUpstream, type EchoUpstream } from './upstreams.js';

describe('UpstreamGroup: balancing over the instances that are ready', () => {
  let instances: EchoUpstream[];
  let group: UpstreamGroup;

  beforeEach(async () => {
    instances = [await startEchoUpstream('booking'), await startEchoUpstream('booking')];
    group = new UpstreamGroup({
      name: 'booking',
      urls: instances.map((instance) => instance.url),
      timeoutMs: 2_000,
      connectTimeoutMs: 500,
      cooldownMs: 60_000,
      healthIntervalMs: 20,
    });
  });
  afterEach(async () => {
    await group.close();
    await Promise.all(instances.map((instance) => instance.close()));
  });

  /** Sends `count` creates and answers how many each instance took. */
  async function post(count: number): Promise<number[]> {
    const before = instances.map((instance) => instance.hits);
    for (let n = 0; n < count; n += 1) {
      const response = await group.request({
        method: 'POST',
        path: '/api/bookings',
        headers: { 'content-type': 'application/json' },
        body: Buffer.from('{}'),
      });
      expect(response.statusCode).toBe(200);
      await response.body.dump();
    }
    return instances.map((instance, index) => instance.hits - before[index]!);
  }

  it('sends nothing to an instance that says it is not ready, until it says it is again', async () => {
    expect(await post(4)).toEqual([2, 2]);
    // Stopping (or its database down): its readiness answers 503.
    instances[1]!.mode = 'fail';
    await waitFor(async () => expect(await post(4)).toEqual([4, 0]), { intervalMs: 50 });
    expect(await post(10)).toEqual([10, 0]);

    instances[1]!.mode = 'up';
    await waitFor(async () => expect((await post(4))[1]).toBeGreaterThan(0), { intervalMs: 50 });
    expect(await post(4)).toEqual([2, 2]);
  });

  it('still sends to every instance when none says it is ready', async () => {
    for (const instance of instances) instance.mode = 'fail';
    // Several probe rounds: each instance has been found not ready.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await post(4)).toEqual([2, 2]);
  });
});
