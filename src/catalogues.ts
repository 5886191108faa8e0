/**
 * `ahrefs-where/catalogues`: the `where` columns of all 66 Ahrefs API v3
 * endpoints as named catalogues. Importing it once, anywhere in a program,
 * also makes every entry point of the package root accept any endpoint's
 * name as its `catalogue` option; without it, the root knows only
 * all-backlinks' columns and a name of another endpoint is a
 * `catalogue-not-loaded` error (docs/api.md, "`ahrefs-where/catalogues`").
 *
 * @example
 * import 'ahrefs-where/catalogues';
 * import { compile } from 'ahrefs-where';
 * compile('volume > 1000', { catalogue: 'keywords-explorer/overview' });
 *
 * @example
 * import { compile } from 'ahrefs-where';
 * import { getCatalogue } from 'ahrefs-where/catalogues';
 * compile('volume > 1000', { catalogue: getCatalogue('keywords-explorer/overview') });
 *
 * @packageDocumentation
 */
import { loadBuiltInCatalogues } from './api/index.js';

loadBuiltInCatalogues();

export { getCatalogue, catalogueNames } from './api/index.js';
