/**
 * Optional code generation for the predicate: the same pair of row tests as
 * `compileNode`, but as one JavaScript function per polarity, so that a
 * whole filter runs as straight-line code with its own inline caches instead
 * of a chain of shared closures (measured about 5× faster on a typical filter;
 * see docs/semantics.md, "Speed").
 *
 * Injection-free by construction: the generated text is assembled only from
 * the fixed fragments in this file and predicate-codegen-values.ts, the
 * generated identifiers `k<n>` (constants) and `H<n>` (helper functions), the
 * temporary `v`, the runtime's fixed names (`RUNTIME`) and
 * integers. Every value that comes from the filter or the catalogue
 * (column names, strings, numbers, compiled regexes, closures) goes into the
 * constants array `K` and is referenced by index, never spliced into the text.
 * A test checks that generated text holds no character of a hostile filter.
 *
 * Where `new Function` is unavailable (a Content-Security-Policy without
 * `unsafe-eval`), {@link generatePredicate} returns undefined and the caller
 * keeps the closures, which compute the same results.
 */
import type { ElementFilter, Filter, RowTest, Test } from '../ast/nodes.js';
import { foldTree, type BoolTree } from '../ast/tree.js';
import type { ResolvedField } from '../catalogue/types.js';
import { lower } from '../semantics/strings.js';
import { parseInstant } from '../vocabulary/dates.js';
import { isNameSegment } from '../vocabulary/names.js';
import { compileRowTest } from './predicate-closures.js';
import {
  closed, constant, declareTemps, fromSides, inlineValueTest, joinSides, leafCode, negate, sideOf, type Code, type Gen,
} from './predicate-codegen-values.js';
import {
  BUILD_ERRORS, field, inheritedKey, PredicateBuildError, reader, validDayForm, validIfSecondForm, type Polar, type PredicateContext, type Row, type Test2,
} from './predicate-core.js';

/**
 * The fixed functions every generated factory receives (as `R`), under fixed
 * names: the own-property check, the instant parser, the canonical-date
 * checks and the lower-casing of `icontains`. Passed in rather than put in
 * the constants, so that they do not shift the constants' indexes: the
 * source stays the same for every filter of one shape.
 */
const RUNTIME = { h: Object.prototype.hasOwnProperty, ip: parseInstant, vz: validIfSecondForm, vd: validDayForm, lo: lower } as const;
const RUNTIME_NAMES = 'const h = R.h, ip = R.ip, vz = R.vz, vd = R.vd, lo = R.lo;';

/**
 * Generated functions stay below this many inlined leaves: V8 stops
 * optimising very large functions (at 3,000 clauses in one function a row
 * cost 2.9 µs, against 0.13 µs with closures), so larger `and` / `or` lists
 * are split into helper functions of at most this weight each.
 */
export const SPLIT_WEIGHT = 200;

/** Calls a closure-compiled row test: the fallback for every leaf not inlined below. */
function call(g: Gen, p: Polar<Row>): Code {
  return leafCode(`${constant(g, p.t)}(row)`, `${constant(g, p.f)}(row)`);
}


// ---------------------------------------------------------------- tree

/** A condition's test inline, reading the column as directly as the name allows. */
function inlineLeaf(g: Gen, test: Test, f: ResolvedField): Code | undefined {
  if (f.column.array) return undefined;
  let read: string;
  if (f.apiName.includes('.')) {
    // A dotted path into an object column: the same nested read as the closures, as a constant function.
    read = `${constant(g, reader(f.apiName))}(row)`;
  } else if (inheritedKey(f.apiName)) {
    // A key that names an Object.prototype member is read as an own property only (see inheritedKey).
    const key = constant(g, f.apiName);
    read = `(h.call(row, ${key}) ? row[${key}] : undefined)`;
  } else {
    // One name segment is identifier characters only, written as a property access (`row.traffic`), which V8
    // optimises like hand-written code; no other text of the filter ever enters the code.
    read = isNameSegment(f.apiName) ? `row.${f.apiName}` : `row[${constant(g, f.apiName)}]`;
  }
  return inlineValueTest(g, test, f.type, read);
}

/** A helper function of the factory, calling the helpers `calls`; its name is `H<index>`. */
function helper(g: Gen, body: (name: string) => string, calls: readonly number[]): number {
  const index = g.helpers.length;
  g.helpers.push(body(`H${index}`));
  g.helperCalls.push(calls);
  return index;
}

/** The helpers of one polarity of `parts`, in order (absent when none calls one). */
function callsOf(parts: readonly Code[], polarity: 'ht' | 'hf'): readonly number[] | undefined {
  let out: number[] | undefined;
  for (const p of parts) if (p[polarity]) (out ??= []).push(...p[polarity]);
  return out;
}

/**
 * `and` / `or` of parts. Past {@link SPLIT_WEIGHT} inlined leaves the parts
 * are packed, in order, into helper functions of at most that weight (one
 * per polarity), repeatedly, so that no generated function grows large.
 * Inside an element filter (`split` false) the loop's one function cannot
 * be split: a heavier element filter is left to the closures.
 */
