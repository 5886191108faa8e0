/**
 * The decompiler: untrusted `where` JSON → the typed AST with JSON paths.
 *
 * @packageDocumentation
 */
export { decompileTree, DEFAULT_MAX_JSON_LENGTH, type DecompileOptions, type DecompileTreeResult } from './decompile.js';
export {
  validateWhere, DEFAULT_MAX_DEPTH,
  type ValidateOptions, type ValidateResult, type ValidCondition, type ValidConditionFilter, type ValidFilter,
} from './validate.js';
export { jsonErrorOffset } from './json-position.js';
export { describeValue } from './wording.js';
