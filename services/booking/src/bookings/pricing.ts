import { fromMinor, toMinor, type PriceUnit } from '@slotwise/contracts';

/**
 * The total price of a booking, in integer cents so no float ever touches money:
 * PER_BOOKING: the price; PER_HOUR: price × hours, to the minute, rounded half-up to the cent;
 * PER_DAY: price × started 24-hour days; PER_NIGHT: price × nights, counted as local dates
 * crossed in the business's time zone (a DST change does not add or remove a night), at least 1.
 */
export function totalPrice(
  price: string,
  unit: PriceUnit,
  start: Date,
  end: Date,
  timezone: string,
): string {
  const cents = toMinor(price);
  const minutes = BigInt(Math.ceil((end.getTime() - start.getTime()) / 60_000));
  switch (unit) {
    case 'PER_BOOKING':
      return fromMinor(cents);
    case 'PER_HOUR':
      // cents × minutes / 60, half-up: add half the divisor before the integer division.
      return fromMinor((cents * minutes * 2n + 60n) / 120n);
    case 'PER_DAY':
      return fromMinor(cents * ((minutes + 1439n) / 1440n));
    case 'PER_NIGHT':
      return fromMinor(cents * BigInt(Math.max(1, nightsBetween(start, end, timezone))));
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (as a day number) of an instant in a time zone. */
function localDay(instant: Date, timezone: string): number {
  let format = dateFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timezone, format);
  }
  const [year, month, day] = format.format(instant).split('-').map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1) / 86_400_000;
}

export function nightsBetween(start: Date, end: Date, timezone: string): number {
  return localDay(end, timezone) - localDay(start, timezone);
}
