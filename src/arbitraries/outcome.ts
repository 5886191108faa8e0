/**
 * Rows chosen for a given filter: rows that make it true, false or unknown
 * on demand, with values next to the filter's own (its literals, their
 * neighbours, the same instant written in other zones, other casings).
 *
 * How: every column the filter names gets a small pool of candidate values
 * derived from the filter's literals. Each leaf tests one column, so the
 * library's own predicate tells, leaf by leaf, which candidates make it
 * true, false or unknown. Kleene logic then combines those sets up the tree
 * (an `and` is false when one operand is, …) into alternatives: for each
 * outcome, a few assignments of candidate sets to columns, every row drawn
 * from one of which has that outcome. Columns an alternative leaves free keep
 * the random value of {@link row}, so rows still shrink towards `{}`.
 */
import fc from 'fast-check';
import { foldTree, forEachLeaf, tree, type Filter, type Literal, type RowTest, type Test } from '../ast/index.js';
import { evaluate, predicate, PredicateError } from '../api/index.js';
import type { Catalogue, Column } from '../catalogue/index.js';
import { printFilter } from '../emit/index.js';
import { parseInstant } from '../vocabulary/index.js';
import { filterAst, printsAs } from './ast.js';
import { ArbitraryOptionsError, Problems, type FilterAstOptions } from './options.js';
import { plainObject, row, type RowOptions } from './rows.js';
import { oddCandidates, writeInstant } from './values.js';

/** What a filter says of a row: `true`, `false`, or `null` (unknown). */
export type Outcome = boolean | null;

/** Options of {@link rowFor}. */
export interface RowForOptions extends RowOptions {
  /** The outcome every row must give; undefined: any, rows still drawn next to the filter's values. */
  readonly outcome?: Outcome;
}

const ABSENT = Symbol('absent');
type Candidate = unknown;
/** Per column (by name), the indexes of the candidates allowed. */
type Alternative = ReadonlyMap<string, ReadonlySet<number>>;
interface Outcomes { readonly T: Alternative[]; readonly F: Alternative[]; readonly U: Alternative[] }

/** Alternatives kept per node and outcome: enough variety, bounded work on wide trees. */
const MAX_ALTERNATIVES = 24;

// ------------------------------------------------------------------ candidates

/**
 * Strings that differ from `v` only in the casing rules of docs/semantics.md:
 * upper and lower case, final sigma (a Greek letter before `Σ` makes
 * toLowerCase write `ς`), `σ`/`ς` swapped, and the usual partners of `ß`,
 * `İ` (dotted capital and dotless small), the Kelvin sign.
 */
function casingPartners(v: string): string[] {
  return [v.toUpperCase(), v.toLowerCase(), `Ο${v.toUpperCase()}`, `${v.toUpperCase()}Α`, `${v.toUpperCase()}Σ`, v.replace(/σ/g, 'ς'), v.replace(/ς/g, 'σ'),
    v.replace(/ß/g, 'ss'), v.replace(/i/g, 'ı'), v.replace(/i/gi, 'İ'), v.replace(/k/gi, '\u212A')];
}

/**
 * Candidate values of a column's scalars, edge cases first (the literal
 * itself, the same instant in other zones, the casing partners), since
 * rowFromDraw picks the first ones more often.
 */
function scalarCandidates(column: Column, literals: readonly Literal[]): Candidate[] {
  if (column.enumValues) return [...column.enumValues];
  const values = literals.flatMap((l) => (l.kind === 'null' ? [] : [l.value]));
  switch (column.type) {
    case 'boolean': return [true, false];
    case 'integer': case 'float': {
      const out: number[] = [];
      for (const v of values) if (typeof v === 'number') out.push(v, v - 1, v + 1, -v, ...(column.type === 'float' ? [v - 0.5, v + 0.5] : []));
      out.push(0, 1, 50);
      return out.filter((n) => Number.isFinite(n) && (column.type === 'float' || Number.isSafeInteger(n)));
    }
    case 'date': case 'datetime': {
      const out: string[] = [];
      for (const v of values) {
        const t = typeof v === 'string' ? parseInstant(v) : null;
        if (t === null) continue;
        // Among the first four: another zone, the literal, digits past the milliseconds (truncated, not rounded), a bound's neighbour.
        out.push(writeInstant(t, 'millis', 330), String(v), writeInstant(t, 'fraction', 'Z', '0009999'), writeInstant(t - 1, 'millis', 'Z'),
          writeInstant(t, 'seconds', -480), writeInstant(t + 1, 'millis', 'Z'), writeInstant(t, 'date', 'Z'), writeInstant(t, 'space', 'none'),
          writeInstant(t + 86_400_000, 'date', 'Z'), writeInstant(t - 86_400_000, 'seconds', 60));
      }
      out.push('2024-01-01');
      return out;
    }
    default: {
      const out: string[] = [];
      for (const v of values) {
        if (typeof v !== 'string') continue;
        const plain = v.replace(/[\\^$.*+?()[\]{}|]/g, '');
        // Shortened by code points: halving an astral character would put a lone surrogate in the row.
        const points = [...v];
        out.push(v, ...casingPartners(v), `x${v}`, `${v}x`, `a ${v} b`, points.slice(1).join(''), points.slice(0, -1).join(''), plain, `${plain}s`, v.normalize('NFD'));
        // Code-point order against UTF-16 order: an astral character and one of U+E000–U+FFFF in the same place
        // compare one way by code point (the spec's) and the other way by JavaScript's `<`.
        if (/[\u{10000}-\u{10FFFF}]/u.test(v)) out.push(v.replace(/[\u{10000}-\u{10FFFF}]/u, '\uFF5E'));
        if (/[\uE000-\uFFFF]/.test(v)) out.push(v.replace(/[\uE000-\uFFFF]/, '\u{1F600}'));
      }
      out.push('', 'seo');
      return out;
    }
  }
}

