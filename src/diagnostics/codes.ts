/*
 * Every diagnostic code the library can report, in one file: its severity,
 * the words of its messages and a one-line summary.
 *
 * Codes are stable public API: tools match on them, so a code is never
 * renamed or reused for another meaning. Add new codes at the end of their
 * section. `docs/diagnostics.md` documents each one (a test keeps the two in step).
 *
 * The codes are in one table per part of the library that reports them, and
 * each part reports through its own table (src/diagnostics/messages.ts), so
 * that a bundle of `compile` carries the words of the filter's codes and not
 * those of decompile, SQL or the cost of a request (issue 11, size).
 * {@link DIAGNOSTIC_CODES} joins them, with the summaries, for tools and docs.
 */

/** How much a diagnostic matters: only an `error` stops compilation; warnings and infos are advice. */
export type Severity = 'error' | 'warning' | 'info';

/** A code's entry in its table. */
export interface CodeInfo {
  readonly severity: Severity;
  /**
   * The code's message templates by variant (`default` when it has one
   * wording), with named arguments (`{column}`): call sites pass the
   * arguments only (src/diagnostics/messages.ts fills them in), as
   * TypeScript's `diagnosticMessages.json` does.
   */
  readonly messages: Readonly<Record<string, string>>;
}

/** Codes with their entries: one part of the library's codes. */
export type CodeTable = Readonly<Record<string, CodeInfo>>;

