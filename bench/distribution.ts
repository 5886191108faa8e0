/**
 * How often each construct of docs/language.md appears in the test kit's
 * filters: the share of filters holding at least one, per construct, on a
 * catalogue. `npm run bench:distribution` prints it; test/arbitraries/
 * distribution.test.ts holds the floors (no string operator below 5 %).
 */
import fc from 'fast-check';
import { filterAst, type FilterAstOptions } from '../src/arbitraries/index.js';
import { forEachLeaf, type Filter, type RowTest, type Test } from '../src/ast/index.js';
import { allBacklinks, type Catalogue } from '../src/catalogue/index.js';
import { getCatalogue } from '../src/catalogue/endpoints.js';

/** The constructs a filter holds: operators by JSON name, test forms, quantifiers, `modifier`, connectives. */
export function constructsOf(filter: Filter): Set<string> {
  const out = new Set<string>();
  const test = (t: Test) => out.add(t.kind === 'compare' ? t.op : t.kind);
  const walk = (node: { kind: string; operands?: readonly unknown[]; operand?: unknown }) => {
    if (node.kind === 'and' || node.kind === 'or' || node.kind === 'not') out.add(node.kind);
    for (const o of node.operands ?? []) walk(o as typeof node);
    if (node.operand) walk(node.operand as typeof node);
    if (node.kind === 'list') walk((node as unknown as { element: typeof node }).element);
  };
  walk(filter as never);
  forEachLeaf<RowTest>(filter, (leaf) => {
    if (leaf.kind === 'condition') {
      test(leaf.test);
      if (leaf.modifier) out.add('modifier');
    } else {
      out.add(leaf.quantifier);
      forEachLeaf(leaf.element, (e) => { test(e.test); });
    }
  });
  return out;
}

/** Share (0–1) of `n` filters holding each construct, plus the mean number of leaves. */
export function constructShares(catalogue: Catalogue, n: number, seed: number, options: FilterAstOptions = {}): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of fc.sample(filterAst(catalogue, options), { numRuns: n, seed })) {
    for (const c of constructsOf(f)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return new Map([...counts].map(([k, v]) => [k, v / n]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.env.RUNS ?? 2000);
  for (const catalogue of [allBacklinks, getCatalogue('keywords-explorer/overview')!]) {
    const shares = constructShares(catalogue, n, 42);
    console.log(`\n${catalogue.name}: share of ${n} filters holding each construct`);
    for (const [k, v] of [...shares].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(14)} ${(v * 100).toFixed(1).padStart(5)} %`);
  }
}
