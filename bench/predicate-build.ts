/**
 * Text → ready predicate, per bench query, next to `@marcbachmann/cel-js`'s
 * `parse` of the same query and our `compile()` alone, in one run (issue 11,
 * target 2: within 5× of cel-js). Prints a Markdown table; docs/performance.md
 * is written by the lead from it.
 *
 *   npm run bench:build                  # or: npx tsx bench/predicate-build.ts
 *   BENCH_ROUNDS=41 npx tsx bench/predicate-build.ts
 *
 * Uncached: `predicate` caches compiled filters by text and options, so every
 * call passes a different (irrelevant) length limit and misses that cache,
 * as a new text would. Filters of one shape still share their generated
 * factory (the source holds no values): that is what a new text of a known
 * shape costs. "first build" is each query's very first `predicate` in this
 * process (a shape never seen: `new Function` and V8's first compile), on
 * code already warmed by the other queries.
 *
 * "back end" is `compilePredicate` alone on the already checked filter: the
 * predicate's own share, with the default choice, closures, and generated
 * code (whose factory is cached by shape after the first call).
 *
 * Run it bundled (`npm run bench:build` does): tsx compiles with esbuild's
 * `keepNames`, which wraps every named closure in a `__name` call when it is
 * created, inflating closure-heavy builds.
 *
 * The machine is shared: tasks take turns in short rounds, and each figure is
 * the fast tenth of its rounds (the least disturbed), µs per call.
 */
import { cpus } from 'node:os';
import { parse as celParse } from '@marcbachmann/cel-js';
import { analyze } from '../src/api/analyze.js';
import { compile } from '../src/api/compile.js';
import { evaluate, predicate } from '../src/api/predicate.js';
import { compilePredicate, type PredicateContext } from '../src/emit/predicate.js';
import { QUERIES } from './queries.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS) > 0 ? Number(process.env.BENCH_ROUNDS) : 21;
const ROUND_MS = 15;

let unique = 1_000_000;

/** µs per call of one round lasting about {@link ROUND_MS}. */
function round(task: () => unknown): number {
  let calls = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    task();
    calls++;
    elapsed = performance.now() - t0;
  } while (elapsed < ROUND_MS);
  return (elapsed * 1000) / calls;
}

/** The fast tenth of a list of samples. */
function fastTenth(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 10)]!;
}

interface Row {
  readonly title: string;
  readonly first: number;
  readonly ready: number;
  readonly withEvaluate: number;
  readonly compile: number;
  readonly emit: number;
  readonly emitClosures: number;
  readonly emitGenerated: number;
  readonly cel: number | undefined;
}

const rows: Row[] = [];
for (const q of QUERIES) {
  const cel = q.peers['cel-js']?.source as string | undefined;
  const t0 = performance.now();
  predicate(q.text, { maxLength: unique++ });
  const first = (performance.now() - t0) * 1000;
  // The predicate back end alone, from the checked filter (what compile() does not already do).
  const analysis = analyze(q.text, {});
  const references = analysis.references;
  const ctx: PredicateContext = { resolve: (ref) => references.get(ref), dialect: analysis.catalogue!.regexDialect };
  const filter = analysis.filter!;
  const tasks: Record<string, () => unknown> = {
    ready: () => predicate(q.text, { maxLength: unique++ }),
    emit: () => compilePredicate(filter, ctx),
    emitClosures: () => compilePredicate(filter, ctx, { codegen: false }),
    emitGenerated: () => compilePredicate(filter, ctx, { codegen: true }),
    // The three-valued evaluation also builds the "is false" side, which `predicate` never needs.
    withEvaluate: () => evaluate(q.text, {}, { maxLength: unique++ }),
    compile: () => compile(q.text),
    ...(cel ? { cel: () => celParse(cel) } : {}),
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(tasks).map((k) => [k, []]));
  for (const task of Object.values(tasks)) round(task); // warm-up
  for (let r = 0; r < ROUNDS; r++) for (const [name, task] of Object.entries(tasks)) samples[name]!.push(round(task));
  rows.push({
    title: q.title,
    first,
    ready: fastTenth(samples.ready!),
    withEvaluate: fastTenth(samples.withEvaluate!),
    compile: fastTenth(samples.compile!),
    emit: fastTenth(samples.emit!),
    emitClosures: fastTenth(samples.emitClosures!),
    emitGenerated: fastTenth(samples.emitGenerated!),
    cel: cel ? fastTenth(samples.cel!) : undefined,
  });
  console.error(`${q.title}: done`);
}

const f = (us: number) => (us >= 100 ? us.toFixed(0) : us.toFixed(1));
console.log(`Measured ${new Date().toISOString().slice(0, 16)}Z on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}; ${ROUNDS} rounds of ${ROUND_MS} ms per task, fast tenth.`);
console.log('');
console.log(
  '| query | `predicate`, new text (µs) | ÷ cel-js `parse` | with `evaluate` (µs) | `compile` alone (µs) | cel-js `parse` (µs) |' +
    ' back end from the checked filter: default / closures / generated (µs) | first build of the shape (µs) |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const ratio = r.cel === undefined ? '—' : `${(r.ready / r.cel).toFixed(1)}×`;
  console.log(`| ${r.title} | ${f(r.ready)} | ${ratio} | ${f(r.withEvaluate)} | ${f(r.compile)} | ${r.cel === undefined ? '—' : f(r.cel)} | ${f(r.emit)} / ${f(r.emitClosures)} / ${f(r.emitGenerated)} | ${f(r.first)} |`);
}
