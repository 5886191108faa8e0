// End-to-end tests: a real browser (Debian's Chromium via playwright-core) on the built playground, and
// a real Neovim on the built language server. Run with `npx vitest run --config vitest.e2e.config.ts`
// after `npm run build` (scripts/e2e.sh installs Chromium and Neovim first).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    // Lets the e2e files run only here: the default config's `test/**` glob also finds them.
    env: { AHREFS_WHERE_E2E: '1' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
