import { ALL_BACKLINKS_SPEC } from './data/all-backlinks.js';
import { defineCatalogue } from './define.js';
import type { Catalogue } from './types.js';

/**
 * The `where` columns of `GET /v3/site-explorer/all-backlinks`: 86 columns,
 * the default catalogue of every entry point.
 */
export const allBacklinks: Catalogue = defineCatalogue(ALL_BACKLINKS_SPEC);
