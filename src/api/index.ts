/**
 * The API stage's entry. Its first part is the package's public surface:
 * `src/index.ts` (`ahrefs-where`), `src/sql.ts` (`ahrefs-where/sql`) and
 * `src/catalogues.ts` re-export from here, and nothing else. The last part
 * is for the tools built on the stages (the editor service, the test kit,
 * the CLI), which may not import `src/index.ts` (it sits above them); those
 * names are not part of the package.
 */

// ---- Entry points (`ahrefs-where`)
export { compile, check, format, decompile } from './compile.js';
export { simplify } from './simplify.js';
export type { SimplifyResult, FilterSize } from './simplify.js';
export type { CompileOptions } from './compile.js';
export type { CompileResult, CompileOutcome, CompileSuccess, CompileFailure, DecompileOptions, DecompileResult, DecompileSuccess, DecompileFailure, FieldUse, FormatOptions } from './compile.js';
export type { FilterOptions, FilterSource } from './analyze.js';
export { predicate, evaluate, explain, PredicateError, CompileError } from './predicate.js';
export { registerRegexEngine, type RegexEngine, type RegexProgram } from '../semantics/regex-engine.js';
export type { Explanation, ExplainNode, Row, Truth } from './predicate.js';
export { renderExplanation } from '../emit/explain.js';
export { estimateCost, MINIMUM_REQUEST_COST, DEFAULT_ROWS } from './cost.js';
export type { CostOptions, CostEstimate, ColumnCost, RequestPart } from './cost.js';
export { readEndpointDirective, type EndpointDirective } from './directive.js';

// ---- Lower-level stages, for tools that want the pieces
export { parse } from '../syntax/parse.js';
export type { ParseOptions, ParseResult } from '../syntax/parse.js';
// emitWhere and printFilter validate a tree built in code first, as every entry point does (src/api/stages.ts).
export { emitWhere, printFilter } from './stages.js';
export { stringifyWhere, EmitError } from '../emit/where-json.js';
export type { EmitOptions } from '../emit/where-json.js';
export type { PrintOptions } from '../emit/text.js';

// ---- Catalogues (`ahrefs-where/catalogues` adds the built-in endpoints)
export { allBacklinks, defineCatalogue, loadCatalogue, CatalogueError, DEFAULT_MODIFIERS, catalogueNames, getCatalogue, loadBuiltInCatalogues, requestColumns } from '../catalogue/index.js';
// resolveField checks its catalogue as the catalogue option is checked (src/api/stages.ts).
export { resolveField } from './stages.js';
export type { Catalogue, CatalogueSpec, Column, ColumnSpec, LoadCatalogueResult, Modifier, RegexDialect, RequestColumns, ResolvedField, ValueType } from '../catalogue/index.js';

// ---- Diagnostics
export { DIAGNOSTIC_CODES, renderDiagnostic } from '../diagnostics/index.js';
export type { DiagnosticCode, Severity, Diagnostic, Suggestion, RenderOptions } from '../diagnostics/index.js';

// ---- SQL (`ahrefs-where/sql`): the condition, and the tables and loaders it is exact on (docs/sql.md)
export { toSql } from './sql.js';
export type { SqlOptions, SqlResult, SqlSource } from './sql.js';
export type { ParamStyle, SqlParam, SqlParams, SqlValue, SqlValueType } from '../emit/sql/index.js';
export type { SqlDialect } from '../emit/sql/ddl.js';
export { createTableSql, tableLayout, quoteIdentifier, stringLiteral, SQL_DIALECTS } from '../emit/sql/ddl.js';
export type { TableOptions, TableLayout, TableColumn, StorageKind, LayoutResult, CreateTableResult } from '../emit/sql/ddl.js';
export { loadFileSql, selectFromFileSql, clickhouseInsertRowsSql, postgresInsertBatches } from '../emit/sql/load.js';
export type { FileFormat, FileOptions, LoadSqlResult, InsertBatch, InsertBatchesResult } from '../emit/sql/load.js';

// ---- For tools built on the stages (not re-exported by the package)
// The one analysis behind compile/check, option checks, and internal failures as diagnostics (the editor service).
export { analyze, type Analysis } from './analyze.js';
// `format` with the parse's diagnostics (the CLI's `fmt`, which shows them).
export { formatWithDiagnostics, type FormatTextOptions, type FormatTextResult } from './format-text.js';
export { checkFormatOptions } from './options.js';
export { errorText, internalError } from './internal.js';
// The CLI's `explain --json` shows each value read as the text output does.
export { valueText } from '../emit/explain.js';
