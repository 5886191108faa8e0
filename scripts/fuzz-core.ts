/**
 * The fuzzer's core, shared by `scripts/fuzz.ts` (timed runs, each input in
 * a worker so that a hang can be stopped) and `test/fuzz.test.ts` (a short
 * in-process run, plus the replay of every reproducer).
 *
 * Inputs come in batches drawn with fast-check from a fixed seed, so a run is
 * reproducible from its seed. Each input goes through every entry point; a
 * finding is an exception (other than the documented PredicateError of
 * `predicate` / `evaluate` / `explain`), a diagnostic that points outside its
 * input, a rendering for the terminal (`renderDiagnostic`,
 * `renderExplanation`) that lets a control character through, an
 * explanation label that does not evaluate to its node's value, or (when
 * the caller gives a budget) a run longer than the time budget.
 */
import fc from 'fast-check';
import { check, compile, decompile, format } from '../src/api/compile.js';
import { PredicateError, evaluate, explain, predicate } from '../src/api/predicate.js';
import { filterText, malformedWhereJson, mutatedText, noisyText, row, whereJson } from '../src/arbitraries/index.js';
import { allBacklinks, loadCatalogue, type Catalogue } from '../src/catalogue/index.js';
import { getCatalogue } from '../src/catalogue/endpoints.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { renderDiagnostic } from '../src/diagnostics/render.js';
import { renderExplanation, type ExplainNode } from '../src/emit/explain.js';
import { parse } from '../src/syntax/parse.js';

/** One fuzz input: text or a JSON value, and the catalogue it is checked against. */
export interface FuzzInput {
  /** Which generator made it (for the report). */
  readonly kind: 'bytes' | 'query' | 'json-text' | 'json-value' | 'deep' | 'row';
  readonly catalogue: string;
  readonly text?: string;
  readonly value?: unknown;
  /** A row (JSON) the text is also evaluated and explained on, besides the catalogue's sample rows. */
  readonly row?: Record<string, unknown>;
}

/** What went wrong, with the input that did it: the content of a reproducer file. */
export interface Finding {
  readonly input: FuzzInput;
  readonly entry: string;
  readonly problem: 'exception' | 'out-of-range' | 'hang' | 'unsafe-output' | 'wrong-label';
  readonly message: string;
  readonly stack?: string;
}

/** The catalogues inputs are checked against: the default, a wildcard-regex endpoint, one with arrays of enums. */
export const FUZZ_CATALOGUES = ['site-explorer/all-backlinks', 'keywords-explorer/overview', 'site-explorer/organic-keywords'] as const;

function catalogueByName(name: string): Catalogue {
  return getCatalogue(name) ?? allBacklinks;
}

// ---------------------------------------------------------------- generators

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Random bytes read as UTF-8 (with replacement characters) or as Latin-1, one code unit per byte. */
const bytesText = fc.tuple(fc.uint8Array({ maxLength: 200 }), fc.boolean()).map(([bytes, utf8]) =>
  utf8 ? decoder.decode(bytes) : String.fromCharCode(...bytes));

/** JSON text mutated character by character with JSON's own punctuation and the grammar's keys. */
function mutatedJsonText(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const piece = fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '-', '0', '1e999', 'null', 'true', '\\', '\\u', '"and"', '"or"', '"not"',
    '"field"', '"is"', '"list_is"', '"any"', '"all"', '"__proto__"', '"eq"', '"regex"', '"(a+)+$"', '\uD800', ' ', '\n');
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 2 }), piece);
  return fc.tuple(valid, fc.array(edit, { minLength: 1, maxLength: 4 })).map(([text, edits]) => {
    let s = text;
    for (const [at, op, p] of edits) {
      const i = at % (s.length + 1);
      s = op === 0 ? s.slice(0, i) + p + s.slice(i) : op === 1 ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + p + s.slice(i + p.length);
    }
    return s;
  });
}

/** Very deep or very long input: refused by the limits, never a stack overflow. */
const deepText = fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom('(', 'not ', '{"not":', '[', 'any(languages) not ', '{"and":[')).map(([n, open]) => {
  const close = open === '(' ? ')' : open === '{"not":' ? '}' : open === '[' ? ']' : open === '{"and":[' ? ']}' : '';
  const inner = open.startsWith('{') || open === '[' ? '{"field":"is_spam","is":["eq",true]}' : open.startsWith('any') ? '= "en"' : 'is_spam';
  return open.repeat(n) + inner + close.repeat(n);
});

