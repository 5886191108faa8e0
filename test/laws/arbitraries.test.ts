/**
 * The arbitraries keep their own promises: rows fit their catalogue,
 * generated trees are fixed points of emit-then-decompile (so their literal
 * kinds and sugar are the decompiler's), and malformed JSON is always
 * rejected by the validator.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// The modules themselves (index.ts re-exports them), so that this file does not depend on the printer.
import { canonicalFilter, filterAst, usableColumns } from '../../src/arbitraries/ast.js';
import { malformedWhereJson } from '../../src/arbitraries/negative.js';
import { row } from '../../src/arbitraries/rows.js';
import { forEachLeaf, type Literal, type RowTest } from '../../src/ast/index.js';
import { defineCatalogue, type Column } from '../../src/catalogue/index.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import { catalogueNames } from '../../src/catalogue/named.js';
import { decompileTree, validateWhere } from '../../src/decompile/index.js';
import { emitWhere } from '../../src/emit/index.js';
import { isBareValue, KEYWORDS } from '../../src/vocabulary/index.js';
import { named, pointerResolves } from './helpers.js';
import { runs, timeout } from './runs.js';

/** True when a row value fits the column (null only where allowed). */
function fits(column: Column, value: unknown): boolean {
  if (value === null) return column.nullable;
  const scalar = (v: unknown): boolean => {
    if (column.enumValues) return typeof v === 'string' && column.enumValues.includes(v);
    switch (column.type) {
      case 'integer': return Number.isSafeInteger(v);
      case 'float': return typeof v === 'number' && Number.isFinite(v);
      case 'boolean': return typeof v === 'boolean';
      case 'date': case 'datetime': return typeof v === 'string' && !Number.isNaN(Date.parse(v.replace(' ', 'T') + (/[zZ]|[+-]\d\d:\d\d$/.test(v) || v.length === 10 ? '' : 'Z')));
      default: return column.type === 'object' || column.type === 'unknown' || typeof v === 'string';
    }
  };
  return column.array ? Array.isArray(value) && value.every((e) => e === null || scalar(e)) : scalar(value);
}

describe.each(named)('arbitraries on %s', (_, catalogue) => {
  it('rows hold only returned columns, each with a value that fits', () => {
    fc.assert(fc.property(row(catalogue), (r) => {
      expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
      for (const key of Object.keys(r)) {
        const column = catalogue.byName.get(key);
        expect(column?.returned, key).toBe(true);
        expect(fits(column!, r[key]), `${key}: ${JSON.stringify(r[key])}`).toBe(true);
      }
    }), runs(200));
  }, timeout());

  it('rows honour absentRate and nullRate at the extremes', () => {
    fc.assert(fc.property(row(catalogue, { absentRate: 1 }), (r) => { expect(Object.keys(r)).toEqual([]); }), runs(20));
    fc.assert(fc.property(row(catalogue, { absentRate: 0, nullRate: 0 }), (r) => {
      for (const c of catalogue.columns.filter((c) => c.returned)) {
        expect(Object.prototype.hasOwnProperty.call(r, c.name)).toBe(true);
        expect(r[c.name]).not.toBe(null);
      }
    }), runs(20));
  });

  it('filters use usable columns only; evaluable filters no filter-only column', () => {
    const usable = new Set(usableColumns(catalogue, { evaluable: true }).map((c) => c.name));
    fc.assert(fc.property(filterAst(catalogue, { evaluable: true }), (ast) => {
      for (const name of JSON.stringify(ast).match(/"field":\{"name":"[^"]*"/g) ?? []) {
        expect(usable.has(name.slice(17, -1)), name).toBe(true);
      }
    }), runs(100));
  });

  it('generated trees are fixed points of emit-then-decompile', () => {
    fc.assert(fc.property(filterAst(catalogue), (ast) => {
      expect(canonicalFilter(ast, catalogue)).toEqual(ast);
      expect(decompileTree(emitWhere(ast), { catalogue }).filter).toEqual(ast);
    }), runs(200));
  }, timeout());
});

describe('literal rules match the decompiler', () => {
  it('bare strings: exactly the enum values that read back bare, whatever their case', () => {
    const words = [...KEYWORDS, ...KEYWORDS.map((k) => k.toUpperCase()), 'text', 'x_1', '1x', 'two words', 'é', ''];
    const catalogue = defineCatalogue({ name: 'k', columns: { e: { type: 'string', enum: words }, s: { type: 'string' } } });
    const seen = new Set<string>();
    fc.assert(fc.property(filterAst(catalogue, { maxDepth: 1 }), (ast) => {
      forEachLeaf<RowTest>(ast, (leaf) => {
        if (leaf.kind !== 'condition') return;
        const t = leaf.test;
        const lits: Literal[] = t.kind === 'compare' ? [t.value] : t.kind === 'in' ? [...t.values] : [];
        for (const l of lits) {
          if (l.kind !== 'string') continue;
          expect(l.bare, `${leaf.field.name} ${JSON.stringify(l.value)}`).toBe(leaf.field.name === 'e' && isBareValue(l.value));
          if (l.bare) seen.add(l.value);
        }
      });
    }), runs(300));
    expect(seen.size).toBeGreaterThan(0);
  });

  it('on every built-in catalogue, generated ASTs decompile to themselves', () => {
    for (const name of catalogueNames) {
      const catalogue = getCatalogue(name)!;
      fc.assert(fc.property(filterAst(catalogue, { maxDepth: 2 }), (ast) => {
        expect(decompileTree(emitWhere(ast), { catalogue }).filter).toEqual(ast);
      }), runs(10));
    }
  }, timeout());
});

describe('malformedWhereJson', () => {
  it('is always rejected by the validator, with paths inside the value', () => {
    fc.assert(fc.property(malformedWhereJson(), (value) => {
      const result = validateWhere(value);
      expect(result.tree).toBeUndefined();
      expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      for (const d of result.diagnostics) expect(pointerResolves(value, d.path!), d.path).toBe(true);
    }), runs(500));
  });
});
