/**
 * No code injection: hostile column names and values are data. The
 * predicate is built from closures (no `eval`, no `new Function`), so it
 * works with both disabled (a strict CSP); values of any content reach the
 * JSON and the predicate unchanged and change nothing else.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { check, compile, decompile } from '../../src/api/compile.js';
import { evaluate, predicate } from '../../src/api/predicate.js';
import type { Filter } from '../../src/ast/nodes.js';
import { filterAst, HOSTILE_STRINGS, row, textValue } from '../../src/arbitraries/index.js';
import { defineCatalogue, loadCatalogue, resolveField } from '../../src/catalogue/index.js';
import { generateSource } from '../../src/emit/predicate-codegen.js';
import { printFilter } from '../../src/emit/text.js';
import { runs } from '../laws/runs.js';

const hostile = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), textValue(), fc.string({ unit: 'binary' }));
const g = globalThis as Record<string, unknown>;
afterEach(() => {
  vi.restoreAllMocks();
  delete g['pwned'];
});

/** The tree with every string literal replaced by `value`. */
function withStrings<T>(node: T, value: string): T {
  if (Array.isArray(node)) return node.map((n: unknown) => withStrings(n, value)) as T;
  if (typeof node !== 'object' || node === null) return node;
  const copy = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withStrings(v, value)]));
  return (copy['kind'] === 'string' ? { ...copy, value } : copy) as T;
}

/** All source files of the library. */
function sources(dir = join(import.meta.dirname, '../../src')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('no eval path', () => {
  it('only the optional code generator builds code from text, and no source calls eval', () => {
    const offenders = sources().filter((file) => {
      const text = readFileSync(file, 'utf8').replace(/\/\*[^]*?\*\/|\/\/.*$/gm, '');
      return /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]|setTimeout\s*\(\s*['"`]/.test(text);
    });
    expect(offenders.map((f) => f.replace(/.*\/src\//, 'src/'))).toEqual(['src/emit/predicate-codegen.ts']);
  });

  it('generated code is built from fixed fragments only: no character of a hostile filter reaches it', () => {
    const catalogue = defineCatalogue({ name: 't', columns: { a: { type: 'string' }, n: { type: 'integer' }, b: { type: 'boolean' }, l: { type: 'array(string)' }, constructor: { type: 'string' } } });
    const ctx = { resolve: (ref: { name: string }) => resolveField(catalogue, ref.name), dialect: 're2' as const };
    const hostileTree = fc.tuple(filterAst(catalogue), hostile).map(([ast, value]) => withStrings(ast, value));
    fc.assert(fc.property(hostileTree, (ast) => {
      const { source } = generateSource(ast, ctx);
      const stripped = source.replace(/'use strict'|'number'|'string'/g, '');
      // Identifiers, integers, operators and brackets; no quote, backtick, backslash or line separator.
      expect(stripped).toMatch(/^[A-Za-z0-9_\s(){}[\];.,=<>!&|?:+-]*$/);
    }), runs(200));
  });

  it('predicates build and run with eval and Function disabled (a strict CSP), with the same answers', () => {
    const catalogue = defineCatalogue({ name: 't', columns: { a: { type: 'string' }, n: { type: 'integer' }, l: { type: 'array(string)' } } });
    const cases = fc.sample(fc.tuple(filterAst(catalogue), row(catalogue)), { seed: 3, numRuns: runs(100).numRuns });
    const expected = cases.map(([ast, r]) => evaluate(ast, r, { catalogue }));
    const OriginalFunction = globalThis.Function;
    const originalEval = globalThis.eval;
    const banned = () => { throw new EvalError('code generation from strings is disabled (CSP)'); };
    try {
      g['Function'] = banned;
      g['eval'] = banned;
      const actual = cases.map(([ast, r]) => {
        const keep = predicate(ast, { catalogue });
        expect(typeof keep(r)).toBe('boolean');
        return evaluate(ast, r, { catalogue });
      });
      expect(actual).toEqual(expected);
    } finally {
      g['Function'] = OriginalFunction;
      g['eval'] = originalEval;
    }
  });
});

describe('hostile values are data', () => {
  it('reach the where JSON unchanged and match exactly themselves', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => { throw new Error('process.exit called'); }) as never);
    fc.assert(fc.property(hostile, hostile, (value, other) => {
      const ast: Filter = {
        kind: 'or', operands: [
          { kind: 'condition', field: { name: 'anchor' }, test: { kind: 'compare', op: 'eq', value: { kind: 'string', value, bare: false } } },
          { kind: 'condition', field: { name: 'title' }, test: { kind: 'compare', op: 'substring', value: { kind: 'string', value, bare: false } } },
        ],
      };
      const text = printFilter(ast);
      const compiled = compile(text);
      expect(compiled.diagnostics).toEqual([]);
      expect(compiled.where).toEqual({ or: [{ field: 'anchor', is: ['eq', value] }, { field: 'title', is: ['substring', value] }] });
      const keep = predicate(text);
      expect(keep({ anchor: value, title: '' })).toBe(true);
      expect(keep({ anchor: other, title: '' })).toBe(other === value || value === '');
      expect(decompile(compiled.json).text).toBe(text);
    }), runs(300));
    expect(exit).not.toHaveBeenCalled();
    expect(g['pwned']).toBeUndefined();
  });

  it('hostile column names are reported as unknown columns, in text and in JSON', () => {
    fc.assert(fc.property(hostile, (name) => {
      const fromJson = decompile({ field: name, is: ['eq', 'x'] });
      expect(fromJson.ok).toBe(false);
      expect(fromJson.diagnostics.length).toBeGreaterThan(0);
      const asText = `${name} = "x"`;
      expect(check(asText).some((d) => d.severity === 'error')).toBe(true);
    }), runs(200));
    expect(g['pwned']).toBeUndefined();
  });

  it('hostile rows change nothing but the answer', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => { throw new Error('process.exit called'); }) as never);
    fc.assert(fc.property(filterAst(defineCatalogue({ name: 't', columns: { a: { type: 'string' } } })), hostile, (ast, value) => {
      const catalogue = defineCatalogue({ name: 't', columns: { a: { type: 'string' } } });
      expect([true, false, null]).toContain(evaluate(ast, { a: value }, { catalogue }));
    }), runs(200));
    expect(exit).not.toHaveBeenCalled();
  });
});

describe('hostile catalogues', () => {
  it('column names that are not identifiers are refused, with a path', () => {
    fc.assert(fc.property(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => !/^[A-Za-z_]\w*$/.test(s))), (name) => {
      const result = loadCatalogue({ name: 'x', columns: { [name]: { type: 'string' } } });
      expect(result.ok).toBe(false);
      expect(result.diagnostics[0]!.code).toBe('catalogue-invalid');
      expect(() => defineCatalogue({ name: 'x', columns: { [name]: { type: 'string' } } })).toThrow();
    }), runs(50));
  });

  it('hostile descriptions and enum values stay data', () => {
    fc.assert(fc.property(hostile, fc.array(hostile, { minLength: 1, maxLength: 3 }), row(defineCatalogue({ name: 'x', columns: { a: { type: 'string' } } })), (description, values, r) => {
      const result = loadCatalogue({ name: description || 'x', columns: { a: { type: 'string', description, enum: values } } });
      expect(result.ok).toBe(true);
      const catalogue = result.catalogue!;
      const query = `a = ${JSON.stringify(values[0])}`;
      if (check(query, { catalogue }).length === 0) evaluate(query, r, { catalogue });
    }), runs(100));
    expect(g['pwned']).toBeUndefined();
  });
});