/** JSON values of odd shapes for row cells: nested up to 2,000 levels, long strings, wrong types. */
const oddCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.boolean()).map(([n, array]) => {
    let v: unknown = 'x';
    for (let i = 0; i < n; i++) v = array ? [v] : { a: v };
    return v;
  }),
  fc.constantFrom('\u001b[2J\u0007', '\u009b31m\u202e', 'x'.repeat(100_000)),
);

/** A catalogue row with some cells replaced by odd values (and odd extra keys). */
function oddRow(catalogue: Catalogue): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(catalogue.columns);
  return fc.tuple(row(catalogue), fc.array(fc.tuple(fc.constantFrom(...names, '__proto__', 'constructor'), oddCell), { maxLength: 4 })).map(([r, cells]) => {
    const out: Record<string, unknown> = { ...r };
    for (const [k, v] of cells) Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
    return out;
  });
}

/** One batch of inputs from `seed`, mixing every generator. */
export function fuzzBatch(seed: number, size: number): FuzzInput[] {
  const name = FUZZ_CATALOGUES[seed % FUZZ_CATALOGUES.length]!;
  const catalogue = catalogueByName(name);
  const queries = filterText(catalogue, { maxDepth: 3 });
  const jsonTexts = whereJson(catalogue, { maxDepth: 3 }).map((w) => JSON.stringify(w));
  const input: fc.Arbitrary<FuzzInput> = fc.oneof(
    { arbitrary: bytesText.map((text): FuzzInput => ({ kind: 'bytes', catalogue: name, text })), weight: 40 },
    { arbitrary: fc.oneof(noisyText(catalogue), mutatedText(mutatedText(queries))).map((text): FuzzInput => ({ kind: 'query', catalogue: name, text })), weight: 80 },
    { arbitrary: fc.oneof(mutatedJsonText(jsonTexts), malformedWhereJson().map((v) => JSON.stringify(v))).map((text): FuzzInput => ({ kind: 'json-text', catalogue: name, text })), weight: 60 },
    { arbitrary: fc.oneof(malformedWhereJson(), whereJson(catalogue)).map((value): FuzzInput => ({ kind: 'json-value', catalogue: name, value })), weight: 20 },
    { arbitrary: deepText.map((text): FuzzInput => ({ kind: 'deep', catalogue: name, text })), weight: 3 },
    { arbitrary: fc.tuple(queries, oddRow(catalogue)).map(([text, r]): FuzzInput => ({ kind: 'row', catalogue: name, text, row: r })), weight: 20 },
  );
  return fc.sample(input, { seed, numRuns: size });
}

// ---------------------------------------------------------------- oracle

/** A UTF-16 range check: inside the text, not reversed. (Line/column consistency is checked by the law suite.) */
function outOfRange(diagnostics: readonly Diagnostic[], text: string): string | undefined {
  for (const d of diagnostics) {
    for (const r of [d.range, ...(d.suggestions ?? []).map((s) => s.range)]) {
      if (!r) continue;
      if (!(r.start.offset >= 0 && r.start.offset <= r.end.offset && r.end.offset <= text.length)) {
        return `${d.code} at [${r.start.offset}, ${r.end.offset}) in a text of length ${text.length}`;
      }
    }
  }
  return undefined;
}

/** What a terminal acts on; the renderers must escape all of it (a line break only as their own separator). */
const TERMINAL_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

/** The first rendered diagnostic that lets a control character through, described. */
function unsafeRendering(diagnostics: readonly Diagnostic[], source?: string): string | undefined {
  for (const d of diagnostics) {
    const text = renderDiagnostic(d, source === undefined ? {} : { source });
    const m = TERMINAL_UNSAFE.exec(text);
    if (m) return `${d.code}: U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} reaches the terminal raw`;
  }
  return undefined;
}

/** The first explanation label that, evaluated alone on the row, does not give its node's value. */
function wrongLabel(node: ExplainNode, row: Record<string, unknown>, options: { catalogue: Catalogue }): string | undefined {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === 'condition' || n.kind === 'list') {
      const label = n.text.replace(/ \(first \d+ of \d+ elements shown\)$/, '');
      let value: unknown;
      try {
        value = evaluate(label, row, options);
      } catch (error) {
        return `label ${JSON.stringify(label.slice(0, 200))} does not compile: ${(error as Error).message.slice(0, 300)}`;
      }
      if (value !== n.value) return `label ${JSON.stringify(label.slice(0, 200))} evaluates to ${String(value)}, its node to ${String(n.value)}`;
    }
    stack.push(...n.children);
  }
  return undefined;
}

/** True when a JSON Pointer names something inside `root`. */
function resolves(root: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return pointer.startsWith('/');
}

