/**
 * The cost of a request before it is sent (spec §5): the API charges
 * `max(50, per_row_cost × rows)`, where `per_row_cost` is the sum of the unit
 * costs of every distinct column in `select`, `where` or `order_by` (a column
 * counts once, wherever it appears). `select` and `order_by` are checked
 * against the columns the endpoint's reference gives them (data in
 * src/catalogue/data/request-columns.json); the filter is checked as
 * `compile` checks it. Never throws: every problem is a diagnostic.
 */
import type { Filter } from '../ast/nodes.js';
import type { SourceRange } from '../ast/range.js';
import { catalogueOption, requestColumns } from '../catalogue/index.js';
import type { Catalogue, RequestColumns } from '../catalogue/types.js';
import { checkFilter } from '../check/checker.js';
import { decompileTree } from '../decompile/index.js';
import { hasErrors, sortDiagnostics, type Diagnostic, type Suggestion } from '../diagnostics/diagnostic.js';
import { report, reportRequest, formatRequest } from '../diagnostics/messages.js';
import { suggestNames } from '../diagnostics/suggest.js';
import { analyze, type FilterSource } from './analyze.js';
import { internalError } from './internal.js';
import { describeValue } from '../vocabulary/index.js';

/** The least the API charges for a request that is not cached (spec §5). */
export const MINIMUM_REQUEST_COST = 50;
/** The API's default `limit`, which {@link estimateCost} takes for `rows` when none is given. */
export const DEFAULT_ROWS = 1000;

/** The request parameters that name columns. */
export type RequestPart = 'select' | 'where' | 'order_by';

/** What {@link estimateCost} reads: the parts of a request that the API charges for. */
export interface CostOptions {
  /** The endpoint's columns, or a built-in endpoint's name. Default: all-backlinks. */
  readonly catalogue?: Catalogue | string;
  /** The `select` parameter: `"url_from,traffic"` as sent, or an array of column names. The API requires it. */
  readonly select?: string | readonly string[];
  /** The filter: query text, a parsed document or filter tree, or `where` JSON (an object, or text starting with `{`). */
  readonly where?: FilterSource | object;
  /** The `order_by` parameter: `"traffic:desc,url_rating_source"` as sent, or an array of entries. */
  readonly orderBy?: string | readonly string[];
  /** Rows the request returns (at most its `limit`): a whole number ≥ 0. Default 1,000, the API's default `limit`. */
  readonly rows?: number;
}

/** One distinct column of a request and what it costs. */
export interface ColumnCost {
  /** The API name of the column. */
  readonly name: string;
  /** Units per row. */
  readonly units: number;
  /** False when no reference gives the column's units: it is counted at 1, the least a column costs. */
  readonly unitsKnown: boolean;
  /** The parameters it appears in, in request order (it is counted once). */
  readonly usedIn: readonly RequestPart[];
  /** Its part of the per-row cost, from 0 to 1. */
  readonly share: number;
}

/** The result of {@link estimateCost}. */
export interface CostEstimate {
  /** False when any diagnostic is an error: the API would refuse the request (the figures then count the columns that could be read). */
  readonly ok: boolean;
  /** Units per row: the sum of the distinct columns' units. */
  readonly perRow: number;
  /** The rows the estimate is for. */
  readonly rows: number;
  /** `max(50, perRow × rows)`: what the request costs unless it is cached (cached requests cost nothing). */
  readonly total: number;
  /** True when the 50-unit minimum decided the total. */
  readonly minimumApplied: boolean;
  /** False when some column's units are not known (see {@link ColumnCost.unitsKnown}): the total is then a lower bound. */
  readonly exact: boolean;
  /** The distinct columns in order of first appearance (select, then where, then order_by). */
  readonly columns: readonly ColumnCost[];
  /**
   * Problems in the options, select, the filter and order_by, in that order.
   * Each has a `path`, a JSON Pointer into the options: `/rows`, `/select/1`
   * (the second entry), `/where` (plus the pointer into `where` JSON:
   * `/where/and/0/field`), `/orderBy/0`; one given as text also has a
   * `range` in that option's text (the select string, the query text).
   */
  readonly diagnostics: readonly Diagnostic[];
}

/** One name of a `select` or `order_by` list, with where it was written. */
interface Entry {
  readonly text: string;
  readonly path: string;
  /** Set when the list was one string: the entry's range in it. */
  readonly range?: SourceRange;
  /** For a removal fix: the entry and the comma that joins it to its neighbour. */
  readonly removal?: SourceRange;
}

