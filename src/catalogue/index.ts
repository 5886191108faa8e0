export type { Catalogue, Column, Modifier, RegexDialect, RequestColumns, ResolvedField, ValueType } from './types.js';
export { defineCatalogue, loadCatalogue, CatalogueError, DEFAULT_MODIFIERS, type CatalogueSpec, type ColumnSpec, type LoadCatalogueResult } from './define.js';
export { resolveField, suggestColumns, findModifier } from './resolve.js';
export { allBacklinks } from './builtin.js';
export { catalogueOption, type CatalogueOption } from './option.js';
export { catalogueNames, canonicalCatalogueName, namedCatalogue } from './named.js';
export { getCatalogue, loadBuiltInCatalogues } from './endpoints.js';
export { requestColumns, requestColumnEndpoints } from './request.js';
