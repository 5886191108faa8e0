/**
 * The cost of emitting SQL against the cost of compiling the same filter to
 * `where` JSON (issue 10's target: toSql costs no more than compile). Not a
 * test: it rewrites its section of docs/performance.md.
 *
 *   npx tsx bench/sql-emit.ts          # ROUNDS=31 by default
 *
 * Two tables. Whole calls from text, each result read in full (`json` or
 * `sql`, and `diagnostics`): both run the same front half (parse, check, the
 * static analysis). Then the back ends alone on one checked tree:
 * `emitWhere` + `stringifyWhere` against `emitSql`. Rounds are interleaved (compile, then each dialect,
 * then compile again …) so that the load of a shared machine, which changes
 * over seconds, falls on all of them alike; each figure is the median of
 * the rounds' mean per call.
 */
import { cpus, loadavg } from 'node:os';
import { analyze } from '../src/api/analyze.js';
import { compile } from '../src/api/compile.js';
import { emitSql } from '../src/emit/sql/index.js';
import { emitWhere, stringifyWhere } from '../src/emit/where-json.js';
import { toSql } from '../src/sql.js';
import { QUERIES } from './queries.js';
import { median } from './measure.js';
import { writeSection } from './report.js';

const ROUNDS = Number(process.env.ROUNDS) > 0 ? Number(process.env.ROUNDS) : 31;
/** Calls per round: enough for a round to last a few milliseconds at these costs. */
const CALLS = 200;
const DIALECTS = ['duckdb', 'postgres', 'clickhouse'] as const;

/** Filters beyond the bench's queries: the SQL-specific paths (quantifiers, casing tables, phrases, regex translation). */
const EXTRA = [
  { title: 'arrays, casing, uppercase', text: 'any(languages) = "en" and not (anchor icontains "casino") and uppercase(title) starts with "SEO"' },
  { title: 'phrase or regex', text: 'anchor contains phrase "link building" or anchor matches /^buy\\s+\\w+/' },
];

type Run = () => boolean;

/** Mean microseconds per call of each runner, median over interleaved rounds. */
function time(runners: readonly Run[]): number[] {
  for (const run of runners) for (let i = 0; i < CALLS; i++) if (!run()) throw new Error('a bench filter failed to compile');
  const samples = runners.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    runners.forEach((run, k) => {
      const started = performance.now();
      for (let i = 0; i < CALLS; i++) run();
      samples[k]!.push(((performance.now() - started) * 1000) / CALLS);
    });
  }
  return samples.map(median);
}

/** The back end of toSql alone, as toSql calls it (src/api/sql.ts), on a tree checked once. */
function sqlBackEnd(text: string, dialect: (typeof DIALECTS)[number]): Run {
  const a = analyze(text);
  if (!a.ok || !a.filter || !a.catalogue) throw new Error(text);
  const { filter, references, catalogue } = a;
  const ctx = { dialect, style: dialect === 'clickhouse' ? 'named' as const : 'positional' as const, resolve: (r: Parameters<typeof references.get>[0]) => references.get(r), regexDialect: catalogue.regexDialect, columnName: (n: string) => n, table: undefined, paths: undefined };
  return () => emitSql(filter, ctx).sql !== undefined;
}

function whereBackEnd(text: string): Run {
  const a = analyze(text);
  if (!a.ok || !a.filter) throw new Error(text);
  const { filter, references } = a;
  return () => stringifyWhere(emitWhere(filter, { fieldName: (ref) => references.get(ref)?.apiName ?? ref.name })).length > 0;
}

const cell = (t: number, base: number) => `${t.toFixed(1)} µs (${(t / base).toFixed(2)}×)`;
const full: string[] = [];
const backEnds: string[] = [];
const worst = { full: 0, backEnd: 0 };
const row = (title: string, base: number, others: readonly number[], key: keyof typeof worst, out: string[]) => {
  worst[key] = Math.max(worst[key], ...others.map((t) => t / base));
  out.push(`| ${title} | ${base.toFixed(1)} µs | ${others.map((t) => cell(t, base)).join(' | ')} |`);
  console.log(key, out[out.length - 1]);
};
for (const q of [...QUERIES.map((x) => ({ title: x.title, text: x.text })), ...EXTRA]) {
  // Every result read, diagnostics included (were either to defer work until they are read, it is paid here).
  const [c, ...s] = time([
    () => { const r = compile(q.text); return r.ok && r.json.length > 0 && r.diagnostics.length >= 0; },
    ...DIALECTS.map((dialect) => () => { const r = toSql(q.text, { dialect }); return r.sql !== undefined && r.diagnostics.length >= 0; }),
  ]);
  row(q.title, c!, s, 'full', full);
  const [w, ...e] = time([whereBackEnd(q.text), ...DIALECTS.map((d) => sqlBackEnd(q.text, d))]);
  row(q.title, w!, e, 'backEnd', backEnds);
}

const verdict = (r: number) => (r <= 1 ? 'met' : `not met: at worst ${((r - 1) * 100).toFixed(0)} % more than compile`);
const header = (first: string) => [`| query | ${first} | DuckDB | PostgreSQL | ClickHouse |`, '| --- | ---: | ---: | ---: | ---: |'];
writeSection('sql-emit', [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}; load average ${loadavg()[0]!.toFixed(1)} at the end.`,
  '',
  `Script: \`npx tsx bench/sql-emit.ts\`. Median of ${ROUNDS} interleaved rounds of ${CALLS} calls; in brackets the time over the \`where\` JSON's. Both \`compile(text)\` and \`toSql(text, { dialect })\` parse, check and analyse the filter; what differs is the back end.`,
  '',
  'Whole calls from query text, every result read (`json` or `sql`, and `diagnostics`):',
  '',
  ...header('`compile`'),
  ...full,
  '',
  'The back ends alone, on one checked tree: `emitWhere` + `stringifyWhere` against `emitSql` (the SQL text is several times longer than the JSON: quantifiers spell two existence tests, casing spells its replacements, every value its typed placeholder).',
  '',
  ...header('`where` JSON'),
  ...backEnds,
  '',
  `Target of issue 10: emitting SQL for a typical filter costs no more than compiling its \`where\` JSON. Whole calls: highest ratio ${worst.full.toFixed(2)}× (${verdict(worst.full)}); the back ends alone: ${worst.backEnd.toFixed(2)}×, a few microseconds on calls of tens (the front half, the same in both, is most of either call).`,
].join('\n'), 'SQL emitter: `toSql` vs `compile`');
console.log(worst);
