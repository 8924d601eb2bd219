import { createAccounts } from './accounts.js';
import { catalogResources } from './catalog.js';
import type { BenchContext } from './context.js';
import { analyzeTables } from './database.js';
import { call, expect } from './http.js';
import {
  adminSession,
  createResources,
  openBusiness,
  Session,
  type BusinessType,
} from './tenants.js';

/** The accounts the booking and listing scenarios use, made together before any booking. */
export interface People {
  admin: Session;
  customers: Session[];
  /** Owns the business whose desks are booked. */
  bookingVendor: Session;
  /** Each owns one business of the 10,000-resource catalog. */
  catalogVendors: Session[];
}

export interface Slot {
  resourceId: string;
  startTime: string;
  endTime: string;
}

const HOUR_MS = 3_600_000;
/** Bookings may start at most 365 days ahead (BOOKING_MAX_ADVANCE_DAYS): stay well inside. */
const MAX_HOURS = 360 * 24;

/**
 * One-hour slots from tomorrow 00:00 UTC, resource by resource: slot n is hour ⌊n / resources⌋
 * of resource n mod resources. Never the same slot twice in a run, whatever scenario takes it.
 */
export class SlotSequence {
  private taken = 0;
  private readonly origin: number;

  constructor(readonly resourceIds: readonly string[]) {
    const now = new Date();
    this.origin = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  }

  get used(): number {
    return this.taken;
  }

  get capacity(): number {
    return this.resourceIds.length * MAX_HOURS;
  }

  next(): Slot {
    const n = this.taken++;
    const resourceId = this.resourceIds[n % this.resourceIds.length] ?? '';
    const start = this.origin + Math.floor(n / this.resourceIds.length) * HOUR_MS;
    return {
      resourceId,
      startTime: new Date(start).toISOString(),
      endTime: new Date(start + HOUR_MS).toISOString(),
    };
  }
}

export interface BookingDesks {
  /** Distinct slots over `--booking-resources` desks (booking-create and warm-ups). */
  slots: SlotSequence;
  /** One more desk, only for booking-hot-slot: each contention round takes its next hour. */
  hot: SlotSequence;
}

export interface Fixtures {
  people(): Promise<People>;
  desks(): Promise<BookingDesks>;
  /** Fills the public catalog up to `--catalog-size` resources; resolves to its size. */
  catalog(): Promise<number>;
}

const CATALOG_BUSINESSES: ReadonlyArray<{ name: string; type: BusinessType }> = [
  { name: 'Bench Hotels', type: 'HOTEL' },
  { name: 'Bench Clinics', type: 'CLINIC' },
  { name: 'Bench Salons', type: 'SALON' },
  { name: 'Bench Spaces', type: 'CO_WORKING' },
];

const made = new WeakMap<BenchContext, Fixtures>();

/** The run's fixtures, each made on first use (and once), like context.accounts(). */
export function fixtures(context: BenchContext): Fixtures {
  const known = made.get(context);
  if (known) return known;
  const { gatewayUrl, maildevUrl, options, log } = context;
  let people: Promise<People> | undefined;
  let desks: Promise<BookingDesks> | undefined;
  let catalog: Promise<number> | undefined;

  const timed = async <T>(what: (result: T) => string, make: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await make();
    log(`${what(result)} (${((Date.now() - started) / 1000).toFixed(1)} s, not measured)`);
    return result;
  };

  const result: Fixtures = {
    people: () =>
      (people ??= timed(
        (p) => `${p.customers.length} customers, ${1 + p.catalogVendors.length} vendors ready`,
        async () => {
          const session = (account: { email: string; accessToken: string; refreshToken: string }) =>
            new Session(gatewayUrl, account);
          // All at once, before any booking: each booking mails its vendor, and MailDev, where
          // the verification codes are read, gets slower with every mail it holds.
          const [admin, customers, vendors] = await Promise.all([
            adminSession(gatewayUrl, context.admin),
            createAccounts(gatewayUrl, maildevUrl, options.customers, { prefix: 'bench-customer' }),
            createAccounts(gatewayUrl, maildevUrl, 1 + CATALOG_BUSINESSES.length, {
              role: 'VENDOR',
              prefix: 'bench-vendor',
            }),
          ]);
          const [bookingVendor, ...catalogVendors] = vendors.map(session);
          if (!bookingVendor) throw new Error('no vendor account');
          return { admin, customers: customers.map(session), bookingVendor, catalogVendors };
        },
      )),

    desks: () =>
      (desks ??= timed(
        (d) =>
          `${options.bookingResources} + 1 bookable desks ready (capacity ${d.slots.capacity} slots)`,
        async () => {
          const { admin, bookingVendor } = await result.people();
          await openBusiness(gatewayUrl, bookingVendor, admin, {
            name: 'Bench Desks',
            type: 'CO_WORKING',
          });
          const inputs = Array.from({ length: options.bookingResources + 1 }, (_, i) => ({
            name: i < options.bookingResources ? `Bench desk ${i + 1}` : 'Bench hot desk',
            type: 'DESK' as const,
            price: '12.50',
            currency: 'USD',
            priceUnit: 'PER_HOUR' as const,
          }));
          const ids = await createResources(gatewayUrl, bookingVendor, inputs);
          const hot = ids.pop();
          if (!hot) throw new Error('no hot desk');
          return { slots: new SlotSequence(ids), hot: new SlotSequence([hot]) };
        },
      )),

    catalog: () =>
      (catalog ??= timed(
        (size) => `catalog of ${size} public resources ready, resource_db analyzed`,
        async () => {
          const { admin, customers, catalogVendors } = await result.people();
          const before = await publicResources(gatewayUrl, customers[0]);
          const missing = Math.max(0, options.catalogSize - before);
          log(
            `${before} public resource(s) so far: creating ${missing} in ${catalogVendors.length} businesses`,
          );
          const share = Math.ceil(missing / catalogVendors.length);
          await Promise.all(
            catalogVendors.map(async (vendor, i) => {
              const count = Math.max(0, Math.min(share, missing - i * share));
              const business = CATALOG_BUSINESSES[i];
              if (count === 0 || !business) return;
              await openBusiness(gatewayUrl, vendor, admin, business);
              // One request at a time per business, four businesses at once.
              await createResources(gatewayUrl, vendor, catalogResources(count, i * share), 1);
            }),
          );
          // Statistics as autovacuum would have them by now in a database that is not brand new.
          await analyzeTables(options, 'resource', ['resources', 'businesses']);
          return publicResources(gatewayUrl, customers[0]);
        },
      )),
  };
  made.set(context, result);
  return result;
}

/** What a customer sees in the listing: meta.total of GET /api/resources. */
export async function publicResources(gatewayUrl: string, customer?: Session): Promise<number> {
  if (!customer) throw new Error('no customer');
  const answer = await call(`${gatewayUrl}/api/resources?limit=1`, {
    token: await customer.token(),
  });
  const total = (expect('GET /api/resources', answer, 200).json as { meta?: { total?: unknown } })
    .meta?.total;
  if (typeof total !== 'number') throw new Error(`no meta.total: ${JSON.stringify(answer.json)}`);
  return total;
}
