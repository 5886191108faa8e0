import { defineConfig } from 'vitest/config';

/** Test files that replace process-wide state and so need a module graph of their own. */
const ISOLATED = [
  'test/semantics/regex-engine.test.ts',
  'test/predicate/semantics.test.ts',
  'test/predicate/regex-linear.test.ts',
  'test/security/injection.test.ts',
  'test/catalogue/named.test.ts',
];

export default defineConfig({
  test: {
    // The browser suite runs separately (npm run test:e2e, vitest.e2e.config.ts).
    exclude: ['test/e2e/**', 'node_modules/**'],
    // re2js registered as the RE2 engine, as `import 'ahrefs-where/re2'` does (test/semantics/regex-engine.test.ts covers its absence).
    // Every endpoint's catalogue loaded, as `import 'ahrefs-where/catalogues'` does (test/catalogue/named.test.ts covers the root without it).
    setupFiles: ['test/support/register-re2.ts', 'test/support/register-catalogues.ts'],
    // Property tests use fixed seeds so that runs are reproducible.
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the CPUs: one on CI's 2 cores, which doubled the suite's time.
    maxWorkers: 2,
    // Test files share their workers' module graph (isolate: false): loading the library afresh for each of
    // ~110 files cost more than half of the suite's time. The files that swap process-wide state (the
    // registered RE2 engine, spies on re2js or globals) run isolated, in their own project.
    projects: [
      // (`extends` concatenates include/exclude lists with the root's, so the root names none of its own files.)
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
    benchmark: {
      include: ['bench/**/*.bench.ts'],
    },
  },
});
