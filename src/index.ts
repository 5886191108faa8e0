/**
 * ahrefs-where: a small, readable filter language for the Ahrefs API v3
 * `where` parameter, compiled and type-checked against each endpoint's
 * columns into the exact `where` JSON and into a local predicate.
 *
 * @packageDocumentation
 */

// Entry points
export { compile, check, format, decompile } from './api/compile.js';
export type { CompileResult, FieldUse, FormatOptions, DecompileOptions, DecompileResult } from './api/compile.js';
export type { FilterOptions, FilterSource } from './api/analyze.js';
export { predicate, evaluate, explain, CompileError } from './api/predicate.js';
export type { Explanation, ExplainNode } from './api/predicate.js';
export { renderExplanation } from './emit/explain.js';

// Lower-level stages, for tools that want the pieces
export { parse } from './syntax/parse.js';
export type { ParseOptions, ParseResult } from './syntax/parse.js';
export { emitWhere, stringifyWhere } from './emit/where-json.js';
export { printFilter } from './emit/text.js';

// Catalogues
export { allBacklinks, defineCatalogue, loadCatalogue, CatalogueError, DEFAULT_MODIFIERS, resolveField } from './catalogue/index.js';
export type { Catalogue, CatalogueSpec, Column, ColumnSpec, LoadCatalogueResult, Modifier, RegexDialect, ResolvedField, ValueType } from './catalogue/index.js';

// Diagnostics
export { DIAGNOSTIC_CODES } from './diagnostics/codes.js';
export type { DiagnosticCode, Severity } from './diagnostics/codes.js';
export type { Diagnostic, Suggestion } from './diagnostics/diagnostic.js';
export { renderDiagnostic } from './diagnostics/render.js';

// Types of the AST and of the `where` JSON
export type * from './ast/nodes.js';
export type { WhereFilter, WhereExpr, WhereCondition, WhereConditionFilter, WhereValue } from './ast/where-json.js';