function join(g: Gen, parts: readonly (Code | undefined)[], t: string, f: string, split: boolean): Code | undefined {
  if (parts.some((p) => p === undefined)) return undefined;
  let list = parts as readonly Code[];
  let w = weight(list);
  if (w > SPLIT_WEIGHT && !split) return undefined;
  while (w > SPLIT_WEIGHT && list.length > 1) {
    list = pack(g, list, t, f);
    w = weight(list);
  }
  const ht = callsOf(list, 'ht');
  const hf = callsOf(list, 'hf');
  return fromSides(joinSides(list, 't', t), joinSides(list, 'f', f), { w, ...(ht ? { ht } : {}), ...(hf ? { hf } : {}) });
}

function weight(parts: readonly Code[]): number {
  let w = 0;
  for (const p of parts) w += p.w;
  return w;
}

/** Consecutive parts grouped into helper functions of weight at most {@link SPLIT_WEIGHT}; each group weighs one. */
function pack(g: Gen, parts: readonly Code[], t: string, f: string): Code[] {
  const out: Code[] = [];
  let group: Code[] = [];
  let w = 0;
  const flush = () => {
    const ts = joinSides(group, 't', t);
    const fs = joinSides(group, 'f', f);
    const ht = helper(g, (name) => `function ${name}(row) { ${declareTemps(ts)} return ${closed(ts)}; }`, callsOf(group, 'ht') ?? []);
    const hf = helper(g, (name) => `function ${name}(row) { ${declareTemps(fs)} return ${closed(fs)}; }`, callsOf(group, 'hf') ?? []);
    out.push({ t: `H${ht}(row)`, f: `H${hf}(row)`, w: 1, ht: [ht], hf: [hf] });
    group = [];
    w = 0;
  };
  for (const p of parts) {
    if (w + p.w > SPLIT_WEIGHT && group.length > 0) flush();
    group.push(p);
    w += p.w;
  }
  if (group.length > 0) flush();
  return out;
}

/**
 * The boolean structure, the same at both levels: the rows' tree (whose
 * leaves always have code) and the elements' (undefined as soon as one leaf
 * cannot be inlined, and then the whole `any` / `all` is a closure call).
 */
function generateTree<L, C extends Code | undefined>(g: Gen, node: BoolTree<L>, leaf: (leaf: L) => C, split: boolean): C {
  return foldTree<L, Code | undefined>(node, {
    and: (parts) => join(g, parts, ' && ', ' || ', split),
    or: (parts) => join(g, parts, ' || ', ' && ', split),
    not: (inner) => inner && negate(inner),
    leaf,
    invalid: () => {
      throw new PredicateBuildError(BUILD_ERRORS.invalid);
    },
  }) as C; // on rows, `join` and `negate` give code whenever every leaf did
}

/** One row test inline where it can be, else a call of the closures' own compilation of it. */
function rowCode(g: Gen, node: RowTest, ctx: PredicateContext): Code {
  const f = field(node.field, ctx);
  const inline = node.kind === 'list' ? inlineList(g, node.quantifier, node.element, f) : node.modifier ? undefined : inlineLeaf(g, node.test, f);
  return inline ?? call(g, compileRowTest(node, ctx));
}

/**
 * `any(col)` / `all(col)` as two generated loops (Kleene over the elements:
 * "some element is true" and "every element is false", and their duals), so
 * that array filters run without a closure call per element. A value that is
 * not an array is unknown: both polarities false.
 */
function inlineList(g: Gen, quantifier: 'any' | 'all', element: ElementFilter, column: ResolvedField): Code | undefined {
  if (!column.column.array || !isNameSegment(column.apiName) || inheritedKey(column.apiName)) return undefined;
  const code = generateTree(g, element, (leaf) => inlineValueTest(g, leaf.test, column.type, 'x'), false);
  if (!code) return undefined;
  const loop = (polarity: 't' | 'f', wanted: boolean): number => {
    const side = sideOf(code, polarity);
    return helper(
      g,
      (name) =>
        `function ${name}(a) { if (!Array.isArray(a)) return false; ${declareTemps(side)} ` +
        `for (let i = 0; i < a.length; i++) { const x = a[i]; if (${wanted ? '' : '!'}${closed(side)}) return ${wanted}; } return ${!wanted}; }`,
      [], // element code calls no helper
    );
  };
  const [t, f] = quantifier === 'any' ? [loop('t', true), loop('f', false)] : [loop('t', false), loop('f', true)];
  return { t: `H${t}(row.${column.apiName})`, f: `H${f}(row.${column.apiName})`, w: 1, ht: [t], hf: [f] };
}

/** The generated text of one polarity, and the constants both share. */
export interface GeneratedSource {
  /** The factory's body returning the "is true" function. */
  readonly t: string;
  /** The factory's body returning the "is false" function. */
  readonly f: string;
  /** Both bodies (for tests that read the whole generated text). */
  readonly source: string;
  readonly constants: readonly unknown[];
}

/**
 * The source texts and constants of a filter's generated functions. Each
 * polarity is its own factory body, holding only the helpers it calls, so
 * that the "is false" function is compiled only when it is used.
 */
