/**
 * Where the time of `compile` goes, stage by stage (`npm run bench:compile`):
 * the lexer, the parser (tokens → AST, the grammar's actions included), the
 * whole `parse` entry (text → document with every lexical check), the checker
 * (types alone, then with the static analysis), the `where` emitter with
 * `JSON.stringify`, and `compile()` itself, with its static analysis (the
 * default) and without it (`analysis: false`), on the performance study's three
 * filters (notes/performance-study.md): F1 one comparison, F2 four
 * conditions, F3 query 6 of the benchmark (12 conditions).
 *
 * Every call gets a distinct text (the numbers in the filter change), so no
 * cache of any stage can hit. The stages run interleaved, round after round,
 * and each figure is the median over rounds of one round's mean, which keeps
 * a noisy shared machine from favouring whichever stage ran in a quiet moment.
 * A scale table follows: µs per clause of `parse` and of `compile` from 10 to 10,000
 * clauses, for `and` chains, `or` chains and `in` lists.
 *
 *   npm run bench:compile [-- --rounds N --no-scale]
 *
 * (bundled by esbuild first, with Chevrotain inside, as `dist` has it: run
 * through tsx the same code is several times slower)
 */
import { compile } from '../src/api/index.js';
import { allBacklinks } from '../src/catalogue/index.js';
import { checkFilter } from '../src/check/index.js';
import { emitWhere, stringifyWhere } from '../src/emit/index.js';
import { lexText, parse } from '../src/syntax/index.js';
import { LineIndex } from '../src/syntax/lexical.js';
import { getParser } from '../src/syntax/parser.js';
import type { Filter } from '../src/ast/nodes.js';
import { QUERIES } from './queries.js';
import { median } from './measure.js';

const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf('--rounds') + 1]) > 0 ? Number(args[args.indexOf('--rounds') + 1]) : 15;
const SCALE = !args.includes('--no-scale');

/** The study's filters; `n` makes each text distinct (every number in it changes). */
const FILTERS: readonly { readonly name: string; readonly text: (n: number) => string }[] = [
  { name: 'F1', text: (n) => `domain_rating_source >= ${n % 100}` },
  { name: 'F2', text: (n) => `domain_rating_source >= ${n % 100} and traffic > ${n} and is_dofollow and not is_spam` },
  {
    name: 'F3',
    text: (n) => QUERIES.find((q) => q.id === 'nested')!.text.replace(/\b(\d+)\b(?![-:])/g, (d) => String(Number(d) + (n % 7))),
  },
];

/** Texts per round and filter: enough that a round lasts a few milliseconds. */
const PER_ROUND: Readonly<Record<string, number>> = { F1: 2000, F2: 800, F3: 200 };

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`bench/compile-stages: ${what}`);
  return value;
}

/** One stage: `prepare` builds its inputs for a round (untimed); `run` is timed over them. */
interface Stage {
  readonly name: string;
  readonly prepare: (texts: readonly string[]) => unknown[];
  readonly run: (input: unknown) => unknown;
}

const checked = (text: string) => {
  const filter = must(parse(text).document.filter, `no filter for ${text}`);
  const c = checkFilter(filter, allBacklinks, { source: text });
  return { filter, references: c.references };
};

const STAGES: readonly Stage[] = [
  { name: 'lexer', prepare: (t) => [...t], run: (text) => lexText(text as string) },
  { name: 'parser (tokens → AST)', prepare: (t) => t.map((x) => ({ text: x, tokens: lexText(x).tokens })), run: (i) => parseTokens(i as Parameters<typeof parseTokens>[0]) },
  { name: 'parse() (text → document)', prepare: (t) => [...t], run: (text) => parse(text as string) },
  {
    name: 'checker, types only',
    prepare: (t) => t.map((x) => must(parse(x).document.filter, x)),
    run: (f) => checkFilter(f as Filter, allBacklinks, { analysis: false }),
  },
  {
    name: 'checker + static analysis',
    prepare: (t) => t.map((x) => ({ filter: must(parse(x).document.filter, x), source: x })),
    run: (i) => checkFilter((i as { filter: Filter }).filter, allBacklinks, { source: (i as { source: string }).source }),
  },
  {
    name: 'where emitter + stringify',
    prepare: (t) => t.map(checked),
    run: (i) => {
      const { filter, references } = i as ReturnType<typeof checked>;
      return stringifyWhere(emitWhere(filter, { fieldName: (ref) => references.get(ref)?.apiName ?? ref.name }));
    },
  },
  { name: 'compile()', prepare: (t) => [...t], run: (text) => compile(text as string) },
  // The same JSON and errors without the static analysis's warnings: what a loop that needs only the JSON pays.
  { name: 'compile({ analysis: false })', prepare: (t) => [...t], run: (text) => compile(text as string, { analysis: false }) },
];