/** Reading and checking a filter (text, AST or `where` tree) and running its predicate: syntax, typing, static analysis, limits, rows and the entry points' options. */
export const FILTER_CODES = {
  // ---- text syntax (src/syntax)
  'unexpected-token': {
    severity: 'error',
    messages: {
      expected: 'Expected {expected}{after}, found {found}.',
      trailing: 'Expected `and`, `or` or the end of the filter, found {found}.',
      // src/syntax/typos.ts: `{message}` is one of the above, `{meant}` the keyword or operator in backticks.
      typo: '{message} Did you mean {meant}?',
      glued: '{message} Did you mean {meant} for {written}?',
      keywordValue: '{message} {found} is a keyword; a value spelt like one is written in quotes: {quoted}.',
      fix: 'Replace with {text}',
    },
  },
  'unexpected-end': { severity: 'error', messages: {} },
  'unknown-character': {
    severity: 'error',
    messages: {
      one: 'The character `{chars}` ({codePoint}) is not part of the language: expected a name, a value, an operator or a parenthesis.',
      many: 'The characters `{chars}` are not part of the language: expected a name, a value, an operator or a parenthesis.',
    },
  },
  'unterminated-string': {
    severity: 'error',
    messages: {
      string: 'This string has no closing {quote}; it was read to the end of the line.',
      name: 'This `quoted name` has no closing backtick; it was read to the end of the line.',
    },
  },
  'unterminated-regex': {
    severity: 'error',
    messages: {
      default: 'This /regex/ has no closing `/`; it was read to the end of the line. Write `\\/` for a slash inside the pattern.',
    },
  },
  'invalid-escape': {
    severity: 'error',
    messages: {
      default: 'Invalid escape `\\{escape}` in {what}: the escapes are {allowed}.',
      unicode: 'Invalid `\\u` escape: write `\\uXXXX` with four hex digits or `\\u{X…}` with at most 0x10FFFF.',
    },
  },
  'invalid-date': {
    severity: 'error',
    messages: {
      date: '{text} is not a real calendar date (YYYY-MM-DD).',
      datetime: '{text} is not a real date and time (YYYY-MM-DDThh:mm[:ss[.fff]] with an optional Z or ±hh:mm; at most 9 fraction digits).',
    },
  },
  'invalid-number': {
    severity: 'error',
    messages: {
      unsafe: '{subject}: {found} is beyond ±(2^53 − 1) = ±9007199254740991, where not every integer has a number of its own, so it could stand for its neighbours; use a value within that range.',
      infinite: 'The number of {subject} is too large to represent (it reads as {value}).',
      tooLarge: 'The number {text}{where} is too large to represent.',
      inexact: 'The number {text}{where} cannot be represented exactly (a number carries about 15 to 17 significant digits): it would reach the API as {printed}. Write {printed}, or fewer digits.',
    },
  },
  'empty-filter': {
    severity: 'error',
    messages: {
      default: 'The input holds no filter: write a condition such as `domain_rating_source >= 50`.',
      document: 'The document holds no filter.',
    },
  },

  // ---- typing (src/check)
  'unknown-column': {
    severity: 'error',
    messages: {
      default: 'Unknown column "{column}" on {endpoint}.',
      suggest: 'Unknown column "{column}" on {endpoint}; did you mean {names}?',
      fix: 'Replace with "{name}"',
    },
  },
  'unknown-modifier': {
    severity: 'error',
    messages: {
      default: 'Unknown modifier "{modifier}"; this endpoint accepts {accepted}.',
      none: 'Unknown modifier "{modifier}"; this endpoint accepts none.',
      cased: 'Unknown modifier "{modifier}"; this endpoint accepts {accepted} (modifier names are case-sensitive: write "{cased}").',
    },
  },
  'modifier-not-allowed': {
    severity: 'error',
    messages: {
      default: '{modifier} applies to string columns only; {column} is {article} column.',
      array: '{modifier} applies to string columns only; {column} is an array column.',
    },
  },
  'operator-not-allowed': {
    severity: 'error',
    messages: {
      default: '{subject}: {test} is not allowed; allowed: {allowed}.',
    },
  },
  'value-type-mismatch': {
    severity: 'error',
    messages: {
      column: '{column} is {article} column',
      element: 'Each element of {column} is {article}',
      default: '{subject}: expected {expected}, found {found}.',
      regex: '{subject}: expected a /regex/ pattern, found {found}.',
      regexElsewhere: '{subject}: expected {expected}: a /regex/ goes only with matches, found {found}.',
      enum: '{subject}: expected one of {values}, found {found}.',
      date: '{subject}: expected {expected} in ISO 8601 form, found {found}.',
      dateOnly: '{subject}: expected a date without a time (YYYY-MM-DD), found {found}.',
      fix: 'Replace with {text}',
    },
  },
  'unknown-enum-value': {
    severity: 'error',
    messages: {
      column: '"{value}" is not a value of {column}; expected one of {values}.',
      columnSuggest: '"{value}" is not a value of {column}; expected one of {values}; did you mean {names}?',
      element: '"{value}" is not a value of the elements of {column}; expected one of {values}.',
      elementSuggest: '"{value}" is not a value of the elements of {column}; expected one of {values}; did you mean {names}?',
      fix: 'Replace with {text}',
    },
  },
  'bare-word-value': {
    severity: 'error',
    messages: {
      default: '{subject}: only enum values may be written without quotes; write {quoted}.',
      fix: 'Replace with {text}',
    },
  },
  'null-value': {
    severity: 'error',
    messages: {
      default: 'null is not a value that can be compared; test for it with `{column} is null` / `{column} is not null`.',
      unresolved: 'null is not a value that can be compared; test for it with `is null` / `is not null`.',
      fix: 'Replace with {text}',
    },
  },
  'null-test-never-true': {
    severity: 'warning',
    messages: {
      text: '{column} is never null (the catalogue says so), so `{column} is null` is always false: it keeps no row.',
      textNegated: '{column} is never null (the catalogue says so), so `{column} is not null` is always true: it keeps every row.',
      json: '{column} is never null (the catalogue says so), so "is_null" is always false: it keeps no row.',
      jsonNegated: '{column} is never null (the catalogue says so), so {"not": … "is_null"} is always true: it keeps every row.',
    },
  },
  'array-needs-quantifier': {
    severity: 'error',
    messages: {
      default: '{column} is an array column: test its elements with any({column}) … or all({column}) …, or the array itself with is empty / is null.',
    },
  },
  'quantifier-needs-array': {
    severity: 'error',
    messages: {
      default: '{quantifier}(…) applies to array columns only; {column} is {article} column: test it directly, as in {column} {operator} ….',
    },
  },
  'invalid-regex': {
    severity: 'error',
    messages: {
      default: 'The regex for {column} is not valid RE2: {reason}.',
      at: 'The regex for {column} is not valid RE2: {reason} (at offset {offset} of the pattern).',
    },
  },
  'unsupported-regex-feature': {
    severity: 'error',
    messages: {
      default: 'The regex for {column} uses a feature RE2 lacks: {reason}.',
      at: 'The regex for {column} uses a feature RE2 lacks: {reason} (at offset {offset} of the pattern).',
    },
  },
  'wildcard-pattern-only': {
    severity: 'error',
    messages: {
      default: '{endpoint} matches {column} against wildcard patterns, not regexes: {reason}.',
      at: '{endpoint} matches {column} against wildcard patterns, not regexes: {reason} (at offset {offset} of the pattern).',
    },
  },
  'regex-too-large': {
    severity: 'error',
    messages: {
      default: 'The regex for {column} is too large: {reason}.',
      at: 'The regex for {column} is too large: {reason} (at offset {offset} of the pattern).',
    },
  },
  'regex-engine-missing': {
    severity: 'error',
    messages: {
      default: "The regex for {column} needs an RE2 engine to be evaluated locally (it is outside the patterns that run as a JavaScript RegExp: {reason}), and none is registered: add import 'ahrefs-where/re2' once to the program, before building the predicate.",
    },
  },
  'unchecked-column-type': {
    severity: 'warning',
    messages: {
      object: '{column} is an object column: the catalogue does not give its value type, so values and operators are not checked here.',
      path: '{field} is a field inside the object column {column}: the catalogue does not give its value type, so values and operators are not checked here.',
      elements: 'The elements of {column}: the catalogue does not give its value type, so values and operators are not checked here.',
    },
  },
  'filter-only-column': {
    severity: 'error',
    messages: {
      default: 'The API filters on "{column}" but never returns it in rows, so it cannot be evaluated locally.',
    },
  },
  'list-too-short': {
    severity: 'error',
    messages: {
      default: '`in (…)` on {column} needs at least two values; for one value write = instead.',
    },
  },

  // ---- static analysis: three-valued verdicts per column (src/check/analysis)
  'never-matches': {
    severity: 'warning',
    messages: {
      nullable: '{condition} is never true{detail}: it is false for every value of {column} and {nullValue} where {column} is null, so it keeps no row.{negation}',
      notNull: '{condition} is never true{detail}: it is false for every value of {column}, which is never null, so it keeps no row.{negation}',
      together: '{condition} are never all true: no value of {column} satisfies them together{nullable}, so together they keep no row.{negation}',
      any: '{condition} is never true of an element of {column}{detail}: false for every value, unknown for a null element, so any({column}) … keeps no row.',
      all: '{condition} is never true of an element of {column}{detail}: false for every value, unknown for a null element, so all({column}) … keeps only the rows where {column} is an empty array.',
      emptyRange: ' (the range is empty: {low} is above {high})',
      lowerCase: ' ({value} has lower-case letters, and uppercase(…) never has any)',
      nullableGroup: ' (and where {column} is null they are not true either)',
      negated: ' Under the `not` around it, the negation keeps every row where {column} is not null.',
      fixSwap: 'Swap the bounds: between {high} and {low}',
      fixUpper: 'Upper-case the value: {value}',
      fixEither: 'Keep the rows that pass either: {text}',
      fixRemove: 'Remove it (the or keeps the same rows)',
    },
  },
  'always-true-where-known': {
    severity: 'warning',
    messages: {
      nullable: '{condition} is true for every value of {column}, but it is no tautology: where {column} is null it is {nullValue}, so it keeps exactly the rows where {column} is not null.{negation}',
      notNull: '{condition} is true for every value of {column}, which is never null (the catalogue says so), so it keeps every row.{negation}',
      everyRow: '{condition} is true for every row, null {column} included: it filters nothing.{negation}',
      negated: ' Under the `not` around it, the negation keeps no row.',
      any: '{condition} is true for every non-null element of {column}: any({column}) … keeps exactly the rows where {column} has a non-null element.',
      all: '{condition} is true for every non-null element of {column}: all({column}) … keeps exactly the rows where {column} has no null element (an empty array included).',
      everyElement: '{condition} is true for every element of {column}, null ones included: any({column}) … keeps the rows where {column} is not empty, all({column}) … every row where {column} is not null.',
      fixNotNull: 'Replace with {text} (the same rows)',
      fixRemove: 'Remove it (the and keeps the same rows)',
    },
  },
  'redundant-condition': {
    severity: 'warning',
    messages: {
      operand: '{condition} repeats {other} in this {connective}: removing it keeps the same rows.',
      value: 'The value {value} is listed twice in this in (…): removing it keeps the same rows.',
      fix: 'Remove the repetition',
    },
  },
  'subsumed-condition': {
    severity: 'warning',
    messages: {
      and: '{condition} is implied by {other}: without it the {connective} gives the same result on every row (null included), so removing it keeps the same rows.',
      or: '{condition} is covered by {other}: without it the {connective} gives the same result on every row (null included), so removing it keeps the same rows.',
      fix: 'Remove {condition}',
    },
  },
  'analysis-limited': {
    severity: 'info',
    messages: {
      default: '{condition}: {size} values or ranges of {column} in one {connective}, more than the {limit} the static analysis compares, so they were not judged together (no warning here proves nothing), and simplify leaves them as written.',
    },
  },


  // ---- limits and rows
  'input-too-long': {
    severity: 'error',
    messages: {
      default: 'The {what} is {length} characters long, more than the limit of {limit} (the {option} option).',
    },
  },
  'text-over-limit': {
    severity: 'warning',
    messages: {
      default: 'The text is {length} characters long, more than the limit of {limit} that compile applies to text (the maxLength option): it spells API names, longer than the aliases the JSON may have been written from; compile it back with a maxLength of at least {length}.',
    },
  },
  'nesting-too-deep': {
    severity: 'error',
    messages: {
      default: 'The filter nests more than {limit} levels deep (the maxDepth option); flatten it or raise the limit.',
      stack: 'The filter is nested too deeply to read: the call stack ran out below the maxDepth limit of {limit}; flatten it or lower the limit.',
    },
  },
  'list-too-long': {
    severity: 'error',
    messages: {
      default: 'This {what} has {count} {items}, more than the limit of {limit} (the maxListLength option); split the filter or raise the limit.',
    },
  },
  'invalid-row': {
    severity: 'error',
    messages: {
      notJson: '{row} is not valid JSON ({reason}).',
      notObject: '{row} must be a JSON object, one row as the API returns it; found {found}.',
    },
  },

  // ---- entry points: options, trees built in code, internal failures (src/api)
  'invalid-option': {
    severity: 'error',
    messages: {
      'not-object': 'The options argument must be an object (or absent); found {found}.',
      catalogue: 'The catalogue option must be a catalogue built by defineCatalogue / loadCatalogue / getCatalogue, or an endpoint name such as "site-explorer/organic-keywords"; {found}.',
      unreadable: 'The {option} option could not be read: {reason}.',
      value: 'The {option} option must be {allowed}; found {found}.',
      'sql-options': 'toSql needs an options object with a dialect ({dialects}); found {found}.',
      'sql-params': 'The params option "{style}" does not fit {dialect}, whose clients bind {styles} parameters.',
      // src/emit/sql: the table layout and the loaders
      'sql-column-unknown': 'The columns option maps "{key}", which is not a returned column of {endpoint}.',
      'sql-column-clash': 'The columns option maps both "{first}" and "{second}" to the table column "{name}".',
      'sql-column-same-name': 'The table columns "{first}" and "{second}" are one column in {dialect}, {reason}; give one of them another name with the columns option.',
      'sql-nul': 'Table and column names cannot contain U+0000.',
      'sql-postgres-files': 'PostgreSQL does not read files here: load rows with postgresInsertBatches.',
      'sql-dialect-needed': '{function} needs dialect "{dialect}".',
    },
  },
  'unknown-catalogue': {
    severity: 'error',
    messages: {
      default: 'No built-in catalogue is named {name}; catalogueNames (ahrefs-where/catalogues) lists them all.',
      suggest: 'No built-in catalogue is named {name}; did you mean {names}?',
      directive: 'The endpoint directive names no endpoint: write "# endpoint: NAME" on the first line, NAME one of catalogueNames (ahrefs-where catalogues).',
      fix: 'Use "{name}"',
    },
  },
  'invalid-ast': {
    severity: 'error',
    messages: {
      source: 'Expected query text, a Document or a Filter tree; found {found}.',
      comments: 'A Document\'s "comments" must be an array; found {found}.',
      notNode: 'Expected {what}, an object whose "kind" is one of {kinds}; found {found}.',
      badKind: 'Expected {what}, whose "kind" is one of {kinds}; found {found}.',
      cyclic: 'The tree is cyclic: this node contains itself.',
      recoveryGap: 'A node of kind "invalid" is a gap left by parser error recovery, not a filter; compile the text instead, which reports the syntax error.',
      operands: '"{kind}" needs an array of one or more operands in "operands"; found {found}.',
      quantifier: 'A list node\'s "quantifier" must be "any" or "all"; found {found}.',
      range: '"range" must be absent or {start, end}, each {offset, line, column} of whole numbers ≥ 0; found {found}.',
      field: '"field" must be an object with a "name" that is a string (a column, an alias or a dotted path); found {found}.',
      modifier: '"modifier" must be absent or an object with a "name" that is a string; found {found}.',
      test: '"test" must be an object whose "kind" is one of {kinds}; found {found}.',
      op: 'A compare test\'s "op" must be one of the API\'s operators {ops}; found {found}.',
      values: 'An in test needs an array of values in "values"; found {found}.',
      literal: 'Expected a value, an object whose "kind" is one of {kinds}; found {found}.',
      literalValue: 'A value of kind "{kind}" holds {expected} in "value"; found {found}.',
      bare: '"bare" must be absent, true or false; found {found}.',
      unreadable: 'Reading this node failed: {reason}.',
    },
  },
  'too-many-nodes': {
    severity: 'error',
    messages: {
      default: 'The filter has more than {limit} nodes (the maxNodes option; a node reached twice counts twice, as every stage that expands the filter reads it twice); make it smaller or raise the limit.',
    },
  },
  'internal-error': {
    severity: 'error',
    messages: {
      stage: 'Internal error in {stage}; please report it with the input: {error}',
      input: 'The input could not be read: {reason}.',
      regex: 'The regex for {column} could not be checked: {reason}.',
      regexAt: 'The regex for {column} could not be checked: {reason} (at offset {offset} of the pattern).',
    },
  },
  'catalogue-not-loaded': {
    severity: 'error',
    messages: {
      default: "The columns of the endpoint {name} are in ahrefs-where/catalogues: import it once (import 'ahrefs-where/catalogues') before naming an endpoint other than site-explorer/all-backlinks, or pass getCatalogue({name}) from it.",
    },
  },
} as const satisfies CodeTable;

