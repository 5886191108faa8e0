/**
 * `ahrefs-where/re2`: importing this module registers re2js as the RE2
 * engine of `predicate`, `evaluate` and `explain`, for the regex patterns
 * that cannot run as a JavaScript RegExp (docs/api.md, "Regexes and the RE2
 * engine"). Without it, such a pattern is a `regex-engine-missing` error.
 *
 * @example
 * import 'ahrefs-where/re2';
 * import { predicate } from 'ahrefs-where';
 * predicate('anchor matches /(x+x+)+y/'); // runs on re2js
 */
import { registerRegexEngine } from './api/index.js';
import { re2jsEngine } from './semantics/regex-re2js/index.js';

registerRegexEngine(re2jsEngine);

export { re2jsEngine };
