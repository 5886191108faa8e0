/**
 * Explanations: labels are the language (the text printer's wording, so each
 * parses back and evaluates to the node's own value), and row values of any
 * shape are shown, shortened, without throwing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/api/compile.js';
import { evaluate, explain, type ExplainNode } from '../../src/api/predicate.js';
import { filterText, row as rowArbitrary } from '../../src/arbitraries/index.js';
import { allBacklinks } from '../../src/catalogue/index.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import type { Catalogue } from '../../src/catalogue/types.js';
import { renderExplanation } from '../../src/emit/explain.js';
import { valueText } from '../../src/emit/value-text.js';
import { COMPARE_OPS, type CompareOp } from '../../src/vocabulary/index.js';
import { runs } from '../laws/runs.js';

function walk(node: ExplainNode, visit: (n: ExplainNode) => void): void {
  visit(node);
  for (const c of node.children) walk(c, visit);
}

function conditionLabel(query: string): string {
  return explain(query, {}).root.text;
}

/** One query per operator, written by hand in canonical form: the label must be exactly the query. */
const BY_OPERATOR: Readonly<Record<CompareOp, string>> = {
  eq: 'anchor = "seo"',
  neq: 'anchor != "seo"',
  gt: 'domain_rating_source > 50',
  gte: 'domain_rating_source >= 50',
  lt: 'domain_rating_source < 50',
  lte: 'domain_rating_source <= 50',
  substring: 'anchor contains "seo"',
  isubstring: 'anchor icontains "seo"',
  phrase_match: 'anchor contains phrase "seo tools"',
  iphrase_match: 'anchor icontains phrase "seo tools"',
  prefix: 'anchor starts with "seo"',
  suffix: 'anchor ends with "seo"',
  regex: 'anchor matches /^se+o/',
};

