import { serviceUnavailable } from '@slotwise/platform/errors';

export interface TimeRange {
  start: number;
  end: number;
}

interface Lane {
  /** The tail of the queue: resolves when the last request in it has finished. */
  tail: Promise<void>;
  waiting: number;
  /**
   * Ranges found held on the resource, each stamped with the lane's clock: booked by this process,
   * or refused by the database (then held by some booking somewhere within it).
   */
  taken: { range: TimeRange; at: number; refused: boolean }[];
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
 * at once, without a round trip. So is one whose range covers a range the database refused
 * meanwhile (some booking, of another instance say, held part of it, so of this one): with several
 * instances, the losers of a race in each learn from their first refusal instead of each taking its
 * own round trip. That answer is exact, not a guess: a booking held the range at a moment within
 * the request's own lifetime, which is all a 409 claims. (What was learnt before the request
 * arrived is never used: it may have been cancelled since.) The database stays the only judge for
 * everything else, across instances too.
 */
export class ResourceLanes {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly maxWaiting: number) {}

  /**
   * Runs `write` when the resource's earlier creates in this process are done; answers
   * 'known-taken' instead when a range booked meanwhile overlaps `range`, or one refused meanwhile
   * lies within it. `write` says whether it booked the range, or the database refused it.
   */
  async run<T>(
    resourceId: string,
    range: TimeRange,
    write: () => Promise<{ result: T; booked: boolean; refused?: boolean }>,
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
      const held = (t: Lane['taken'][number]) =>
        t.refused ? covers(range, t.range) : overlaps(t.range, range);
      if (lane.taken.some((t) => t.at > since && held(t))) return 'known-taken';
      const { result, booked, refused = false } = await write();
      if (booked || refused) {
        lane.clock += 1;
        lane.taken.push({ range, at: lane.clock, refused: !booked });
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
const covers = (outer: TimeRange, inner: TimeRange): boolean =>
  outer.start <= inner.start && inner.end <= outer.end;