/** Reading `where` JSON back into the language (decompile, and JSON text such as a catalogue file). */
export const JSON_INPUT_CODES = {
  // ---- `where` JSON input (src/decompile)
  'json-syntax': {
    severity: 'error',
    messages: {
      default: 'Invalid JSON at line {line}, column {column} (offset {offset}): {reason}',
      catalogue: 'The catalogue is not valid JSON: {reason}',
    },
  },
  'json-invalid-node': {
    severity: 'error',
    messages: {
      noFilter: 'The input holds no filter.',
      unreadableKeys: 'The keys of this object cannot be read: {reason}.',
      unreadableValue: 'This value cannot be read (its getter throws: {reason}).',
      notArray: '"{kind}" must be an array of {what}s, found {found}.',
      notFilter: 'Expected a filter object ({"and": …}, {"or": …}, {"not": …} or {"field": …, "is": …}), found {found}.',
      emptyFilter: 'An empty object is not a filter; expected "and", "or", "not" or "field".',
      noField: 'A condition needs a "field" (the column name).',
      badField: '"field" must be a non-empty string (a column name), found {found}.',
      badModifier: 'The "modifier" of {subject} must be a non-empty string such as "uppercase", found {found}.',
      noTest: '{subject} needs "is" (a test of the value) or "list_is" (a test of an array\'s elements).',
      listIs: '"list_is"{of} must be {"any": …} or {"all": …}, found {found}.',
      listIsEmpty: '"list_is"{of} must be {"any": …} or {"all": …}, found an empty object.',
      notCondition: '{subject} must be [op, value], "empty", "is_null" or "and" / "or" / "not" over conditions, found {found}.',
      emptyCondition: '{subject} is an empty object; expected [op, value], "empty", "is_null", "and", "or" or "not".',
    },
  },
  'json-unknown-key': {
    severity: 'error',
    messages: {
      default: 'Unknown key {key} in {where}. Allowed: {allowed}.',
      suggest: 'Unknown key {key} in {where}; did you mean {names}? Allowed: {allowed}.',
      modifierWithList: '{subject} has "modifier", which is allowed only with "is", not with "list_is".',
      inElement: '{key} is not allowed inside "list_is"{of}: its conditions test the array element itself, written directly as ["eq", …].',
      fix: 'Did you mean "{name}"?',
    },
  },
  'json-ambiguous-node': {
    severity: 'error',
    messages: {
      kinds: 'An object holds {kinds} at once; use one per object and nest them.',
      mixed: 'An object holds "{kind}" and {keys} at once; put the condition inside the "{kind}".',
      isAndListIs: '{subject} holds both "is" and "list_is"; use "is" for a value and "list_is" for an array.',
      quantifiers: '"list_is"{of} holds both "any" and "all"; use one.',
    },
  },
  'json-empty-list': {
    severity: 'error',
    messages: {
      default: '"{kind}" needs at least one operand.',
    },
  },
  'json-unknown-operator': {
    severity: 'error',
    messages: {
      default: 'Unknown operator {op} in {subject}. The API accepts {ops}.',
      suggest: 'Unknown operator {op} in {subject}; did you mean {names}? The API accepts {ops}.',
    },
  },
  'json-invalid-condition': {
    severity: 'error',
    messages: {
      default: '{subject} must be [op, value], "empty" or "is_null"; found {found}.',
      object: '{subject} must be [op, value], "empty" or "is_null"; found {found}. To combine tests, put "and" / "or" / "not" around whole conditions.',
      null: '{subject} must be [op, value], "empty" or "is_null"; found null. To test for null, use "is_null".',
      oneItem: '{subject} has 1 item; [op, value] expected.',
      items: '{subject} has {count} items; [op, value] expected.',
      operator: 'The operator of {subject} must be a string such as "eq", found {found}.',
      value: 'The value of {subject} must be a string, a number or a boolean, found {found}.',
      valueNull: 'The value of {subject} must be a string, a number or a boolean, found null. To test for null, use the condition "is_null".',
      valueArray: 'The value of {subject} must be a string, a number or a boolean, found {found}. For a list of values, use "or" of "eq" conditions.',
    },
  },
  'json-missing-quantifier': {
    severity: 'error',
    messages: {
      default: '"list_is"{of} needs "any" or "all" around its condition: {"any": …} (some element) or {"all": …} (every element).',
      fix: 'Wrap it in {"all": …} (every element must match)',
    },
  },
  'json-boolean-as-number': {
    severity: 'info',
    messages: {
      default: 'Read {value} as {boolean} for a boolean column; the JSON emitted will say {boolean}.',
    },
  },
  'json-single-operand': {
    severity: 'info',
    messages: {
      default: 'This "{kind}" has one operand, so it means just that operand; the text leaves the "{kind}" out.',
    },
  },
  'json-field-alias': {
    severity: 'error',
    messages: {
      default: '{name} is a name of the query language, not of the API; `where` JSON names the column {quotedApiName}. Did you mean "{apiName}"?',
      fix: 'Replace with "{apiName}"',
    },
  },
  'json-duplicate-key': {
    severity: 'error',
    messages: {
      catalogue: 'The key {key} appears twice in one object of the catalogue; JSON parsers keep only the last, so one definition would silently replace the other. Remove one.',
      default: 'The key {key} appears twice in one object; JSON parsers keep only the last, and spec §1 allows each key once. Remove one.',
      condition: 'The key {key} appears twice in the condition on {field}; JSON parsers keep only the last, and spec §1 allows each key once. Remove one.',
    },
  },
} as const satisfies CodeTable;

