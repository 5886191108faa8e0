/**
 * `ahrefs-where/catalogues`: the `where` columns of all 66 Ahrefs API v3
 * endpoints as named catalogues.
 *
 * @example
 * import { compile } from 'ahrefs-where';
 * import { getCatalogue } from 'ahrefs-where/catalogues';
 * compile('volume > 1000', { catalogue: getCatalogue('keywords-explorer/overview') });
 *
 * @packageDocumentation
 */
export { getCatalogue, catalogueNames } from './api/index.js';