/** Candidate values of a column: its values (arrays of them, for array columns), null where it may be, and absent. */
function candidates(column: Column, literals: readonly Literal[], odd: boolean): Candidate[] {
  const scalars = [...new Map(scalarCandidates(column, literals).map((v) => [JSON.stringify(v), v])).values()];
  const out: Candidate[] = [];
  if (column.array) {
    out.push([], [null]);
    for (const v of scalars.slice(0, 16)) out.push([v], [v, null]);
    for (let i = 0; i + 1 < Math.min(scalars.length, 8); i++) out.push([scalars[i], scalars[i + 1]]);
  } else out.push(...scalars);
  // Last, so that they are never among the first picks (the edge cases of the filter's own values).
  if (odd) out.push(...oddCandidates(column));
  if (column.nullable) out.push(null);
  out.push(ABSENT);
  return out;
}

function literalsOf(test: Test): Literal[] {
  switch (test.kind) {
    case 'compare': return [test.value];
    case 'in': return [...test.values];
    case 'between': return [test.low, test.high];
    default: return [];
  }
}

// ------------------------------------------------------------------ solving

function intersect(a: Alternative, b: Alternative): Alternative | undefined {
  const out = new Map(a);
  for (const [col, set] of b) {
    const mine = out.get(col);
    if (!mine) { out.set(col, set); continue; }
    const both = new Set([...mine].filter((i) => set.has(i)));
    if (both.size === 0) return undefined;
    out.set(col, both);
  }
  return out;
}

/** Every combination of one alternative per list, intersected; empty combinations dropped. */
function product(lists: readonly Alternative[][]): Alternative[] {
  let acc: Alternative[] = [new Map()];
  for (const list of lists) {
    const next: Alternative[] = [];
    for (const a of acc) for (const b of list) {
      const c = intersect(a, b);
      if (c && next.length < MAX_ALTERNATIVES) next.push(c);
    }
    acc = next;
    if (acc.length === 0) break;
  }
  return acc;
}

const cap = (list: Alternative[]) => list.slice(0, MAX_ALTERNATIVES);

/** `and` by Kleene: true when all are, false when one is, unknown when none is false and one is unknown. */
function andOf(ops: readonly Outcomes[]): Outcomes {
  const notFalse = ops.map((o) => [...o.T, ...o.U]);
  return {
    T: product(ops.map((o) => o.T)),
    F: cap(ops.flatMap((o) => o.F)),
    U: cap(ops.flatMap((o, i) => product(ops.map((_, j) => (j === i ? o.U : notFalse[j]!))))),
  };
}

const swap = (o: Outcomes): Outcomes => ({ T: o.F, F: o.T, U: o.U });
const orOf = (ops: readonly Outcomes[]): Outcomes => swap(andOf(ops.map(swap)));

/** A filter prepared for row drawing: candidate pools per column and the alternatives of each outcome. */
export interface RowPlan {
  readonly pools: ReadonlyMap<string, readonly Candidate[]>;
  readonly outcomes: Outcomes;
}

/**
 * Candidates and alternatives for a filter. Throws {@link ArbitraryOptionsError}
 * when the filter cannot be evaluated locally (errors, filter-only columns).
 * With `odd`, the pools also hold the odd values of `oddCandidates` (a row option `oddRate` above 0).
 */
