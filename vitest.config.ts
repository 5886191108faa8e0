import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The browser suite runs separately (npm run test:e2e, vitest.e2e.config.ts).
    exclude: ['test/e2e/**', 'node_modules/**'],
    // re2js registered as the RE2 engine, as `import 'ahrefs-where/re2'` does (test/semantics/regex-engine.test.ts covers its absence).
    setupFiles: ['test/support/register-re2.ts'],
    // Property tests use fixed seeds so that runs are reproducible.
    testTimeout: 30_000,
    benchmark: {
      include: ['bench/**/*.bench.ts'],
    },
  },
});