export function generateSource(filter: Filter, ctx: PredicateContext): GeneratedSource {
  const g: Gen = { constants: [], helpers: [], helperCalls: [], dialect: ctx.dialect, temps: 0 };
  const code = generateTree(g, filter, (leaf) => rowCode(g, leaf, ctx), true);
  const head = headOf(g.constants.length);
  const body = (polarity: 't' | 'f', calls: readonly number[] | undefined) => {
    const side = sideOf(code, polarity);
    return `${head}${reachable(g, calls).map((h) => `${h}\n`).join('')}return function (row) { ${declareTemps(side)} return ${closed(side)}; };`;
  };
  const t = body('t', code.ht);
  const f = body('f', code.hf);
  return { t, f, source: `${t}\n${f}`, constants: g.constants };
}

const heads: string[] = [];

/** The factory's first line for `n` constants (`const k0 = K[0], …`), built once per count. */
function headOf(n: number): string {
  let head = heads[n];
  if (head === undefined) {
    const names = Array.from({ length: n }, (_, i) => `k${i} = K[${i}]`);
    head = `'use strict'; ${n > 0 ? `const ${names.join(', ')}; ` : ''}${RUNTIME_NAMES}\n`;
    if (n < 4096) heads[n] = head; // the common sizes; a huge filter's line is built for it alone
  }
  return head;
}

/** The helpers `calls` names, and those they call in turn, in declaration order. */
function reachable(g: Gen, calls: readonly number[] | undefined): string[] {
  if (!calls) return [];
  const used = new Set<number>();
  const pending = [...calls];
  while (pending.length > 0) {
    const i = pending.pop()!;
    if (used.has(i)) continue;
    used.add(i);
    pending.push(...g.helperCalls[i]!);
  }
  return [...used].sort((a, b) => a - b).map((i) => g.helpers[i]!);
}

/** A filter's generated row tests: "is true" built now, "is false" on first use. */
export interface GeneratedPredicate {
  readonly t: Test2<Row>;
  /** Builds (once) and returns the "is false" test; undefined where the runtime refuses it (then use the closures). */
  readonly f: () => Test2<Row> | undefined;
}

/**
 * The filter's row tests as generated functions, or undefined when the
 * runtime forbids `new Function`. Throws {@link PredicateBuildError} for the
 * same trees as `compileNode`.
 */
export function generatePredicate(filter: Filter, ctx: PredicateContext): GeneratedPredicate | undefined {
  if (!codegenAvailable()) return undefined;
  const { t, f, constants } = generateSource(filter, ctx);
  const t2 = buildTest(t, constants);
  if (!t2) return undefined;
  let fSource: string | undefined = f;
  let f2: Test2<Row> | undefined;
  return {
    t: t2,
    f: () => {
      if (fSource !== undefined) {
        f2 = buildTest(fSource, constants);
        fSource = undefined;
      }
      return f2;
    },
  };
}

let available: boolean | undefined;

/** Whether this runtime lets us build functions from text (false under a strict CSP). */
export function codegenAvailable(): boolean {
  if (available === undefined) {
    try {
      available = new Function('return true')() === true;
    } catch { // expected: a Content-Security-Policy without 'unsafe-eval' forbids new Function; the closures are used instead
      available = false;
    }
  }
  return available;
}

type Factory = (k: readonly unknown[], r: typeof RUNTIME) => Test2<Row>;

/**
 * Factories by source text. The source holds no value of the filter (every
 * value is a constant), so all filters of one shape share one factory, and a
 * new filter text of a known shape skips `new Function` and V8's compile of
 * its text. Bounded by the summed length of the sources (least recently used
 * first out), so a few huge filters cannot hold memory that many small ones
 * would not.
 */
const factories = new Map<string, Factory>();
let factoryChars = 0;
/** The most source text, in characters, the factory cache holds. */
export const FACTORY_CACHE_CHARS = 2_000_000;

function factoryOf(source: string): Factory {
  const hit = factories.get(source);
  if (hit) {
    factories.delete(source); // re-insert: Map order is the recency order
    factories.set(source, hit);
    return hit;
  }
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- text built from fixed fragments only; see the module comment
  const factory = new Function('K', 'R', source) as Factory;
  if (source.length <= FACTORY_CACHE_CHARS) {
    factories.set(source, factory);
    factoryChars += source.length;
    for (const [key] of factories) {
      if (factoryChars <= FACTORY_CACHE_CHARS) break;
      factories.delete(key);
      factoryChars -= key.length;
    }
  }
  return factory;
}

/**
 * The test a generated factory body returns, with `constants` as its `K`;
 * undefined where the runtime refuses it (the caller then uses the closures).
 */
function buildTest(source: string, constants: readonly unknown[]): Test2<Row> | undefined {
  try {
    return factoryOf(source)(constants, RUNTIME);
  } catch (error) {
    // A SyntaxError would be a bug in the fragments above: it is reported (as internal-error), never hidden.
    if (error instanceof SyntaxError) throw error;
    // Otherwise (an EvalError from a policy set after the first check, a RangeError from an engine's limit
    // on very long generated text) the closures, which compute the same results, are used.
    return undefined;
  }
}
