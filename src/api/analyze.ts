/**
 * The front half of every entry point: options checked → text (or an AST)
 * parsed or validated → checked. The public functions (compile, check,
 * predicate, …) are thin layers on top.
 */
import { longestListRange, measureFilter } from '../ast/measure.js';
import type { Document, FieldRef, Filter } from '../ast/nodes.js';
import { DEFAULT_MAX_NODES, validateFilterTree, type TreeProblem } from '../ast/validate.js';
import type { Catalogue, Column, ResolvedField } from '../catalogue/types.js';
import { checkFilter } from '../check/checker.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { report, type MessageArgs } from '../diagnostics/messages.js';
import { describeValue } from '../vocabulary/index.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LIST_LENGTH, parse } from '../syntax/parse.js';
import { internalError } from './internal.js';
import { checkFilterOptions, type CheckedOptions } from './options.js';

/** Options shared by every entry point that reads a filter. Each is validated: a bad one is an `invalid-option` error. */
export interface FilterOptions {
  /**
   * The endpoint's columns: a catalogue built by `defineCatalogue` /
   * `loadCatalogue` / `getCatalogue`, or a built-in endpoint's name
   * (`'keywords-explorer/overview'`; a misspelt name is `unknown-catalogue`,
   * with the closest names). Default: all-backlinks
   * (`GET /v3/site-explorer/all-backlinks`).
   */
  readonly catalogue?: Catalogue | string;
  /** Longest accepted query text, in UTF-16 code units: a whole number ≥ 0. Default 100,000. */
  readonly maxLength?: number;
  /** Deepest accepted nesting of parentheses, `not` and `any`/`all`: a whole number from 1 to 256. Default 128. */
  readonly maxDepth?: number;
  /** Most values accepted in one `in (…)` list: a whole number ≥ 1. Default 1,000. */
  readonly maxListLength?: number;
  /**
   * Most nodes of a tree built in code (boolean nodes, column tests and
   * values; a node reached twice counts twice): a whole number ≥ 1.
   * Default 100,000. Text is bounded by `maxLength` instead.
   */
  readonly maxNodes?: number;
}

/** A filter given as query text, a parsed {@link Document}, or a {@link Filter} tree. */
export type FilterSource = string | Document | Filter;

/** Everything the front half learns about a filter. */
export interface Analysis {
  readonly filter: Filter | undefined;
  readonly document: Document | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly references: ReadonlyMap<FieldRef, ResolvedField>;
  readonly columns: readonly Column[];
  /** The catalogue checked against; undefined when the options were invalid. */
  readonly catalogue: Catalogue | undefined;
  /** True when there is a filter and no error. */
  readonly ok: boolean;
}

/**
 * The limits of a tree built in code (text is limited by the parser, with the
 * exact place), once it is known to be a well-formed, acyclic tree.
 */
function treeLimits(filter: Filter, options: CheckedOptions): Diagnostic[] {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const measure = measureFilter(filter, maxDepth + 1);
  const out: Diagnostic[] = [];
  if (measure.depth > maxDepth) {
    out.push(report('nesting-too-deep', 'default', { limit: maxDepth }, { range: filter.range }));
  }
  const maxList = options.maxListLength ?? DEFAULT_MAX_LIST_LENGTH;
  if (measure.longestList > maxList) {
    out.push(report('list-too-long', 'default', { what: 'in (…) list', count: measure.longestList, items: 'values', limit: maxList }, { range: longestListRange(measure) }));
  }
  return out;
}

/** A problem of src/ast/validate.ts (which sits below the message table) worded from its template. */
function treeDiagnostic(problem: TreeProblem): Diagnostic {
  const at = { path: problem.path };
  if (problem.limit !== undefined) {
    return problem.limit === 'depth' ? report('nesting-too-deep', 'default', { limit: problem.max }, at) : report('too-many-nodes', 'default', { limit: problem.max }, at);
  }
  // The variant names are checked against the table here; each ShapeProblem's args are those of its template.
  return report('invalid-ast', problem.variant, problem.args as MessageArgs<'invalid-ast', typeof problem.variant>, at);
}

function failed(diagnostics: readonly Diagnostic[], catalogue?: Catalogue, document?: Document): Analysis {
  return { filter: undefined, document, diagnostics: sortDiagnostics(diagnostics), references: new Map(), columns: [], catalogue, ok: false };
}

/**
 * Whether the static analysis (src/check/analysis: never-matches, redundant
 * and subsumed conditions) runs with the checker: `eager`, or `skip` for
 * callers that drop its warnings (the predicate, which throws on errors and
 * keeps nothing else, and `compile({ analysis: false })`).
 */
