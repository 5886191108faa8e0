/**
 * Diagnostics for editors: the compiler's own (parse and type), with offsets,
 * and the did-you-mean `suggestions` turned into quick fixes.
 *
 * Parsing a long filter from scratch on every keystroke is wasted work. But
 * the checker judges each condition on its own, and the parser never carries
 * state across a top-level `and` / `or` that follows a complete operand. So
 * the text is cut at those connectives (up to the first token the grammar did
 * not expect; see `topLevelConnectives`) into parts, and each part's
 * diagnostics are cached under the part's text and its two connectives.
 *
 * A call analyses only the parts it has not seen: each run of consecutive
 * unseen parts is analysed as one text, between a stand-in operand and the
 * real connective on each side (so the parser sees what it sees in the whole
 * text), and its diagnostics are shared out to the parts by position. The
 * work is counted in characters handed to the analyser plus a fixed cost per
 * call ({@link CALL_COST}); when the runs would cost as much as analysing the
 * whole text, the whole text is analysed as one run instead. So a keystroke
 * costs one part, and no call ever costs more than a whole-text analysis.
 *
 * The static analysis also judges operands together (`DR > 50 and is_new and
 * DR < 10`). So each part keeps, beside its diagnostics, its tree and a
 * summary of what it does on its column (`summarisePart`); when no part has
 * an error, the analysis joins the summaries over the top-level structure
 * (`analyzeAcross`: a walk over the parts, not inside them) and adds the
 * verdicts that span parts, with their fixes. No part is parsed or checked
 * again for that, so a keystroke still costs one part.
 *
 * The text is cut into parts again only where it changed (./diagnose-cut.ts),
 * and a text analysed whole in one run takes its warnings from that analysis
 * instead of joining its parts again: with thousands of parts, scanning the
 * text or repeating the analysis would cost as much as a whole `check`.
 *
 * The cache holds, per catalogue, only the parts of the last text diagnosed:
 * memory stays proportional to one document, however long the session.
 * Tests check that the result equals a whole-text analysis, whatever was
 * diagnosed before.
 */
import { analyze } from '../api/index.js';
import { ANALYSIS_CODES, analyzeFilter, summarisePart } from '../check/index.js';
import type { Catalogue } from '../catalogue/index.js';
import { quoteName } from '../vocabulary/index.js';
import { atStart, catalogueArgument, textArgument } from './arguments.js';
import { cutWork, partsAfterEdit, partsOf, resetCutWork } from './diagnose-cut.js';
import { acrossParts, partAt, rootsOf, toEditor, type Checked, type Part } from './diagnose-parts.js';
import type { EditorDiagnostic, EditorOptions } from './types.js';

/** The default limit of the parser: longer text takes the whole-text path, which reports it. */
const MAX_LENGTH = 100_000;

/**
 * The fixed cost of one analysis, in characters: the parser's and checker's
 * set-up, about what a short condition costs. It makes many small runs lose
 * to one whole-text analysis when they are scattered over the text.
 */
export const CALL_COST = 64;

interface CatalogueCache {
  /** A complete operand standing in for a part's neighbours: cheap to check (no did-you-mean search). */
  readonly standIn: string;
  /** Part-in-context key → what its check found; the parts of the last text only. */
  parts: Map<string, Checked>;
  /** The last text diagnosed and its parts, from which the next text's parts are cut again where it changed. */
  last?: { readonly text: string; readonly parts: readonly Part[] } | undefined;
}

const caches = new WeakMap<Catalogue, CatalogueCache>();

/** Work done by {@link diagnose}, counted (not timed) so that tests can bound it. */
export interface DiagnoseWork {
  /** Calls of the analyser. */
  calls: number;
  /** Parts analysed (not taken from the cache). */
  parts: number;
  /** Characters handed to the analyser, stand-ins included. */
  chars: number;
  /** Characters scanned to cut the text into parts (only the stretch an edit changed, once parts are cached). */
  scanned: number;
}

const work = { calls: 0, parts: 0, chars: 0 };

