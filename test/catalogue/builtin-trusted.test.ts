/**
 * The built-in catalogues are built without validation (src/catalogue/build.ts),
 * which keeps the validator out of every bundle (issue 11). The trust is
 * checked here, not assumed: every built-in definition passes loadCatalogue
 * with no diagnostics, and the trusted build is the validated build, field
 * for field. The bundle test keeps the saving: `{ compile }` must not carry
 * the validator again.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, type CatalogueSpec, type ColumnSpec } from '../../src/catalogue/build.js';
import { isKnownCatalogue } from '../../src/catalogue/brand.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { ALL_BACKLINKS_SPEC } from '../../src/catalogue/data/all-backlinks.js';
import ENDPOINTS from '../../src/catalogue/data/endpoints.json';
import { DEFAULT_MODIFIERS, defineCatalogue, loadCatalogue } from '../../src/catalogue/define.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import type { Catalogue, Column, ValueType } from '../../src/catalogue/types.js';
import { scanJsonText } from '../../src/diagnostics/json-scan.js';
import { chevrotainParserOnly } from '../../scripts/chevrotain-parser-only.js';
import { jsonAsParse } from '../../scripts/json-as-parse.js';
import { LIBRARY_ENTRIES } from '../../tsup.config.js';

const ROOT = resolve(import.meta.dirname, '../..');
const endpointSpecs = ENDPOINTS as unknown as Record<string, CatalogueSpec>;

/** Every built-in definition, by a label for the test names. */
const SPECS: ReadonlyArray<readonly [string, CatalogueSpec]> = [
  ['all-backlinks (src/catalogue/data/all-backlinks.ts)', ALL_BACKLINKS_SPEC],
  ...Object.entries(endpointSpecs),
];

/** The validated build of a definition; fails the test with the diagnostics when it does not validate. */
function validated(spec: CatalogueSpec): Catalogue {
  const result = loadCatalogue(spec);
  expect(result.diagnostics).toEqual([]);
  expect(result.ok).toBe(true);
  return result.catalogue!;
}

/**
 * The column a definition describes, by the rules ColumnSpec documents,
 * written out here apart from the construction: loadCatalogue calls the same
 * construction, so comparing the two builds alone would not see a wrong
 * default that both share.
 */
function expectedColumn(name: string, spec: ColumnSpec): Column {
  const array = spec.type.startsWith('array(');
  const inner = array ? spec.type.slice('array('.length, -1) : spec.type;
  return {
    name,
    type: (inner === 'null' ? 'unknown' : inner) as ValueType,
    array,
    nullable: spec.nullable !== false,
    nullabilityKnown: spec.nullable === true || spec.nullable === false,
    ...(spec.enum ? { enumValues: [...spec.enum] } : {}),
    units: spec.units ?? 1,
    aliases: [...(spec.aliases ?? [])],
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    returned: spec.returned !== false,
  };
}

/** A catalogue is what its definition says: name, dialect, modifiers, each column, each alias. */
function expectDescribes(catalogue: Catalogue, spec: CatalogueSpec): void {
  expect(catalogue.name).toBe(spec.name);
  expect(catalogue.regexDialect).toBe(spec.regexDialect ?? 're2');
  expect(catalogue.modifiers).toStrictEqual(spec.modifiers ?? DEFAULT_MODIFIERS);
  expect(catalogue.columns.map((c) => c.name)).toEqual(Object.keys(spec.columns));
  for (const [name, column] of Object.entries(spec.columns)) {
    expect(catalogue.byName.get(name), name).toStrictEqual(expectedColumn(name, column));
    for (const alias of column.aliases ?? []) expect(catalogue.byAlias.get(alias.toLowerCase())?.name, alias).toBe(name);
  }
  expect(catalogue.byAlias.size).toBe(Object.values(spec.columns).reduce((n, c) => n + (c.aliases?.length ?? 0), 0));
}

/** Every field of two catalogues equal, the lookups included, and both frozen and branded alike. */
function expectSameCatalogue(trusted: Catalogue, checked: Catalogue): void {
  expect(trusted.name).toBe(checked.name);
  expect(trusted.regexDialect).toBe(checked.regexDialect);
  // toStrictEqual: an own key holding undefined (for example `description: undefined`) is a difference too.
  expect(trusted.modifiers).toStrictEqual(checked.modifiers);
  expect(trusted.columns.map((c) => c.name)).toEqual(checked.columns.map((c) => c.name));
  trusted.columns.forEach((column, i) => {
    const other = checked.columns[i]!;
    expect(column, column.name).toStrictEqual(other);
    expect(Object.keys(column), column.name).toEqual(Object.keys(other));
    expect(Object.isFrozen(column), column.name).toBe(true);
    expect(Object.isFrozen(column.aliases), column.name).toBe(true);
    if (column.enumValues) expect(Object.isFrozen(column.enumValues), column.name).toBe(true);
  });
  // The lookups: the same keys, in the same order, each to that catalogue's own column object.
  expect([...trusted.byName.keys()]).toEqual([...checked.byName.keys()]);
  expect([...trusted.byAlias.keys()]).toEqual([...checked.byAlias.keys()]);
  for (const [key, column] of trusted.byName) {
    expect(trusted.columns).toContain(column);
    expect(column.name, key).toBe(key);
  }
  for (const [key, column] of trusted.byAlias) {
    expect(trusted.columns).toContain(column);
    expect(column.name, key).toBe(checked.byAlias.get(key)!.name);
  }
  expect(Object.keys(trusted)).toEqual(Object.keys(checked));
  expect(Object.isFrozen(trusted)).toBe(true);
  expect(Object.isFrozen(trusted.columns)).toBe(true);
  expect(Object.isFrozen(trusted.modifiers)).toBe(true);
  expect(isKnownCatalogue(trusted)).toBe(true);
}

