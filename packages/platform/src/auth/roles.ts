/** Who a token speaks for. SERVICE is never a user's role: only service tokens carry it. */
export const ROLES = ['CUSTOMER', 'VENDOR', 'ADMIN', 'SERVICE'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
