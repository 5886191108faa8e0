/**
 * The compiler's public entry points: compile, check, format, decompile.
 * Each composes the pipeline stages (syntax → check → emit, or
 * decompile → check → emit) and never throws on bad input, bad options
 * included (`format`, which can only return text, throws a `TypeError` for
 * bad options). An exception from a stage is an `internal-error` diagnostic.
 */
import type { Filter } from '../ast/nodes.js';
import type { WhereFilter } from '../ast/where-json.js';
import type { Catalogue, Column } from '../catalogue/types.js';
import { checkFilter } from '../check/checker.js';
import { decompileTree } from '../decompile/decompile.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { report, reportJsonInput } from '../diagnostics/messages.js';
import { describeValue } from '../vocabulary/index.js';
import { printFilter } from '../emit/text.js';
import { DEFAULT_MAX_LENGTH } from '../syntax/parse.js';
import { emitWhere, stringifyWhere } from '../emit/where-json.js';
import { formatWithDiagnostics } from './format-text.js';
import { analyze, type Analysis, type FilterOptions, type FilterSource } from './analyze.js';
import { internalError } from './internal.js';
import { simplifiedOf } from './simplify.js';
import { checkFilterOptions, checkFormatOptions } from './options.js';

/** A column a filter uses, with what it costs. */
export interface FieldUse {
  /** The API name of the column. */
  readonly name: string;
  /** API units per row while the column is in `select`, `where` or `order_by` (counted once). */
  readonly units: number;
  /** False for filter-only columns, which rows never contain (so they cannot go in `select`). */
  readonly returned: boolean;
}

/** What every {@link compile} result holds. */
export interface CompileOutcome {
  /** The parsed filter (partial when the parser had to recover from errors). */
  readonly ast: Filter | undefined;
  /** Every problem found, sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The distinct columns used, in order of first use, with their unit costs. */
  readonly fields: readonly FieldUse[];
}

/** A {@link compile} result without errors (warnings may be present). */
export interface CompileSuccess extends CompileOutcome {
  readonly ok: true;
  /** The `where` object. */
  readonly where: WhereFilter;
  /** `where` as the compact string to send in the `where` query parameter. */
  readonly json: string;
  readonly ast: Filter;
}

/** A {@link compile} result with errors: no `where` JSON. */
export interface CompileFailure extends CompileOutcome {
  readonly ok: false;
  readonly where: undefined;
  readonly json: undefined;
}

/**
 * The result of {@link compile}, discriminated on `ok`: after `if (r.ok)`,
 * `r.where` and `r.json` are defined (no `!` needed).
 */
export type CompileResult = CompileSuccess | CompileFailure;

/** Object paths (`intents.informational`) count as their column: the API charges per column. */
function fieldUses(columns: readonly Column[]): FieldUse[] {
  return columns.map((c) => ({ name: c.name, units: c.units, returned: c.returned }));
}

function emitChecked(analysis: Analysis): { where: WhereFilter; json: string; ast: Filter } | undefined {
  if (!analysis.ok || !analysis.filter) return undefined;
  const where = emitWhere(analysis.filter, {
    fieldName: (ref) => analysis.references.get(ref)?.apiName ?? ref.name,
  });
  return { where, json: stringifyWhere(where), ast: analysis.filter };
}

/**
 * Compiles a filter into the API's `where` JSON, checked against the
 * endpoint's columns.
 *
 * @example
 * const r = compile('domain_rating_source >= 50 and is_dofollow');
 * r.json; // '{"and":[{"field":"domain_rating_source","is":["gte",50]},{"field":"is_dofollow","is":["eq",true]}]}'
 */
export function compile(source: FilterSource, options: CompileOptions = {}): CompileResult {
  const simplifyOption = readFlag(options, 'simplify', false);
  const analysisOption = readFlag(options, 'analysis', true);
  if (typeof simplifyOption !== 'boolean' || typeof analysisOption !== 'boolean') {
    const bad = [simplifyOption, analysisOption].filter((o): o is Diagnostic => typeof o !== 'boolean');
    return { ok: false, where: undefined, json: undefined, ast: undefined, diagnostics: bad, fields: [] };
  }
  const analysis = analyze(source, options, undefined, analysisOption ? 'eager' : 'skip');
  const fields = fieldUses(analysis.columns);
  let emitted: ReturnType<typeof emitChecked>;
  try {
    // `simplify: true`: the equivalent smaller filter of src/api/simplify.ts (and `ast` is that tree).
    const simplified = simplifyOption ? simplifiedOf(analysis) : undefined;
    emitted = simplified ? { where: simplified.where, json: simplified.json, ast: simplified.filter } : emitChecked(analysis);
  } catch (error) {
    const diagnostics = sortDiagnostics([...analysis.diagnostics, internalError('the where JSON emitter', error)]);
    return { ok: false, where: undefined, json: undefined, ast: analysis.filter, diagnostics, fields };
  }
  if (!emitted) return { ok: false, where: undefined, json: undefined, ast: analysis.filter, diagnostics: analysis.diagnostics, fields };
  return { ok: true, where: emitted.where, json: emitted.json, ast: emitted.ast, diagnostics: analysis.diagnostics, fields };
}

/** Options of {@link compile}. */
export interface CompileOptions extends FilterOptions {
  /** Emit the equivalent smaller filter of `simplify` (same rows on every input, fewer clauses in the URL). Default false. */
  readonly simplify?: boolean;
  /**
   * Run the static analysis (`never-matches`, `always-true-where-known`,
   * `redundant-condition`, `subsumed-condition`: warnings only, never an
   * error). Default true; false leaves them out, for loops that need only the
   * JSON: syntax and type errors are found either way, and `ok`, `where` and
   * `json` are the same.
   */
  readonly analysis?: boolean;
}