describe('every built-in catalogue definition', () => {
  it('is all of them: all-backlinks and the 65 endpoints of endpoints.json', () => {
    expect(SPECS).toHaveLength(66);
    expect(new Set(SPECS.map(([, s]) => s.name)).size).toBe(66);
  });

  it.each(SPECS)('%s passes loadCatalogue with no diagnostics and builds the same catalogue trusted', (_, spec) => {
    expectSameCatalogue(buildCatalogue(spec), validated(spec));
    expectDescribes(buildCatalogue(spec), spec);
    // As plain JSON data too (no shared arrays with the definition), the form a user's catalogue file takes.
    expectSameCatalogue(buildCatalogue(spec), validated(JSON.parse(JSON.stringify(spec)) as CatalogueSpec));
  });

  it('endpoints.json has no key twice (the JSON import would keep only the last, unseen)', () => {
    const text = readFileSync(join(ROOT, 'src/catalogue/data/endpoints.json'), 'utf8');
    expect(scanJsonText(text).filter((f) => f.kind === 'duplicate-key')).toEqual([]);
    for (const [key, spec] of Object.entries(endpointSpecs)) expect(loadCatalogue(JSON.stringify(spec)).diagnostics, key).toEqual([]);
  });
});

describe('the exported built-in catalogues', () => {
  it('allBacklinks is the validated build of its definition', () => {
    expectSameCatalogue(allBacklinks, validated(ALL_BACKLINKS_SPEC));
    expect(allBacklinks.modifiers).toBe(DEFAULT_MODIFIERS);
  });

  it.each(Object.keys(endpointSpecs))('getCatalogue(%s) is the validated build of its definition', (key) => {
    expectSameCatalogue(getCatalogue(key)!, validated(endpointSpecs[key]!));
  });
});

describe('buildCatalogue', () => {
  const spec: CatalogueSpec = {
    name: 'my-shop/products',
    regexDialect: 'wildcard',
    columns: {
      price: { type: 'float', nullable: false, units: 3, aliases: ['P', 'cost'], description: 'Price.' },
      tags: { type: 'array(string)', nullable: null, enum: ['a', 'b'], returned: false },
      raw: { type: 'array(null)' },
      meta: { type: 'object', nullable: true },
    },
    modifiers: [{ name: 'lower', appliesTo: ['string'], description: 'Lower-cases.' }],
  };

  it('builds what defineCatalogue builds, the optional fields and their defaults included', () => {
    expectSameCatalogue(buildCatalogue(spec), defineCatalogue(spec));
    expectDescribes(buildCatalogue(spec), spec);
    expect(buildCatalogue(spec).byName.get('raw')).toMatchObject({ type: 'unknown', array: true, nullable: true, nullabilityKnown: false, units: 1, returned: true });
    expect(buildCatalogue(spec).byAlias.get('p')?.name).toBe('price');
  });

  it('copies the arrays of the definition instead of freezing them', () => {
    const aliases = ['P'];
    const catalogue = buildCatalogue({ name: 'x', columns: { price: { type: 'float', aliases } } });
    expect(Object.isFrozen(aliases)).toBe(false);
    expect(catalogue.byName.get('price')!.aliases).not.toBe(aliases);
  });

  it('is internal: no package entry exports it', async () => {
    for (const [entry, file] of Object.entries(LIBRARY_ENTRIES)) {
      const module = (await import(join(ROOT, file))) as Record<string, unknown>;
      expect(Object.values(module), entry).not.toContain(buildCatalogue);
      expect(Object.keys(module), entry).not.toContain('buildCatalogue');
    }
  });
});

describe('in a bundle', () => {
  it('{ compile } carries the construction but not the validator (define.ts, which brings the JSON scanning and its wording)', async () => {
    const result = await build({
      stdin: { contents: "export { compile } from './src/index.ts';", resolveDir: ROOT, loader: 'ts' },
      bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'error',
      plugins: [jsonAsParse, chevrotainParserOnly],
    });
    const output = Object.values(result.metafile.outputs)[0]!;
    const inputs = Object.entries(output.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([path]) => path);
    expect(inputs.some((p) => p.endsWith('src/catalogue/build.ts'))).toBe(true);
    expect(inputs.filter((p) => p.endsWith('src/catalogue/define.ts'))).toEqual([]);
  });
});
