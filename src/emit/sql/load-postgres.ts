/**
 * PostgreSQL loader: batched, parameterised `INSERT … VALUES` for rows given
 * as JavaScript objects (parsed JSON Lines). Every value is a bound
 * parameter; values are converted here, with the predicate's own readers,
 * so the table holds exactly what the predicate sees:
 * - datetimes through `parseInstant` (spec §4 forms only; anything else NULL)
 *   as ISO instants in UTC;
 * - arrays as PostgreSQL array literals (`{"a",NULL}`), which every client
 *   binds as text;
 * - objects and untyped arrays as `jsonb`.
 * A value PostgreSQL cannot store as the predicate reads it (U+0000 in text
 * or jsonb) or one of another type than its column's skips its row with a
 * `sql-unloadable-value` diagnostic (JSON path `/rows/N/column`).
 */
import type { Catalogue } from '../../catalogue/types.js';
import { pointerSegment, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { report, reportSql } from '../../diagnostics/messages.js';
import { describeValue } from '../../vocabulary/index.js';
import { parseInstant } from '../../vocabulary/dates.js';
import { tableLayout, type TableColumn, type TableOptions } from './ddl.js';

export interface InsertBatch {
  readonly sql: string;
  readonly params: readonly (string | number | boolean | null)[];
}

export interface InsertBatchesResult {
  /** False when options are invalid or some row was skipped. */
  readonly ok: boolean;
  readonly batches: readonly InsertBatch[];
  /** Indexes (into `rows`) of the rows the batches insert, in order. */
  readonly loaded: readonly number[];
  readonly diagnostics: readonly Diagnostic[];
}

/** PostgreSQL's limit on bound parameters per statement. */
const MAX_PARAMS = 65_535;

type Param = string | number | boolean | null;
class Unloadable {
  constructor(readonly reason: string) {}
}

function hasNul(text: string): boolean {
  return text.includes('\u0000');
}

/** One scalar as a parameter (or as the text of an array element), or Unloadable. */
function scalar(c: TableColumn, v: unknown): Param | Unloadable {
  if (v === null || v === undefined) return null;
  switch (c.column.type) {
    case 'integer':
    case 'float':
      return typeof v === 'number' && Number.isFinite(v) && (c.column.type === 'float' || Number.isInteger(v)) ? v : new Unloadable(`expected a ${c.column.type}, got ${JSON.stringify(v)}`);
    case 'boolean':
      return typeof v === 'boolean' ? v : new Unloadable(`expected a boolean, got ${JSON.stringify(v)}`);
    case 'date':
    case 'datetime': {
      // Not a date in a spec §4 form: NULL, which the predicate reads as unknown too.
      const t = typeof v === 'string' ? parseInstant(v) : null;
      return t === null ? null : new Date(t).toISOString();
    }
    default:
      if (typeof v !== 'string') return new Unloadable(`expected a string, got ${JSON.stringify(v)}`);
      return hasNul(v) ? new Unloadable('PostgreSQL text cannot hold U+0000') : v;
  }
}

/** An element of a PostgreSQL array literal: NULL, or a double-quoted string with `"` and `\` escaped. */
function arrayElement(p: Param): string {
  return p === null ? 'NULL' : `"${String(p).replace(/[\\"]/g, (m) => `\\${m}`)}"`;
}

function toParam(c: TableColumn, v: unknown): Param | Unloadable {
  if (v === null || v === undefined) return null;
  if (c.kind === 'json') {
    const text = JSON.stringify(v);
    return hasNul(text) || text.includes('\\u0000') ? new Unloadable('PostgreSQL jsonb cannot hold U+0000') : text;
  }
  if (c.kind === 'scalar') return scalar(c, v);
  if (!Array.isArray(v)) return new Unloadable(`expected an array, got ${JSON.stringify(v)}`);
  const parts: string[] = [];
  for (const e of v) {
    const p = scalar(c, e);
    if (p instanceof Unloadable) return p;
    parts.push(arrayElement(p));
  }
  return `{${parts.join(',')}}`;
}

/** The cast on each placeholder: the column type without its collation (the column's own applies). */
function castOf(c: TableColumn): string {
  return c.sqlType.replace(' COLLATE "C"', '');
}

/**
 * Batched `INSERT INTO table (…) VALUES ($1::bigint, …), (…)` statements for
 * the rows, at most `batchSize` rows (default 500) and 65,535 parameters each.
 * Never throws: bad options and unloadable rows are diagnostics.
 *
 * @example
 * const { batches } = postgresInsertBatches(allBacklinks, rows, { dialect: 'postgres', table: 'backlinks' });
 * for (const b of batches) await client.query(b.sql, b.params);
 */
export function postgresInsertBatches(
  catalogue: Catalogue,
  rows: readonly unknown[],
  options: TableOptions & { readonly batchSize?: number },
): InsertBatchesResult {
  const result = tableLayout(catalogue, options);
  const diagnostics: Diagnostic[] = [...result.diagnostics];
  if (result.layout && result.layout.dialect !== 'postgres') {
    diagnostics.push(report('invalid-option', 'sql-dialect-needed', { function: 'postgresInsertBatches', dialect: 'postgres' }, { path: '/dialect' }));
  }
  const size = options?.batchSize ?? 500;
  if (!Number.isInteger(size) || size < 1) diagnostics.push(report('invalid-option', 'value', { option: 'batchSize', allowed: 'a positive integer', found: describeValue(size) }, { path: '/batchSize' }));
  if (!Array.isArray(rows)) diagnostics.push(report('invalid-option', 'value', { option: 'rows', allowed: 'an array of row objects', found: describeValue(rows) }, { path: '/rows' }));
  if (!result.layout || diagnostics.length > 0) return { ok: false, batches: [], loaded: [], diagnostics };
  const { table, columns } = result.layout;
  const perBatch = Math.max(1, Math.min(size, Math.floor(MAX_PARAMS / Math.max(columns.length, 1))));
  const head = `INSERT INTO ${table} (${columns.map((c) => c.quoted).join(', ')}) VALUES `;

  const batches: InsertBatch[] = [];
  const loaded: number[] = [];
  let tuples: string[] = [];
  let params: Param[] = [];
  const flush = () => {
    if (tuples.length > 0) batches.push({ sql: head + tuples.join(', '), params });
    tuples = [];
    params = [];
  };
  rows.forEach((row, index) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      diagnostics.push(report('invalid-row', 'notObject', { row: `Row ${index}`, found: describeValue(row) }, { path: `/rows/${index}` }));
      return;
    }
    const values: Param[] = [];
    for (const c of columns) {
      const own = Object.prototype.hasOwnProperty.call(row, c.column.name) ? (row as Record<string, unknown>)[c.column.name] : undefined;
      const p = toParam(c, own);
      if (p instanceof Unloadable) {
        diagnostics.push(reportSql('sql-unloadable-value', 'value', { index, column: c.column.name, reason: p.reason }, { path: `/rows/${index}/${pointerSegment(c.column.name)}` }));
        return;
      }
      if (p === null && !c.nullable) {
        diagnostics.push(reportSql('sql-unloadable-value', 'missing', { index, column: c.column.name }, { path: `/rows/${index}/${pointerSegment(c.column.name)}` }));
        return;
      }
      values.push(p);
    }
    const base = params.length;
    tuples.push(`(${columns.map((c, i) => `$${base + i + 1}::${castOf(c)}`).join(', ')})`);
    params.push(...values);
    loaded.push(index);
    if (tuples.length >= perBatch) flush();
  });
  flush();
  return { ok: !diagnostics.some((d) => d.severity === 'error'), batches, loaded, diagnostics };
}
