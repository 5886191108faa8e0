/**
 * Prototype safety: `__proto__`, `constructor`, `toString` and friends in
 * catalogues, rows and `where` JSON are plain data. Nothing reads inherited
 * properties as values, and nothing writes to a prototype.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { check, compile, decompile } from '../../src/api/compile.js';
import { evaluate, predicate } from '../../src/api/predicate.js';
import { filterAst, malformedWhereJson, row } from '../../src/arbitraries/index.js';
import { loadCatalogue, resolveField } from '../../src/catalogue/index.js';
import { shop } from '../laws/helpers.js';
import { runs } from '../laws/runs.js';

const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'];
const before = Object.getOwnPropertyNames(Object.prototype).sort();
afterAll(() => {
  // Nothing in this file may have added a property to Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
});

describe('catalogues', () => {
  it('columns named like Object.prototype properties resolve as themselves, and only when defined', () => {
    expect(resolveField(shop, 'constructor')?.column.type).toBe('string');
    expect(resolveField(shop, 'toString')?.column.type).toBe('integer');
    expect(resolveField(shop, '__proto__')?.column.type).toBe('string');
    const plain = loadCatalogue({ name: 'p', columns: { a: { type: 'string' } } }).catalogue!;
    for (const name of PROTO_NAMES) expect(resolveField(plain, name), name).toBeUndefined();
  });

  it('a catalogue from JSON text with a "__proto__" column keeps it as a column', () => {
    const result = loadCatalogue('{"name":"p","columns":{"__proto__":{"type":"integer","nullable":false},"a":{"type":"string"}}}');
    expect(result.ok).toBe(true);
    expect(result.catalogue!.columns.map((c) => c.name)).toEqual(['__proto__', 'a']);
    expect(compile('__proto__ > 1', { catalogue: result.catalogue }).json).toBe('{"field":"__proto__","is":["gt",1]}');
  });

  it('a "__proto__" key inside a column spec is an unknown key, not an inherited "enum"', () => {
    const result = loadCatalogue('{"name":"p","columns":{"a":{"type":"string","__proto__":{"enum":["x"]}}}}');
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.path)).toContain('/columns/a/__proto__');
  });

  it('unknown names are unknown, even when Object.prototype has them', () => {
    for (const name of PROTO_NAMES.filter((n) => !shop.byName.has(n))) {
      expect(check(`${name} = "x"`).map((d) => d.code), name).toContain('unknown-column');
    }
  });
});

describe('rows', () => {
  it('a row without the column reads null, never an inherited value', () => {
    const options = { catalogue: shop };
    expect(evaluate('constructor is null', {}, options)).toBe(true);
    expect(evaluate('toString is null', {}, options)).toBe(true);
    expect(evaluate('__proto__ is null', {}, options)).toBe(true);
    expect(evaluate('hasOwnProperty is null', {}, options)).toBe(true);
    expect(evaluate('constructor = "x"', {}, options)).toBe(null);
    expect(evaluate('toString > 0', Object.create({ toString: 5 }), options)).toBe(null);
  });

  it('own "__proto__" and "constructor" keys (as JSON.parse makes them) are read as data', () => {
    const options = { catalogue: shop };
    const r = JSON.parse('{"__proto__":"p","constructor":"c","toString":3,"hasOwnProperty":true}') as Record<string, unknown>;
    expect(evaluate('__proto__ = "p"', r, options)).toBe(true);
    expect(evaluate('constructor = "c"', r, options)).toBe(true);
    expect(evaluate('toString = 3', r, options)).toBe(true);
    expect(evaluate('hasOwnProperty', r, options)).toBe(true);
  });

  it('a "__proto__" object in a row does not lend its properties to the row', () => {
    const r = JSON.parse('{"__proto__":{"is_spam":true,"domain_rating_source":90}}') as Record<string, unknown>;
    expect(evaluate('is_spam', r)).toBe(null);
    expect(evaluate('domain_rating_source > 50', r)).toBe(null);
    expect(predicate('not is_spam')(r)).toBe(false);
  });

  // Rows are plain objects (JSON.parse output, literals, null-prototype objects): that is the contract
  // (spec §4, docs/semantics.md "Rows"). Values a custom prototype lends are outside it and are read
  // like own values, which keeps the predicate as fast as hand-written code. This pins that choice.
  it('a row built on a custom prototype reads what the prototype lends (documented contract)', () => {
    expect(evaluate('is_spam', Object.create({ is_spam: true }) as Record<string, unknown>)).toBe(true);
  });

  it('random filters on rows with and without prototype keys agree with the same rows as null-prototype objects', () => {
    fc.assert(fc.property(filterAst(shop, { evaluable: true }), row(shop), (ast, r) => {
      const bare = Object.assign(Object.create(null) as Record<string, unknown>, r);
      for (const key of Object.keys(r)) Object.defineProperty(bare, key, { value: r[key], enumerable: true });
      expect(evaluate(ast, bare, { catalogue: shop })).toBe(evaluate(ast, r, { catalogue: shop }));
    }), runs(200));
  });
});

describe('where JSON', () => {
  it('"__proto__", "constructor" and "toString" keys are unknown keys with a path, and pollute nothing', () => {
    for (const text of ['{"__proto__":{"field":"anchor","is":"empty"}}', '{"constructor":{"field":"anchor","is":"empty"}}',
      '{"field":"anchor","is":"empty","__proto__":{"modifier":"uppercase"}}', '{"toString":[]}', '{"field":"anchor","list_is":{"__proto__":{"any":"empty"}}}']) {
      const result = decompile(text);
      expect(result.ok, text).toBe(false);
      expect(result.diagnostics.some((d) => d.code === 'json-unknown-key' || d.code === 'json-invalid-node'), text).toBe(true);
    }
  });

  it('field names like Object.prototype properties are unknown columns', () => {
    for (const name of PROTO_NAMES) {
      const result = decompile({ field: name, is: ['eq', 'x'] });
      expect(result.ok, name).toBe(false);
      expect(result.diagnostics.map((d) => d.code), name).toContain('unknown-column');
    }
  });

  it('malformed JSON with prototype keys never throws', () => {
    fc.assert(fc.property(malformedWhereJson(), (value) => { decompile(value); decompile(JSON.stringify(value)); }), runs(300));
  });
});