export function planRows(catalogue: Catalogue, filter: Filter, odd = false): RowPlan {
  const literals = new Map<string, Literal[]>();
  forEachLeaf<RowTest>(filter, (leaf) => {
    const list = literals.get(leaf.field.name) ?? [];
    if (leaf.kind === 'condition') list.push(...literalsOf(leaf.test));
    else forEachLeaf(leaf.element, (e) => { list.push(...literalsOf(e.test)); });
    literals.set(leaf.field.name, list);
  });
  const pools = new Map<string, Candidate[]>();
  for (const [name, lits] of literals) {
    const column = catalogue.byName.get(name);
    if (column) pools.set(name, candidates(column, lits, odd));
  }
  const leafOutcomes = (leaf: RowTest): Outcomes => {
    const pool = pools.get(leaf.field.name);
    if (!pool) return { T: [], F: [], U: [] };
    let holds: (r: Record<string, unknown>) => boolean;
    let fails: (r: Record<string, unknown>) => boolean;
    try {
      holds = predicate(leaf, { catalogue });
      fails = predicate(tree.not<RowTest>(leaf), { catalogue });
    } catch (error) {
      if (error instanceof PredicateError) throw new ArbitraryOptionsError(error.diagnostics);
      throw error;
    }
    const sets = { T: new Set<number>(), F: new Set<number>(), U: new Set<number>() };
    pool.forEach((value, i) => {
      const r = plainObject(value === ABSENT ? [] : [[leaf.field.name, value]]);
      sets[holds(r) ? 'T' : fails(r) ? 'F' : 'U'].add(i);
    });
    const alt = (s: Set<number>): Alternative[] => (s.size === 0 ? [] : [new Map([[leaf.field.name, s]])]);
    return { T: alt(sets.T), F: alt(sets.F), U: alt(sets.U) };
  };
  const outcomes = foldTree<RowTest, Outcomes>(filter, {
    and: (ops) => andOf(ops),
    or: (ops) => orOf(ops),
    not: (o) => swap(o),
    leaf: leafOutcomes,
    invalid: () => ({ T: [], F: [], U: [] }),
  });
  return { pools, outcomes };
}

const KEY: Record<string, keyof Outcomes> = { true: 'T', false: 'F', null: 'U' };

/** The outcomes {@link rowFor} can give for a filter (those its candidate values reach). */
export function rowOutcomes(catalogue: Catalogue, filter: Filter): Outcome[] {
  const { outcomes } = planRows(catalogue, filter);
  return ([true, false, null] as const).filter((o) => outcomes[KEY[String(o)]!].length > 0);
}

/**
 * What a row for a plan is drawn from: numbers that shrink towards 0 and do
 * not depend on the filter, plus a random row for the columns the plan leaves
 * free. Deriving the row from them by `map` (not `chain`) is what lets a
 * failing pair shrink: when the filter loses an operand, the same numbers
 * pick the same alternative and the same candidates for the columns that
 * remain, so the row still fails, and the free row still shrinks to `{}`
 * (`chain` would draw a new row, and a new outcome, for every smaller filter).
 */
export interface RowDraw {
  readonly alternative: number;
  /** Candidate picks, one per slot; a column uses the slot its name hashes to, so it keeps its pick when others go. */
  readonly picks: readonly number[];
  readonly base: Record<string, unknown>;
}

const PICK_SLOTS = 32;

/** A small stable hash of a column name (FNV-1a), for its pick slot. */
function slotOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h % PICK_SLOTS;
}

/** The draws of {@link rowFromDraw}. Two picks in three fall among the first four allowed candidates, the edge cases (scalarCandidates puts them first). */
export function rowDraws(catalogue: Catalogue, options: RowOptions): fc.Arbitrary<RowDraw> {
  const pick = fc.oneof({ arbitrary: fc.nat({ max: 3 }), weight: 2 }, { arbitrary: fc.nat({ max: 999_999 }), weight: 1 });
  return fc.record({
    alternative: fc.nat({ max: 999_999 }),
    picks: fc.array(pick, { minLength: PICK_SLOTS, maxLength: PICK_SLOTS }),
    base: row(catalogue, options),
  });
}

/** The row a draw gives for a plan and one outcome (or any, drawing every named column from its pool); undefined when the plan has no alternative for the outcome. */
export function rowFromDraw(plan: RowPlan, outcome: Outcome | undefined, draw: RowDraw): Record<string, unknown> | undefined {
  const alternatives = outcome === undefined
    ? [new Map([...plan.pools].map(([name, pool]) => [name, new Set(pool.keys())]))]
    : plan.outcomes[KEY[String(outcome)]!];
  if (alternatives.length === 0) return undefined;
  const alt = [...alternatives[draw.alternative % alternatives.length]!];
  const entries = Object.entries(draw.base).filter(([k]) => !alt.some(([name]) => name === k));
  for (const [name, set] of alt) {
    const allowed = [...set].sort((a, b) => a - b);
    const value = plan.pools.get(name)![allowed[draw.picks[slotOf(name)]! % allowed.length]!];
    if (value !== ABSENT) entries.push([name, value]);
  }
  return plainObject(entries);
}

