import { AppError } from '@slotwise/platform/errors';
import { describe, expect, it } from 'vitest';
import { ResourceLanes } from '../src/bookings/resource-lanes.js';

/** A write the test finishes by hand, recording that it ran; `refused`: by the constraint. */
function gate(booked: boolean, refused = false) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const state = { ran: false };
  const write = async () => {
    state.ran = true;
    await opened;
    return { result: 'written' as const, booked, refused };
  };
  return { write, open, state };
}

const range = (start: number, end: number) => ({ start, end });

describe('ResourceLanes: one create at a time per resource, in memory', () => {
  it('refuses, without a write, a waiting request whose range was booked while it waited', async () => {
    const lanes = new ResourceLanes(10);
    const first = gate(true);
    const second = gate(true);
    const a = lanes.run('r1', range(0, 10), first.write);
    const b = lanes.run('r1', range(5, 15), second.write);
    await Promise.resolve();
    expect(first.state.ran).toBe(true);
    expect(second.state.ran).toBe(false);
    first.open();
    expect(await a).toBe('written');
    expect(await b).toBe('known-taken');
    expect(second.state.ran).toBe(false);
  });

  it('lets a waiting request through when what was booked meanwhile does not overlap (half-open)', async () => {
    const lanes = new ResourceLanes(10);
    const first = gate(true);
    const second = gate(true);
    const a = lanes.run('r1', range(0, 10), first.write);
    const b = lanes.run('r1', range(10, 20), second.write);
    first.open();
    second.open();
    expect(await a).toBe('written');
    expect(await b).toBe('written');
    expect(second.state.ran).toBe(true);
  });

  it('never uses a booking made before the request arrived (it may have been cancelled since)', async () => {
    const lanes = new ResourceLanes(10);
    const first = gate(true);
    first.open();
    await lanes.run('r1', range(0, 10), first.write);
    const later = gate(false);
    later.open();
    expect(await lanes.run('r1', range(0, 10), later.write)).toBe('written');
    expect(later.state.ran).toBe(true);
    expect(lanes.busyResources).toBe(0);
  });

  it('learns nothing from a write that did not book, and keeps resources apart', async () => {
    const lanes = new ResourceLanes(10);
    const refused = gate(false);
    const waiting = gate(true);
    const other = gate(true);
    const a = lanes.run('r1', range(0, 10), refused.write);
    const b = lanes.run('r1', range(0, 10), waiting.write);
    const c = lanes.run('r2', range(0, 10), other.write);
    await Promise.resolve();
    expect(other.state.ran).toBe(true);
    refused.open();
    waiting.open();
    other.open();
    await Promise.all([a, c]);
    expect(await b).toBe('written');
    expect(waiting.state.ran).toBe(true);
  });

  it('refuses, without a write, a waiting request covering a range the database refused meanwhile', async () => {
    const lanes = new ResourceLanes(10);
    // Another instance's booking holds some of 0–10: the database refuses it here.
    const refused = gate(false, true);
    const same = gate(true);
    const wider = gate(true);
    const within = gate(true);
    const a = lanes.run('r1', range(0, 10), refused.write);
    const b = lanes.run('r1', range(0, 10), same.write);
    const c = lanes.run('r1', range(-5, 15), wider.write);
    // Only part of 0–10: the booking held may lie in the other part.
    const d = lanes.run('r1', range(0, 5), within.write);
    refused.open();
    within.open();
    expect(await a).toBe('written');
    expect(await b).toBe('known-taken');
    expect(await c).toBe('known-taken');
    expect(await d).toBe('written');
    expect([same.state.ran, wider.state.ran, within.state.ran]).toEqual([false, false, true]);
  });

  it('sheds load with a 503 once too many creates wait on one resource, and recovers', async () => {
    const lanes = new ResourceLanes(2);
    const first = gate(true);
    const second = gate(false);
    const a = lanes.run('r1', range(0, 10), first.write);
    const b = lanes.run('r1', range(20, 30), second.write);
    const error = await lanes.run('r1', range(40, 50), gate(true).write).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: 1 });
    first.open();
    second.open();
    await Promise.all([a, b]);
    const third = gate(true);
    third.open();
    expect(await lanes.run('r1', range(40, 50), third.write)).toBe('written');
  });

  it('a failed write lets the next request run', async () => {
    const lanes = new ResourceLanes(10);
    const failing = lanes.run('r1', range(0, 10), () => Promise.reject(new Error('db down')));
    const next = gate(true);
    next.open();
    const b = lanes.run('r1', range(0, 10), next.write);
    await expect(failing).rejects.toThrow('db down');
    expect(await b).toBe('written');
  });
});
