/**
 * `explain` never throws on row values (issue 8, item 12, re-checked from
 * outside): the display was safe, but the tests themselves threw when they
 * reached a hostile value through an array column or an object path (a
 * revoked proxy meets Array.isArray, a throwing element getter or `length`
 * trap meets indexing, a throwing property trap meets a path step). The node
 * is then unknown and carries the error, which the rendering prints.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, explain, renderExplanation, type ExplainNode } from '../../src/index.js';

const revoked = (target: object) => {
  const r = Proxy.revocable(target, {});
  r.revoke();
  return r.proxy;
};
const elementGetter = () => Object.defineProperty([] as unknown[], 0, { get() { throw new Error('element trap'); }, enumerable: true });

/** [what, a value, the words of the error it makes a test throw]. */
const HOSTILE: [string, () => unknown, string][] = [
  ['a revoked array proxy', () => revoked([]), 'revoked'],
  ['a revoked object proxy', () => revoked({}), 'revoked'],
  ['an array whose get trap throws', () => new Proxy(['en'], { get() { throw new Error('get trap'); } }), 'get trap'],
  ['an array whose element getter throws', elementGetter, 'element trap'],
  ['an object whose descriptor trap throws', () => new Proxy({}, { getOwnPropertyDescriptor() { throw new Error('descriptor trap'); } }), 'descriptor trap'],
];

const QUERIES: [string, object][] = [
  ['any(languages) = "en"', {}],
  ['all(languages) is empty', {}],
  ['languages is empty', {}],
  ['not any(languages) in ("en", "de") and DR > 1', {}],
  ['intents.informational', { catalogue: 'keywords-explorer/overview' }],
  ['intents.a.b = 1 or keyword = "x"', { catalogue: 'keywords-explorer/overview' }],
];

function nodes(node: ExplainNode): ExplainNode[] {
  return [node, ...node.children.flatMap(nodes)];
}

describe('explain on values whose tests throw', () => {
  for (const [what, value, words] of HOSTILE) {
    it.each(QUERIES)(`${what}: %s is explained, the failing node unknown with the error`, (query, options) => {
      const row = { languages: value(), intents: value(), domain_rating_source: 5, keyword: 'k' };
      let threw: unknown;
      try {
        evaluate(query, row, options);
      } catch (error) {
        threw = error;
      }
      const explanation = explain(query, row, options);
      const text = renderExplanation(explanation);
      const failing = nodes(explanation.root).filter((n) => n.error !== undefined);
      if (threw === undefined) {
        // The value did not reach a throwing step in this query (the path never reads a descriptor, say): nothing to report.
        expect(failing).toEqual([]);
        return;
      }
      expect(failing.length, text).toBeGreaterThan(0);
      for (const n of failing) {
        expect(n.value).toBeNull();
        expect(n.error).toContain(words);
      }
      expect(text).toContain('threw');
      expect(text).toContain(failing[0]!.error!.slice(0, 30)); // shortened like the values
    });
  }

  it('ordinary values carry no error, and the value read is the row\'s own', () => {
    const row = { languages: ['en', 'fr'], domain_rating_source: 5 };
    const explanation = explain('any(languages) = "en" and DR > 1', row);
    expect(explanation.value).toBe(true);
    expect(nodes(explanation.root).some((n) => 'error' in n)).toBe(false);
    expect(nodes(explanation.root).find((n) => n.kind === 'list')!.read).toBe(row.languages);
  });

  it('a column whose read throws has no read value, is not absent, and renders as unreadable', () => {
    const row = { intents: revoked({}) };
    const node = explain('intents.informational', row, { catalogue: 'keywords-explorer/overview' }).root;
    expect(node).toMatchObject({ kind: 'condition', value: null, field: 'intents.informational' });
    expect('read' in node || 'absent' in node).toBe(false);
    expect(renderExplanation({ value: null, matches: false, root: node })).toContain('← <unreadable> (testing it threw TypeError');
  });
});
