import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CatalogueError, defineCatalogue, loadCatalogue, resolveField, suggestColumns, allBacklinks } from '../../src/catalogue/index.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';

const shop = defineCatalogue({
  name: 'my-shop/products',
  columns: {
    price: { type: 'float', nullable: false, aliases: ['P'] },
    tags: { type: 'array(string)', nullable: false },
    status: { type: 'string', enum: ['draft', 'live'], nullable: true },
    meta: { type: 'object' },
  },
});

describe('defineCatalogue', () => {
  it('builds a frozen, indexed catalogue with defaults', () => {
    expect(shop.regexDialect).toBe('re2');
    expect(shop.modifiers.map((m) => m.name)).toEqual(['uppercase']);
    expect(shop.byName.get('tags')).toMatchObject({ type: 'string', array: true, units: 1, returned: true });
    // Nullability the definition does not give is treated as nullable, and marked unknown.
    expect(shop.byName.get('meta')).toMatchObject({ nullable: true, nullabilityKnown: false });
    expect(Object.isFrozen(shop)).toBe(true);
  });

  it('throws CatalogueError with every problem', () => {
    let error: unknown;
    try {
      defineCatalogue({ name: '', columns: { 'bad name': { type: 'int' }, ok: { type: 'map(string)' } } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogueError);
    const codes = (error as CatalogueError).diagnostics.map((d) => [d.code, d.path]);
    expect(codes).toEqual([
      ['catalogue-invalid', '/name'],
      ['catalogue-invalid', '/columns/bad name'],
      ['catalogue-unknown-type', '/columns/ok/type'],
    ]);
  });
});

describe('loadCatalogue (untrusted JSON)', () => {
  it('reports invalid JSON text', () => {
    const r = loadCatalogue('{"name": ');
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.code).toBe('json-syntax');
  });

  it('reports each bad field with its JSON path', () => {
    const r = loadCatalogue({
      name: 'x',
      regexDialect: 'pcre',
      extra: 1,
      columns: {
        a: { type: 'integer', nullable: 'yes', units: -1, enum: ['x'], aliases: ['not ok'], returned: 1, colour: 'red' },
      },
    });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.path).sort()).toEqual(
      ['/extra', '/regexDialect', '/columns/a/colour', '/columns/a/nullable', '/columns/a/enum', '/columns/a/units', '/columns/a/aliases', '/columns/a/returned'].sort(),
    );
  });

  it('rejects an alias that clashes with a column or another alias', () => {
    const r = loadCatalogue({ name: 'x', columns: { a: { type: 'integer' }, b: { type: 'integer', aliases: ['a'] }, c: { type: 'integer', aliases: ['B2'] }, d: { type: 'integer', aliases: ['b2'] } } });
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['catalogue-duplicate-name', '/columns/b/aliases'],
      ['catalogue-duplicate-name', '/columns/d/aliases'],
    ]);
  });

  it('treats __proto__, constructor and toString as plain column names', () => {
    const r = loadCatalogue('{"name":"x","columns":{"__proto__":{"type":"integer"},"constructor":{"type":"string"},"toString":{"type":"boolean"}}}');
    expect(r.ok).toBe(true);
    expect(r.catalogue!.columns.map((c) => c.name)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(resolveField(r.catalogue!, 'constructor')!.type).toBe('string');
    expect(resolveField(allBacklinks, 'constructor')).toBeUndefined();
    expect(resolveField(allBacklinks, 'toString')).toBeUndefined();
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.anything()), (input) => {
        const r = loadCatalogue(input);
        expect(r.ok || r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }),
      { seed: 1, numRuns: 500 },
    );
  });

  it('round-trips every built-in endpoint through JSON', () => {
    const overview = getCatalogue('keywords-explorer/overview')!;
    const spec = {
      name: overview.name,
      regexDialect: overview.regexDialect,
      columns: Object.fromEntries(overview.columns.map((c) => [c.name, { type: c.array ? `array(${c.type === 'unknown' ? 'null' : c.type})` : c.type, nullable: c.nullabilityKnown ? c.nullable : null, ...(c.enumValues ? { enum: c.enumValues } : {}), units: c.units }])),
    };
    const r = loadCatalogue(JSON.stringify(spec));
    expect(r.ok).toBe(true);
    expect(r.catalogue!.columns).toEqual(overview.columns);
  });
});

describe('resolveField', () => {
  it('finds names, case-insensitive aliases and dotted object paths', () => {
    expect(resolveField(allBacklinks, 'DR')).toMatchObject({ apiName: 'domain_rating_source', viaAlias: true });
    expect(resolveField(allBacklinks, 'dr')).toMatchObject({ apiName: 'domain_rating_source' });
    expect(resolveField(allBacklinks, 'Domain_Rating_Source')).toBeUndefined();
    expect(resolveField(shop, 'meta.colour')).toMatchObject({ apiName: 'meta.colour', type: 'unknown' });
    expect(resolveField(shop, 'price.x')).toBeUndefined();
    expect(resolveField(shop, 'meta.')).toBeUndefined();
  });

  it('suggests close column names', () => {
    expect(suggestColumns(allBacklinks, 'domain_ratng_source')[0]).toBe('domain_rating_source');
    expect(suggestColumns(allBacklinks, 'is_dofolow')[0]).toBe('is_dofollow');
    expect(suggestColumns(allBacklinks, 'zzzzzzzz')).toEqual([]);
  });
});
