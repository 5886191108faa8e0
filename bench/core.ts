/**
 * Measures the budgets that shape the core: bundle size (min+gzip) of what a
 * browser app pulls in for `compile`, import + first compile time, and compile
 * time per query. Writes its section of docs/performance.md.
 *
 *   npm run build && npx tsx bench/core.ts
 *
 * The bundles are built from the built dist/, as a package user's bundler
 * sees it (bench/size.ts has the breakdown by origin); the budgets are
 * issue 11's.
 */
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { cpus } from 'node:os';
import { withSteal } from './measure.js';
import { writeSection } from './report.js';

async function bundleSize(entry: string): Promise<{ min: number; gzip: number }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    treeShaking: true,
  });
  const code = result.outputFiles[0]!.contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

function startupMs(): number[] {
  // A fresh process per sample: import the built package and compile one query.
  const script = `
    const t0 = performance.now();
    const { compile } = await import('./dist/index.js');
    const r = compile('domain_rating_source >= 50 and is_dofollow');
    const t1 = performance.now();
    if (!r.ok) process.exit(1);
    process.stdout.write(String(t1 - t0));`;
  const samples: number[] = [];
  for (let i = 0; i < 15; i++) samples.push(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })));
  return samples;
}

// The shipped build (run `npm run build` first): what users import. A computed path, so the type check
// does not need dist/ to exist.
const built = '../dist/index.js';
const { compile } = (await import(built)) as typeof import('../src/index.js');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const QUERIES: Record<string, string> = {
  'one comparison': 'domain_rating_source >= 50',
  typical: 'domain_rating_source >= 50 and is_dofollow and not is_spam and (anchor contains "seo" or url_from starts with "https://blog.")',
  'nested, 12 conditions':
    '(DR >= 30 and traffic > 100 or UR > 20) and not (is_spam or is_nofollow) and link_type in (text, image) and first_seen >= 2024-01-01T00:00:00Z and any(languages) = "en" and title icontains "guide" and alt is not null and http_code between 200 and 299',
};

function compileMicros(query: string): number {
  for (let i = 0; i < 2000; i++) compile(query);
  const rounds: number[] = [];
  for (let r = 0; r < 7; r++) {
    const n = 5000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) compile(query);
    rounds.push(((performance.now() - t0) * 1000) / n);
  }
  return median(rounds);
}

const core = await bundleSize("export { compile, check, format, decompile } from './dist/index.js';");
const full = await bundleSize("import './dist/re2.js';\nexport * from './dist/index.js';");
const { result: timed, stealPercent } = await withSteal(() => ({
  start: startupMs(),
  micros: Object.entries(QUERIES).map(([name, q]) => [name, q, compileMicros(q)] as const),
}));
const start = timed.start;
const steal = stealPercent === undefined ? '' : `; the hypervisor took ${stealPercent.toFixed(0)} % of the CPU time during the timed part (CPU steal: a high share slows every program alike)`;
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}${steal}.`,
  '',
  '| measure | result | budget |',
  '| --- | --- | --- |',
  `| core bundle (compile, check, format, decompile), min + gzip | ${(core.gzip / 1024).toFixed(1)} KB (${(core.min / 1024).toFixed(0)} KB min) | ≤ 60 KB for \`{ compile }\` alone |`,
  `| whole package root incl. predicate and re2js, min + gzip | ${(full.gzip / 1024).toFixed(1)} KB (${(full.min / 1024).toFixed(0)} KB min) | (not budgeted) |`,
  `| import + first compile, fresh process, median of ${start.length} | ${median(start).toFixed(1)} ms | ≤ 50 ms |`,
  ...timed.micros.map(([name, q, us]) => `| compile, ${name} (${q.length} chars), median per call | ${us.toFixed(1)} µs | (F1–F3 of the Compile stages table: ≤ 5 / 17 / 70 µs) |`),
];
writeSection('core', lines.join('\n'), 'Compiler: bundle size, start-up, compile time');
console.log(lines.join('\n'));
