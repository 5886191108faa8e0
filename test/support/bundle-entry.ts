/**
 * One of the CLI's entry points bundled once per test file, for tests that
 * run it as a process (`node <bundle> …`). tsx's loader in each child
 * compiled the sources again (about 2.5 s a process on this 2-core
 * machine); a bundle starts in a fraction of that and runs the same code.
 * The tarball test runs the built dist/cli.js as well.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';

/**
 * Bundles `entry` (a path from the project root) before the file's tests and
 * removes it after; returns the bundle's path, to pass to `node`.
 */
export function bundledEntry(entry: string): string {
  // Inside the project, so that the packages left out of the bundle (DuckDB, re2js, vscode-languageserver) resolve from node_modules.
  const cache = join(process.cwd(), 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'aw-entry-'));
  const outfile = join(dir, 'entry.mjs');
  beforeAll(async () => {
    await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return outfile;
}
