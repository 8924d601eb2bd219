/**
 * IANA zone names, as this runtime lists them (`Intl.supportedValuesOf`, which leaves out 'UTC').
 * A name Intl resolves to a listed zone is accepted too and stored in its listed spelling
 * ('Etc/UTC' → 'UTC', 'europe/paris' → 'Europe/Paris', 'Asia/Kolkata' → ICU's 'Asia/Calcutta'),
 * so every stored zone is one every service's Intl knows under the same name.
 */
const ZONES = new Set<string>([...Intl.supportedValuesOf('timeZone'), 'UTC']);

/** The listed name for `name`, or undefined when it is not a zone. */
export function canonicalTimeZone(name: string): string | undefined {
  if (ZONES.has(name)) return name;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions()
      .timeZone;
    return ZONES.has(resolved) ? resolved : undefined;
  } catch {
    return undefined;
  }
}
