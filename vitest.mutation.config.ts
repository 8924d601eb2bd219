import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The tests StrykerJS runs against each mutant (`npm run mutation`): only those that exercise the
 * mutated code (stryker.config.mjs), with the root config's aliases and test PostgreSQL.
 * Spread rather than mergeConfig, which would append to the root's `include` instead of replacing it.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'packages/platform/test/auth-token-verifier.test.ts',
      'packages/platform/test/token-verifier-mutants.test.ts',
      'services/booking/test/lifecycle.test.ts',
      'services/booking/test/state-machine-mutants.test.ts',
    ],
  },
});