export type StaticAnalysis = 'eager' | 'skip';

/**
 * Parses (when given text) or validates (when given a tree) and checks a
 * filter. Never throws: bad options, malformed trees and limits are
 * diagnostics, and an exception from a stage is an `internal-error`
 * diagnostic with its message.
 */
export function analyze(source: FilterSource, options: FilterOptions = {}, paths?: ReadonlyMap<object, string>, judge: StaticAnalysis = 'eager'): Analysis {
  try {
    return analyzeChecked(source, options, paths, judge);
  } catch (error) {
    return failed([internalError('analyze', error)]);
  }
}

function analyzeChecked(source: unknown, rawOptions: unknown, paths: ReadonlyMap<object, string> | undefined, judge: StaticAnalysis): Analysis {
  const checkedOptions = checkFilterOptions(rawOptions);
  if (!checkedOptions.ok) return failed(checkedOptions.diagnostics);
  const options = checkedOptions.options;
  const catalogue = options.catalogue;
  let document: Document | undefined;
  let filter: Filter | undefined;
  const diagnostics: Diagnostic[] = [];
  if (typeof source === 'string') {
    const parsed = parse(source, { maxLength: options.maxLength, maxDepth: options.maxDepth, maxListLength: options.maxListLength });
    document = parsed.document;
    filter = parsed.document.filter;
    if (parsed.diagnostics.length > 0) diagnostics.push(...parsed.diagnostics);
  } else {
    // The decompiler's trees (they come with `paths`) are already bounded by its own limits on the JSON.
    const tree = treeOf(source, options, paths !== undefined);
    if (!tree.ok) return failed(tree.diagnostics, catalogue);
    ({ document, filter } = tree);
    if (!filter) return failed([report('empty-filter', 'document', {})], catalogue, document);
    const limits = treeLimits(filter, options);
    if (limits.length > 0) return failed(limits, catalogue, document);
  }
  if (!filter) return failed(diagnostics, catalogue, document);
  // The static analysis judges only filters without errors, syntax errors included (a recovered tree is a guess).
  const analysis = judge === 'eager' && !hasErrors(diagnostics);
  // Trusted: parsed, decompiled, or validated by treeOf above. The paths are the decompiler's, the source the text's.
  const checked = checkFilter(filter, catalogue, { paths, source: paths === undefined && typeof source === 'string' ? source : undefined, analysis, trusted: true });
  // The checker's diagnostics come sorted: merged with the parser's only when there are some.
  const sorted = diagnostics.length === 0 ? (checked.diagnostics as Diagnostic[]) : sortDiagnostics([...diagnostics, ...checked.diagnostics]);
  return { filter, document, diagnostics: sorted, references: checked.references, columns: checked.columns, catalogue, ok: !hasErrors(sorted) };
}

type Tree =
  | { readonly ok: true; readonly document: Document | undefined; readonly filter: Filter | undefined }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * A source that is not text: a {@link Document} (an object with `comments`
 * and no `kind`) or a {@link Filter}, validated once here so that every later
 * stage may trust its types (src/ast/validate.ts).
 */
function treeOf(source: unknown, options: CheckedOptions, fromDecompiler: boolean): Tree {
  if (typeof source !== 'object' || source === null || Array.isArray(source)) {
    return { ok: false, diagnostics: [report('invalid-ast', 'source', { found: describeValue(source, 'type') }, { path: '' })] };
  }
  const maxNodes = fromDecompiler ? Number.MAX_SAFE_INTEGER : options.maxNodes ?? DEFAULT_MAX_NODES;
  const limits = { maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, maxNodes };
  const isDocument = !('kind' in source) && 'comments' in source;
  if (isDocument) {
    const document = source as Document;
    if (!Array.isArray(document.comments)) {
      return { ok: false, diagnostics: [report('invalid-ast', 'comments', { found: describeValue(document.comments) }, { path: '/comments' })] };
    }
    if (document.filter === undefined) return { ok: true, document, filter: undefined };
    const problems = validateFilterTree(document.filter, limits, 'filter');
    return problems.length > 0 ? { ok: false, diagnostics: problems.map(treeDiagnostic) } : { ok: true, document, filter: document.filter };
  }
  const problems = validateFilterTree(source, limits);
  return problems.length > 0 ? { ok: false, diagnostics: problems.map(treeDiagnostic) } : { ok: true, document: undefined, filter: source as Filter };
}
