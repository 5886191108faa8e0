/**
 * The differential proof (spec sql.md §4): the same rows in every engine,
 * loaded by the project's loaders into tables laid out by createTableSql;
 * each generated filter must select, through toSql, exactly the rows the
 * in-memory predicate selects. On a difference the report names the filter,
 * its SQL and parameters, and the first differing row.
 */
import { mulberry32 } from '../../bench/rows.js';
import fc from 'fast-check';
import { defineCatalogue, type Catalogue, type ColumnSpec } from '../../src/catalogue/index.js';
import { filterText, row } from '../../src/arbitraries/index.js';
import { compile, predicate } from '../../src/index.js';
import type { AndOf, BoolTree, ElementTest, NotOf, RowTest, Test } from '../../src/ast/nodes.js';
import { quoteIdentifier, type SqlDialect } from '../../src/emit/sql/ddl.js';
import { toSql, type SqlOptions } from '../../src/sql.js';
import { ROW_ID, type Engine } from './engines/index.js';

/** Warnings by which toSql says the filter depends on a documented divergence of the dialect. */
export const DIVERGENCE_CODES: ReadonlySet<string> = new Set(['sql-case-divergence', 'sql-regex-unicode-divergence']);

/** The catalogue plus an integer row id (catalogues are data: a column like any other). */
export function withRowId(catalogue: Catalogue): Catalogue {
  const columns: Record<string, ColumnSpec> = { [ROW_ID]: { type: 'integer', nullable: false } };
  for (const c of catalogue.columns) {
    const element = c.type === 'unknown' ? 'null' : c.type;
    columns[c.name] = {
      type: c.array ? `array(${element})` : element,
      nullable: c.nullabilityKnown ? c.nullable : null,
      ...(c.enumValues ? { enum: c.enumValues } : {}),
      returned: c.returned,
    };
  }
  return defineCatalogue({ name: `${catalogue.name}+id`, regexDialect: catalogue.regexDialect, columns, modifiers: catalogue.modifiers });
}

/** Strings that make a naive translation wrong: LIKE wildcards, escapes, case pairs, line breaks. */
const TRAPS = ['%', 'a%b', '_', 'a_b', '\\', 'a\\b', '\\%', '', ' ', 'ß', 'SS', 'ss', 'ẞ', 'İ', 'i̇', 'I', 'ı', 'ΟΔΟΣ', 'οδος', 'ς', 'Σ',
  'line\nbreak', 'a\nb', 'é', 'É', '😀', 'seo', 'SEO', 'a.b', 'a*b', "it's", '"q"'];

/**
 * Rows: the arbitraries' own (NULLs, absent columns, empty strings and
 * arrays, NULL elements, Unicode, dates in every form and offset), some of
 * whose strings are replaced by {@link TRAPS}. With `complete`, columns the
 * catalogue says are never null are always present (a table with NOT NULL).
 */
