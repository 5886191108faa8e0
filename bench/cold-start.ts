/**
 * Cold start (`npm run bench:cold`): in a fresh Node process, how long the
 * import of the built package takes and then its first `compile`, the time a
 * CLI call or a serverless function pays before its first answer. Each
 * sample is a new `node` process (so nothing is warm: no module cache, no
 * JIT), timed from inside it; the figures are medians of 15 samples. Needs
 * `npm run build` first: it measures `dist/`, as users get it.
 *
 *   npm run build && npx tsx bench/cold-start.ts [--samples N]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { median, withSteal } from './measure.js';

const args = process.argv.slice(2);
const SAMPLES = Number(args[args.indexOf('--samples') + 1]) > 0 ? Number(args[args.indexOf('--samples') + 1]) : 15;
const DIST = resolve(process.cwd(), 'dist/index.js');
if (!existsSync(DIST)) {
  console.error('bench/cold-start: dist/index.js is missing; run `npm run build` first.');
  process.exit(1);
}

/** What one fresh process does: the import, then the first compile, each timed from inside. */
const CHILD = `
const t0 = performance.now();
const { compile } = await import(${JSON.stringify(new URL(`file://${DIST}`).href)});
const t1 = performance.now();
const r = compile('domain_rating_source >= 50 and is_dofollow');
const t2 = performance.now();
const again = compile('traffic > 100');
const t3 = performance.now();
if (!r.ok || !again.ok) process.exit(1);
process.stdout.write(JSON.stringify([t1 - t0, t2 - t1, t3 - t2]));`;

function sample(): [number, number, number] {
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', CHILD], { encoding: 'utf8' })) as [number, number, number];
}

const runs: [number, number, number][] = [];
const { stealPercent } = await withSteal(() => {
  for (let i = 0; i < SAMPLES; i++) runs.push(sample());
});
const column = (k: number) => median(runs.map((r) => r[k]!));
const rows: [string, number][] = [
  ['import of dist/index.js', column(0)],
  ['first compile() (builds the parser)', column(1)],
  ['**import + first compile**', median(runs.map((r) => r[0] + r[1]))],
  ['second compile() (for scale: warm parser, cold code)', column(2)],
];
console.log(`Node ${process.version}, median of ${SAMPLES} fresh processes, ms${stealPercent === undefined ? '' : `; CPU steal ${stealPercent.toFixed(0)} % during the samples`}\n`);
console.log('| step | ms |\n| --- | ---: |');
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(1)} |`);
