import { serviceUnavailable } from '@slotwise/platform/errors';

export interface TimeRange {
  start: number;
  end: number;
}

interface Lane {
  /** The tail of the queue: resolves when the last request in it has finished. */
  tail: Promise<void>;
  waiting: number;
  /** Ranges this process booked on the resource, each stamped with the lane's clock. */
  taken: { range: TimeRange; at: number }[];
  clock: number;
}

/**
 * The creates of one resource, one at a time in this process (ADR 0005, the hot slot).
 *
 * The database already serialises writes per resource (an advisory lock, then the exclusion
 * constraint). Without this, 500 requests for one slot would each hold a pool connection while
 * they wait for that lock: the pool runs dry, and every other request of the service waits with
 * them. Here they wait in memory instead, one connection per busy resource, and a request whose
 * range overlaps a booking that this process committed *while the request was waiting* is refused
 * at once, without a round trip. That answer is exact, not a guess: the booking held the range at
 * a moment within the request's own lifetime, which is all a 409 claims. (A range committed before
 * the request arrived is never used: it may have been cancelled since.) The database stays the
 * only judge for everything else, across instances too.
 */
export class ResourceLanes {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly maxWaiting: number) {}

  /**
   * Runs `write` when the resource's earlier creates in this process are done; answers
   * 'known-taken' instead when a range booked meanwhile overlaps `range`. `write` says whether it
   * booked the range.
   */
  async run<T>(
    resourceId: string,
    range: TimeRange,
    write: () => Promise<{ result: T; booked: boolean }>,
  ): Promise<T | 'known-taken'> {
    const lane = this.lanes.get(resourceId) ?? this.open(resourceId);
    if (lane.waiting >= this.maxWaiting) {
      // Shed load rather than queue without end: the client may try again in a moment.
      throw serviceUnavailable('booking-queue', 1);
    }
    const since = lane.clock;
    lane.waiting += 1;
    const previous = lane.tail;
    let done!: () => void;
    lane.tail = new Promise<void>((resolve) => (done = resolve));
    try {
      await previous;
      if (lane.taken.some((t) => t.at > since && overlaps(t.range, range))) return 'known-taken';
      const { result, booked } = await write();
      if (booked) {
        lane.clock += 1;
        lane.taken.push({ range, at: lane.clock });
        // Forgetting only costs a round trip later, never a wrong answer.
        if (lane.taken.length > MAX_REMEMBERED) lane.taken.shift();
      }
      return result;
    } finally {
      lane.waiting -= 1;
      // Nobody left who could use what this lane remembers: forget it.
      if (lane.waiting === 0) this.lanes.delete(resourceId);
      done();
    }
  }

  /** Resources with creates queued or running in this process (a lane is forgotten once empty). */
  get busyResources(): number {
    return this.lanes.size;
  }

  private open(resourceId: string): Lane {
    const lane: Lane = { tail: Promise.resolve(), waiting: 0, taken: [], clock: 0 };
    this.lanes.set(resourceId, lane);
    return lane;
  }
}

const MAX_REMEMBERED = 1_000;

const overlaps = (a: TimeRange, b: TimeRange): boolean => a.start < b.end && b.start < a.end;
