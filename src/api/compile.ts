/**
 * The compiler's public entry points: compile, check, format, decompile.
 * Each composes the pipeline stages (syntax → check → emit, or
 * decompile → check → emit) and never throws on bad input.
 */
import type { Filter } from '../ast/nodes.js';
import type { WhereFilter } from '../ast/where-json.js';
import type { Column } from '../catalogue/types.js';
import { decompileTree } from '../decompile/decompile.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { printFilter } from '../emit/text.js';
import { emitWhere, stringifyWhere } from '../emit/where-json.js';
import { format as formatText } from '../syntax/format.js';
import { analyze, type Analysis, type FilterOptions, type FilterSource } from './analyze.js';

/** A column a filter uses, with what it costs. */
export interface FieldUse {
  /** The API name of the column. */
  readonly name: string;
  /** API units per row while the column is in `select`, `where` or `order_by` (counted once). */
  readonly units: number;
  /** False for filter-only columns, which rows never contain (so they cannot go in `select`). */
  readonly returned: boolean;
}

/** The result of {@link compile}. */
export interface CompileResult {
  /** True when the filter compiled without errors (warnings may be present). */
  readonly ok: boolean;
  /** The `where` object; undefined when there are errors. */
  readonly where: WhereFilter | undefined;
  /** `where` as the compact string to send in the `where` query parameter. */
  readonly json: string | undefined;
  /** The parsed filter (partial when the parser had to recover from errors). */
  readonly ast: Filter | undefined;
  /** Every problem found, sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The distinct columns used, in order of first use, with their unit costs. */
  readonly fields: readonly FieldUse[];
}

/** Object paths (`intents.informational`) count as their column: the API charges per column. */
function fieldUses(columns: readonly Column[]): FieldUse[] {
  return columns.map((c) => ({ name: c.name, units: c.units, returned: c.returned }));
}

function emitChecked(analysis: Analysis): { where: WhereFilter | undefined; json: string | undefined } {
  if (!analysis.ok || !analysis.filter) return { where: undefined, json: undefined };
  const where = emitWhere(analysis.filter, {
    fieldName: (ref) => analysis.references.get(ref)?.apiName ?? ref.name,
  });
  return { where, json: stringifyWhere(where) };
}

/**
 * Compiles a filter into the API's `where` JSON, checked against the
 * endpoint's columns.
 *
 * @example
 * const r = compile('domain_rating_source >= 50 and is_dofollow');
 * r.json; // '{"and":[{"field":"domain_rating_source","is":["gte",50]},{"field":"is_dofollow","is":["eq",true]}]}'
 */
export function compile(source: FilterSource, options: FilterOptions = {}): CompileResult {
  const analysis = analyze(source, options);
  const { where, json } = emitChecked(analysis);
  return {
    ok: where !== undefined,
    where,
    json,
    ast: analysis.filter,
    diagnostics: analysis.diagnostics,
    fields: fieldUses(analysis.columns),
  };
}

/**
 * Every diagnostic for a filter (syntax and types), sorted by position.
 *
 * @example
 * check('domain_ratng_source > 5')[0].message; // 'Unknown column "domain_ratng_source" … did you mean "domain_rating_source"?'
 */
export function check(source: FilterSource, options: FilterOptions = {}): readonly Diagnostic[] {
  return analyze(source, options).diagnostics;
}

/** Options for {@link format}. */
export interface FormatOptions {
  /** Break lines longer than this. Default 80. */
  readonly lineWidth?: number;
  /** Indentation of continued lines. Default two spaces. */
  readonly indent?: string;
}

/**
 * Formats query text canonically: minimal parentheses, one style of quotes,
 * lower-case keywords, long filters broken before `and` / `or`, comments kept.
 * Idempotent. Text with syntax errors is returned unchanged.
 *
 * @example
 * format('DR>=50 AND ( is_dofollow )'); // 'DR >= 50 and is_dofollow'
 */
export function format(source: string, options: FormatOptions = {}): string {
  return formatText(source, options).text;
}

/** Options for {@link decompile}. */
export interface DecompileOptions extends FilterOptions, FormatOptions {}

/** The result of {@link decompile}. */
export interface DecompileResult {
  /** True when the JSON is well-formed and type-checks against the catalogue. */
  readonly ok: boolean;
  /** Canonical query text; undefined when the JSON is malformed. */
  readonly text: string | undefined;
  readonly ast: Filter | undefined;
  /** Every problem found, each with the JSON Pointer of the offending node (`/and/2/is/0`). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads `where` JSON (an object, or the string sent to the API) back into
 * query text. Compiling the text again gives the same JSON, byte for byte,
 * for canonical input.
 *
 * @example
 * decompile('{"field":"is_dofollow","is":["eq",true]}').text; // 'is_dofollow'
 */
export function decompile(where: unknown, options: DecompileOptions = {}): DecompileResult {
  const tree = decompileTree(where, options);
  const diagnostics: Diagnostic[] = [...tree.diagnostics];
  if (!tree.filter) {
    if (diagnostics.length === 0) diagnostics.push(diagnostic('json-invalid-node', 'The input holds no filter.', { path: '' }));
    return { ok: false, text: undefined, ast: undefined, diagnostics: sortDiagnostics(diagnostics) };
  }
  const analysis = analyze(tree.filter, options, tree.paths);
  diagnostics.push(...analysis.diagnostics);
  const text = printFilter(tree.filter, options);
  const sorted = sortDiagnostics(diagnostics);
  return { ok: !hasErrors(sorted), text, ast: tree.filter, diagnostics: sorted };
}
