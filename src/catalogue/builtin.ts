import { ALL_BACKLINKS_SPEC } from './data/all-backlinks.js';
import { buildCatalogue } from './build.js';
import type { Catalogue } from './types.js';

/**
 * The `where` columns of `GET /v3/site-explorer/all-backlinks`: 86 columns,
 * the default catalogue of every entry point. Built without validation: the
 * data is ours, and test/catalogue/builtin-trusted.test.ts checks that it
 * passes {@link loadCatalogue} and builds the same catalogue, so every bundle
 * is spared the validator (issue 11).
 */
export const allBacklinks: Catalogue = buildCatalogue(ALL_BACKLINKS_SPEC);
