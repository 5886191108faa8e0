/**
 * One of the CLI's entry points bundled for tests that run it as a process
 * (`node <bundle> …`). tsx's loader in each child compiled the sources again
 * (about 2.5 s a process on this 2-core machine); a bundle starts in a
 * fraction of that and runs the same code. The tarball test runs the built
 * dist/cli.js as well.
 *
 * Test files share their worker's modules (vitest.config.ts, `isolate:
 * false`), so this module registers no hooks of its own: a test file awaits
 * {@link bundledEntry} in its own `beforeAll`. Each entry is built once per
 * worker, and written by rename, so two workers building it at once never
 * see half a file.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

// Inside the project, so that the packages left out of the bundle (DuckDB, re2js, vscode-languageserver) resolve from node_modules.
const DIR = join(process.cwd(), 'node_modules/.cache/test-entries');
const built = new Map<string, Promise<string>>();

/** The path of `entry` (a path from the project root) bundled, to pass to `node`. */
export function bundledEntry(entry: string): Promise<string> {
  let path = built.get(entry);
  if (!path) {
    path = bundle(entry);
    built.set(entry, path);
  }
  return path;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', write: false, logLevel: 'error' });
  mkdirSync(DIR, { recursive: true });
  const outfile = join(DIR, `${basename(entry, '.ts')}.mjs`);
  const partial = `${outfile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(partial, result.outputFiles[0]!.contents);
  renameSync(partial, outfile);
  return outfile;
}
