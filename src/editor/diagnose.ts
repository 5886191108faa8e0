/**
 * Diagnostics for editors: the compiler's own (parse and type), with offsets,
 * and the did-you-mean `suggestions` turned into quick fixes.
 *
 * Parsing a 2 KB filter from scratch takes milliseconds, too slow for every
 * keystroke. But the checker judges each condition on its own, and the parser
 * never carries state across a top-level `and` / `or` that follows a complete
 * operand. So the text is cut at those connectives (up to the first token the
 * grammar did not expect; see `topLevelConnectives`), each part is analysed
 * on its own — between a dummy operand and the real connective on each side,
 * so that the parser sees what it would see in the whole text — and parts are
 * cached by their text. A keystroke re-analyses only the part it touched.
 * Tests check that the result equals a whole-text analysis.
 */
import { analyze } from '../api/analyze.js';
import { allBacklinks } from '../catalogue/builtin.js';
import type { Catalogue } from '../catalogue/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { topLevelConnectives } from './context.js';
import { scan } from './scanner.js';
import type { EditorDiagnostic, EditorOptions, QuickFix } from './types.js';

/** The default limit of the parser: longer text takes the whole-text path, which reports it. */
const MAX_LENGTH = 100_000;
const MAX_CACHED = 2000;

/** Per catalogue: part-in-context → its diagnostics, offsets relative to the part's start. */
const parts = new WeakMap<Catalogue, Map<string, readonly EditorDiagnostic[]>>();

function toEditor(d: Diagnostic, length: number, shift = 0): EditorDiagnostic {
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

function moved(d: EditorDiagnostic, by: number): EditorDiagnostic {
  if (by === 0) return d;
  return { ...d, start: d.start + by, end: d.end + by, fixes: d.fixes.map((f) => ({ ...f, start: f.start + by, end: f.end + by })) };
}

/** The whole-text analysis: the reference the incremental path must agree with. */
export function diagnoseWhole(text: string, options: EditorOptions = {}): EditorDiagnostic[] {
  const analysis = analyze(text, { catalogue: options.catalogue });
  const blank = analysis.document?.filter === undefined && text.replace(/#[^\n\r]*/g, '').trim() === '';
  return analysis.diagnostics.filter((d) => !(blank && d.code === 'empty-filter')).map((d) => toEditor(d, text.length));
}

/** One part's diagnostics, relative to its start, from the cache or by analysing it between its neighbours. */
function partDiagnostics(catalogue: Catalogue, before: string | undefined, part: string, after: string | undefined): readonly EditorDiagnostic[] {
  let cache = parts.get(catalogue);
  if (!cache) parts.set(catalogue, (cache = new Map()));
  const key = `${before ?? ''}\u0000${part}\u0000${after ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  // `x` stands in for the neighbouring operands; what it draws (an unknown column) lies outside the part and is dropped.
  const prefix = before ? `x ${before} ` : '';
  const context = `${prefix}${part}${after ? ` ${after} x` : ''}`;
  const result = analyze(context, { catalogue })
    .diagnostics.map((d) => toEditor(d, context.length, prefix.length))
    .filter((d) => d.start >= 0 && d.start <= part.length)
    .map((d) => (d.end > part.length ? { ...d, end: part.length } : d));
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, result);
  return result;
}

/**
 * Every problem of a filter (syntax and types against the catalogue), with
 * offsets and quick fixes, sorted by position. Works on broken input: the
 * parser recovers, so a typo in one condition does not hide the others.
 * A blank document (only whitespace and comments) gets no `empty-filter`
 * error: an empty editor is not a mistake. Never throws.
 *
 * @example
 * diagnose('domain_ratng_source > 5')[0].fixes[0]; // { title: 'Replace with "domain_rating_source"', start: 0, end: 19, newText: 'domain_rating_source' }
 */
export function diagnose(text: string, options: EditorOptions = {}): EditorDiagnostic[] {
  if (text.length > MAX_LENGTH) return diagnoseWhole(text, options);
  const tokens = scan(text);
  const cuts = topLevelConnectives(tokens);
  if (cuts.length === 0) return diagnoseWhole(text, options);
  const catalogue = options.catalogue ?? allBacklinks;
  const out: EditorDiagnostic[] = [];
  let start = 0;
  for (let k = 0; k <= cuts.length; k++) {
    const cut = tokens[cuts[k]!];
    const end = cut ? cut.start : text.length;
    const prev = k > 0 ? tokens[cuts[k - 1]!]! : undefined;
    // The connectives as written (`AND` too): the parser's messages quote them.
    const before = prev && text.slice(prev.start, prev.end);
    const after = cut && text.slice(cut.start, cut.end);
    for (const d of partDiagnostics(catalogue, before, text.slice(start, end), after)) out.push(moved(d, start));
    if (cut) start = cut.end;
  }
  return out.map((d, i) => ({ d, i })).sort((a, b) => a.d.start - b.d.start || a.i - b.i).map((x) => x.d);
}

/** Forgets the cached parts (for benchmarks that measure the cold path). */
export function clearDiagnoseCache(): void {
  parts.delete(allBacklinks);
}
