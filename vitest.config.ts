import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run the packages' TypeScript sources, not their build output.
    alias: [
      { find: /^@slotwise\/([a-z-]+)$/, replacement: `${root}packages/$1/src/index.ts` },
      {
        find: /^@slotwise\/([a-z-]+)\/([a-z-]+)$/,
        replacement: `${root}packages/$1/src/$2/index.ts`,
      },
    ],
  },
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'services/*/test/**/*.test.ts',
      'scripts/test/**/*.test.ts',
      'e2e/**/*.test.ts',
    ],
    globalSetup: ['packages/testkit/src/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
  },
});