/** The parser alone: tokens → AST (the lexical checks and limits of `parse` excluded). */
function parseTokens(input: { readonly text: string; readonly tokens: ReturnType<typeof lexText>['tokens'] }): unknown {
  const parser = getParser();
  parser.startParse(input.tokens, new LineIndex(input.text));
  return parser.filter();
}

let counter = 1;
let sink = 0;

/** µs per call of one stage over one round's inputs. */
function time(stage: Stage, inputs: readonly unknown[]): number {
  const t0 = performance.now();
  for (const input of inputs) sink += stage.run(input) === undefined ? 0 : 1;
  return ((performance.now() - t0) * 1000) / inputs.length;
}

function stageTable(): string[][] {
  for (const f of FILTERS) if (!compile(f.text(1)).ok) throw new Error(`bench/compile-stages: ${f.name} does not compile`);
  const samples = new Map<string, number[]>();
  // Round 0 warms every stage up and is not counted.
  for (let round = 0; round <= ROUNDS; round++) {
    for (const f of FILTERS) {
      for (const stage of STAGES) {
        const texts = Array.from({ length: PER_ROUND[f.name]! }, () => f.text(counter++));
        const us = time(stage, stage.prepare(texts));
        if (round === 0) continue;
        const key = `${stage.name}\u0000${f.name}`;
        samples.set(key, [...(samples.get(key) ?? []), us]);
      }
    }
  }
  return STAGES.map((s) => [s.name, ...FILTERS.map((f) => median(samples.get(`${s.name}\u0000${f.name}`)!).toFixed(2))]);
}

/** Filters of `n` clauses: an `and` chain, an `or` chain, one `in` list (distinct by `k`). */
const SHAPES: readonly { readonly name: string; readonly text: (n: number, k: number) => string }[] = [
  { name: 'and chain', text: (n, k) => Array.from({ length: n }, (_, i) => `traffic > ${i + k}`).join(' and ') },
  { name: 'or chain', text: (n, k) => Array.from({ length: n }, (_, i) => `(domain_rating_source >= ${i} and traffic < ${i + k})`).join(' or ') },
  { name: 'in list', text: (n, k) => `http_code in (${Array.from({ length: n }, (_, i) => i + k).join(', ')})` },
];

/** µs per clause of `parse` (text → AST) and of `compile`, each shape and size; the first call of each warms up. */
function scaleTable(): string[][] {
  const sizes = [10, 100, 1000, 10_000];
  // Longer texts and `in` lists than the defaults allow.
  const options = { maxLength: 10_000_000, maxListLength: 100_000 };
  const rows: string[][] = [];
  for (const shape of SHAPES) {
    const cells = { parse: [`${shape.name}: parse()`], compile: [`${shape.name}: compile()`] };
    for (const n of sizes) {
      // About 20,000 clauses per size, at least 5 calls; each stage in its own loop, from a collected heap when
      // `--expose-gc` allows it, so that one stage's garbage is not collected on the other's time.
      const calls = Math.max(5, Math.round(20_000 / n));
      const texts = Array.from({ length: calls + 1 }, () => shape.text(n, counter++));
      const perClause = (run: (text: string) => boolean): string => {
        (globalThis as { gc?: () => void }).gc?.();
        const us: number[] = [];
        texts.forEach((text, c) => {
          const t0 = performance.now();
          const ok = run(text);
          const t = ((performance.now() - t0) * 1000) / n;
          if (!ok) throw new Error(`bench/compile-stages: ${shape.name} of ${n} does not compile`);
          if (c > 0) us.push(t);
        });
        return median(us).toFixed(2);
      };
      cells.parse.push(perClause((text) => parse(text, options).diagnostics.length === 0));
      cells.compile.push(perClause((text) => compile(text, options).ok));
    }
    rows.push(cells.parse, cells.compile);
  }
  return rows;
}

function table(header: readonly string[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

console.log(`Node ${process.version}, ${ROUNDS} rounds, µs per call (median of rounds), distinct texts\n`);
console.log(table(['stage', ...FILTERS.map((f) => f.name)], stageTable()));
if (SCALE) {
  console.log('\nµs per clause\n');
  console.log(table(['shape', '10', '100', '1,000', '10,000'], scaleTable()));
}
if (sink < 0) console.log(sink);