/** The work done since the last {@link resetDiagnoseWork} (for tests and benchmarks). */
export function diagnoseWork(): DiagnoseWork {
  return { ...work, scanned: cutWork() };
}

/** Sets the work counters to zero. */
export function resetDiagnoseWork(): void {
  work.calls = work.parts = work.chars = 0;
  resetCutWork();
}

function cacheOf(catalogue: Catalogue): CatalogueCache {
  let cache = caches.get(catalogue);
  if (!cache) {
    // A boolean column alone is a condition without diagnostics; `x` would cost a did-you-mean search over every column.
    const column = catalogue.columns.find((c) => c.type === 'boolean' && !c.array) ?? catalogue.columns[0];
    caches.set(catalogue, (cache = { standIn: column ? quoteName(column.name) : 'x', parts: new Map() }));
  }
  return cache;
}


const ANALYSIS: ReadonlySet<string> = new Set(ANALYSIS_CODES);

/**
 * A static-analysis warning judged in one part, or undefined. Its range covers
 * every operand it rests on, so one that runs past the part involves another
 * part (or a stand-in) and is dropped here; fixes that reach outside the part
 * go too. The verdicts that join real parts come from the analysis across
 * parts instead ({@link acrossParts}), on both paths.
 */
function inPart(d: EditorDiagnostic, start: number, end: number): EditorDiagnostic | undefined {
  if (!ANALYSIS.has(d.code)) return d;
  if (d.start < start || d.end > end) return undefined;
  const fixes = d.fixes.filter((f) => f.start >= start && f.end <= end);
  return fixes.length === d.fixes.length ? d : { ...d, fixes };
}

/** The analysis judges only error-free filters: with an error anywhere, its warnings from error-free parts go too. */
function withoutAnalysisOnErrors(out: EditorDiagnostic[]): EditorDiagnostic[] {
  return out.some((d) => d.severity === 'error') ? out.filter((d) => !ANALYSIS.has(d.code)) : out;
}

/**
 * Sorted by start. Analysis warnings starting at one offset come from two
 * places (a part's check, the analysis across parts) on the incremental path
 * and from one walk on the whole text, so ties among them are broken by
 * their content, the same on both paths; other ties keep their order.
 */
function byPosition(list: readonly EditorDiagnostic[]): EditorDiagnostic[] {
  // Each key built once, not once per comparison: a long filter has thousands of warnings.
  return list
    .map((d, i) => ({ d, i, a: ANALYSIS.has(d.code), key: `${String(1e9 - d.end).padStart(10, '0')}\u0000${d.code}\u0000${d.message}` }))
    .sort((x, y) => {
      if (x.d.start !== y.d.start) return x.d.start - y.d.start;
      if (x.a !== y.a) return x.a ? 1 : -1;
      if (x.a) return x.key < y.key ? -1 : x.key > y.key ? 1 : x.i - y.i;
      return x.i - y.i;
    })
    .map((x) => x.d);
}

function moved(d: EditorDiagnostic, by: number): EditorDiagnostic {
  if (by === 0) return d;
  return { ...d, start: d.start + by, end: d.end + by, fixes: d.fixes.map((f) => ({ ...f, start: f.start + by, end: f.end + by })) };
}

