import type { ResourceInput } from './tenants.js';

/**
 * A varied resource catalog, the same on every run (a seeded generator): five types in equal
 * shares, prices from 5.00 to 500.00, names made of a place word, a type word and a number, so
 * that the filters and the search of GET /api/resources select realistic fractions of it.
 */
const PLACES = [
  'Harbour',
  'Garden',
  'Sunny',
  'Quiet',
  'Royal',
  'Cozy',
  'Central',
  'Skyline',
  'Riverside',
  'Maple',
  'Coral',
  'Summit',
] as const;

/** The search word of resources-list-search: one name in twelve has it (~830 of 10,000). */
export const SEARCH_WORD = 'harbour';

const TYPES: ReadonlyArray<{
  type: ResourceInput['type'];
  words: readonly string[];
  priceUnit: NonNullable<ResourceInput['priceUnit']>;
}> = [
  { type: 'HOTEL_ROOM', words: ['Room', 'Suite', 'Loft'], priceUnit: 'PER_NIGHT' },
  {
    type: 'DOCTOR_SLOT',
    words: ['Consultation', 'Check-up', 'Clinic hour'],
    priceUnit: 'PER_BOOKING',
  },
  { type: 'SALON_CHAIR', words: ['Chair', 'Station', 'Spa bed'], priceUnit: 'PER_HOUR' },
  { type: 'DESK', words: ['Desk', 'Booth', 'Meeting room'], priceUnit: 'PER_DAY' },
  { type: 'OTHER', words: ['Court', 'Studio', 'Locker'], priceUnit: 'PER_BOOKING' },
];

/** mulberry32: small, fast, good enough to spread names and prices. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` resources numbered from `first` (numbers make every name distinct). */
export function catalogResources(count: number, first: number, seed = 1): ResourceInput[] {
  const random = generator(seed + first);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const number = first + i;
    const kind = TYPES[number % TYPES.length]!;
    const cents = 500 + Math.floor(random() * 49_501);
    return {
      name: `${pick(PLACES)} ${pick(kind.words)} ${number}`,
      type: kind.type,
      price: (cents / 100).toFixed(2),
      currency: random() < 0.8 ? 'USD' : 'EUR',
      priceUnit: kind.priceUnit,
      description: `Benchmark resource ${number}`,
      metadata: { floor: number % 12, accessible: number % 3 === 0 },
    };
  });
}
