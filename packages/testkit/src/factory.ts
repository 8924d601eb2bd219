/**
 * Test data with overrides: `const buildUser = defineFactory((n) => ({ email: `u${n}@x.io` }))`,
 * then `buildUser()` or `buildUser({ role: 'VENDOR' })`. `n` is unique within the test process,
 * so records built in one file never collide, and the defaults stay in one place.
 */
let sequence = 0;

export function uniqueTag(): string {
  sequence += 1;
  return `${Date.now().toString(36)}${process.pid.toString(36)}${sequence}`;
}

export function defineFactory<T extends object>(
  defaults: (tag: string) => T,
): (overrides?: Partial<T>) => T {
  return (overrides = {}) => ({ ...defaults(uniqueTag()), ...overrides });
}