const rowCache = new Map<string, Record<string, unknown>[]>();
function rowsFor(name: string): Record<string, unknown>[] {
  let rows = rowCache.get(name);
  if (!rows) {
    rows = [{}, ...fc.sample(row(catalogueByName(name)), { seed: 1, numRuns: 3 })];
    rowCache.set(name, rows);
  }
  return rows;
}

/**
 * Runs one input through every entry point. Returns the first finding, or
 * undefined. `budgetMs`, when given, turns a slow input into a `hang`
 * finding: the worker-based runner (scripts/fuzz.ts) gives one and also
 * stops inputs that never return; the test suite gives none, so that its
 * result does not depend on the machine's load.
 */
export function runOne(input: FuzzInput, budgetMs?: number): Finding | undefined {
  const catalogue = catalogueByName(input.catalogue);
  const options = { catalogue };
  const started = performance.now();
  let entry = 'start';
  const fail = (problem: Finding['problem'], message: string, stack?: string): Finding => ({ input, entry, problem, message, ...(stack ? { stack } : {}) });
  try {
    if (input.text !== undefined) {
      const text = input.text;
      const steps: [string, () => readonly Diagnostic[] | undefined][] = [
        ['parse', () => parse(text).diagnostics],
        ['check', () => check(text, options)],
        ['compile', () => compile(text, options).diagnostics],
        ['format', () => { format(text); return undefined; }],
      ];
      for (const [name, step] of steps) {
        entry = name;
        const diagnostics = step() ?? [];
        const bad = outOfRange(diagnostics, text);
        if (bad) return fail('out-of-range', bad);
        entry = `renderDiagnostic(${name})`;
        const unsafe = unsafeRendering(diagnostics, text);
        if (unsafe) return fail('unsafe-output', unsafe);
      }
      const rows = input.row ? [input.row, ...rowsFor(input.catalogue)] : rowsFor(input.catalogue);
      for (const name of ['predicate', 'evaluate', 'explain'] as const) {
        entry = name;
        try {
          if (name === 'predicate') { const keep = predicate(text, options); rows.forEach((r) => keep(r)); }
          else if (name === 'evaluate') rows.forEach((r) => evaluate(text, r, options));
          else {
            for (const r of input.row ? [input.row, rows[2] ?? {}] : [rows[1] ?? {}]) {
              const explanation = explain(text, r, options);
              entry = 'renderExplanation';
              const m = TERMINAL_UNSAFE.exec(renderExplanation(explanation));
              if (m) return fail('unsafe-output', `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} reaches the terminal raw`);
              entry = 'explain labels';
              const wrong = wrongLabel(explanation.root, r, options);
              if (wrong) return fail('wrong-label', wrong);
              entry = name;
            }
          }
        } catch (error) {
          if (!(error instanceof PredicateError)) throw error;
        }
      }
      entry = 'decompile(text)';
      let root: unknown;
      try { root = JSON.parse(text); } catch { root = undefined; } // expected: most texts are not JSON; decompile reports that itself
      const fromJson = decompile(text, options).diagnostics;
      for (const d of fromJson) {
        if (d.path === undefined || !resolves(root, d.path)) return fail('out-of-range', `${d.code} at path ${String(d.path)}`);
      }
      entry = 'renderDiagnostic(decompile)';
      const unsafeJson = unsafeRendering(fromJson);
      if (unsafeJson) return fail('unsafe-output', unsafeJson);
      entry = 'loadCatalogue(text)';
      loadCatalogue(text);
    } else {
      entry = 'decompile(value)';
      const fromValue = decompile(input.value, options).diagnostics;
      for (const d of fromValue) {
        if (d.path === undefined || !resolves(input.value, d.path)) return fail('out-of-range', `${d.code} at path ${String(d.path)}`);
      }
      entry = 'renderDiagnostic(decompile)';
      const unsafeValue = unsafeRendering(fromValue);
      if (unsafeValue) return fail('unsafe-output', unsafeValue);
      entry = 'loadCatalogue(value)';
      loadCatalogue(input.value);
    }
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return fail('exception', `${e.name}: ${e.message}`, e.stack);
  }
  const elapsed = performance.now() - started;
  if (budgetMs !== undefined && elapsed > budgetMs) return { input, entry: 'all', problem: 'hang', message: `took ${Math.round(elapsed)} ms (budget ${budgetMs} ms)` };
  return undefined;
}

/** A stable short name for a finding's reproducer file: FNV-1a over the input and entry point (no Node crypto, so it runs anywhere). */
export function findingHash(finding: Pick<Finding, 'input' | 'entry'>): string {
  const text = JSON.stringify([finding.entry, finding.input]);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
