import { AggregateLanes, aggregateOf } from '@slotwise/platform/events';
import { describe, expect, it } from 'vitest';

const tick = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('aggregate lanes', () => {
  it('runs one aggregate in order and different ones side by side, within the limit', async () => {
    const lanes = new AggregateLanes(2);
    const log: string[] = [];
    let active = 0;
    let maxActive = 0;
    const task = (name: string) => async (): Promise<string> => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      active -= 1;
      return name;
    };
    const results = await Promise.all([
      lanes.run('a', task('a1')),
      lanes.run('a', task('a2')),
      lanes.run('b', task('b1')),
      lanes.run('c', task('c1')),
      lanes.run('a', task('a3')),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1', 'c1', 'a3']);
    expect(maxActive).toBe(2);
    const at = (entry: string) => log.indexOf(entry);
    expect(at('start a2')).toBeGreaterThan(at('end a1'));
    expect(at('start a3')).toBeGreaterThan(at('end a2'));
    expect(at('start b1')).toBeLessThan(at('end a1'));
  });

  it('runs everything in arrival order with a limit of 1', async () => {
    const lanes = new AggregateLanes(1);
    const log: string[] = [];
    const task = (name: string) => async (): Promise<void> => {
      log.push(name);
      await tick(1);
    };
    await Promise.all([
      lanes.run('a', task('a1')),
      lanes.run('a', task('a2')),
      lanes.run('b', task('b1')),
    ]);
    expect(log).toEqual(['a1', 'a2', 'b1']);
  });

  it("does not let a failed task hold up its aggregate's next one", async () => {
    const lanes = new AggregateLanes(2);
    const failed = lanes.run('a', () => Promise.reject(new Error('boom')));
    const next = lanes.run('a', () => Promise.resolve('next'));
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });

  it('keys an event by its aggregate, anything else by the fallback', () => {
    expect(aggregateOf({ aggregateId: 'b-1' }, 'job-1')).toBe('b-1');
    expect(aggregateOf({ aggregateId: 7 }, 'job-1')).toBe('job-1');
    expect(aggregateOf(null, 'job-1')).toBe('job-1');
    expect(() => new AggregateLanes(0)).toThrow('positive integer');
  });
});
