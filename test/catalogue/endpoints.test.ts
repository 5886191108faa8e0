import { describe, expect, it } from 'vitest';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import { catalogueNames } from '../../src/catalogue/named.js';
import source from '../fixtures/where-fields.json';

type SourceColumn = { type: string; nullable: boolean | null; enum?: string[]; units?: number };
const endpoints = source as Record<string, Record<string, SourceColumn>>;

describe('built-in endpoint catalogues', () => {
  it('cover all 66 endpoints of where-fields.json', () => {
    expect(Object.keys(endpoints)).toHaveLength(66);
    expect(catalogueNames).toHaveLength(66);
    for (const key of Object.keys(endpoints)) expect(getCatalogue(key), key).toBeDefined();
  });

  it('accept the endpoint name, the API path and the snake-case key', () => {
    const a = getCatalogue('site-explorer/organic-keywords');
    expect(a).toBeDefined();
    expect(getCatalogue('/v3/site-explorer/organic-keywords')).toBe(a);
    expect(getCatalogue('site_explorer_organic_keywords')).toBe(a);
    expect(getCatalogue('no-such/endpoint')).toBeUndefined();
    expect(getCatalogue('__proto__')).toBeUndefined();
    expect(getCatalogue('constructor')).toBeUndefined();
  });

  const others = Object.keys(endpoints).filter((k) => k !== 'site_explorer_all_backlinks');
  it.each(others)('%s has the source facts', (key) => {
    const catalogue = getCatalogue(key)!;
    const columns = endpoints[key]!;
    expect(catalogue.columns.map((c) => c.name).sort()).toEqual(Object.keys(columns).sort());
    for (const [name, spec] of Object.entries(columns)) {
      const c = catalogue.byName.get(name)!;
      const type = spec.type === 'array(null)' ? 'array(unknown)' : spec.type;
      expect(c.array ? `array(${c.type})` : c.type, name).toBe(type);
      // Unknown nullability (null in the source) is treated as nullable.
      expect(c.nullable, name).toBe(spec.nullable !== false);
      expect(c.nullabilityKnown, name).toBe(spec.nullable !== null);
      expect(c.enumValues ? [...c.enumValues] : undefined, name).toEqual(spec.enum);
      expect(c.units, name).toBe(spec.units ?? 1);
    }
  });

  it('use wildcard regexes on the Keywords Explorer endpoints only', () => {
    const wildcard = catalogueNames.filter((n) => getCatalogue(n)!.regexDialect === 'wildcard');
    expect(wildcard).toEqual([
      'keywords-explorer/matching-terms',
      'keywords-explorer/overview',
      'keywords-explorer/related-terms',
      'keywords-explorer/search-suggestions',
    ]);
  });

  it('model enum arrays and object columns', () => {
    const overview = getCatalogue('keywords-explorer/overview')!;
    const serp = overview.byName.get('serp_features')!;
    expect(serp.array).toBe(true);
    expect(serp.enumValues).toContain('ai_overview');
    expect(overview.byName.get('intents')!.type).toBe('object');
  });
});