/** Catalogue definitions (defineCatalogue, loadCatalogue). */
export const CATALOGUE_CODES = {
  // ---- catalogues (src/catalogue)
  'catalogue-invalid': {
    severity: 'error',
    messages: {
      columnName: 'Column name "{name}" must be letters, digits and underscores, not starting with a digit.',
      columnShape: 'Column "{name}" must be an object with at least a "type".',
      columnKey: 'Column "{name}" has an unknown key "{key}"; allowed: {allowed}.',
      nullable: 'Column "{name}": "nullable" must be true, false or null.',
      enumShape: 'Column "{name}": "enum" must be a non-empty array of strings.',
      enumType: 'Column "{name}": only string columns can have enum values, not {type}.',
      units: 'Column "{name}": "units" must be a whole number ≥ 0.',
      aliases: 'Column "{name}": "aliases" must be an array of identifier-like names.',
      description: 'Column "{name}": "description" must be a string.',
      returned: 'Column "{name}": "returned" must be a boolean.',
      modifiers: '"modifiers" must be an array of {name, appliesTo, description}.',
      modifier: 'A modifier needs a "name", "appliesTo" (value types) and a "description".',
      unreadable: 'The catalogue could not be read: {reason}.',
      shape: 'A catalogue must be an object {"name", "columns", "regexDialect"?, "modifiers"?}.',
      key: 'Unknown key "{key}"; a catalogue has "name", "columns", "regexDialect" and "modifiers".',
      name: 'The catalogue needs a "name" (the endpoint, for example "site-explorer/all-backlinks").',
      dialect: '"regexDialect" must be "re2" or "wildcard".',
      columns: '"columns" must be an object mapping each column name to its definition.',
    },
  },
  'catalogue-unknown-type': {
    severity: 'error',
    messages: {
      default: 'Column "{name}" has type {type}; expected one of {types} or array(T).',
    },
  },
  'catalogue-duplicate-name': {
    severity: 'error',
    messages: {
      default: 'Alias "{alias}" of "{column}" is already the name or an alias of "{other}".',
    },
  },
} as const satisfies CodeTable;

