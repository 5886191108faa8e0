import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The browser suite runs separately (npm run test:e2e, vitest.e2e.config.ts).
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Property tests use fixed seeds so that runs are reproducible.
    testTimeout: 30_000,
    benchmark: {
      include: ['bench/**/*.bench.ts'],
    },
  },
});
