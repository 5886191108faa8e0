/**
 * The shape hash that finds repeated operands (src/check/analysis/groups.ts)
 * must be equal wherever the shape keys are equal, or a repeat is missed:
 * checked on generated filters written twice (once as generated, once
 * re-parsed from printed text, so ranges and object identities differ), and
 * `repeatsOf` checked against a pairwise comparison of shape keys on operand
 * lists made to hold repeats.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterAst } from '../../src/arbitraries/index.js';
import type { Filter } from '../../src/ast/nodes.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { repeatsOf, shapeHash, shapeKey } from '../../src/check/analysis/groups.js';
import { checkFilter } from '../../src/check/index.js';
import { printFilter } from '../../src/emit/text.js';
import { parse } from '../../src/syntax/index.js';

const SEED = 20261202;

const columns = ['domain_rating_source', 'anchor', 'link_type', 'languages', 'first_seen', 'is_dofollow'];

function reparsed(filter: Filter): Filter {
  const text = printFilter(filter);
  const again = parse(`(${text})`).document.filter;
  if (!again) throw new Error(`does not parse back: ${text}`);
  return again;
}

describe('shape hash', () => {
  it('is equal wherever shape keys are equal (the same filter, parsed anew)', () => {
    fc.assert(
      fc.property(filterAst(allBacklinks, { columns, maxDepth: 4 }), (filter) => {
        const copy = reparsed(filter);
        const refs = new Map([...checkFilter(filter, allBacklinks, { analysis: false }).references, ...checkFilter(copy, allBacklinks, { analysis: false }).references]);
        expect(shapeKey(copy, refs)).toBe(shapeKey(filter, refs));
        expect(shapeHash(copy, refs, new Map())).toBe(shapeHash(filter, refs, new Map()));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('an unresolved column adds nothing (the editor joins parts without references)', () => {
    const a = parse('DR > 5').document.filter!;
    const b = parse('domain_rating_source > 5').document.filter!;
    expect(shapeHash(a, new Map(), new Map())).toBe(shapeHash(b, new Map(), new Map()));
  });

  it('repeatsOf finds exactly the operands whose shape key an earlier operand has', () => {
    const operands = fc.array(filterAst(allBacklinks, { columns: ['domain_rating_source', 'is_dofollow'], maxDepth: 2 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(operands, fc.array(fc.nat(), { maxLength: 6 }), (distinct, picks) => {
        // Repeats made by printing and parsing an earlier operand again (new objects, same shape).
        const list = [...distinct, ...picks.map((k) => reparsed(distinct[k % distinct.length]!))];
        const refs = new Map(list.flatMap((f) => [...checkFilter(f, allBacklinks, { analysis: false }).references]));
        const keys = list.map((f) => shapeKey(f, refs));
        const expected = new Map<Filter, Filter>();
        list.forEach((f, i) => {
          const first = keys.indexOf(keys[i]!);
          if (first < i) expected.set(f, list[first]!);
        });
        expect(repeatsOf(list, refs, (f) => shapeKey(f, refs))).toEqual(expected);
        if (picks.length > 0) expect(expected.size).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