/** A boolean option of {@link compile}, or the `invalid-option` diagnostic for a value that is not a boolean. */
function readFlag(options: unknown, option: 'simplify' | 'analysis', fallback: boolean): boolean | Diagnostic {
  if (typeof options !== 'object' || options === null) return fallback; // analyze's options check reports a non-object
  let value: unknown;
  try {
    value = (options as Record<string, unknown>)[option];
  } catch (error) {
    return report('invalid-option', 'unreadable', { option, reason: error instanceof Error ? error.message : String(error) });
  }
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  return report('invalid-option', 'value', { option, allowed: 'true or false', found: describeValue(value) });
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
  /** Break lines longer than this: a whole number ≥ 1. Default 80. */
  readonly lineWidth?: number;
  /** Indentation of continued lines: at most 16 spaces and tabs (nothing else, so it never changes the meaning). Default two spaces. */
  readonly indent?: string;
}

/**
 * Formats query text canonically: minimal parentheses, one style of quotes,
 * lower-case keywords, long filters broken before `and` / `or`, comments kept.
 * Idempotent. Text with syntax errors is returned unchanged; a source that
 * is not a string is no text at all, and gives `''`.
 *
 * @throws {TypeError} when an option is invalid (the message names it and what it accepts).
 * @example
 * format('DR>=50 AND ( is_dofollow )'); // 'DR >= 50 and is_dofollow'
 */
export function format(source: string, options: FormatOptions = {}): string {
  const problems = checkFormatOptions(options);
  if (problems.length > 0) throw new TypeError(problems.map((d) => d.message).join(' '));
  if (typeof source !== 'string') return '';
  // Only the layout options: the parser's limits keep their defaults, as the type says.
  const { lineWidth, indent } = options;
  return formatWithDiagnostics(source, { ...(lineWidth !== undefined ? { lineWidth } : {}), ...(indent !== undefined ? { indent } : {}) }).text;
}

/** Options for {@link decompile}. */
export interface DecompileOptions extends FilterOptions, FormatOptions {}

/** A {@link decompile} result: the JSON is well-formed and type-checks against the catalogue. */
export interface DecompileSuccess {
  readonly ok: true;
  /** Canonical query text. */
  readonly text: string;
  readonly ast: Filter;
  /** Warnings, each with the JSON Pointer of its node. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A {@link decompile} result with errors. */
export interface DecompileFailure {
  readonly ok: false;
  /** The query text when the JSON is well-formed but does not type-check (an unknown column); undefined when it is malformed. */
  readonly text: string | undefined;
  readonly ast: Filter | undefined;
  /** Every problem found, each with the JSON Pointer of the offending node (`/and/2/is/0`). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The result of {@link decompile}, discriminated on `ok`: after `if (r.ok)`,
 * `r.text` is a string.
 */
export type DecompileResult = DecompileSuccess | DecompileFailure;

/**
 * Reads `where` JSON (an object, or the string sent to the API) back into
 * query text. Compiling the text again gives the same JSON, byte for byte,
 * for canonical input.
 *
 * @example
 * decompile('{"field":"is_dofollow","is":["eq",true]}').text; // 'is_dofollow'
 */
export function decompile(where: unknown, options: DecompileOptions = {}): DecompileResult {
  const checked = checkFilterOptions(options);
  // Layout options only once the options argument is an object (else that one problem is reported, not twice).
  const isObject = typeof options === 'object' && options !== null && !Array.isArray(options);
  const layout = isObject ? checkFormatOptions(options) : [];
  if (!checked.ok || layout.length > 0) {
    return { ok: false, text: undefined, ast: undefined, diagnostics: sortDiagnostics([...checked.diagnostics, ...layout]) };
  }
  try {
    return decompileChecked(where, { ...options, catalogue: checked.options.catalogue });
  } catch (error) {
    return { ok: false, text: undefined, ast: undefined, diagnostics: [internalError('decompile', error)] };
  }
}

function decompileChecked(where: unknown, options: DecompileOptions & { readonly catalogue: Catalogue }): DecompileResult {
  const tree = decompileTree(where, options);
  const diagnostics: Diagnostic[] = [...tree.diagnostics];
  if (!tree.filter) {
    // Type errors in the well-formed parts are reported too, beside the structural ones (an unknown column beside a bad operator).
    if (tree.partial) diagnostics.push(...checkFilter(tree.partial, options.catalogue, { paths: tree.paths, trusted: true }).diagnostics);
    if (diagnostics.length === 0) diagnostics.push(reportJsonInput('json-invalid-node', 'noFilter', {}, { path: '' }));
    return { ok: false, text: undefined, ast: undefined, diagnostics: sortDiagnostics(diagnostics) };
  }
  const analysis = analyze(tree.filter, options, tree.paths);
  diagnostics.push(...analysis.diagnostics);
  const text = printFilter(tree.filter, options);
  // The text is correct but longer than compile reads with these options: say so, or the round trip fails with no word.
  const limit = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > limit) diagnostics.push(report('text-over-limit', 'default', { length: text.length, limit }, { path: '' }));
  const sorted = sortDiagnostics(diagnostics);
  return hasErrors(sorted) ? { ok: false, text, ast: tree.filter, diagnostics: sorted } : { ok: true, text, ast: tree.filter, diagnostics: sorted };
}