/** Line and column (1-based) of an offset in a parameter's text. */
function position(text: string, offset: number): SourceRange['start'] {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { offset, line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function span(text: string, start: number, end: number): SourceRange {
  return { start: position(text, start), end: position(text, end) };
}

/** Splits a parameter into its entries; a value that is not a list of names is an `invalid-option` diagnostic. */
function entries(option: 'select' | 'orderBy', value: unknown, out: Diagnostic[]): Entry[] {
  const allowed = 'a comma-separated string of column names or an array of them';
  if (typeof value === 'string') {
    const list: Entry[] = [];
    let start = 0;
    for (const piece of value.split(',')) {
      const lead = piece.length - piece.trimStart().length;
      const from = start + lead;
      const to = from + piece.trim().length;
      const path = `/${option}/${list.length}`;
      if (from === to) {
        out.push(report('invalid-option', 'value', { option, allowed: 'column names separated by single commas', found: describeValue(value) }, { path, range: span(value, from, from) }));
      } else {
        // Removing an entry takes the comma before it (or after it, for the first).
        const removal = start > 0 ? span(value, start - 1, start + piece.length) : span(value, 0, Math.min(value.length, piece.length + 1));
        list.push({ text: value.slice(from, to), path, range: span(value, from, to), removal });
      }
      start += piece.length + 1;
    }
    return list;
  }
  if (Array.isArray(value)) {
    const list: Entry[] = [];
    value.forEach((item: unknown, i) => {
      const path = `/${option}/${i}`;
      if (typeof item === 'string' && item.trim() !== '') list.push({ text: item.trim(), path });
      else out.push(report('invalid-option', 'value', { option: `${option}[${i}]`, allowed: 'a column name', found: describeValue(item) }, { path }));
    });
    return list;
  }
  out.push(report('invalid-option', 'value', { option, allowed, found: describeValue(value) }, { path: `/${option}` }));
  return [];
}

const at = (entry: Entry) => (entry.range ? { path: entry.path, range: entry.range } : { path: entry.path });
const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(' or ');

/** Replacement fixes for an entry (only for entries written as text: an array's item has no range to replace). */
function replacements(entry: Entry, names: readonly string[], fix: (name: string) => string): Suggestion[] {
  if (!entry.range) return [];
  return names.map((name) => ({ message: fix(name), replacement: name, range: entry.range! }));
}

/** Closest names: an alias of the query language (`DR`) first, for the column it stands for, then did-you-mean. */
function closest(name: string, catalogue: Catalogue, candidates: Iterable<string>, accepts: (n: string) => boolean): string[] {
  const aliased = catalogue.byAlias.get(name.toLowerCase());
  if (aliased && accepts(aliased.name)) return [aliased.name];
  return suggestNames(name, candidates);
}

/** A select entry: its units, or a diagnostic when the endpoint does not return it. */
function checkSelect(entry: Entry, catalogue: Catalogue, known: RequestColumns, out: Diagnostic[]): number | undefined {
  const units = known.select.get(entry.text);
  if (units !== undefined) return units;
  const endpoint = catalogue.name;
  const column = entry.text;
  if (catalogue.byName.has(column)) {
    const remove = entry.removal ? [{ message: formatRequest('unknown-select-column', 'remove', { column }), replacement: '', range: entry.removal }] : [];
    out.push(reportRequest('unknown-select-column', 'filterOnly', { column, endpoint }, at(entry), remove));
    return undefined;
  }
  const names = closest(column, catalogue, known.select.keys(), (n) => known.select.has(n));
  const fixes = replacements(entry, names, (name) => formatRequest('unknown-select-column', 'fix', { name }));
  out.push(names.length > 0
    ? reportRequest('unknown-select-column', 'suggest', { column, endpoint, names: quoted(names) }, at(entry), fixes)
    : reportRequest('unknown-select-column', 'default', { column, endpoint }, at(entry)));
  return undefined;
}

/** An order_by entry's column (`traffic:desc` → `traffic`), or undefined with a diagnostic. */
function orderColumn(entry: Entry, catalogue: Catalogue, known: RequestColumns | undefined, out: Diagnostic[]): string | undefined {
  const colon = entry.text.lastIndexOf(':');
  const column = colon < 0 ? entry.text : entry.text.slice(0, colon).trim();
  const direction = colon < 0 ? undefined : entry.text.slice(colon + 1).trim();
  if (direction !== undefined && direction !== 'asc' && direction !== 'desc') {
    const fixed = `${column}:${direction.toLowerCase()}`;
    const fixes = /^(asc|desc)$/i.test(direction) ? replacements(entry, [fixed], (e) => formatRequest('invalid-order-direction', 'fix', { entry: e })) : [];
    out.push(reportRequest('invalid-order-direction', 'default', { entry: entry.text }, at(entry), fixes));
    return undefined;
  }
  if (!known || known.orderBy.has(column)) return column;
  const endpoint = catalogue.name;
  const suffix = direction === undefined ? '' : `:${direction}`;
  const fix = (name: string) => formatRequest('unknown-order-by-column', 'fix', { name });
  if (known.select.has(column)) {
    out.push(reportRequest('unknown-order-by-column', 'excluded', { column, endpoint }, at(entry)));
  } else if (catalogue.byName.has(column)) {
    out.push(reportRequest('unknown-order-by-column', 'filterOnly', { column, endpoint }, at(entry)));
  } else {
    const names = closest(column, catalogue, known.orderBy, (n) => known.orderBy.has(n));
    const fixes = replacements(entry, names.map((n) => `${n}${suffix}`), fix);
    out.push(names.length > 0
      ? reportRequest('unknown-order-by-column', 'suggest', { column, endpoint, names: quoted(names) }, at(entry), fixes)
      : reportRequest('unknown-order-by-column', 'default', { column, endpoint }, at(entry)));
  }
  return undefined;
}

/** A string is `where` JSON when it starts with `{`, which no query text can. */
const isJsonText = (source: string) => /^\s*\{/.test(source);

/** The filter's columns and diagnostics: text and trees as `compile` reads them, `where` JSON as `decompile` does. */
function whereColumns(where: unknown, catalogue: Catalogue): { columns: readonly { name: string; units: number }[]; diagnostics: readonly Diagnostic[] } {
  const isJson = typeof where === 'string' ? isJsonText(where) : typeof where === 'object' && where !== null && !('kind' in where) && !('comments' in where);
  if (!isJson) {
    const analysis = analyze(where as FilterSource, { catalogue });
    return { columns: analysis.columns, diagnostics: analysis.diagnostics };
  }
  const tree = decompileTree(where, { catalogue });
  if (!tree.filter) {
    const partial = tree.partial ? checkFilter(tree.partial, catalogue, { paths: tree.paths, trusted: true }) : undefined;
    return { columns: partial?.columns ?? [], diagnostics: [...tree.diagnostics, ...(partial?.diagnostics ?? [])] };
  }
  const analysis = analyze(tree.filter as Filter, { catalogue }, tree.paths);
  return { columns: analysis.columns, diagnostics: [...tree.diagnostics, ...analysis.diagnostics] };
}

/** A diagnostic of one option, its path made a pointer into the options (`/where` + `/and/0`). */
function within(option: string, d: Diagnostic): Diagnostic {
  return { ...d, path: `${option}${d.path ?? ''}` };
}

/** Reads one option; a getter that throws is reported, not thrown. */
function read(options: object, key: keyof CostOptions, out: Diagnostic[]): unknown {
  try {
    return (options as Record<string, unknown>)[key];
  } catch (error) {
    out.push(report('invalid-option', 'unreadable', { option: key, reason: error instanceof Error ? error.message : String(error) }, { path: `/${key}` }));
    return undefined;
  }
}

/**
 * Estimates what a request costs in API units (spec §5), checking `select`
 * and `order_by` against the endpoint (on all-backlinks, its response schema:
 * filter-only columns cannot be selected, `link_group_count` cannot order)
 * and the filter as `compile` does. For an endpoint whose `select` columns the
 * reference does not list, an info says so, and a column that is not one of
 * its `where` columns counts 1 unit (`exact: false`: the total is a lower bound).
 *
 * @example
 * const r = estimateCost({ select: 'url_from,traffic', where: 'DR >= 50 and traffic > 100', rows: 100 });
 * r.perRow; // 12: url_from 1 + traffic 10 (select and where: once) + domain_rating_source 1
 * r.total;  // 1200
 */
export function estimateCost(options: CostOptions): CostEstimate {
  try {
    return estimate(options);
  } catch (error) {
    return result([internalError('estimateCost', error)], [], DEFAULT_ROWS, true);
  }
}

function estimate(options: unknown): CostEstimate {
  const problems: Diagnostic[] = [];
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return result([report('invalid-option', 'not-object', { found: describeValue(options) })], [], DEFAULT_ROWS, true);
  }
  const resolved = catalogueOption(read(options, 'catalogue', problems));
  const rawRows = read(options, 'rows', problems);
  let rows = DEFAULT_ROWS;
  if (rawRows !== undefined) {
    if (typeof rawRows === 'number' && Number.isSafeInteger(rawRows) && rawRows >= 0) rows = rawRows;
    else problems.push(report('invalid-option', 'value', { option: 'rows', allowed: 'a whole number ≥ 0', found: describeValue(rawRows) }, { path: '/rows' }));
  }
  const select = read(options, 'select', problems);
  const where = read(options, 'where', problems);
  const orderBy = read(options, 'orderBy', problems);
  const catalogue = resolved.catalogue;
  if (!catalogue) return result([...resolved.diagnostics.map((d) => within('/catalogue', d)), ...problems], [], rows, true);
  const known = requestColumns(catalogue.name);
  const uses = new Map<string, { units: number; unitsKnown: boolean; usedIn: RequestPart[] }>();
  const use = (name: string, units: number, unitsKnown: boolean, part: RequestPart) => {
    const seen = uses.get(name);
    if (!seen) uses.set(name, { units, unitsKnown, usedIn: [part] });
    else if (!seen.usedIn.includes(part)) seen.usedIn.push(part);
  };
  // Without the endpoint's list, a name is priced as the where column of that name, or at 1 unit (unknown).
  const unlisted: string[] = [];
  const guess = (name: string, part: RequestPart) => {
    const column = catalogue.byName.get(name);
    if (!column && !unlisted.includes(name)) unlisted.push(name);
    use(name, column?.units ?? 1, column !== undefined, part);
  };

  const selectDiagnostics: Diagnostic[] = [];
  if (select === undefined) {
    selectDiagnostics.push(report('invalid-option', 'value', { option: 'select', allowed: 'one or more column names (the API requires select)', found: 'none' }, { path: '/select' }));
  }
  const selected = select === undefined ? [] : entries('select', select, selectDiagnostics);
  if (select !== undefined && selected.length === 0 && selectDiagnostics.length === 0) {
    selectDiagnostics.push(report('invalid-option', 'value', { option: 'select', allowed: 'one or more column names (the API requires select)', found: describeValue(select) }, { path: '/select' }));
  }
  for (const entry of selected) {
    if (!known) guess(entry.text, 'select');
    else {
      const units = checkSelect(entry, catalogue, known, selectDiagnostics);
      if (units !== undefined) use(entry.text, units, true, 'select');
    }
  }

  const filter = where === undefined ? undefined : whereColumns(where, catalogue);
  for (const column of filter?.columns ?? []) use(column.name, column.units, true, 'where');

  const orderDiagnostics: Diagnostic[] = [];
  for (const entry of orderBy === undefined ? [] : entries('orderBy', orderBy, orderDiagnostics)) {
    const column = orderColumn(entry, catalogue, known, orderDiagnostics);
    if (column === undefined) continue;
    if (known) use(column, known.select.get(column) ?? 1, true, 'order_by');
    else guess(column, 'order_by');
  }

  const info: Diagnostic[] = [];
  if (!known && (selected.length > 0 || orderBy !== undefined)) {
    info.push(unlisted.length > 0
      ? reportRequest('request-columns-unknown', 'default', { endpoint: catalogue.name, columns: unlisted.map((n) => `"${n}"`).join(', ') + (unlisted.length === 1 ? ' is' : ' are') }, { path: '/select' })
      : reportRequest('request-columns-unknown', 'none', { endpoint: catalogue.name }, { path: '/select' }));
  }
  const whereDiagnostics = (filter?.diagnostics ?? []).map((d) => within('/where', d));
  const diagnostics = [...problems, ...info, ...sortDiagnostics(selectDiagnostics), ...whereDiagnostics, ...sortDiagnostics(orderDiagnostics)];
  const columns = [...uses].map(([name, u]) => ({ name, ...u }));
  return result(diagnostics, columns, rows, false);
}

function result(diagnostics: readonly Diagnostic[], used: readonly Omit<ColumnCost, 'share'>[], rows: number, failed: boolean): CostEstimate {
  const perRow = used.reduce((sum, c) => sum + c.units, 0);
  const charged = perRow * rows;
  return {
    ok: !failed && !hasErrors(diagnostics),
    perRow,
    rows,
    total: Math.max(MINIMUM_REQUEST_COST, charged),
    minimumApplied: charged < MINIMUM_REQUEST_COST,
    exact: used.every((c) => c.unitsKnown),
    columns: used.map((c) => ({ ...c, share: perRow === 0 ? 0 : c.units / perRow })),
    diagnostics,
  };
}
