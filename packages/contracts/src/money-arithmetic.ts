/**
 * Money in code: integer minor units (bigint), never a float. Amounts arrive and leave as the
 * API's decimal strings with two decimals ("150.00", `money`); DECIMAL(12,2) in the database.
 * Booking's prices and payment's refunds both count with these.
 */
export function toMinor(amount: string): bigint {
  const match = /^(\d+)\.(\d{2})$/.exec(amount);
  if (!match) throw new Error(`not a money string: ${amount}`);
  return BigInt(match[1]!) * 100n + BigInt(match[2]!);
}

export function fromMinor(minor: bigint): string {
  if (minor < 0n) throw new Error('negative money');
  return `${minor / 100n}.${(minor % 100n).toString().padStart(2, '0')}`;
}

/** `percent` % of `minor`, rounded down to the minor unit: a refund never exceeds the share. */
export function percentOf(minor: bigint, percent: number): bigint {
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
    throw new Error(`not a whole percentage: ${percent}`);
  }
  return (minor * BigInt(percent)) / 100n;
}
