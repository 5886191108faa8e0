/**
 * The built-in endpoints by name, without their columns. The package root
 * carries only all-backlinks' columns; the other 65 endpoints' (180 KB of
 * data) are in `ahrefs-where/catalogues`, which registers them here when it
 * is imported. So the root still knows every name: a name whose columns are
 * not loaded is `catalogue-not-loaded` (saying what to import), a misspelt
 * one `unknown-catalogue` with the closest names, never a silent fallback.
 */
import { allBacklinks } from './builtin.js';
import type { Catalogue } from './types.js';

/**
 * The names of all 66 built-in catalogues, sorted. test/catalogue/named.test.ts
 * checks them against the data of `ahrefs-where/catalogues`.
 */
export const catalogueNames: readonly string[] = Object.freeze([
  // brand-radar/
  'brand-radar/ai-responses', 'brand-radar/cited-domains', 'brand-radar/cited-pages',
  'brand-radar/impressions-history', 'brand-radar/impressions-overview', 'brand-radar/mentions-history',
  'brand-radar/mentions-overview', 'brand-radar/sov-history', 'brand-radar/sov-overview',
  // keywords-explorer/
  'keywords-explorer/matching-terms', 'keywords-explorer/overview', 'keywords-explorer/related-terms',
  'keywords-explorer/search-suggestions',
  // rank-tracker/
  'rank-tracker/competitors-overview', 'rank-tracker/competitors-pages', 'rank-tracker/overview',
  // site-audit/
  'site-audit/page-explorer',
  // site-explorer/
  'site-explorer/all-backlinks', 'site-explorer/anchors', 'site-explorer/best-by-external-links',
  'site-explorer/best-by-internal-links', 'site-explorer/broken-backlinks', 'site-explorer/linked-anchors-external',
  'site-explorer/linked-anchors-internal', 'site-explorer/linkeddomains', 'site-explorer/organic-competitors',
  'site-explorer/organic-keywords', 'site-explorer/pages-by-backlinks', 'site-explorer/pages-by-internal-links',
  'site-explorer/paid-pages', 'site-explorer/refdomains', 'site-explorer/top-pages',
  // web-analytics/
  'web-analytics/browser-versions', 'web-analytics/browser-versions-chart', 'web-analytics/browsers',
  'web-analytics/browsers-chart', 'web-analytics/chart', 'web-analytics/cities', 'web-analytics/cities-chart',
  'web-analytics/continents', 'web-analytics/continents-chart', 'web-analytics/countries',
  'web-analytics/countries-chart', 'web-analytics/devices', 'web-analytics/devices-chart',
  'web-analytics/entry-pages', 'web-analytics/entry-pages-chart', 'web-analytics/exit-pages',
  'web-analytics/exit-pages-chart', 'web-analytics/languages', 'web-analytics/languages-chart',
  'web-analytics/operating-systems', 'web-analytics/operating-systems-chart',
  'web-analytics/operating-systems-versions', 'web-analytics/operating-systems-versions-chart',
  'web-analytics/referrers', 'web-analytics/referrers-chart', 'web-analytics/source-channels',
  'web-analytics/source-channels-chart', 'web-analytics/sources', 'web-analytics/sources-chart',
  'web-analytics/stats', 'web-analytics/top-pages', 'web-analytics/top-pages-chart', 'web-analytics/utm-params',
  'web-analytics/utm-params-chart',
]);

const NAMES: ReadonlySet<string> = new Set(catalogueNames);

/**
 * The endpoint name that `name` stands for, when it is one of the accepted
 * spellings of a built-in endpoint: its name (`site-explorer/organic-keywords`),
 * its API path (`/v3/site-explorer/organic-keywords`) or the snake-case key of
 * `where-fields.json` (`site_explorer_organic_keywords`); else undefined.
 */
export function canonicalCatalogueName(name: string): string | undefined {
  const written = name.replace(/^\/?v3\//, '').replace(/^\//, '');
  if (NAMES.has(written)) return written;
  // A snake-case key: every name is its key with `/` and `-` for `_` (the test checks this on the data).
  if (!/^[a-z_]+$/.test(written)) return undefined;
  return catalogueNames.find((n) => n.replace(/[/-]/g, '_') === written);
}

/**
 * The registration lives on `globalThis` under a registered symbol, as the
 * RE2 engine's does (src/semantics/regex-engine.ts): each CommonJS entry
 * bundles its own copy of this module, and `ahrefs-where/catalogues`
 * registering through one copy must be seen by the root's.
 */
const KEY = Symbol.for('ahrefs-where.builtInCatalogues');
const slot = globalThis as { [KEY]?: (name: string) => Catalogue | undefined };

/**
 * Registers the lookup of the built-in catalogues' columns (by canonical
 * name). `ahrefs-where/catalogues` calls this when it is imported, as do the
 * CLI, the language server and the language service, whose users name any
 * endpoint.
 */
export function registerBuiltInCatalogues(lookup: (name: string) => Catalogue | undefined): void {
  slot[KEY] = lookup;
}

/**
 * The built-in catalogue a name stands for: `loaded` when its columns are
 * here (all-backlinks always is), `not-loaded` when it names a built-in
 * endpoint whose columns are in `ahrefs-where/catalogues`, not imported yet,
 * and `unknown` when it names no built-in endpoint.
 */
export function namedCatalogue(name: string):
  | { readonly status: 'loaded'; readonly catalogue: Catalogue }
  | { readonly status: 'not-loaded'; readonly name: string }
  | { readonly status: 'unknown' } {
  const canonical = canonicalCatalogueName(name);
  if (canonical === undefined) return { status: 'unknown' };
  const catalogue = canonical === allBacklinks.name ? allBacklinks : slot[KEY]?.(canonical);
  return catalogue ? { status: 'loaded', catalogue } : { status: 'not-loaded', name: canonical };
}
