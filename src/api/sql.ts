/**
 * `toSql`: a filter (query text, an AST, or `where` JSON) → a SQL condition
 * for DuckDB, PostgreSQL or ClickHouse with the predicate's meaning.
 * Composes the same front half as `compile` / `decompile` (so the same
 * diagnostics come out) with the SQL emitter (src/emit/sql). Never throws.
 */
import type { Filter } from '../ast/nodes.js';
import type { Catalogue } from '../catalogue/types.js';
import { checkFilter } from '../check/checker.js';
import { decompileTree } from '../decompile/decompile.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { report, reportJsonInput } from '../diagnostics/messages.js';
import { SQL_DIALECTS, type SqlDialect } from '../emit/sql/ddl.js';
import { emitSql, SPELLINGS, type ParamStyle, type SqlParam, type SqlParams } from '../emit/sql/index.js';
import { analyze, type Analysis, type FilterOptions, type FilterSource } from './analyze.js';
import { internalError } from './internal.js';
import { checkFilterOptions } from './options.js';
import { describeValue } from '../vocabulary/index.js';

/** Options of {@link toSql}. */
export interface SqlOptions extends FilterOptions {
  /** The engine the SQL is for. */
  readonly dialect: SqlDialect;
  /**
   * Placeholder style: `positional` (`$1`, DuckDB and PostgreSQL; the default
   * there) or `named` (`$p1` in DuckDB; ClickHouse's typed `{p1:String}`, its
   * only style and default). PostgreSQL clients bind positional values only.
   */
  readonly params?: ParamStyle;
  /** Qualifies every column with a table (or alias) name, or its parts (`['s', 't']` → `"s"."t"."col"`). */
  readonly table?: string | readonly string[];
  /** API column name → table column name; unmapped columns keep their API name. */
  readonly columns?: Readonly<Record<string, string>>;
}

/** The result of {@link toSql}. */
export interface SqlResult {
  /** True when there is SQL (warnings may be present). */
  readonly ok: boolean;
  /** The boolean condition, without `WHERE`; undefined when there are errors. */
  readonly sql: string | undefined;
  /** The bound values: an array (positional, `$1` is `[0]`) or an object by name (`p1`, …). */
  readonly params: SqlParams;
  /** The same values in order, each with its name and the type its placeholder declares. */
  readonly paramList: readonly SqlParam[];
  /** Every problem found (those `compile` reports, then the dialect's), sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A filter for {@link toSql}: query text, a parsed document or filter tree, or `where` JSON (an object, or text starting with `{`). */
export type SqlSource = FilterSource | object;

interface Checked {
  readonly dialect: SqlDialect;
  readonly style: ParamStyle;
  readonly table: readonly string[] | undefined;
  readonly columns: Readonly<Record<string, string>>;
}

const invalid = (option: string, allowed: string, value: unknown) => report('invalid-option', 'value', { option, allowed, found: describeValue(value) });
const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && !v.includes('\u0000');

/** Validates the SQL options (the filter options are `analyze`'s). */
function checkSqlOptions(options: unknown, out: Diagnostic[]): Checked | undefined {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    out.push(report('invalid-option', 'sql-options', { dialects: SQL_DIALECTS.join(', '), found: describeValue(options) }));
    return undefined;
  }
  const o = options as Record<string, unknown>;
  const dialect = o['dialect'];
  if (!SQL_DIALECTS.includes(dialect as SqlDialect)) {
    out.push(invalid('dialect', `one of ${SQL_DIALECTS.join(', ')}`, dialect));
    return undefined;
  }
  const styles = SPELLINGS[dialect as SqlDialect].styles;
  const style = o['params'] ?? styles[0];
  if (!styles.includes(style as ParamStyle)) {
    const known = style === 'positional' || style === 'named';
    out.push(known
      ? report('invalid-option', 'sql-params', { style: String(style), dialect: String(dialect), styles: styles.map((s) => `"${s}"`).join(' or ') })
      : invalid('params', '"positional" or "named"', style));
  }
  const rawTable = o['table'];
  const table = rawTable === undefined ? undefined : typeof rawTable === 'string' ? [rawTable] : Array.isArray(rawTable) ? rawTable : null;
  if (table === null || (table && (table.length === 0 || !table.every(isName)))) {
    out.push(invalid('table', 'a non-empty name, or a list of non-empty name parts, without U+0000', rawTable));
  }
  const columns = o['columns'] ?? {};
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) {
    out.push(invalid('columns', 'an object mapping API column names to table column names', columns));
  } else {
    for (const [key, value] of Object.entries(columns)) {
      if (!isName(value)) out.push(invalid(`columns[${JSON.stringify(key)}]`, 'a non-empty table column name without U+0000', value));
    }
  }
  if (out.length > 0) return undefined;
  return { dialect: dialect as SqlDialect, style: style as ParamStyle, table: table ?? undefined, columns: columns as Record<string, string> };
}

