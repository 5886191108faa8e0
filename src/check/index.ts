/** The type checker (spec §3) and the RE2 syntax validator it uses. */
export { checkFilter, type CheckOptions, type CheckResult } from './checker.js';
export { validateRegex, type RegexValidation } from './re2-syntax.js';
export { TYPE_RULES, OP_TEXT, typeKeyOf, ruleForColumn, allowedTests, type TypeKey, type TypeRule, type ValueKind } from './rules.js';
export { isValidDate, isValidDateTime, dateKind } from './values.js';