/**
 * Rows for one filter, next to its values, with the outcome asked for
 * (`true`, `false` or `null` for unknown) or any outcome.
 *
 * @throws {ArbitraryOptionsError} when the filter cannot be evaluated locally,
 *   or no row built from its candidate values gives the outcome (a
 *   contradiction such as `x > 5 and x < 3` is never true): check with
 *   {@link rowOutcomes}, or use {@link filterWithRow}.
 * @example
 * fc.assert(fc.property(rowFor(allBacklinks, ast, { outcome: false }), (r) => !myFilter(ast)(r)));
 */
export function rowFor(catalogue: Catalogue, filter: Filter, options: RowForOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const { outcome, ...rowOptions } = options;
  const problems = new Problems();
  if (outcome !== undefined && outcome !== true && outcome !== false && outcome !== null) problems.add('outcome', 'true, false or null', outcome);
  problems.throwIfAny();
  const plan = planRows(catalogue, filter, (rowOptions.oddRate ?? 0) > 0);
  if (outcome !== undefined && plan.outcomes[KEY[String(outcome)]!].length === 0) {
    problems.note(`No row built from the filter's candidate values makes it ${outcome === null ? 'unknown' : String(outcome)}.`);
    problems.throwIfAny();
  }
  return rowDraws(catalogue, rowOptions).map((draw) => rowFromDraw(plan, outcome, draw)!);
}

/** Checks that the library gives the outcome the plan promised (a disagreement is a bug of this library). */
export function checkedOutcome(catalogue: Catalogue, filter: Filter, r: Record<string, unknown>, expected: Outcome | undefined): Outcome {
  const actual = evaluate(filter, r, { catalogue });
  if (expected !== undefined && actual !== expected) {
    throw new Error(`rowFor: a row meant to make the filter ${String(expected)} makes it ${String(actual)}: ${JSON.stringify(r)}`);
  }
  return actual;
}

/** A filter, a row, and what the filter says of the row. */
export interface FilterWithRow {
  readonly filter: Filter;
  readonly row: Record<string, unknown>;
  readonly outcome: Outcome;
}

/** Options of {@link filterWithRow}: the filter's, the outcome wanted, and the rows'. */
export interface FilterWithRowOptions extends FilterAstOptions {
  /** The outcome every pair must have; undefined: true, false and unknown in turn, as the filter allows. */
  readonly outcome?: Outcome;
  readonly row?: RowOptions;
}

/**
 * Evaluable filters, each with a row next to its values and the outcome the
 * filter gives on it: by default true, false and unknown about equally often
 * (random rows make most filters unknown), or only the outcome asked for
 * (filters that can never give it are skipped). Prints as
 * `filter text ⟶ outcome on {row}` in fast-check's reports.
 *
 * @example
 * fc.assert(fc.property(filterWithRow(allBacklinks), ({ filter, row, outcome }) =>
 *   myEvaluator(filter, row) === outcome));
 */
export function filterWithRow(catalogue: Catalogue, options: FilterWithRowOptions = {}): fc.Arbitrary<FilterWithRow> {
  const { outcome, row: rowOptions = {}, ...filterOptions } = options;
  const problems = new Problems();
  if (outcome !== undefined && outcome !== true && outcome !== false && outcome !== null) problems.add('outcome', 'true, false or null', outcome);
  problems.throwIfAny();
  row(catalogue, rowOptions); // validates the row options now, not at the first draw
  // One tuple mapped, never chained: filter, outcome and row choices shrink each on its own (see RowDraw).
  return fc.tuple(filterAst(catalogue, { ...filterOptions, evaluable: true }), fc.nat({ max: 2 }), rowDraws(catalogue, rowOptions))
    .map(([filter, n, draw]): FilterWithRow | null => {
      const plan = planRows(catalogue, filter, (rowOptions.oddRate ?? 0) > 0);
      const possible = ([true, false, null] as const).filter((o) => plan.outcomes[KEY[String(o)]!].length > 0);
      // The outcome asked for, or the one drawn; a filter that cannot give it is skipped. Never a fallback to another
      // outcome: a smaller filter that can give the drawn one would then change outcome as it shrinks, and pass.
      const o = outcome !== undefined ? outcome : ([true, false, null] as const)[n]!;
      if (!possible.includes(o)) return null;
      const r = rowFromDraw(plan, o, draw)!;
      const pair = { filter, row: r, outcome: checkedOutcome(catalogue, filter, r, o) };
      return printsAs(pair, () => `${printFilter(filter)} ⟶ ${String(pair.outcome)} on ${fc.stringify(r)}`);
    })
    .filter((x): x is FilterWithRow => x !== null);
}
