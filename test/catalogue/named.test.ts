/**
 * The root knows every built-in endpoint's name but carries only
 * all-backlinks' columns; `ahrefs-where/catalogues` registers the rest
 * (src/catalogue/named.ts). Every other test file runs with them registered
 * (test/support/register-catalogues.ts); the tests here take the
 * registration away, so this file runs isolated (vitest.config.ts).
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { check, compile, readEndpointDirective } from '../../src/index.js';
import { toSql } from '../../src/sql.js';
import { diagnose } from '../../src/editor/index.js';
import { getCatalogue, loadBuiltInCatalogues } from '../../src/catalogue/endpoints.js';
import { canonicalCatalogueName, catalogueNames, namedCatalogue } from '../../src/catalogue/named.js';
import type { Catalogue } from '../../src/catalogue/types.js';
import ENDPOINTS from '../../src/catalogue/data/endpoints.json';
import { chevrotainParserOnly } from '../../scripts/chevrotain-parser-only.js';
import { jsonAsParse } from '../../scripts/json-as-parse.js';

const KEY = Symbol.for('ahrefs-where.builtInCatalogues');
const slot = globalThis as { [KEY]?: (name: string) => Catalogue | undefined };
const specs = ENDPOINTS as Record<string, { name: string }>;

describe('the names the root knows', () => {
  it('are exactly the endpoints of the catalogues data, with all-backlinks, sorted', () => {
    const data = ['site-explorer/all-backlinks', ...Object.values(specs).map((s) => s.name)].sort();
    expect(catalogueNames).toEqual(data);
    expect(new Set(catalogueNames).size).toBe(66);
  });

  it("have each key of the data as the name with '/' and '-' made '_'", () => {
    for (const [key, spec] of Object.entries(specs)) expect(spec.name.replace(/[/-]/g, '_'), key).toBe(key);
  });

  it.each([
    ['keywords-explorer/overview', 'keywords-explorer/overview'],
    ['/v3/keywords-explorer/overview', 'keywords-explorer/overview'],
    ['v3/keywords-explorer/overview', 'keywords-explorer/overview'],
    ['/keywords-explorer/overview', 'keywords-explorer/overview'],
    ['keywords_explorer_overview', 'keywords-explorer/overview'],
    ['site_explorer_all_backlinks', 'site-explorer/all-backlinks'],
    ['keywords-explorer/overveiw', undefined],
    ['Keywords-Explorer/Overview', undefined],
    ['keywords_explorer', undefined],
    ['__proto__', undefined],
    ['', undefined],
  ])('%j stands for %j', (written, name) => {
    expect(canonicalCatalogueName(written)).toBe(name);
  });
});

describe('without ahrefs-where/catalogues', () => {
  let saved: ((name: string) => Catalogue | undefined) | undefined;
  beforeEach(() => {
    saved = slot[KEY];
    delete slot[KEY];
  });
  afterEach(() => {
    if (saved) slot[KEY] = saved;
    else delete slot[KEY];
  });

  it('an endpoint name other than all-backlinks is catalogue-not-loaded, saying what to import', () => {
    for (const written of ['keywords-explorer/overview', '/v3/keywords-explorer/overview', 'keywords_explorer_overview']) {
      const result = compile('volume > 1000', { catalogue: written });
      expect(result.where, written).toBeUndefined();
      expect(result.diagnostics.map((d) => d.code), written).toEqual(['catalogue-not-loaded']);
      expect(result.diagnostics[0]!.message).toBe(
        "The columns of the endpoint \"keywords-explorer/overview\" are in ahrefs-where/catalogues: import it once (import 'ahrefs-where/catalogues') before naming an endpoint other than site-explorer/all-backlinks, or pass getCatalogue(\"keywords-explorer/overview\") from it.",
      );
    }
    expect(namedCatalogue('site-explorer/organic-keywords')).toEqual({ status: 'not-loaded', name: 'site-explorer/organic-keywords' });
  });

  it('never falls back to all-backlinks: every entry point refuses the name', () => {
    expect(check('volume > 1000', { catalogue: 'keywords-explorer/overview' }).map((d) => d.code)).toContain('catalogue-not-loaded');
    const sql = toSql('volume > 1000', { catalogue: 'keywords-explorer/overview', dialect: 'duckdb' });
    expect(sql.diagnostics.map((d) => d.code)).toContain('catalogue-not-loaded');
  });

  it('all-backlinks resolves by every spelling, and a misspelt name is unknown-catalogue with the closest names', () => {
    for (const written of ['site-explorer/all-backlinks', '/v3/site-explorer/all-backlinks', 'site_explorer_all_backlinks']) {
      expect(compile('domain_rating_source > 5', { catalogue: written }).diagnostics, written).toEqual([]);
    }
    const typo = compile('volume > 1000', { catalogue: 'keywords-explorer/overveiw' });
    expect(typo.diagnostics.map((d) => d.code)).toEqual(['unknown-catalogue']);
    expect(typo.diagnostics[0]!.message).toContain('did you mean "keywords-explorer/overview"?');
  });

  it("a catalogue from getCatalogue works without the registration; loadBuiltInCatalogues makes every name resolve", () => {
    const overview = getCatalogue('keywords-explorer/overview')!;
    expect(compile('volume > 1000', { catalogue: overview }).diagnostics).toEqual([]);
    expect(slot[KEY]).toBeUndefined();
    loadBuiltInCatalogues();
    expect(compile('volume > 1000', { catalogue: 'keywords-explorer/overview' }).where).toEqual({ field: 'volume', is: ['gt', 1000] });
    expect(namedCatalogue('keywords_explorer_overview')).toEqual({ status: 'loaded', catalogue: overview });
  });

  it('an endpoint directive resolves as the option does; the language service loads the catalogues itself', () => {
    const directive = readEndpointDirective('# endpoint: keywords-explorer/overview\nvolume > 1')!;
    expect(directive.catalogue).toBeUndefined();
    expect(directive.diagnostics.map((d) => [d.code, d.range?.start.offset])).toEqual([['catalogue-not-loaded', 12]]);
    expect(diagnose('volume > 1000', { catalogue: 'keywords-explorer/overview' })).toEqual([]);
    expect(readEndpointDirective('# endpoint: keywords-explorer/overview\nvolume > 1')?.catalogue?.name).toBe('keywords-explorer/overview');
  });
});

describe('in a bundle', () => {
  async function inputs(code: string): Promise<string[]> {
    const result = await build({
      stdin: { contents: code, resolveDir: resolve(import.meta.dirname, '../..'), loader: 'ts' },
      bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'error',
      plugins: [jsonAsParse, chevrotainParserOnly],
    });
    const output = Object.values(result.metafile.outputs)[0]!;
    return Object.entries(output.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([path]) => path);
  }

  it('{ compile } carries the names but not the other endpoints\' columns; importing the catalogues brings them', async () => {
    const core = await inputs("export { compile } from './src/index.ts';");
    expect(core.some((p) => p.endsWith('catalogue/named.ts'))).toBe(true);
    expect(core.some((p) => p.endsWith('data/endpoints.json'))).toBe(false);
    const all = await inputs("import './src/catalogues.ts';\nexport { compile } from './src/index.ts';");
    expect(all.some((p) => p.endsWith('data/endpoints.json'))).toBe(true);
  });
});
