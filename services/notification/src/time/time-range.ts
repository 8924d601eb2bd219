const displayFormatters = new Map<string, Intl.DateTimeFormat>();

function displayFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = displayFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    displayFormatters.set(zone, formatter);
  }
  return formatter;
}

interface DisplayParts {
  date: string;
  time: string;
}

/**
 * Built from the parts rather than taken whole: ICU versions differ in the commas and "at" they
 * put between date and time, and a mail should read the same whichever Node sends it.
 */
function displayParts(instant: Date, zone: string): DisplayParts {
  const part: Record<string, string> = {};
  for (const { type, value } of displayFormatter(zone).formatToParts(instant)) part[type] = value;
  return {
    date: `${part.weekday ?? ''} ${part.day ?? ''} ${part.month ?? ''} ${part.year ?? ''}`,
    time: `${part.hour ?? ''}:${part.minute ?? ''}`,
  };
}

/**
 * A booking's time range as the business's clock shows it, the zone named, e.g.
 * "Tuesday 1 December 2026, 09:00–10:30 (Europe/Berlin time)". Never the server's zone: the
 * customer walks in at the business's local time, wherever the mail was sent from.
 */
export function formatTimeRange(start: Date, end: Date, zone: string): string {
  const from = displayParts(start, zone);
  const to = displayParts(end, zone);
  const range =
    from.date === to.date
      ? `${from.date}, ${from.time}–${to.time}`
      : `${from.date}, ${from.time} – ${to.date}, ${to.time}`;
  return `${range} (${zone} time)`;
}

/** The start's date alone, for subjects: "Tuesday 1 December 2026". */
export function formatDate(instant: Date, zone: string): string {
  return displayParts(instant, zone).date;
}

/** One instant as the zone's clock shows it, the zone named: "Tuesday 1 December 2026, 09:15 (UTC time)". */
export function formatInstant(instant: Date, zone: string): string {
  const { date, time } = displayParts(instant, zone);
  return `${date}, ${time} (${zone} time)`;
}

/** The time of day alone on the zone's clock: "09:15". */
export function formatTime(instant: Date, zone: string): string {
  return displayParts(instant, zone).time;
}