/** The language service (src/editor). */
export const EDITOR_CODES = {
  // ---- the language service (src/editor)
  'invalid-argument': {
    severity: 'error',
    messages: {
      text: '{fn}: the text must be a string; found {found}, read as empty text.',
    },
  },
} as const satisfies CodeTable;

/** The SQL back end: tables, loaders and the emitter (src/emit/sql). */
export const SQL_CODES = {
  // ---- SQL back end: tables and loaders (src/emit/sql/ddl.ts, load*.ts)
  'sql-unloadable-value': {
    severity: 'error',
    messages: {
      value: 'Row {index}, column "{column}": {reason}; the row is skipped.',
      missing: 'Row {index}, column "{column}": no value for a column the table declares NOT NULL (use nullable: "always" for partial rows); the row is skipped.',
    },
  },

  // ---- SQL back end: the emitter (src/emit/sql/, toSql)
  'sql-filter-only-column': { severity: 'error', messages: {} },
  'sql-untyped-column': { severity: 'error', messages: {} },
  'sql-regex-unsupported': { severity: 'error', messages: {} },
  'sql-case-divergence': { severity: 'warning', messages: {} },
  'sql-regex-unicode-divergence': { severity: 'warning', messages: {} },
} as const satisfies CodeTable;

/** The cost of a request: its `select` and `order_by` columns (src/api/cost.ts). */
export const REQUEST_CODES = {
  // ---- the cost of a request: select and order_by (src/api/cost.ts)
  'unknown-select-column': {
    severity: 'error',
    messages: {
      default: '{endpoint} does not return a column "{column}", so select cannot take it.',
      suggest: '{endpoint} does not return a column "{column}", so select cannot take it; did you mean {names}?',
      filterOnly: '"{column}" is a filter-only column of {endpoint}: where can test it, but rows never hold it, so select cannot take it.',
      fix: 'Replace with "{name}"',
      remove: 'Remove "{column}"',
    },
  },
  'unknown-order-by-column': {
    severity: 'error',
    messages: {
      default: '{endpoint} cannot order by "{column}": order_by takes the columns of its response schema.',
      suggest: '{endpoint} cannot order by "{column}"; did you mean {names}?',
      excluded: '{endpoint} returns "{column}" but does not support it in order_by.',
      filterOnly: '"{column}" is a filter-only column of {endpoint}: rows never hold it, so order_by cannot take it.',
      fix: 'Replace with "{name}"',
    },
  },
  'invalid-order-direction': {
    severity: 'error',
    messages: {
      default: 'The order_by entry "{entry}" must be a column, optionally followed by :asc or :desc.',
      fix: 'Replace with "{entry}"',
    },
  },
  'request-columns-unknown': {
    severity: 'info',
    messages: {
      default: 'The API reference this library was built from does not list the select and order_by columns of {endpoint}: they are not checked, and {columns} not among its where columns, so counted at 1 unit, the least a column costs: the total is a lower bound.',
      none: 'The API reference this library was built from does not list the select and order_by columns of {endpoint}: they are not checked; each is counted at the units of the where column of its name.',
    },
  },
} as const satisfies CodeTable;
/** Every code's entry. */
type AllCodes = typeof FILTER_CODES & typeof JSON_INPUT_CODES & typeof CATALOGUE_CODES & typeof EDITOR_CODES & typeof SQL_CODES & typeof REQUEST_CODES;

