/**
 * Soundness of the analysis on generated filters AND rows (nulls, absent
 * columns, empty arrays, null elements; wrong-typed values for the exact
 * claims): every `never-matches` verdict is never true on any row, every
 * `always-true-where-known` verdict is true wherever its column is known,
 * every redundant / subsumed operand can go without changing any row's
 * three-valued result, and `simplify` gives the same three-valued result as
 * the source on every row, so under `not` too. Fixed seeds; few columns per
 * run, so that operands on one column meet often; each property also checks
 * that it was not vacuous (verdicts of each kind did occur).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/api/analyze.js';
import { compile } from '../../src/api/compile.js';
import { simplify } from '../../src/api/simplify.js';
import { filterAst, row } from '../../src/arbitraries/index.js';
import type { ElementFilter, FieldRef, Filter, RowTest } from '../../src/ast/nodes.js';
import type { ResolvedField } from '../../src/catalogue/types.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { findVerdicts, simplifyFilter, type Verdict } from '../../src/check/analysis/index.js';
import { printFilter } from '../../src/emit/text.js';
import { compilePredicate } from '../../src/emit/predicate.js';

type Refs = ReadonlyMap<FieldRef, ResolvedField>;
type Row = Record<string, unknown>;

const COLUMN_SETS: readonly (readonly string[])[] = [
  ['domain_rating_source'],
  ['refdomains_source', 'is_dofollow'],
  ['alt', 'link_type'],
  ['anchor'],
  ['languages', 'last_seen'],
  ['redirect_kind', 'first_seen', 'http_code'],
  // Dates beside datetimes (compared by instant), and text compared by code point.
  ['source_page_publish_date', 'last_seen'],
  ['url_from', 'broken_redirect_reason'],
];

function evaluator(filter: Filter, refs: Refs): (row: Row) => boolean | null {
  return compilePredicate(filter, { resolve: (r) => refs.get(r), dialect: 're2' }).evaluate;
}

/** A copy of `root` with `target` replaced by `by` (by identity). */
function replace<T extends object>(root: T, target: object, by: object): T {
  if (root === target) return by as T;
  if (Array.isArray(root)) return root.map((x) => (typeof x === 'object' && x !== null ? replace(x, target, by) : x)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(root)) out[k] = typeof v === 'object' && v !== null && k !== 'field' && k !== 'range' ? replace(v, target, by) : v;
  return out as T;
}

/** The part a verdict judges, as a row filter. */
function judged(v: Verdict): Filter {
  const part = v.nodes.length === 1 ? v.nodes[0]! : { kind: v.parent!.kind, operands: v.nodes };
  if (!v.list) return part as Filter;
  return { kind: 'list', quantifier: 'any', field: v.list.field, element: part as ElementFilter } satisfies RowTest;
}

/** The filter without the operand a redundant / subsumed verdict says can go. */
function without(filter: Filter, v: Verdict): Filter {
  if (v.value) {
    const node = v.nodes[0]! as Extract<Filter, { kind: 'condition' }>;
    const test = node.test as Extract<typeof node.test, { kind: 'in' }>;
    const values = test.values.filter((x) => x !== v.value);
    return replace(filter, test, values.length === 1 ? { kind: 'compare', op: 'eq', value: values[0] } : { ...test, values });
  }
  const parent = v.parent!;
  const operands = parent.operands.filter((o) => o !== v.nodes[0]);
  return replace(filter, parent, operands.length === 1 ? operands[0]! : { ...parent, operands });
}

const counts = new Map<string, number>();
const seen = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

describe('analysis soundness on generated filters and rows', () => {
  COLUMN_SETS.forEach((columns, k) => {
    const filters = filterAst(allBacklinks, { columns, evaluable: true, maxDepth: 3, maxOperands: 4 });
    const rows = fc.array(row(allBacklinks, { columns }), { minLength: 20, maxLength: 40 });
    const oddRows = fc.array(row(allBacklinks, { columns, oddRate: 0.2 }), { minLength: 20, maxLength: 40 });

    it(`verdicts hold on every row (${columns.join(', ')})`, () => {
      fc.assert(fc.property(filters, rows, oddRows, (filter, rs, odd) => {
        const analysis = analyze(filter);
        expect(analysis.ok).toBe(true);
        const refs = analysis.references;
        const whole = evaluator(filter, refs);
        for (const v of findVerdicts(filter, refs)) {
          seen(v.code);
          if (v.code === 'never-matches') {
            const e = evaluator(judged(v), refs);
            for (const r of rs) expect(e(r), `${printFilter(judged(v))} on ${JSON.stringify(r)}`).not.toBe(true);
          } else if (v.code === 'always-true-where-known') {
            const e = evaluator(judged(v), refs);
            const name = v.subject.column.name;
            for (const r of rs) {
              const value = r[name];
              const known = v.list ? Array.isArray(value) && value.some((x) => x != null) : value != null;
              if (known) expect(e(r), `${printFilter(judged(v))} on ${JSON.stringify(r)}`).toBe(true);
            }
          } else {
            // Exact: the same three-valued result on every row, odd values included.
            const smaller = evaluator(without(filter, v), refs);
            for (const r of [...rs, ...odd]) expect(smaller(r), `${printFilter(without(filter, v))} on ${JSON.stringify(r)}`).toBe(whole(r));
          }
        }
      }), { seed: 1300 + k, numRuns: 250 });
    });

    it(`simplify keeps every row's three-valued result, under not too (${columns.join(', ')})`, () => {
      fc.assert(fc.property(filters, rows, oddRows, (filter, rs, odd) => {
        const refs = analyze(filter).references;
        const simplified = simplifyFilter(filter, { references: refs });
        const a = evaluator(filter, refs);
        const b = evaluator(simplified, refs);
        const na = evaluator({ kind: 'not', operand: filter }, refs);
        const nb = evaluator({ kind: 'not', operand: simplified }, refs);
        if (printFilter(simplified) !== printFilter(filter)) seen('simplified');
        for (const r of [...rs, ...odd]) {
          expect(b(r), `${printFilter(filter)} → ${printFilter(simplified)} on ${JSON.stringify(r)}`).toBe(a(r));
          expect(nb(r)).toBe(na(r));
        }
        // The text and JSON of simplify() agree, and the text compiles to that JSON.
        const text = printFilter(filter);
        const s = simplify(text);
        expect(s.ok).toBe(true);
        expect(compile(s.text!).json).toBe(s.json);
        expect(s.after!.clauses).toBeLessThanOrEqual(s.before!.clauses);
      }), { seed: 2300 + k, numRuns: 200 });
    });
  });

  it('was not vacuous: every kind of verdict, and simplifications, occurred', () => {
    for (const code of ['never-matches', 'always-true-where-known', 'redundant-condition', 'subsumed-condition', 'simplified']) {
      expect(counts.get(code) ?? 0, code).toBeGreaterThan(5);
    }
  });
});
