/**
 * The type checker (spec §3): the documented internal entry of the check
 * stage. The API layer type-checks through `checkFilter`; tools above the
 * stages (the editor, the test kit) read the typing table and the RE2 syntax
 * check from here, never from the stage's files.
 */
export { checkFilter, type CheckOptions, type CheckResult } from './checker.js';
export { validateRegex, type RegexValidation } from './re2-syntax.js';
export { ANALYSIS_CODES, analyzeAcross, analyzeFilter, filterCost, simplifyFilter, summarisePart, type PartSummary, type TopPart } from './analysis/index.js';
export { TYPE_RULES, typeKeyOf, ruleForColumn, allowedTests, type TypeKey, type TypeRule, type ValueKind } from './rules.js';
