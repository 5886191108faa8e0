/**
 * The fuzzer's core, shared by `scripts/fuzz.ts` (timed runs, each input in
 * a worker so that a hang can be stopped) and `test/fuzz.test.ts` (a short
 * in-process run, plus the replay of every reproducer).
 *
 * Inputs come in batches drawn with fast-check from a fixed seed, so a run is
 * reproducible from its seed. Each input goes through every entry point; a
 * finding is an exception (other than the documented CompileError of
 * `predicate` / `evaluate` / `explain`), a diagnostic that points outside its
 * input, or a run longer than the time budget.
 */
import fc from 'fast-check';
import { check, compile, decompile, format } from '../src/api/compile.js';
import { CompileError, evaluate, explain, predicate } from '../src/api/predicate.js';
import { filterText, malformedWhereJson, mutatedText, noisyText, row, whereJson } from '../src/arbitraries/index.js';
import { allBacklinks, loadCatalogue, type Catalogue } from '../src/catalogue/index.js';
import { getCatalogue } from '../src/catalogue/endpoints.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { parse } from '../src/syntax/parse.js';

/** One fuzz input: text or a JSON value, and the catalogue it is checked against. */
export interface FuzzInput {
  /** Which generator made it (for the report). */
  readonly kind: 'bytes' | 'query' | 'json-text' | 'json-value' | 'deep';
  readonly catalogue: string;
  readonly text?: string;
  readonly value?: unknown;
}

/** What went wrong, with the input that did it: the content of a reproducer file. */
export interface Finding {
  readonly input: FuzzInput;
  readonly entry: string;
  readonly problem: 'exception' | 'out-of-range' | 'hang';
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
    { arbitrary: deepText.map((text): FuzzInput => ({ kind: 'deep', catalogue: name, text })), weight: 1 },
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
 * undefined. `budgetMs` turns a slow input into a `hang` finding (the
 * worker-based runner also stops inputs that never return).
 */
export function runOne(input: FuzzInput, budgetMs = 2000): Finding | undefined {
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
        const bad = outOfRange(step() ?? [], text);
        if (bad) return fail('out-of-range', bad);
      }
      for (const name of ['predicate', 'evaluate', 'explain'] as const) {
        entry = name;
        try {
          if (name === 'predicate') { const keep = predicate(text, options); rowsFor(input.catalogue).forEach((r) => keep(r)); }
          else if (name === 'evaluate') rowsFor(input.catalogue).forEach((r) => evaluate(text, r, options));
          else explain(text, rowsFor(input.catalogue)[1] ?? {}, options);
        } catch (error) {
          if (!(error instanceof CompileError)) throw error;
        }
      }
      entry = 'decompile(text)';
      let root: unknown;
      try { root = JSON.parse(text); } catch { root = undefined; }
      for (const d of decompile(text, options).diagnostics) {
        if (d.path === undefined || !resolves(root, d.path)) return fail('out-of-range', `${d.code} at path ${String(d.path)}`);
      }
      entry = 'loadCatalogue(text)';
      loadCatalogue(text);
    } else {
      entry = 'decompile(value)';
      for (const d of decompile(input.value, options).diagnostics) {
        if (d.path === undefined || !resolves(input.value, d.path)) return fail('out-of-range', `${d.code} at path ${String(d.path)}`);
      }
      entry = 'loadCatalogue(value)';
      loadCatalogue(input.value);
    }
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return fail('exception', `${e.name}: ${e.message}`, e.stack);
  }
  const elapsed = performance.now() - started;
  if (elapsed > budgetMs) return { input, entry: 'all', problem: 'hang', message: `took ${Math.round(elapsed)} ms (budget ${budgetMs} ms)` };
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