function blank(text: string): boolean {
  return text.replace(/#[^\n\r]*/g, '').trim() === '';
}

/** The whole-text analysis: the reference the incremental path must agree with. */
export function diagnoseWhole(text: string, options: EditorOptions = {}): EditorDiagnostic[] {
  const checked = catalogueArgument(options);
  if (!checked.catalogue) return checked.problems.map(atStart);
  const all = wholeText(text, checked.catalogue, false);
  const parts = text.length > MAX_LENGTH ? undefined : partsOf(text);
  if (!parts) return all;
  // Every warning of the whole text, fixes included: the incremental path gets those within a part from the
  // part's check and the others (and an operand's verdicts as a whole, whose fixes reach its connectives) across parts.
  return byPosition(all.filter((d) => !ANALYSIS.has(d.code) || parts.some((p) => d.start >= p.start && d.start <= p.end)));
}

function wholeText(text: string, catalogue: Catalogue, counted = true): EditorDiagnostic[] {
  const analysis = analyze(text, { catalogue });
  if (counted) {
    work.calls++;
    work.chars += text.length;
  }
  const empty = analysis.document?.filter === undefined && blank(text);
  return analysis.diagnostics.filter((d) => !(empty && d.code === 'empty-filter')).map((d) => toEditor(d, text.length));
}

/** The text analysed for the parts `first..last`: the stand-in and the connective on each side that has a neighbour. */
function contextOf(text: string, parts: readonly Part[], first: number, last: number, standIn: string): { context: string; shift: number } {
  const before = parts[first]!.before;
  const after = parts[last]!.after;
  const prefix = before ? `${standIn} ${before} ` : '';
  const suffix = after ? ` ${after} ${standIn}` : '';
  return { context: `${prefix}${text.slice(parts[first]!.start, parts[last]!.end)}${suffix}`, shift: prefix.length };
}

/**
 * Analyses the parts `first..last` as one text and stores each part's
 * diagnostics (relative to its start) in `into`. A diagnostic belongs to the
 * part its start lies in; one that starts in a connective or a stand-in lies
 * outside every part and is dropped, one that runs past its part is cut at
 * the part's end. A part without an error also keeps its tree and its
 * summary for the analysis across parts (parts are cut only up to the first
 * token the grammar did not expect, so a syntax error lies in the last part
 * of its text, and is that part's; if an error fell outside every part, no
 * part of the run keeps its tree). If the run has an error elsewhere,
 * the checker skipped the analysis, so the part's own warnings are computed
 * here, to be right once that error is gone.
 */
function analyseRun(text: string, parts: readonly Part[], first: number, last: number, catalogue: Catalogue, standIn: string, into: Map<string, Checked>): EditorDiagnostic[] {
  const { context, shift } = contextOf(text, parts, first, last, standIn);
  work.calls++;
  work.parts += last - first + 1;
  work.chars += context.length;
  const base = parts[first]!.start;
  const delta = shift - base;
  const found: EditorDiagnostic[][] = parts.slice(first, last + 1).map(() => []);
  let lost = false;
  const place = (d: EditorDiagnostic): void => {
    const lo = partAt(parts, first, last, d.start);
    const part = parts[lo]!;
    if (d.start < part.start || d.start > part.end) {
      lost ||= d.severity === 'error';
      return;
    }
    const judged = inPart(d, part.start, part.end);
    if (!judged) return;
    const local = moved(judged, -part.start);
    const length = part.end - part.start;
    found[lo - first]!.push(local.end > length ? { ...local, end: length } : local);
  };
  const analysis = analyze(context, { catalogue });
  const all = analysis.diagnostics.map((d) => toEditor(d, context.length, delta));
  for (const d of all) place(d);
  const errors = analysis.diagnostics.some((d) => d.severity === 'error');
  const roots = analysis.filter && !lost ? rootsOf(analysis.filter, parts, first, last, delta) : [];
  const kept: (Checked['root'])[] = [];
  for (let j = first; j <= last; j++) {
    const node = roots[j - first];
    if (!node || found[j - first]!.some((d) => d.severity === 'error')) {
      kept.push(undefined);
      continue;
    }
    if (errors) {
      for (const d of analyzeFilter(node, analysis.references, { source: context, trusted: true })) place(toEditor(d, context.length, delta));
    }
    kept.push({ node, origin: parts[j]!.start + delta, summary: summarisePart(node, analysis.references) });
  }
  for (let j = first; j <= last; j++) into.set(parts[j]!.key, { diagnostics: found[j - first]!, root: kept[j - first] });
  return all;
}

/**
 * The diagnostics of a run that is the whole text, as the whole-text analysis reports them ({@link diagnoseWhole}):
 * its analysis already judged the parts together, so the analysis across parts would only repeat that work.
 */
function ofWholeRun(all: readonly EditorDiagnostic[], parts: readonly Part[]): EditorDiagnostic[] {
  const last = parts.length - 1;
  return byPosition(all.filter((d) => {
    if (!ANALYSIS.has(d.code)) return true;
    const part = parts[partAt(parts, 0, last, d.start)]!;
    return d.start >= part.start && d.start <= part.end;
  }));
}

/**
 * Every problem of a filter (syntax and types against the catalogue), with
 * offsets and quick fixes, sorted by position. Works on broken input: the
 * parser recovers, so a typo in one condition does not hide the others.
 * A blank document (only whitespace and comments) gets no `empty-filter`
 * error: an empty editor is not a mistake. Text that is not a string is read
 * as empty text and reported as `invalid-argument`; a `catalogue` option that
 * is not a catalogue (or a catalogue's name) is reported as `invalid-option` /
 * `unknown-catalogue`, and nothing is checked against a catalogue it did
 * not ask for. Never throws.
 *
 * @example
 * diagnose('domain_ratng_source > 5')[0].fixes[0]; // { title: 'Replace with "domain_rating_source"', start: 0, end: 19, newText: 'domain_rating_source' }
 */
export function diagnose(text: string, options: EditorOptions = {}): EditorDiagnostic[] {
  const argument = textArgument(text, 'diagnose');
  const checked = catalogueArgument(options);
  const problems = [...(argument.problem ? [argument.problem] : []), ...checked.problems].map(atStart);
  if (!checked.catalogue) return problems;
  const source = argument.text;
  const cache = cacheOf(checked.catalogue);
  const last = cache.last;
  const parts = source.length > MAX_LENGTH ? undefined : last ? partsAfterEdit(last.text, last.parts, source) : partsOf(source);
  cache.last = parts && { text: source, parts };
  if (!parts) return [...problems, ...wholeText(source, checked.catalogue)];
  const fresh = new Map<string, Checked>();
  // Runs of consecutive parts the last text did not have, and what analysing them would cost.
  const runs: [number, number][] = [];
  let cost = 0;
  for (let k = 0; k < parts.length; k++) {
    const hit = cache.parts.get(parts[k]!.key);
    if (hit) {
      fresh.set(parts[k]!.key, hit);
      continue;
    }
    const run = runs[runs.length - 1];
    if (run && run[1] === k - 1) run[1] = k;
    else runs.push([k, k]);
  }
  for (const [first, last] of runs) cost += contextOf(source, parts, first, last, cache.standIn).context.length + CALL_COST;
  if (runs.length > 0 && cost >= source.length + CALL_COST) {
    // As dear as the whole text: analyse it once, and keep its diagnostics part by part for the next keystroke.
    fresh.clear();
    runs.splice(0, runs.length, [0, parts.length - 1]);
  }
  const catalogue = checked.catalogue;
  const analysed = runs.map(([first, last]) => analyseRun(source, parts, first, last, catalogue, cache.standIn, fresh));
  cache.parts = fresh;
  if (runs.length === 1 && runs[0]![0] === 0 && runs[0]![1] === parts.length - 1) return [...problems, ...ofWholeRun(analysed[0]!, parts)];
  const results = parts.map((p) => fresh.get(p.key)!);
  const failed = results.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  const across = failed ? undefined : acrossParts(source, parts, results);
  const out: EditorDiagnostic[] = [];
  parts.forEach((part, k) => {
    for (const d of results[k]!.diagnostics) if (!across || across.opened[k] || !ANALYSIS.has(d.code)) out.push(moved(d, part.start));
  });
  if (across) out.push(...across.diagnostics);
  return [...problems, ...withoutAnalysisOnErrors(byPosition(out))];
}

/** Forgets the cached parts of a catalogue (default: all-backlinks), for benchmarks that measure the cold path. */
export function clearDiagnoseCache(catalogue?: Catalogue): void {
  const checked = catalogueArgument({ catalogue });
  if (checked.catalogue) caches.delete(checked.catalogue);
}

/** How many parts the cache holds for a catalogue (default: all-backlinks): at most the parts of the last text. */
export function cachedParts(catalogue?: Catalogue): number {
  const checked = catalogueArgument({ catalogue });
  return checked.catalogue ? (caches.get(checked.catalogue)?.parts.size ?? 0) : 0;
}