/** A string is `where` JSON when it starts with `{`, which no query text can. */
function isJsonText(source: string): boolean {
  return /^\s*\{/.test(source);
}

/** The front half, as `compile` (text, trees) or `decompile` (JSON) runs it. */
function front(source: unknown, options: FilterOptions, catalogue: Catalogue): { analysis: Analysis | undefined; diagnostics: Diagnostic[]; paths?: ReadonlyMap<object, string> } {
  const isJson = typeof source === 'string' ? isJsonText(source) : typeof source === 'object' && source !== null && !('kind' in source) && !('comments' in source);
  if (!isJson) {
    const analysis = analyze(source as FilterSource, options);
    return { analysis, diagnostics: [...analysis.diagnostics] };
  }
  const tree = decompileTree(source, { ...options, catalogue });
  const diagnostics: Diagnostic[] = [...tree.diagnostics];
  if (!tree.filter) {
    if (tree.partial) diagnostics.push(...checkFilter(tree.partial, catalogue, { paths: tree.paths, trusted: true }).diagnostics);
    if (diagnostics.length === 0) diagnostics.push(reportJsonInput('json-invalid-node', 'noFilter', {}, { path: '' }));
    return { analysis: undefined, diagnostics };
  }
  const analysis = analyze(tree.filter as Filter, options, tree.paths);
  diagnostics.push(...analysis.diagnostics);
  return { analysis, diagnostics, paths: tree.paths };
}

const empty = (style: ParamStyle | undefined): SqlParams => (style === 'positional' ? [] : {});

/**
 * Compiles a filter into a SQL condition (no `WHERE`) for one dialect, with
 * the meaning of the predicate (spec §4): three-valued logic, `any`/`all`
 * over arrays, code-point string order, dates by instant, literal substring
 * tests, RE2 regexes, whole-word phrases. Values are always bound parameters
 * and identifiers always quoted. Never throws: bad input and bad options are
 * diagnostics. docs/sql.md lists each operator's SQL and the divergences.
 *
 * @example
 * const r = toSql('DR >= 50 and anchor contains "seo"', { dialect: 'postgres' });
 * r.sql;    // '(("domain_rating_source" >= CAST($1 AS bigint)) AND (strpos("anchor" COLLATE "C", CAST($2 AS text)) > 0))'
 * r.params; // [50, 'seo']
 */
export function toSql(source: SqlSource, options: SqlOptions): SqlResult {
  const problems: Diagnostic[] = [];
  const sqlOptions = checkSqlOptions(options, problems);
  const filterOptions = checkFilterOptions(options);
  problems.push(...filterOptions.diagnostics);
  if (!sqlOptions || !filterOptions.ok) {
    return { ok: false, sql: undefined, params: empty(sqlOptions?.style), paramList: [], diagnostics: sortDiagnostics(problems) };
  }
  try {
    const { analysis, diagnostics, paths } = front(source, options, filterOptions.options.catalogue);
    if (!analysis || !analysis.ok || !analysis.filter || !analysis.catalogue) {
      return { ok: false, sql: undefined, params: empty(sqlOptions.style), paramList: [], diagnostics: sortDiagnostics(diagnostics) };
    }
    const references = analysis.references;
    const emitted = emitSql(analysis.filter, {
      dialect: sqlOptions.dialect,
      style: sqlOptions.style,
      resolve: (ref) => references.get(ref),
      regexDialect: analysis.catalogue.regexDialect,
      columnName: (name) => (Object.prototype.hasOwnProperty.call(sqlOptions.columns, name) ? sqlOptions.columns[name]! : name),
      table: sqlOptions.table,
      paths,
    });
    const all = sortDiagnostics([...diagnostics, ...emitted.diagnostics]);
    const ok = emitted.sql !== undefined && !hasErrors(all);
    return { ok, sql: ok ? emitted.sql : undefined, params: ok ? emitted.params : empty(sqlOptions.style), paramList: ok ? emitted.paramList : [], diagnostics: all };
  } catch (error) {
    return { ok: false, sql: undefined, params: empty(sqlOptions.style), paramList: [], diagnostics: [internalError('the SQL emitter', error)] };
  }
}
