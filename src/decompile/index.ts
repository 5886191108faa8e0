/**
 * The decompiler: untrusted `where` JSON → the typed AST with JSON paths.
 *
 * @packageDocumentation
 */
export { decompileTree, DEFAULT_MAX_JSON_LENGTH, type DecompileStageOptions, type DecompileTreeResult } from './decompile.js';
export {
  validateWhere, DEFAULT_MAX_DEPTH,
  type ValidateOptions, type ValidateResult, type ValidCondition, type ValidConditionFilter, type ValidFilter,
  type ValidElementCondition, type ValidIs, type ValidListIs, type ValidTree,
} from './validate.js';
export { jsonErrorOffset } from '../diagnostics/json-position.js';