/**
 * One line per code: what it means, for docs and tools (`DIAGNOSTIC_CODES[code].summary`).
 * Apart from the tables, so that a bundle that reports a code does not carry the
 * documentation of every code (issue 11, size): the type makes a missing one an error.
 */
const CODE_SUMMARIES = {
  'unexpected-token': 'The parser expected something else at this point.',
  'unexpected-end': 'The filter ends where more was expected.',
  'unknown-character': 'A character that no token of the language starts with.',
  'unterminated-string': 'A quoted string has no closing quote.',
  'unterminated-regex': 'A /regex/ literal has no closing slash.',
  'invalid-escape': 'A backslash escape in a string that the language does not define.',
  'invalid-date': 'A date or datetime literal that is not a real calendar date or time.',
  'invalid-number': 'A number that cannot be represented exactly.',
  'empty-filter': 'The input holds no filter.',
  'unknown-column': 'The column is not in the catalogue of this endpoint.',
  'unknown-modifier': 'The modifier is not one the API documents.',
  'modifier-not-allowed': 'Modifiers apply to string columns only.',
  'operator-not-allowed': "The operator is not allowed for the column's type.",
  'value-type-mismatch': "The value's type does not fit the column.",
  'unknown-enum-value': 'The value is not one of the enum values of the column.',
  'bare-word-value': 'Only enum values may be written without quotes.',
  'null-value': '`null` is not a value: test for it with `is null`.',
  'null-test-never-true': 'On a column that is never null, `is null` is always false and `is not null` always true.',
  'array-needs-quantifier': 'Array columns are tested through any(…) or all(…).',
  'quantifier-needs-array': 'any(…) and all(…) apply to array columns only.',
  'invalid-regex': 'The pattern is not valid RE2 syntax.',
  'unsupported-regex-feature': 'The pattern uses a feature RE2 does not have (backreferences, lookaround).',
  'wildcard-pattern-only': "This endpoint's regex accepts only `*` wildcards.",
  'regex-too-large': 'The pattern compiles to a program larger than the documented limit that bounds evaluation time.',
  'regex-engine-missing': 'A predicate needs the RE2 engine for this pattern (it cannot run as a JavaScript RegExp) and none is registered: import `ahrefs-where/re2`.',
  'unchecked-column-type': 'The catalogue does not know this value type, so it is not checked.',
  'filter-only-column': 'The column can be filtered on by the API but is never returned in rows, so it cannot be evaluated locally.',
  'list-too-short': '`in (…)` needs at least two values.',
  'never-matches': 'A condition that no row makes true: false for every value of its column, and unknown (or false) where it is null.',
  'always-true-where-known': 'A condition true for every value of its column; where the column is null it is not true, so it is no tautology.',
  'redundant-condition': 'An operand that repeats another of the same `and` / `or`, or a value listed twice in `in (…)`: removing it keeps the same rows.',
  'subsumed-condition': 'An operand implied (in an `and`) or covered (in an `or`) by the others on its column: removing it keeps the same rows.',
  'analysis-limited': 'Operands on one column too many to compare (past the analysis\'s safety bound): not judged together, and simplify leaves them.',
  'input-too-long': 'The input is longer than the configured limit.',
  'text-over-limit': 'The text decompile prints is longer than compile reads (maxLength).',
  'nesting-too-deep': 'The filter is nested deeper than the configured limit.',
  'list-too-long': 'A list has more items than the configured limit.',
  'invalid-row': 'A row is not a JSON object.',
  'invalid-option': 'An option has a value it does not accept (the message names the option and what it accepts).',
  'unknown-catalogue': 'The catalogue option names no built-in endpoint.',
  'invalid-ast': 'A filter tree built in code does not have the shape of the AST.',
  'too-many-nodes': 'A filter tree built in code, or a `where` object, has more nodes than the configured limit (shared nodes count each time they are reached).',
  'internal-error': 'A bug: a stage failed unexpectedly; the message carries the error.',
  'catalogue-not-loaded': 'The catalogue option names a built-in endpoint whose columns are not loaded: import ahrefs-where/catalogues.',
  'json-syntax': 'The input is not valid JSON.',
  'json-invalid-node': 'A node of the `where` tree has the wrong shape.',
  'json-unknown-key': 'An object of the `where` tree has a key the grammar does not allow.',
  'json-ambiguous-node': 'An object holds two alternatives at once (for example `and` and `or`).',
  'json-empty-list': '`and` / `or` need at least one operand.',
  'json-unknown-operator': 'The operator is not one of the 13 the API accepts.',
  'json-invalid-condition': 'A condition is not `[op, value]`, `"empty"` or `"is_null"`.',
  'json-missing-quantifier': '`list_is` needs `any` or `all` around its condition.',
  'json-boolean-as-number': '`1` / `0` for a boolean column was read as `true` / `false`.',
  'json-single-operand': 'An `and` / `or` with one operand means its operand; the text drops the wrapper.',
  'json-field-alias': 'The `field` is an alias of the query language (`DR`); `where` JSON names columns by their API names.',
  'json-duplicate-key': 'An object of JSON text (`where` JSON, a catalogue) has the same key twice (JSON parsers would keep only the last).',
  'catalogue-invalid': 'The catalogue JSON has the wrong shape.',
  'catalogue-unknown-type': 'A column type the catalogue model does not know.',
  'catalogue-duplicate-name': 'Two columns or aliases share one name.',
  'invalid-argument': 'A language-service function got text that is not a string; it was read as empty text.',
  'sql-unloadable-value': 'A row value cannot be stored in the table as the predicate reads it (U+0000 in PostgreSQL text, a value of another type than its column); the row is skipped.',
  'sql-filter-only-column': 'The column can be filtered on by the API but is never returned in rows, so no table holds it and SQL cannot test it.',
  'sql-untyped-column': 'A field inside an object column, or an element of an untyped array: the table keeps it as JSON, which toSql does not test.',
  'sql-regex-unsupported': "PostgreSQL's regular expressions cannot express this RE2 pattern with the same meaning.",
  'sql-case-divergence': "A case-dependent test's value holds a character whose case mapping (Unicode 16) the dialect's tables lack, so rows may differ from the predicate.",
  'sql-regex-unicode-divergence': "DuckDB, ClickHouse: the regex reads the engine's RE2 Unicode tables (\\pL, \\p{…}, (?i) on non-ASCII), older than the predicate's, so rows holding newer characters may differ.",
  'unknown-select-column': 'A `select` column that the endpoint does not return (its response schema does not list it).',
  'unknown-order-by-column': 'An `order_by` column that the endpoint cannot order by.',
  'invalid-order-direction': 'An `order_by` entry is not `column`, `column:asc` or `column:desc`.',
  'request-columns-unknown': "The API reference this library was built from does not list the endpoint's `select` / `order_by` columns: they are not checked, and the cost is a lower bound.",
} as const satisfies { readonly [C in keyof AllCodes]: string };

