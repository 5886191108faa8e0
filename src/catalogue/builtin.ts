import { ALL_BACKLINKS_SPEC } from './data/all-backlinks.js';
import { buildCatalogue } from './build.js';
import type { Catalogue } from './types.js';

// Built without validation, so that no bundle carries the validator for it:
// the data is the library's own, and test/catalogue/builtin-trusted.test.ts
// checks that it passes loadCatalogue and builds the same catalogue.
/**
 * The `where` columns of `GET /v3/site-explorer/all-backlinks`: 86 columns,
 * the default catalogue of every entry point.
 */
export const allBacklinks: Catalogue = buildCatalogue(ALL_BACKLINKS_SPEC);
