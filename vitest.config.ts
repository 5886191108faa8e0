import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests use fixed seeds (see test/support/properties.ts) so that runs are reproducible.
    testTimeout: 30_000,
    pool: 'threads',
  },
  bench: {
    include: ['bench/**/*.bench.ts'],
  },
});
