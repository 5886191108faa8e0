/**
 * The top-level parts of a text for the incremental `diagnose` (./diagnose.ts):
 * what a part's check keeps, where each part's operand lies in the tree of
 * the run it was checked in, and the analysis across parts, which joins the
 * parts' cached trees and summaries without checking any part again.
 */
import type { Filter } from '../ast/index.js';
import { analyzeAcross, type PartSummary, type TopPart } from '../check/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { EditorDiagnostic, QuickFix } from './types.js';

/** One part's check: its diagnostics (offsets relative to the part's start) and, when it has no error, its tree. */
export interface Checked {
  readonly diagnostics: readonly EditorDiagnostic[];
  /** The part's operand as parsed in its run, with the run's offset of the part's start, and its summary for the analysis across parts. */
  readonly root?: { readonly node: Filter; readonly origin: number; readonly summary: PartSummary } | undefined;
}

/** One top-level part: `[start, end)` in the text, and the connectives written before and after it. */
export interface Part {
  readonly start: number;
  readonly end: number;
  /** The operand's own extent: its first token's start and last token's end (comments and blanks around it left out). */
  readonly outer: readonly [number, number] | undefined;
  readonly before: string | undefined;
  readonly after: string | undefined;
  readonly key: string;
}

/** A diagnostic with offsets shifted by `shift`, fixes included. */
export function toEditor(d: Diagnostic, length: number, shift = 0): EditorDiagnostic {
  // Every text diagnostic has a range; the fallback only guards against a future one without.
  const start = (d.range?.start.offset ?? 0) - shift;
  const end = (d.range?.end.offset ?? length) - shift;
  const fixes: QuickFix[] = (d.suggestions ?? []).map((s) => ({
    title: s.message,
    start: (s.range?.start.offset ?? start + shift) - shift,
    end: (s.range?.end.offset ?? end + shift) - shift,
    newText: s.replacement,
  }));
  return { code: d.code, severity: d.severity, message: d.message, start, end, fixes };
}

/** The last part of `first..last` starting at or before `offset` (binary search). */
export function partAt(parts: readonly Part[], first: number, last: number, offset: number): number {
  let lo = first;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (parts[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Each part's operand in the run's tree: the node whose range lies within
 * the part, found by descending the top-level and/or nodes (the stand-ins
 * lie in no part). A part with no such node, or two, gets none.
 */
export function rootsOf(filter: Filter, parts: readonly Part[], first: number, last: number, delta: number): (Filter | undefined)[] {
  const roots: (Filter | undefined)[] = parts.slice(first, last + 1).map(() => undefined);
  const twice = new Set<number>();
  const visit = (node: Filter): void => {
    const r = node.range;
    if (!r) return;
    const s = r.start.offset - delta;
    const e = r.end.offset - delta;
    const j = partAt(parts, first, last, s);
    if (s >= parts[j]!.start && e <= parts[j]!.end) {
      if (roots[j - first]) twice.add(j - first);
      roots[j - first] = node;
      return;
    }
    if (node.kind === 'and' || node.kind === 'or') for (const o of node.operands) visit(o);
  };
  visit(filter);
  for (const j of twice) roots[j] = undefined;
  return roots;
}

/**
 * The analysis across parts, when every part has its tree and none an error:
 * the warnings that join parts, and for each part whether its own warnings
 * stand (the whole-text analysis does not look inside an operand that is part
 * of a larger verdict). Undefined when it cannot run.
 */
export function acrossParts(text: string, parts: readonly Part[], checked: readonly Checked[]): { diagnostics: EditorDiagnostic[]; opened: readonly boolean[] } | undefined {
  if (parts.length < 2) return undefined;
  const tops: TopPart[] = [];
  const used = new Set<object>();
  for (let k = 0; k < parts.length; k++) {
    const root = checked[k]!.root;
    const outer = parts[k]!.outer;
    if (!root || !outer) return undefined;
    // Equal parts share one cached tree; each operand needs a node of its own.
    const node = used.has(root.node) ? { ...root.node } : root.node;
    used.add(node);
    tops.push({ root: node, summary: root.summary, shift: parts[k]!.start - root.origin, start: outer[0], end: outer[1] });
  }
  const connectives = parts.slice(0, -1).map((p) => (p.after!.toLowerCase() === 'or' ? 'or' : 'and'));
  const result = analyzeAcross(text, tops, connectives);
  return { diagnostics: result.diagnostics.map((d) => toEditor(d, text.length)), opened: result.opened };
}
