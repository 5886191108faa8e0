/**
 * ahrefs-where: a small, readable filter language for the Ahrefs API v3
 * `where` parameter, compiled and type-checked against each endpoint's
 * columns into the exact `where` JSON and into a local predicate.
 *
 * Everything here is re-exported from the API stage's entry
 * (src/api/index.ts), which composes the pipeline stages.
 *
 * @packageDocumentation
 */

// Entry points
export { compile, check, format, decompile, simplify } from './api/index.js';
export type { CompileOptions, SimplifyResult, FilterSize } from './api/index.js';
export type {
  CompileResult, CompileOutcome, CompileSuccess, CompileFailure, FieldUse, FormatOptions,
  DecompileOptions, DecompileResult, DecompileSuccess, DecompileFailure,
  FilterOptions, FilterSource,
} from './api/index.js';
export { predicate, evaluate, explain, PredicateError, CompileError, renderExplanation } from './api/index.js';
// The RE2 engine for patterns that cannot run as a JavaScript RegExp (import 'ahrefs-where/re2' registers re2js)
export { registerRegexEngine } from './api/index.js';
export type { RegexEngine, RegexProgram } from './api/index.js';
export type { Explanation, ExplainNode, Row, Truth } from './api/index.js';

// The cost of a request (spec §5)
export { estimateCost, MINIMUM_REQUEST_COST, DEFAULT_ROWS, requestColumns } from './api/index.js';
export type { CostOptions, CostEstimate, ColumnCost, RequestPart, RequestColumns } from './api/index.js';

// The first-line `# endpoint: NAME` comment that the CLI, the language server and the playground read
export { readEndpointDirective } from './api/index.js';
export type { EndpointDirective } from './api/index.js';

// Lower-level stages, for tools that want the pieces
export { parse, emitWhere, stringifyWhere, EmitError, printFilter } from './api/index.js';
export type { ParseOptions, ParseResult, EmitOptions, PrintOptions } from './api/index.js';

// Catalogues
export { allBacklinks, defineCatalogue, loadCatalogue, CatalogueError, DEFAULT_MODIFIERS, resolveField } from './api/index.js';
export type { Catalogue, CatalogueSpec, Column, ColumnSpec, LoadCatalogueResult, Modifier, RegexDialect, ResolvedField, ValueType } from './api/index.js';

// Diagnostics
export { DIAGNOSTIC_CODES, renderDiagnostic } from './api/index.js';
export type { DiagnosticCode, Severity, Diagnostic, Suggestion, RenderOptions } from './api/index.js';

// Types of the AST and of the `where` JSON
export type * from './ast/nodes.js';
export type { WhereFilter, WhereExpr, WhereCondition, WhereConditionFilter, WhereTree, WhereValue } from './ast/where-json.js';
