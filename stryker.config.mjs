/**
 * Mutation testing (`npm run mutation`; not in CI): how much of the behaviour of the auth and
 * booking core do the tests pin down? The test set is vitest.mutation.config.ts.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'packages/platform/src/auth/token-verifier.ts',
    'services/booking/src/bookings/booking-state.ts',
  ],
  // Copy only what the tests load into the sandbox, never the web app or deploy files.
  ignorePatterns: ['apps', 'deploy', 'bench', 'docs', 'e2e', '.data', 'coverage', 'reports'],
  coverageAnalysis: 'perTest',
  // Module-level mutants (the TRANSITIONS table) would each rerun every test: too slow on a
  // shared 2-core machine; the state-machine unit tests pin the table through checkTransition.
  ignoreStatic: true,
  // The machine is shared and the tests use one PostgreSQL: one mutant at a time.
  concurrency: 1,
  timeoutMS: 30_000,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: 'reports/.stryker-tmp',
  cleanTempDir: true,
};
