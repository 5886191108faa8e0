/**
 * The static analysis of a type-checked filter (issue 13): per column, over
 * three-valued logic, it finds conditions that never match, conditions true
 * wherever their column is known, and repeated or implied operands; and it
 * simplifies filters into equivalent smaller ones (./simplify.ts). See
 * docs/diagnostics.md for the verdicts and docs/api.md for `simplify`.
 */
import type { FieldRef, Filter } from '../../ast/nodes.js';
import { isBranch, isInvalid, type BoolTree } from '../../ast/tree.js';
import { validateFilterTree } from '../../ast/validate.js';
import type { ResolvedField } from '../../catalogue/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { Reporter } from './report.js';
import type { Skipped } from './groups.js';
import { findVerdicts } from './verdicts.js';

export { findVerdicts, neverTrue, type Verdict, type VerdictCode, type WalkRecord } from './verdicts.js';
export type { Skipped } from './groups.js';
export { simplifyFilter, filterCost, type SimplifyContext } from './simplify.js';
export { upperFixed } from './casing.js';
export { analyzeAcross, summarisePart, type AcrossResult, type PartSummary, type TopPart } from './across.js';
export { MAX_GROUP_SIZE } from './budget.js';

/** The codes this analysis reports: four warnings, and the info that a part was past its bound. */
export const ANALYSIS_CODES = Object.freeze(['never-matches', 'always-true-where-known', 'redundant-condition', 'subsumed-condition', 'analysis-limited'] as const);

export interface AnalysisOptions {
  /** The text the ranges point into: fixes are cut from it (no fixes without it). */
  readonly source?: string | undefined;
  /** JSON paths of decompiled nodes, for diagnostics on JSON input. */
  readonly paths?: ReadonlyMap<object, string> | undefined;
  /**
   * The tree comes from the parser, the decompiler or an entry point's validation (src/ast/validate.ts),
   * so its shapes, depth and node count are known good; otherwise the analysis validates it first.
   */
  readonly trusted?: boolean | undefined;
}

/** The deepest tree analysed: the largest maxDepth any entry point accepts. */
const MAX_DEPTH = 256;
/** Bounds the validation's work on trees that share nodes (each counted every time it is reached). */
const MAX_NODES = 1_000_000;


function hasInvalid(node: BoolTree<unknown>): boolean {
  if (isInvalid(node)) return true;
  if (!isBranch(node)) {
    const element = (node as { kind: string; element?: BoolTree<unknown> }).element;
    return element !== undefined && hasInvalid(element);
  }
  return node.kind === 'not' ? hasInvalid(node.operand) : node.operands.some(hasInvalid);
}

/**
 * The analysis's warnings for a filter the checker found no error in (its
 * `references`). A tree with recovery gaps gets none: its meaning is not
 * known yet.
 */
export function analyzeFilter(filter: Filter, references: ReadonlyMap<FieldRef, ResolvedField>, options: AnalysisOptions = {}): Diagnostic[] {
  // The walks below recurse and trust the shapes, so an untrusted tree (hand-built, handed to the stage
  // directly) is judged only when it is of the AST's types within the depth limit; a recovery gap anywhere
  // means the meaning is not known yet.
  if (!options.trusted && validateFilterTree(filter, { maxDepth: MAX_DEPTH, maxNodes: MAX_NODES }).length > 0) return [];
  if (hasInvalid(filter)) return [];
  const skipped: Skipped[] = [];
  const verdicts = findVerdicts(filter, references, { skipped });
  const reporter = new Reporter({ source: options.source, paths: options.paths });
  return [...reporter.diagnostics(verdicts), ...skipped.map((s) => reporter.limited(s))];
}
