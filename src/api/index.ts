/**
 * The public entry points as one stage entry, for tools built on them (the
 * editor service, the test kit), which may not import `src/index.ts` (it sits
 * above them).
 */
export { compile, check, format, decompile } from './compile.js';
export type { CompileResult, DecompileOptions, DecompileResult, FieldUse, FormatOptions } from './compile.js';
export type { FilterOptions, FilterSource } from './analyze.js';
export { predicate, evaluate, explain, CompileError } from './predicate.js';
export { toSql } from './sql.js';
export type { SqlOptions, SqlResult, SqlSource } from './sql.js';
// For the editor service: the one analysis behind compile/check, option checks, and internal failures as diagnostics.
export { analyze, type Analysis } from './analyze.js';
// `format` with the parse's diagnostics (the CLI's `fmt`, which shows them).
export { formatWithDiagnostics, type FormatTextOptions, type FormatTextResult } from './format-text.js';
export { checkFormatOptions } from './options.js';
export { errorText, internalError } from './internal.js';
