/**
 * The front half of every entry point: text (or an AST) → parsed → checked.
 * The public functions (compile, check, predicate, …) are thin layers on top.
 */
import { listTooLong, measureFilter } from '../ast/measure.js';
import type { Document, FieldRef, Filter } from '../ast/nodes.js';
import { allBacklinks } from '../catalogue/builtin.js';
import type { Catalogue, Column, ResolvedField } from '../catalogue/types.js';
import { checkFilter } from '../check/checker.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LIST_LENGTH, parse } from '../syntax/parse.js';

/** Options shared by every entry point that reads a filter. */
export interface FilterOptions {
  /** The endpoint's columns. Default: all-backlinks (`GET /v3/site-explorer/all-backlinks`). */
  readonly catalogue?: Catalogue;
  /** Longest accepted query text, in UTF-16 code units. Default 100,000. */
  readonly maxLength?: number;
  /** Deepest accepted nesting of parentheses, `not` and `any`/`all`. Default 128. */
  readonly maxDepth?: number;
  /** Most values accepted in one `in (…)` list. Default 1,000. */
  readonly maxListLength?: number;
}

/**
 * The limits of a tree built in code (text is limited by the parser, with the
 * exact place): such a tree can be as deep or as wide as it likes, so it is
 * measured without recursion before any stage walks it.
 */
function treeLimits(filter: Filter, options: FilterOptions): Diagnostic[] {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const measure = measureFilter(filter, maxDepth + 1);
  const out: Diagnostic[] = [];
  if (measure.depth > maxDepth) {
    out.push(diagnostic('nesting-too-deep', `The filter tree nests more than ${maxDepth} levels deep (the maxDepth option); flatten it.`, { range: filter.range }));
  }
  const list = listTooLong(measure, options.maxListLength ?? DEFAULT_MAX_LIST_LENGTH);
  if (list) out.push(list);
  return out;
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
  readonly catalogue: Catalogue;
  /** True when there is a filter and no error. */
  readonly ok: boolean;
}

function isDocument(source: Document | Filter): source is Document {
  return (source as Document).comments !== undefined && !('kind' in source);
}

/** Parses (when given text) and checks a filter. Never throws. */
export function analyze(source: FilterSource, options: FilterOptions = {}, paths?: ReadonlyMap<object, string>): Analysis {
  const catalogue = options.catalogue ?? allBacklinks;
  let document: Document | undefined;
  let filter: Filter | undefined;
  const diagnostics: Diagnostic[] = [];
  if (typeof source === 'string') {
    const parsed = parse(source, { maxLength: options.maxLength, maxDepth: options.maxDepth, maxListLength: options.maxListLength });
    document = parsed.document;
    filter = parsed.document.filter;
    diagnostics.push(...parsed.diagnostics);
  } else if (source !== null && typeof source === 'object' && isDocument(source)) {
    document = source;
    filter = source.filter;
  } else if (source !== null && typeof source === 'object' && 'kind' in source) {
    filter = source;
  } else {
    diagnostics.push(diagnostic('empty-filter', 'Expected query text or a filter tree.'));
  }
  let references: ReadonlyMap<FieldRef, ResolvedField> = new Map();
  let columns: readonly Column[] = [];
  if (filter) {
    const limits = typeof source === 'string' ? [] : treeLimits(filter, options);
    if (limits.length > 0) {
      const sorted = sortDiagnostics([...diagnostics, ...limits]);
      return { filter, document, diagnostics: sorted, references: new Map(), columns: [], catalogue, ok: false };
    }
    const checked = checkFilter(filter, catalogue, paths ? { paths } : {});
    diagnostics.push(...checked.diagnostics);
    references = checked.references;
    columns = checked.columns;
  } else if (typeof source !== 'string' && diagnostics.length === 0) {
    diagnostics.push(diagnostic('empty-filter', 'The document holds no filter.'));
  }
  const sorted = sortDiagnostics(diagnostics);
  return { filter, document, diagnostics: sorted, references, columns, catalogue, ok: filter !== undefined && !hasErrors(sorted) };
}
