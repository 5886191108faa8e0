import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests use fixed seeds so that runs are reproducible.
    testTimeout: 30_000,
    benchmark: {
      include: ['bench/**/*.bench.ts'],
    },
  },
});