describe('explain labels are the language', () => {
  it('covers every operator of the API', () => {
    expect(Object.keys(BY_OPERATOR).sort()).toEqual([...COMPARE_OPS].sort());
  });

  it.each(Object.entries(BY_OPERATOR))('%s: the label is the canonical query and compiles to the same JSON', (op, query) => {
    const label = conditionLabel(query);
    expect(label).toBe(query);
    const original = compile(query);
    const again = compile(label);
    expect(again.diagnostics).toEqual([]);
    expect(again.json).toBe(original.json);
    expect(original.json).toContain(`"${op}"`);
  });

  it.each([
    ['negated word operators', 'not (anchor icontains phrase "seo")', 'anchor icontains phrase "seo"'],
    ['in lists, bare and quoted values as written', 'link_type in ("text", image)', 'link_type in ("text", image)'],
    ['a pattern written as a string', 'anchor matches "a/b"', 'anchor matches /a\\/b/'],
    ['between', 'DR between 10 and 20', 'domain_rating_source between 10 and 20'],
    ['is null', 'alt is null', 'alt is null'],
    ['is empty', 'alt is empty', 'alt is empty'],
    ['bare booleans', 'is_dofollow', 'is_dofollow'],
    ['modifiers', 'uppercase(anchor) = "SEO"', 'uppercase(anchor) = "SEO"'],
    ['regex with a slash', 'anchor matches /a\\/b/', 'anchor matches /a\\/b/'],
    ['strings with quotes and escapes', 'anchor = "say \\"hi\\"\\n"', 'anchor = "say \\"hi\\"\\n"'],
    ['aliases, by their API name', 'DR >= 50', 'domain_rating_source >= 50'],
  ])('%s', (_name, query, label) => {
    const node = explain(query, {}).root;
    const leaf = node.kind === 'not' ? node.children[0]! : node;
    expect(leaf.text).toBe(label);
    expect(compile(label).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('lists with a compound element print it whole, not as (…)', () => {
    const query = 'any(languages) (= "en" or not in ("de", "fr"))';
    const e = explain(query, { languages: ['en'] });
    expect(e.root.text).toBe(query);
    expect(compile(e.root.text).json).toBe(compile(query).json);
  });

  const catalogues: Catalogue[] = [allBacklinks, getCatalogue('site-explorer/organic-keywords')!, getCatalogue('keywords-explorer/overview')!];
  it.each(catalogues.map((c) => [c.name, c] as const))('on random filters (%s): every label evaluates on the row to its node\'s value', (_name, catalogue) => {
    const options = { catalogue };
    fc.assert(
      fc.property(filterText(catalogue, { maxDepth: 3, evaluable: true }), rowArbitrary(catalogue), (text, row) => {
        const e = explain(text, row, options);
        let labels = 0;
        walk(e.root, (node) => {
          if (node.kind === 'condition' || node.kind === 'list') {
            // The label alone, evaluated on the same row, gives the node's value: it means what it says.
            expect(evaluate(node.text.replace(/ \(first \d+ of \d+ elements shown\)$/, ''), row, options)).toBe(node.value);
            labels++;
          }
        });
        expect(labels).toBeGreaterThan(0);
      }),
      runs(60),
    );
  });
});

// ---------------------------------------------------------------- row values of any shape

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

function cyclic(): unknown {
  const a: Record<string, unknown> = { a: 1 };
  const b: Record<string, unknown> = { b: a };
  a.next = b;
  return a;
}

const boom = (): never => {
  throw new Error('trap');
};
const revoked = (() => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
})();
const trapping = new Proxy({ a: 1 }, { get: boom, ownKeys: boom, getPrototypeOf: boom, has: boom, getOwnPropertyDescriptor: boom });

/** Values a row can hold that JSON.stringify cannot show. */
const HOSTILE: readonly [string, unknown, string | RegExp][] = [
  ['an array nested 10 levels', nested(10), '[[[[[[[[[[1]]]]]]]]]]'],
  ['an array nested 1,000 levels', nested(1000), /^\[{57}…$/],
  ['an array nested 100,000 levels', nested(100_000), /^\[{57}…$/],
  ['an object nested 100,000 levels', JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`), /^(\{"a":)+\{?"?a?"?…$/],
  ['a BigInt', 10n, '10n'],
  ['a BigInt inside an array', [1n, 2n], '[1n,2n]'],
  ['a cycle through two objects', cyclic(), '{"a":1,"next":{"b":<cycle>}}'],
  ['an array containing itself', (() => { const a: unknown[] = [1]; a.push(a); return a; })(), '[1,<cycle>]'],
  ['a throwing toJSON', { toJSON: boom }, '{"toJSON":<function>}'],
  ['a throwing getter', Object.defineProperty({}, 'x', { get: boom, enumerable: true }), '{"x":<unreadable>}'],
  ['a revoked proxy', revoked, '<unreadable>'],
  ['a proxy whose every trap throws', trapping, '<unreadable>'],
  ['a symbol', Symbol('s'), 'Symbol(s)'],
  ['a function', () => 1, '<function>'],
  ['NaN and infinities', [Number.NaN, Infinity, -Infinity, -0], '[NaN,Infinity,-Infinity,-0]'],
  ['a Date', new Date(Date.UTC(2024, 0, 2)), 'Date(2024-01-02T00:00:00.000Z)'],
  ['a 1 MB string', 'x'.repeat(1_000_000), /^"x{56}…$/],
  ['a sparse array of length 2^32 - 1', new Array(2 ** 32 - 1), /^\[undefined,(undefined,)+(u|un|und|unde|undef|undefi|undefin|undefine)?…$/],
];

describe('explain shows any row value, shortened, without throwing', () => {
  it.each(HOSTILE)('%s: valueText', (_name, value, shown) => {
    const text = valueText(value);
    if (typeof shown === 'string') expect(text).toBe(shown);
    else expect(text).toMatch(shown);
    expect(text.length).toBeLessThanOrEqual(60);
  });

  it.each(HOSTILE)('%s: explain and renderExplanation, in a condition and in a list', (_name, value) => {
    for (const [query, column] of [['anchor = "x"', 'anchor'], ['any(languages) = "en"', 'languages'], ['alt is null', 'alt']] as const) {
      // The array column holds the value as its elements (an array column whose own reads throw is the predicate's to handle).
      const e = explain(query, { [column]: column === 'languages' ? [value, value] : value });
      const lines = renderExplanation(e).split('\n');
      for (const line of lines) expect(line.length).toBeLessThan(200);
    }
  });

  it('reads a bounded number of elements and properties, whatever the size', () => {
    let reads = 0;
    const counted = <T extends object>(target: T): T => new Proxy(target, { get: (t, k) => { reads++; return Reflect.get(t, k); } });
    for (const size of [10, 10_000, 1_000_000]) {
      reads = 0;
      valueText(counted(Array.from({ length: size }, (_, i) => i)));
      expect(reads).toBeLessThanOrEqual(40);
      reads = 0;
      valueText(counted(Object.fromEntries(Array.from({ length: Math.min(size, 100_000) }, (_, i) => [`k${i}`, i]))));
      expect(reads).toBeLessThanOrEqual(40);
      // A long list: the predicate reads every element (twice, once per polarity); the explanation adds a bounded number of reads.
      const languages = counted(Array.from({ length: size }, () => 'de'));
      reads = 0;
      evaluate('any(languages) = "en"', { languages });
      const byPredicate = reads;
      reads = 0;
      renderExplanation(explain('any(languages) = "en"', { languages }));
      expect(reads).toBeLessThanOrEqual(2 * byPredicate + 200);
    }
  });

  it('does not call toJSON or getters of the prototype', () => {
    let calls = 0;
    const value = { toJSON: () => { calls++; return 'x'; } };
    valueText(value);
    renderExplanation(explain('anchor = "x"', { anchor: value }));
    expect(calls).toBe(0);
  });

  it('the CLI-visible rendering escapes control characters of row values and of query literals', () => {
    const e = explain('anchor = "\\u{1B}[2J" or anchor contains "\\u{202E}x"', { anchor: '\u001b]0;title\u0007\u009b31m\u2066' });
    const text = renderExplanation(e);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/);
    expect(text).toContain('\\u{1B}[2J');
    expect(text).toContain('\\u{202E}x');
    expect(text).toContain('\\u{9B}31m');
  });
});
