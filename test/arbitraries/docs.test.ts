/**
 * Every `ts` example of docs/testing.md runs: each block is transpiled and
 * run with the imports it names taken from the sources (`ahrefs-where`,
 * `ahrefs-where/arbitraries`, `ahrefs-where/catalogues`), and the
 * user's own code it mentions (`myBuilder`, `RowCache`, `db`,
 * `renderSearchBox`, `myEvaluate`) given a working stand-in on the library.
 * The `test(…)` bodies of a block run as tests here. Inline examples run
 * too: each concrete call in backticks (`row(allBacklinks, { … })`, not a
 * signature such as `row(catalogue, options?)`) must build an arbitrary
 * that draws, and each counterexample written `filter ⟶ outcome on {row}`
 * must have that outcome.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as arbitraries from '../../src/arbitraries/index.js';
import * as catalogues from '../../src/catalogues.js';
import * as library from '../../src/index.js';

const doc = readFileSync(resolve(import.meta.dirname, '../../docs/testing.md'), 'utf8');
const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

const { allBacklinks, decompile, evaluate, predicate, printFilter, check } = library;
type Row = Record<string, unknown>;
const saved = new Map<number, unknown>();
/** Working stand-ins for the reader's own code in the examples. */
const userCode = {
  myBuilder: { fromAst: (ast: library.Filter) => ({ toQueryString: () => printFilter(ast) }) },
  RowCache: class {
    constructor(private readonly rows: Row[]) {}
    query(where: unknown): Row[] { return this.rows.filter(predicate(decompile(where).ast!)); }
  },
  db: {
    saveSearch: async (s: { where: unknown }) => { saved.set(saved.size, JSON.parse(JSON.stringify(s.where))); return { id: saved.size - 1 }; },
    loadSearch: async (id: number) => ({ where: saved.get(id) }),
  },
  renderSearchBox: (typed: string) => {
    const diagnostics = check(typed);
    return { error: diagnostics.length > 0 ? diagnostics.map((d) => d.message).join('\n') : undefined };
  },
  myEvaluate: (filter: library.Filter, row: Row) => evaluate(filter, row, { catalogue: allBacklinks }),
};
const modules: Record<string, Record<string, unknown>> = {
  'fast-check': { default: fc },
  'ahrefs-where': library as unknown as Record<string, unknown>,
  'ahrefs-where/arbitraries': arbitraries as unknown as Record<string, unknown>,
  'ahrefs-where/catalogues': catalogues as unknown as Record<string, unknown>,
};

/** Names the examples use without importing: those of earlier blocks' imports, and the stand-ins. */
const scope: Record<string, unknown> = { ...userCode, expect };
const IMPORT = /^import (?:(\w+)|\{([^}]*)\}) from '([^']+)';\n/gm;

function prepare(block: string): { body: string } {
  for (const m of block.matchAll(IMPORT)) {
    const mod = modules[m[3]!];
    if (!mod) throw new Error(`docs/testing.md imports ${m[3]}, which this test does not provide`);
    if (m[1]) scope[m[1]] = mod.default;
    for (const name of (m[2] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
      if (!(name in mod)) throw new Error(`docs/testing.md imports ${name} from ${m[3]}, which does not export it`);
      scope[name] = mod[name];
    }
  }
  const code = block.replace(IMPORT, '').replace(/^npm .*$/gm, '');
  return { body: ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText };
}

describe('docs/testing.md examples', () => {
  it('has the examples this test expects', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
  });

  blocks.forEach((block, i) => {
    const title = block.split('\n').find((l) => l.startsWith('test('))?.slice(6, 70) ?? block.split('\n')[0]!.slice(0, 60);
    it(`example ${i + 1}: ${title}`, async () => {
      const { body } = prepare(block);
      const tests: [string, () => unknown][] = [];
      const names = Object.keys(scope);
      const run = new Function('test', ...names, `return (async () => {\n${body}\n})();`);
      await run((name: string, fn: () => unknown) => { tests.push([name, fn]); }, ...names.map((n) => scope[n]));
      for (const [, fn] of tests) await fn();
    }, 120_000);
  });
});

const SPANS = [...new Set([...doc.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!))];
/** Calls of the kit or of fast-check with concrete arguments: no `…`, no `?`, no parameter names. */
const CALLS = SPANS.filter((t) => /^(?:fc\.)?\w+\(.*\)!?$/.test(t) && !/…|\?|\b(?:catalogue|column|filter|type|options|textArbitrary|prop)\b/.test(t)
  && (t.startsWith('fc.') || t.split('(')[0]! in arbitraries));
const OUTCOMES = SPANS.flatMap((t) => {
  const m = /^(.+) ⟶ (true|false|null) on (\{.*\})$/.exec(t);
  return m ? [[m[1]!, JSON.parse(m[2]!) as boolean | null, JSON.parse(m[3]!) as Row] as const] : [];
});

describe('docs/testing.md inline examples', () => {
  it('has the inline examples this test expects', () => {
    expect(CALLS.length).toBeGreaterThanOrEqual(8);
    expect(OUTCOMES.length).toBeGreaterThanOrEqual(1);
  });

  it.each(CALLS)('%s draws values', (call) => {
    const names = ['fc', 'getCatalogue', ...Object.keys(arbitraries), 'allBacklinks'];
    const js = ts.transpileModule(`const value = ${call};`, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
    const value = new Function(...names, `${js}\nreturn value;`)(fc, catalogues.getCatalogue, ...Object.values(arbitraries), allBacklinks);
    const drawn = value instanceof fc.Arbitrary ? fc.sample(value, { numRuns: 20, seed: 1 }) : value;
    expect(Array.isArray(drawn) && drawn.length > 0).toBe(true);
  });

  it.each(OUTCOMES)('%s ⟶ %s on %o', (text, outcome, r) => {
    expect(evaluate(text, r, { catalogue: allBacklinks })).toBe(outcome);
  });
});
