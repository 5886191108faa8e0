import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Filter } from '../../src/ast/nodes.js';
import { decompileTree } from '../../src/decompile/index.js';
import { jsonErrorOffset } from '../../src/diagnostics/json-position.js';
import { emitWhere, stringifyWhere } from '../../src/emit/where-json.js';
import { pointerResolves } from '../support/json-pointer.js';
import { whereFilter, whereish } from '../support/where-arbitrary.js';

const RUNS = { seed: 7, numRuns: 300 };

/** Decompiles without throwing, and every diagnostic points into the input. */
function checkDiagnostics(input: unknown): void {
  const result = decompileTree(input);
  let root = input;
  if (typeof input === 'string') {
    try {
      root = JSON.parse(input);
    } catch {
      root = undefined; // only "" can resolve
    }
  }
  for (const d of result.diagnostics) {
    expect(d.path, d.message).toBeTypeOf('string');
    expect(d.range).toBeUndefined();
    expect(pointerResolves(root, d.path!), `${d.code} at ${d.path}`).toBe(true);
  }
  if (result.filter === undefined) expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
}

/** Removes `range` keys, so that parsed and decompiled trees compare. */
function stripRanges<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripRanges) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'range').map(([k, v]) => [k, stripRanges(v)])) as T;
}

describe('never throws; every diagnostic has a path inside the input', () => {
  it('on JSON values', () => fc.assert(fc.property(fc.jsonValue(), checkDiagnostics), RUNS));
  it('on JSON text', () => fc.assert(fc.property(fc.json(), checkDiagnostics), RUNS));
  it('on random strings', () => fc.assert(fc.property(fc.string({ unit: 'binary' }), checkDiagnostics), RUNS));
  it('on near-miss where trees, as values and as text', () => {
    fc.assert(fc.property(whereish, (value) => {
      checkDiagnostics(value);
      const text = JSON.stringify(value);
      if (text !== undefined) checkDiagnostics(text);
    }), RUNS);
  });
  it('on anything', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('and', 'or', 'not', 'field', 'is', 'list_is', 'any', 'all', '__proto__', 'constructor'));
    const anything = fc.anything({
      key, maxDepth: 4, withNullPrototype: true, withBigInt: true, withBoxedValues: true, withMap: true, withSet: true,
      withTypedArray: true, withSparseArray: true, withDate: true, withObjectString: true,
    });
    fc.assert(fc.property(anything, checkDiagnostics), RUNS);
  });
});

describe('canonical round trip: J → AST → J, byte for byte', () => {
  it('on well-typed canonical where JSON', () => {
    fc.assert(fc.property(whereFilter(), (where) => {
      const json = JSON.stringify(where);
      const result = decompileTree(json);
      expect(result.diagnostics).toEqual([]);
      expect(stringifyWhere(emitWhere(result.filter!))).toBe(json);
      // The same from the parsed value.
      expect(stringifyWhere(emitWhere(decompileTree(where).filter!))).toBe(json);
    }), RUNS);
  });

  it('every object of the tree has a path that resolves in the JSON', () => {
    fc.assert(fc.property(whereFilter(), (where) => {
      const result = decompileTree(where);
      const seen: object[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(walk);
        if (typeof node !== 'object' || node === null) return;
        seen.push(node);
        Object.values(node).forEach(walk);
      };
      walk(result.filter);
      for (const node of seen) {
        const path = result.paths.get(node);
        expect(path, JSON.stringify(node)).toBeTypeOf('string');
        expect(pointerResolves(where, path!)).toBe(true);
      }
      expect(result.paths.size).toBe(seen.length);
    }), RUNS);
  });
});

describe('AST round trip: decompile(emit(ast)) = ast, modulo ranges', () => {
  it('on ASTs the decompiler produces', () => {
    fc.assert(fc.property(whereFilter(), (where) => {
      const ast = decompileTree(where).filter!;
      expect(decompileTree(emitWhere(ast)).filter).toEqual(stripRanges(ast));
    }), RUNS);
  });

  it('on a hand-written canonical AST with ranges', () => {
    const r = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } };
    const ast: Filter = {
      kind: 'and', range: r,
      operands: [
        { kind: 'condition', range: r, field: { name: 'link_type', range: r }, test: { kind: 'in', range: r, values: [{ kind: 'string', value: 'text', bare: true, range: r }, { kind: 'string', value: 'rss', bare: true }] } },
        { kind: 'condition', field: { name: 'first_seen' }, test: { kind: 'between', low: { kind: 'date', value: '2024-01-01', range: r }, high: { kind: 'datetime', value: '2024-06-01T00:00:00Z' } } },
        { kind: 'list', quantifier: 'all', field: { name: 'languages' }, element: { kind: 'not', operand: { kind: 'test', test: { kind: 'compare', op: 'eq', value: { kind: 'string', value: 'en', bare: false } } } } },
      ],
    };
    expect(decompileTree(emitWhere(ast)).filter).toEqual(stripRanges(ast));
  });
});

describe('jsonErrorOffset agrees with JSON.parse', () => {
  const valid = (s: string) => { try { JSON.parse(s); return true; } catch { return false; } };
  const mutated = fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', '\\', 'x', ' ', '\u0001', '[', '{', ':', '-', '.', 'e'))
    .map(([s, at, c]) => { const i = at % (s.length + 1); return s.slice(0, i) + c + s.slice(i + (at % 2)); });
  it('valid exactly when JSON.parse accepts', () => {
    fc.assert(fc.property(fc.oneof(fc.json(), mutated, fc.string()), (s) => {
      const offset = jsonErrorOffset(s);
      expect(offset === undefined).toBe(valid(s));
      if (offset !== undefined) expect(offset).toBeLessThanOrEqual(s.length);
    }), { seed: 7, numRuns: 2000 });
  });
});