/**
 * Joins the tables, adding each code's summary to its entry. The tables
 * come by name: in the minified dist that call is still recognisable
 * (`f({FILTER_CODES:…`), so the build can put back its pure mark
 * (scripts/json-as-parse.ts, keepDataPure) and an app that does not read
 * `DIAGNOSTIC_CODES` bundles no table it does not report from.
 */
function joinCodeTables(tables: Readonly<Record<string, CodeTable>>): {
  readonly [C in keyof AllCodes]: { readonly severity: AllCodes[C]['severity']; readonly summary: (typeof CODE_SUMMARIES)[C]; readonly messages: AllCodes[C]['messages'] };
} {
  const all: Record<string, CodeInfo & { summary: string }> = {};
  for (const table of Object.values(tables)) {
    for (const [code, info] of Object.entries(table)) all[code] = { ...info, summary: CODE_SUMMARIES[code as keyof AllCodes] };
  }
  return all as never;
}

/**
 * Every diagnostic code the library can report, with its severity, a
 * one-line `summary` and its message templates.
 */
export const DIAGNOSTIC_CODES = /* @__PURE__ */ joinCodeTables({ FILTER_CODES, JSON_INPUT_CODES, CATALOGUE_CODES, EDITOR_CODES, SQL_CODES, REQUEST_CODES });

/** A stable diagnostic code; see `docs/diagnostics.md`. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The severity a code is reported with. */
export function severityOf(code: DiagnosticCode): Severity {
  return DIAGNOSTIC_CODES[code].severity;
}
