/**
 * Every Ahrefs API v3 endpoint's `where` columns as a named catalogue
 * (the `ahrefs-where/catalogues` export). Kept out of the package root so that
 * the core bundle carries only the default all-backlinks catalogue; the root
 * knows the names (./named.ts) and resolves them once this module's lookup
 * is registered ({@link loadBuiltInCatalogues}).
 */
import ENDPOINTS from './data/endpoints.json';
import { allBacklinks } from './builtin.js';
import { buildCatalogue, type CatalogueSpec } from './build.js';
import { canonicalCatalogueName, registerBuiltInCatalogues } from './named.js';
import type { Catalogue } from './types.js';

const specs = ENDPOINTS as unknown as Record<string, CatalogueSpec>;
const cache = new Map<string, Catalogue>([[allBacklinks.name, allBacklinks]]);

/**
 * A built-in catalogue by endpoint name (`site-explorer/organic-keywords`), by
 * API path (`/v3/site-explorer/organic-keywords`) or by the snake-case key of
 * `where-fields.json` (`site_explorer_organic_keywords`). Undefined when there
 * is no such endpoint. Catalogues are built on first use and cached.
 */
export function getCatalogue(name: string): Catalogue | undefined {
  if (typeof name !== 'string') return undefined;
  const canonical = canonicalCatalogueName(name);
  if (canonical === undefined) return undefined;
  const cached = cache.get(canonical);
  if (cached) return cached;
  const key = canonical.replace(/[/-]/g, '_');
  if (!Object.hasOwn(specs, key)) return undefined;
  // Our data, checked by test/catalogue/builtin-trusted.test.ts: built without the validator.
  const catalogue = buildCatalogue(specs[key]!);
  cache.set(canonical, catalogue);
  return catalogue;
}

/**
 * Makes every entry point resolve all 66 endpoint names (the `catalogue`
 * option, endpoint directives). Importing `ahrefs-where/catalogues` does it;
 * so do the CLI and the language service. Calling it again changes nothing.
 */
export function loadBuiltInCatalogues(): void {
  registerBuiltInCatalogues(getCatalogue);
}
