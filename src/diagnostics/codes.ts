/**
 * Every diagnostic code the library can report, in one table.
 *
 * Codes are stable public API: tools match on them, so a code is never
 * renamed or reused for another meaning. Add new codes at the end of their
 * section. `docs/diagnostics.md` documents each one (a test keeps the two in step).
 */

export type Severity = 'error' | 'warning' | 'info';

interface CodeInfo {
  readonly severity: Severity;
  /** One line: what the code means, for docs and `--help`. */
  readonly summary: string;
}

export const DIAGNOSTIC_CODES = {
  // ---- text syntax (src/syntax)
  'unexpected-token': { severity: 'error', summary: 'The parser expected something else at this point.' },
  'unexpected-end': { severity: 'error', summary: 'The filter ends where more was expected.' },
  'unknown-character': { severity: 'error', summary: 'A character that no token of the language starts with.' },
  'unterminated-string': { severity: 'error', summary: 'A quoted string has no closing quote.' },
  'unterminated-regex': { severity: 'error', summary: 'A /regex/ literal has no closing slash.' },
  'invalid-escape': { severity: 'error', summary: 'A backslash escape in a string that the language does not define.' },
  'invalid-date': { severity: 'error', summary: 'A date or datetime literal that is not a real calendar date or time.' },
  'invalid-number': { severity: 'error', summary: 'A number that cannot be represented exactly.' },
  'empty-filter': { severity: 'error', summary: 'The input holds no filter.' },

  // ---- typing (src/check)
  'unknown-column': { severity: 'error', summary: 'The column is not in the catalogue of this endpoint.' },
  'unknown-modifier': { severity: 'error', summary: 'The modifier is not one the API documents.' },
  'modifier-not-allowed': { severity: 'error', summary: 'Modifiers apply to string columns only.' },
  'operator-not-allowed': { severity: 'error', summary: "The operator is not allowed for the column's type." },
  'value-type-mismatch': { severity: 'error', summary: "The value's type does not fit the column." },
  'unknown-enum-value': { severity: 'error', summary: 'The value is not one of the enum values of the column.' },
  'bare-word-value': { severity: 'error', summary: 'Only enum values may be written without quotes.' },
  'null-value': { severity: 'error', summary: '`null` is not a value: test for it with `is null`.' },
  'null-test-never-true': { severity: 'warning', summary: 'On a column that is never null, `is null` is always false and `is not null` always true.' },
  'array-needs-quantifier': { severity: 'error', summary: 'Array columns are tested through any(…) or all(…).' },
  'quantifier-needs-array': { severity: 'error', summary: 'any(…) and all(…) apply to array columns only.' },
  'invalid-regex': { severity: 'error', summary: 'The pattern is not valid RE2 syntax.' },
  'unsupported-regex-feature': { severity: 'error', summary: 'The pattern uses a feature RE2 does not have (backreferences, lookaround).' },
  'wildcard-pattern-only': { severity: 'error', summary: "This endpoint's regex accepts only `*` wildcards." },
  'regex-too-large': { severity: 'error', summary: 'The pattern compiles to a program larger than the documented limit that bounds evaluation time.' },
  'regex-engine-missing': { severity: 'error', summary: 'A predicate needs the RE2 engine for this pattern (it cannot run as a JavaScript RegExp) and none is registered: import `ahrefs-where/re2`.' },
  'unchecked-column-type': { severity: 'warning', summary: 'The catalogue does not know this value type, so it is not checked.' },
  'filter-only-column': { severity: 'error', summary: 'The column can be filtered on by the API but is never returned in rows, so it cannot be evaluated locally.' },
  'list-too-short': { severity: 'error', summary: '`in (…)` needs at least two values.' },

  // ---- static analysis: three-valued verdicts per column (src/check/analysis)
  'never-matches': { severity: 'warning', summary: 'A condition that no row makes true: false for every value of its column, and unknown (or false) where it is null.' },
  'always-true-where-known': { severity: 'warning', summary: 'A condition true for every value of its column; where the column is null it is not true, so it is no tautology.' },
  'redundant-condition': { severity: 'warning', summary: 'An operand that repeats another of the same `and` / `or`, or a value listed twice in `in (…)`: removing it keeps the same rows.' },
  'subsumed-condition': { severity: 'warning', summary: 'An operand implied (in an `and`) or covered (in an `or`) by the others on its column: removing it keeps the same rows.' },
  'analysis-limited': { severity: 'info', summary: 'Operands on one column too many to compare (past the analysis\'s safety bound): not judged together, and simplify leaves them.' },

  // ---- `where` JSON input (src/decompile)
  'json-syntax': { severity: 'error', summary: 'The input is not valid JSON.' },
  'json-invalid-node': { severity: 'error', summary: 'A node of the `where` tree has the wrong shape.' },
  'json-unknown-key': { severity: 'error', summary: 'An object of the `where` tree has a key the grammar does not allow.' },
  'json-ambiguous-node': { severity: 'error', summary: 'An object holds two alternatives at once (for example `and` and `or`).' },
  'json-empty-list': { severity: 'error', summary: '`and` / `or` need at least one operand.' },
  'json-unknown-operator': { severity: 'error', summary: 'The operator is not one of the 13 the API accepts.' },
  'json-invalid-condition': { severity: 'error', summary: 'A condition is not `[op, value]`, `"empty"` or `"is_null"`.' },
  'json-missing-quantifier': { severity: 'error', summary: '`list_is` needs `any` or `all` around its condition.' },
  'json-boolean-as-number': { severity: 'info', summary: '`1` / `0` for a boolean column was read as `true` / `false`.' },
  'json-single-operand': { severity: 'info', summary: 'An `and` / `or` with one operand means its operand; the text drops the wrapper.' },
  'json-field-alias': { severity: 'error', summary: 'The `field` is an alias of the query language (`DR`); `where` JSON names columns by their API names.' },
  'json-duplicate-key': { severity: 'error', summary: 'An object of the `where` JSON text has the same key twice (JSON parsers would keep only the last).' },

  // ---- catalogues (src/catalogue)
  'catalogue-invalid': { severity: 'error', summary: 'The catalogue JSON has the wrong shape.' },
  'catalogue-unknown-type': { severity: 'error', summary: 'A column type the catalogue model does not know.' },
  'catalogue-duplicate-name': { severity: 'error', summary: 'Two columns or aliases share one name.' },

  // ---- limits and rows
  'input-too-long': { severity: 'error', summary: 'The input is longer than the configured limit.' },
  'nesting-too-deep': { severity: 'error', summary: 'The filter is nested deeper than the configured limit.' },
  'list-too-long': { severity: 'error', summary: 'A list has more items than the configured limit.' },
  'invalid-row': { severity: 'error', summary: 'A row is not a JSON object.' },

  // ---- entry points: options, trees built in code, internal failures (src/api)
  'invalid-option': { severity: 'error', summary: 'An option has a value it does not accept (the message names the option and what it accepts).' },
  'unknown-catalogue': { severity: 'error', summary: 'The catalogue option names no built-in endpoint.' },
  'invalid-ast': { severity: 'error', summary: 'A filter tree built in code does not have the shape of the AST.' },
  'too-many-nodes': { severity: 'error', summary: 'A filter tree built in code, or a `where` object, has more nodes than the configured limit (shared nodes count each time they are reached).' },
  'internal-error': { severity: 'error', summary: 'A bug: a stage failed unexpectedly; the message carries the error.' },

  // ---- the language service (src/editor)
  'invalid-argument': { severity: 'error', summary: 'A language-service function got text that is not a string; it was read as empty text.' },

  // ---- SQL back end: tables and loaders (src/emit/sql/ddl.ts, load*.ts)
  'sql-unloadable-value': { severity: 'error', summary: 'A row value cannot be stored in the table as the predicate reads it (U+0000 in PostgreSQL text, a value of another type than its column); the row is skipped.' },

  // ---- SQL back end: the emitter (src/emit/sql/, toSql)
  'sql-filter-only-column': { severity: 'error', summary: 'The column can be filtered on by the API but is never returned in rows, so no table holds it and SQL cannot test it.' },
  'sql-untyped-column': { severity: 'error', summary: 'A field inside an object column, or an element of an untyped array: the table keeps it as JSON, which toSql does not test.' },
  'sql-regex-unsupported': { severity: 'error', summary: "PostgreSQL's regular expressions cannot express this RE2 pattern with the same meaning." },
  'sql-case-divergence': { severity: 'warning', summary: "A case-dependent test's value holds a character whose case mapping (Unicode 16) the dialect's tables lack, so rows may differ from the predicate." },
  'sql-regex-unicode-divergence': { severity: 'warning', summary: "DuckDB, ClickHouse: the regex reads the engine's RE2 Unicode tables (\\pL, \\p{…}, (?i) on non-ASCII), older than the predicate's, so rows holding newer characters may differ." },

  // ---- the cost of a request: select and order_by (src/api/cost.ts)
  'unknown-select-column': { severity: 'error', summary: 'A `select` column that the endpoint does not return (its response schema does not list it).' },
  'unknown-order-by-column': { severity: 'error', summary: 'An `order_by` column that the endpoint cannot order by.' },
  'invalid-order-direction': { severity: 'error', summary: 'An `order_by` entry is not `column`, `column:asc` or `column:desc`.' },
  'request-columns-unknown': { severity: 'info', summary: "The API reference this library was built from does not list the endpoint's `select` / `order_by` columns: they are not checked, and the cost is a lower bound." },
} as const satisfies Record<string, CodeInfo>;

/** A stable diagnostic code; see `docs/diagnostics.md`. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The severity a code is reported with. */
export function severityOf(code: DiagnosticCode): Severity {
  return DIAGNOSTIC_CODES[code].severity;
}