export function generateRows(catalogue: Catalogue, count: number, seed: number, complete: boolean): Record<string, unknown>[] {
  const arb = complete
    ? fc.tuple(row(catalogue, { columns: (c) => c.nullable }), row(catalogue, { columns: (c) => !c.nullable, absentRate: 0, nullRate: 0.15 })).map(([a, b]) => ({ ...a, ...b }))
    : row(catalogue);
  const rows = fc.sample(arb, { numRuns: count, seed });
  const rand = mulberry32(seed);
  return rows.map((r, i) => {
    const out: Record<string, unknown> = { [ROW_ID]: i };
    for (const [k, v] of Object.entries(r)) {
      const trap = () => TRAPS[Math.floor(rand() * TRAPS.length)]!;
      const column = catalogue.byName.get(k)!;
      const isText = (column.type === 'string' || column.type === 'url' || column.type === 'domain') && !column.enumValues;
      if (isText && typeof v === 'string' && rand() < 0.3) out[k] = rand() < 0.5 ? trap() : `${v}${trap()}${v}`;
      else if (isText && Array.isArray(v) && rand() < 0.3) out[k] = v.map((e) => (typeof e === 'string' && rand() < 0.5 ? trap() : e));
      else Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  });
}


/** Filters from the project's arbitraries (evaluable: no filter-only columns), plus ones aimed at the traps. */
export function generateFilters(catalogue: Catalogue, count: number, seed: number): string[] {
  const generated = fc.sample(filterText(catalogue, { evaluable: true, maxDepth: 3 }), { numRuns: count, seed });
  const text = catalogue.columns.find((c) => c.returned && !c.array && c.type === 'string' && !c.enumValues);
  const list = catalogue.columns.find((c) => c.returned && c.array && c.type === 'string' && !c.enumValues);
  const aimed: string[] = [];
  const lit = (s: string) => JSON.stringify(s);
  for (const t of TRAPS) {
    if (text) {
      for (const op of ['contains', 'icontains', 'starts with', 'ends with', '=', '<', '>=']) aimed.push(`${text.name} ${op} ${lit(t)}`);
      aimed.push(`not (${text.name} icontains ${lit(t)})`);
    }
    if (list) aimed.push(`any(${list.name}) contains ${lit(t)}`, `all(${list.name}) icontains ${lit(t)}`, `not (all(${list.name}) = ${lit(t)})`);
  }
  return [...aimed, ...generated];
}

/**
 * What a list of filters exercises, by construct: `op:eq` … `op:regex`,
 * `in`, `between`, `null`, `empty` (each also as `element:…` inside
 * `any`/`all`), `any`, `all`, `any:COLUMN`, `all:COLUMN`, `not`,
 * `not-nested` (a `not` under a `not`), `modifier:NAME`. The differential
 * test asserts that its filters cover every construct, so that a change to
 * the arbitraries cannot quietly drop one from the proof.
 */
export function census(catalogue: Catalogue, filters: readonly string[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const test = (t: Test, prefix: string) => add(`${prefix}${t.kind === 'compare' ? `op:${t.op}` : t.kind}`);
  const walk = <L extends { readonly kind: string }>(node: BoolTree<L>, prefix: string, nots: number, leaf: (l: L) => void): void => {
    if (node.kind === 'and' || node.kind === 'or') for (const o of (node as AndOf<L>).operands) walk(o, prefix, nots, leaf);
    else if (node.kind === 'not') {
      add(`${prefix}${nots > 0 ? 'not-nested' : 'not'}`);
      walk((node as NotOf<L>).operand, prefix, nots + 1, leaf);
    } else if (node.kind !== 'invalid') leaf(node as L);
  };
  for (const text of filters) {
    const filter = compile(text, { catalogue }).ast;
    if (!filter) continue;
    walk<RowTest>(filter, '', 0, (leaf) => {
      if (leaf.kind === 'list') {
        add(leaf.quantifier);
        add(`${leaf.quantifier}:${leaf.field.name}`);
        walk<ElementTest>(leaf.element, 'element:', 0, (e) => test(e.test, 'element:'));
        return;
      }
      if (leaf.modifier) add(`modifier:${leaf.modifier.name.toLowerCase()}`);
      test(leaf.test, '');
    });
  }
  return counts;
}

export interface Difference {
  readonly filter: string;
  readonly sql: string;
  readonly params: unknown;
  readonly row: Record<string, unknown>;
  readonly expected: boolean;
  readonly got: boolean;
  /** The engine's error, when it rejected the SQL. */
  readonly error?: string;
}

export interface RunReport {
  readonly compared: number;
  /** Filters toSql refused with an error (for example a regex PostgreSQL cannot express): counted by code. */
  readonly refused: Readonly<Record<string, number>>;
  /** Differences under a divergence warning of toSql: documented, not failures. */
  readonly declared: readonly Difference[];
  /** Differences without any warning: failures. */
  readonly failures: readonly Difference[];
}

/** What the predicate sees of a row once it is in the engine: ClickHouse stores a NULL or absent array as []. */
export function asStored(dialect: SqlDialect, catalogue: Catalogue, r: Record<string, unknown>): Record<string, unknown> {
  if (dialect !== 'clickhouse') return r;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const c of catalogue.columns) {
    if (c.array && c.type !== 'unknown' && c.type !== 'object' && (out[c.name] === null || out[c.name] === undefined)) {
      Object.defineProperty(out, c.name, { value: [], enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

/** Compiled predicates, shared by the engines of one run (the library's own cache keeps 64). */
const compiledPredicates = new Map<string, (r: Record<string, unknown>) => boolean>();
function keeper(filter: string, catalogue: Catalogue): (r: Record<string, unknown>) => boolean {
  const key = `${catalogue.name}\u0000${filter}`;
  let keep = compiledPredicates.get(key);
  if (!keep) compiledPredicates.set(key, (keep = predicate(filter, { catalogue }) as (r: Record<string, unknown>) => boolean));
  return keep;
}

interface Emitted {
  readonly filter: string;
  readonly sql: string;
  readonly params: unknown;
  readonly declared: boolean;
}

/**
 * Gives one statement's placeholders names or numbers of their own, so that
 * several conditions share a query: `$3` → `$(3 + offset)`, `$p3` →
 * `$b7_p3`, `{p3:String}` → `{b7_p3:String}`. Values are never spliced into
 * the SQL, so placeholders are the only `$…` / `{name:` outside quoted
 * identifiers and the emitter's string constants, which are skipped: a
 * column named `$1` stays as it is.
 */
const QUOTED: Readonly<Record<SqlDialect, string>> = {
  duckdb: `"(?:[^"]|"")*"|'(?:[^']|'')*'`,
  postgres: `"(?:[^"]|"")*"|'(?:[^']|'')*'`,
  clickhouse: "`(?:[^`\\\\]|\\\\[\\s\\S])*`|'(?:[^'\\\\]|\\\\[\\s\\S])*'",
};
function rebase(dialect: SqlDialect, e: Emitted, index: number, offset: number): { sql: string; params: unknown } {
  const placeholder = dialect === 'clickhouse' ? String.raw`\{([A-Za-z_][A-Za-z0-9_]*):` : String.raw`\$(p?)(\d+)`;
  const pattern = new RegExp(`(${QUOTED[dialect]})|${placeholder}`, 'g');
  const sql = e.sql.replace(pattern, (_whole: string, quoted: string | undefined, a: string, b: string) => {
    if (quoted !== undefined) return quoted;
    if (dialect === 'clickhouse') return `{b${index}_${a}:`;
    return a === 'p' ? `$b${index}_p${b}` : `$${Number(b) + offset}`;
  });
  if (Array.isArray(e.params)) return { sql, params: e.params };
  return { sql, params: Object.fromEntries(Object.entries(e.params as Record<string, unknown>).map(([k, v]) => [`b${index}_${k}`, v])) };
}

/** Ids of the rows each condition keeps, BATCH conditions per query (one query per condition when the batch fails). */
async function selectEach(engine: Engine, table: string | readonly string[], emitted: readonly Emitted[]): Promise<(Set<number> | Error)[]> {
  const dialect = engine.dialect;
  const byName = emitted.some((e) => !Array.isArray(e.params));
  const id = quoteIdentifier(dialect, ROW_ID);
  const from = (typeof table === 'string' ? [table] : table).map((part) => quoteIdentifier(dialect, part)).join('.');
  const out: (Set<number> | Error)[] = [];
  const BATCH = 40;
  for (let start = 0; start < emitted.length; start += BATCH) {
    const batch = emitted.slice(start, start + BATCH);
    const columns: string[] = [];
    let positional: unknown[] = [];
    let named: Record<string, unknown> = {};
    batch.forEach((e, i) => {
      const r = rebase(dialect, e, i, positional.length);
      columns.push(`CASE WHEN ${r.sql} THEN 1 ELSE 0 END AS f${i}`);
      if (Array.isArray(r.params)) positional = [...positional, ...r.params];
      else named = { ...named, ...(r.params as Record<string, unknown>) };
    });
    try {
      const rows = await engine.query(`SELECT ${id} AS id, ${columns.join(', ')} FROM ${from}`, byName ? named : positional);
      batch.forEach((_, i) => out.push(new Set(rows.filter((r) => Number(r[`f${i}`]) === 1).map((r) => Number(r.id)))));
    } catch (batchError) {
      // One condition the engine rejects fails its batch: run them one by one to find it.
      for (const e of batch) {
        try {
          out.push(new Set((await engine.query(`SELECT ${id} AS id FROM ${from} WHERE ${e.sql}`, e.params as never)).map((r) => Number(r.id))));
        } catch (error) {
          out.push(error instanceof Error ? error : new Error(String(error ?? batchError)));
        }
      }
    }
  }
  return out;
}

/** Runs every filter on the engine and on the predicate, over the rows the engine loaded. */
export async function compare(
  engine: Engine,
  catalogue: Catalogue,
  table: string | readonly string[],
  rows: readonly Record<string, unknown>[],
  loaded: readonly number[],
  filters: readonly string[],
  /** More options of toSql: column mapping, table qualification, placeholder style (the table's own layout must match). */
  sqlOptions: Pick<SqlOptions, 'columns' | 'table' | 'params'> = {},
): Promise<RunReport> {
  const dialect = engine.dialect;
  const refused: Record<string, number> = {};
  const declared: Difference[] = [];
  const failures: Difference[] = [];
  const stored = loaded.map((i) => asStored(dialect, catalogue, rows[i]!));
  const emitted: Emitted[] = [];
  for (const filter of filters) {
    const result = toSql(filter, { ...sqlOptions, dialect, catalogue });
    if (!result.ok || result.sql === undefined) {
      for (const d of result.diagnostics.filter((x) => x.severity === 'error')) refused[d.code] = (refused[d.code] ?? 0) + 1;
      continue;
    }
    emitted.push({ filter, sql: result.sql, params: result.params, declared: result.diagnostics.some((d) => DIVERGENCE_CODES.has(d.code)) });
  }
  const results = await selectEach(engine, table, emitted);
  let compared = 0;
  emitted.forEach((e, i) => {
    const got = results[i]!;
    if (got instanceof Error) {
      // The engine rejected the emitted SQL: a failure of the emitter, reported like a difference.
      failures.push({ filter: e.filter, sql: e.sql, params: e.params, row: {}, expected: false, got: false, error: got.message });
      return;
    }
    compared++;
    const keep = keeper(e.filter, catalogue);
    const differing = stored.find((r) => keep(r) !== got.has(r[ROW_ID] as number));
    if (!differing) return;
    const difference: Difference = {
      filter: e.filter, sql: e.sql, params: e.params, row: differing,
      expected: keep(differing), got: got.has(differing[ROW_ID] as number),
    };
    (e.declared ? declared : failures).push(difference);
  });
  return { compared, refused, declared, failures };
}

/** A failure as a reader wants it: the filter, the SQL, the parameters, the row, expected vs got. */
export function describeDifference(dialect: SqlDialect, d: Difference): string {
  return [
    `${dialect}: filter  ${d.filter}`,
    `  sql     ${d.sql}`,
    `  params  ${JSON.stringify(d.params)}`,
    ...(d.error ? [`  error   ${d.error}`] : [`  row     ${JSON.stringify(d.row)}`]),
    ...(d.error ? [] : [`  predicate ${d.expected ? 'keeps' : 'drops'} it; ${dialect} ${d.got ? 'keeps' : 'drops'} it`]),
  ].join('\n');
}
