/**
 * Linear scale (issue 11, target 4): compile and predicate cost per clause
 * for filters of 10, 100, 1,000 and 10,000 clauses (`and` chains, `or`
 * chains, `in` lists), the cost of one row per clause, and the memory a
 * result retains per clause. Prints a Markdown table.
 *
 *   npm run bench:scale     # bundled, with --expose-gc
 *
 * Run bundled (the npm script does): tsx compiles with esbuild's `keepNames`,
 * which wraps every named closure in a `__name` call, inflating closure-heavy
 * builds. Memory needs `--expose-gc`: the heap is collected before and after
 * holding several results of distinct texts, and the difference divided.
 *
 * Rows: the `and` chain is true for every row (each clause is evaluated), the
 * `or` chain false (likewise), the `in` list a miss; one row cost is the
 * fast tenth of 60 passes over 1,000 generated rows, divided by the clauses.
 */
import { cpus } from 'node:os';
import { analyze } from '../src/api/analyze.js';
import { compile } from '../src/api/compile.js';
import { predicate } from '../src/api/predicate.js';
import { compilePredicate } from '../src/emit/predicate.js';
import { generateRows } from './rows.js';

const gc = (globalThis as { gc?: () => void }).gc;
const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000,10000').split(',').map(Number);
const FIELDS = ['traffic', 'refdomains_source', 'positions', 'page_size', 'links_external'];

/** The filter of `n` clauses of one kind; `salt` makes texts distinct without changing their shape. */
function text(kind: 'and' | 'or' | 'in', n: number, salt: number): string {
  if (kind === 'in') return `traffic in (${Array.from({ length: n }, (_, i) => -1 - i - salt * n).join(', ')})`;
  // `and`: every clause true for every row (these columns are never negative); `or`: every clause false.
  const clause = (i: number) => (kind === 'and' ? `${FIELDS[i % FIELDS.length]} > ${-1 - i - salt}` : `${FIELDS[i % FIELDS.length]} < ${-1 - i - salt}`);
  return Array.from({ length: n }, (_, i) => clause(i)).join(` ${kind} `);
}

const options = (n: number, unique: number) => ({ maxLength: 64 * n + 1000 + unique, maxListLength: n + 10, maxDepth: 64 });

/** µs per call: the fastest of 5 rounds of at least `ms` each. */
function timeUs(task: (i: number) => unknown, ms: number): number {
  let best = Infinity;
  let i = 0;
  task(i++);
  for (let r = 0; r < 5; r++) {
    let calls = 0;
    const t0 = performance.now();
    let elapsed = 0;
    do {
      task(i++);
      calls++;
      elapsed = performance.now() - t0;
    } while (elapsed < ms);
    best = Math.min(best, (elapsed * 1000) / calls);
  }
  return best;
}

/** Bytes retained per clause by `count` results of `make`, or undefined without --expose-gc. */
function retainedPerClause(make: (i: number) => unknown, n: number, count: number): number | undefined {
  if (!gc) return undefined;
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const held: unknown[] = [];
  for (let i = 0; i < count; i++) held.push(make(1000 + i));
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (held.length !== count) throw new Error('unreachable');
  return (after - before) / count / n;
}

const rows = generateRows(1000);
let n = 0;
/** ns per row per clause, over the rows. */
function rowNsPerClause(test: (row: Record<string, unknown>) => boolean, clauses: number): number {
  const loop = new Function('test', 'rows', `let c = 0; for (let i = 0; i < rows.length; i++) if (test(rows[i])) c++; return c; // ${n++}`) as (
    t: typeof test,
    r: typeof rows,
  ) => number;
  const samples: number[] = [];
  // Enough passes for V8 to optimise the generated functions; the fast tenth of them.
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    loop(test, rows);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return (samples[6]! * 1e6) / rows.length / clauses;
}

const lines: string[] = [];
let unique = 0;
for (const kind of ['and', 'or', 'in'] as const) {
  for (const size of SIZES) {
    const ms = size >= 10_000 ? 400 : 60;
    const compileUs = timeUs((i) => compile(text(kind, size, i % 7), options(size, 0)), ms);
    const predicateUs = timeUs(() => predicate(text(kind, size, 0), options(size, ++unique)), ms);
    const keep = predicate(text(kind, size, 0), options(size, ++unique));
    const rowNs = rowNsPerClause(keep, size);
    const copies = size >= 10_000 ? 3 : size >= 1000 ? 10 : 50;
    const compileBytes = retainedPerClause((i) => compile(text(kind, size, i), options(size, 0)), size, copies);
    // The predicate function alone (what it keeps alive: its code, constants, and the tree for the lazy
    // "is false" side), without the text cache of `predicate`, which holds its entries anyway.
    const predicateBytes = retainedPerClause((i) => {
      const a = analyze(text(kind, size, i), options(size, 0));
      const references = a.references;
      return compilePredicate(a.filter!, { resolve: (ref) => references.get(ref), dialect: a.catalogue!.regexDialect }).matches;
    }, size, copies);
    const kb = (b: number | undefined) => (b === undefined ? 'run with --expose-gc' : `${(b / 1024).toFixed(2)} KB`);
    lines.push(
      `| \`${kind}\` | ${size.toLocaleString('en-US')} | ${(compileUs / size).toFixed(2)} | ${(predicateUs / size).toFixed(2)} | ${rowNs.toFixed(1)} | ${kb(compileBytes)} | ${kb(predicateBytes)} |`,
    );
    console.error(`${kind} ${size}: done`);
  }
}

console.log(`Measured ${new Date().toISOString().slice(0, 16)}Z on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}; fastest of 5 rounds.`);
console.log('');
console.log('| filter | clauses | `compile` µs / clause | `predicate` µs / clause (new text) | one row, ns / clause | `compile` result retains / clause | predicate function retains / clause |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const line of lines) console.log(line);
