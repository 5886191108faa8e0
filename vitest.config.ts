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
    // Vitest's default is one worker fewer than the CPUs: one on CI's 2 cores, which doubled the suite's time.
    maxWorkers: 2,
    benchmark: {
      include: ['bench/**/*.bench.ts'],
    },
  },
});
