/**
 * Every Ahrefs API v3 endpoint's `where` columns as a named catalogue
 * (the `ahrefs-where/catalogues` export). Kept out of the package root so that
 * the core bundle carries only the default all-backlinks catalogue.
 */
import ENDPOINTS from './data/endpoints.json';
import { allBacklinks } from './builtin.js';
import { defineCatalogue, type CatalogueSpec } from './define.js';
import type { Catalogue } from './types.js';

const specs = ENDPOINTS as unknown as Record<string, CatalogueSpec>;
const cache = new Map<string, Catalogue>([['site-explorer/all-backlinks', allBacklinks]]);
const keyByName = new Map<string, string>(Object.keys(specs).map((key) => [specs[key]!.name, key]));

/** The names of all 66 built-in catalogues, such as `site-explorer/organic-keywords`. */
export const catalogueNames: readonly string[] = Object.freeze(['site-explorer/all-backlinks', ...keyByName.keys()].sort());

/**
 * A built-in catalogue by endpoint name (`site-explorer/organic-keywords`), by
 * API path (`/v3/site-explorer/organic-keywords`) or by the snake-case key of
 * `where-fields.json` (`site_explorer_organic_keywords`). Undefined when there
 * is no such endpoint. Catalogues are built on first use and cached.
 */
export function getCatalogue(name: string): Catalogue | undefined {
  const normalised = name.replace(/^\/?v3\//, '').replace(/^\//, '');
  const canonical = keyByName.has(normalised)
    ? normalised
    : Object.prototype.hasOwnProperty.call(specs, normalised)
      ? specs[normalised]!.name
      : normalised === 'site_explorer_all_backlinks'
        ? 'site-explorer/all-backlinks'
        : normalised;
  const cached = cache.get(canonical);
  if (cached) return cached;
  const key = keyByName.get(canonical);
  if (key === undefined) return undefined;
  const catalogue = defineCatalogue(specs[key]!);
  cache.set(canonical, catalogue);
  return catalogue;
}
