/**
 * The words of every diagnostic, beside its code: each code has one or more
 * message templates with named arguments (`{column}`), and call sites pass the
 * arguments only, as TypeScript's `diagnosticMessages.json` does. So one
 * problem has one wording wherever it is found, and the wording can be read
 * (and reviewed) in one place.
 *
 * The argument names of a template are checked at compile time: a call that
 * forgets one, or passes one the template does not use, does not type-check.
 */
import type { DiagnosticCode } from './codes.js';
import { diagnostic, type Diagnostic, type Location, type Suggestion } from './diagnostic.js';

/** The templates of each code, by variant name (`default` when a code has one wording). */
export const MESSAGES = {
  // ---- limits
  'input-too-long': {
    default: 'The {what} is {length} characters long, more than the limit of {limit} (the {option} option).',
  },
  'nesting-too-deep': {
    default: 'The filter nests more than {limit} levels deep (the maxDepth option); flatten it or raise the limit.',
    stack: 'The filter is nested too deeply to read: the call stack ran out below the maxDepth limit of {limit}; flatten it or lower the limit.',
  },
  'list-too-long': {
    default: 'This {what} has {count} {items}, more than the limit of {limit} (the maxListLength option); split the filter or raise the limit.',
  },
  // ---- text: the lexer and the parser (src/syntax). `{found}` is a token in backticks or "the end of the filter".
  'unexpected-token': {
    expected: 'Expected {expected}{after}, found {found}.',
    trailing: 'Expected `and`, `or` or the end of the filter, found {found}.',
    // src/syntax/typos.ts: `{message}` is one of the above, `{meant}` the keyword or operator in backticks.
    typo: '{message} Did you mean {meant}?',
    glued: '{message} Did you mean {meant} for {written}?',
    keywordValue: '{message} {found} is a keyword; a value spelt like one is written in quotes: {quoted}.',
    fix: 'Replace with {text}',
  },
  'unknown-character': {
    one: 'The character `{chars}` ({codePoint}) is not part of the language: expected a name, a value, an operator or a parenthesis.',
    many: 'The characters `{chars}` are not part of the language: expected a name, a value, an operator or a parenthesis.',
  },
  'empty-filter': {
    default: 'The input holds no filter: write a condition such as `domain_rating_source >= 50`.',
    document: 'The document holds no filter.',
  },
  'unterminated-string': {
    string: 'This string has no closing {quote}; it was read to the end of the line.',
    name: 'This `quoted name` has no closing backtick; it was read to the end of the line.',
  },
  'unterminated-regex': {
    default: 'This /regex/ has no closing `/`; it was read to the end of the line. Write `\\/` for a slash inside the pattern.',
  },
  'invalid-escape': {
    default: 'Invalid escape `\\{escape}` in {what}: the escapes are {allowed}.',
    unicode: 'Invalid `\\u` escape: write `\\uXXXX` with four hex digits or `\\u{X…}` with at most 0x10FFFF.',
  },
  'invalid-date': {
    date: '{text} is not a real calendar date (YYYY-MM-DD).',
    datetime: '{text} is not a real date and time (YYYY-MM-DDThh:mm[:ss[.fff]] with an optional Z or ±hh:mm; at most 9 fraction digits).',
  },
  // ---- catalogue definitions (src/catalogue/define.ts)
  'catalogue-invalid': {
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
  'unknown-catalogue': {
    default: 'No built-in catalogue is named {name}; catalogueNames (ahrefs-where/catalogues) lists them all.',
    suggest: 'No built-in catalogue is named {name}; did you mean {names}?',
    directive: 'The endpoint directive names no endpoint: write "# endpoint: NAME" on the first line, NAME one of catalogueNames (ahrefs-where catalogues).',
    fix: 'Use "{name}"',
  },
  'catalogue-unknown-type': {
    default: 'Column "{name}" has type {type}; expected one of {types} or array(T).',
  },
  'catalogue-duplicate-name': {
    default: 'Alias "{alias}" of "{column}" is already the name or an alias of "{other}".',
  },
  // ---- arguments of the entry points
  'invalid-argument': {
    text: '{fn}: the text must be a string; found {found}, read as empty text.',
  },
  'invalid-option': {
    'not-object': 'The options argument must be an object (or absent); found {found}.',
    catalogue: 'The catalogue option must be a catalogue built by defineCatalogue / loadCatalogue / getCatalogue, or an endpoint name such as "site-explorer/organic-keywords"; {found}.',
    unreadable: 'The {option} option could not be read: {reason}.',
    value: 'The {option} option must be {allowed}; found {found}.',
    'sql-options': 'toSql needs an options object with a dialect ({dialects}); found {found}.',
    'sql-params': 'The params option "{style}" does not fit {dialect}, whose clients bind {styles} parameters.',
    // src/emit/sql: the table layout and the loaders
    'sql-column-unknown': 'The columns option maps "{key}", which is not a returned column of {endpoint}.',
    'sql-column-clash': 'The columns option maps both "{first}" and "{second}" to the table column "{name}".',
    'sql-nul': 'Table and column names cannot contain U+0000.',
    'sql-postgres-files': 'PostgreSQL does not read files here: load rows with postgresInsertBatches.',
    'sql-dialect-needed': '{function} needs dialect "{dialect}".',
  },
  // ---- the cost of a request (src/api/cost.ts): select and order_by, checked against the endpoint's reference
  'unknown-select-column': {
    default: '{endpoint} does not return a column "{column}", so select cannot take it.',
    suggest: '{endpoint} does not return a column "{column}", so select cannot take it; did you mean {names}?',
    filterOnly: '"{column}" is a filter-only column of {endpoint}: where can test it, but rows never hold it, so select cannot take it.',
    fix: 'Replace with "{name}"',
    remove: 'Remove "{column}"',
  },
  'unknown-order-by-column': {
    default: '{endpoint} cannot order by "{column}": order_by takes the columns of its response schema.',
    suggest: '{endpoint} cannot order by "{column}"; did you mean {names}?',
    excluded: '{endpoint} returns "{column}" but does not support it in order_by.',
    filterOnly: '"{column}" is a filter-only column of {endpoint}: rows never hold it, so order_by cannot take it.',
    fix: 'Replace with "{name}"',
  },
  'invalid-order-direction': {
    default: 'The order_by entry "{entry}" must be a column, optionally followed by :asc or :desc.',
    fix: 'Replace with "{entry}"',
  },
  'request-columns-unknown': {
    default: 'The API reference this library was built from does not list the select and order_by columns of {endpoint}: they are not checked, and {columns} not among its where columns, so counted at 1 unit, the least a column costs: the total is a lower bound.',
    none: 'The API reference this library was built from does not list the select and order_by columns of {endpoint}: they are not checked; each is counted at the units of the where column of its name.',
  },
  // ---- filter trees built in code (src/ast/validate.ts reports the variant and arguments; src/api words them)
  'invalid-ast': {
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
  // ---- the API layer (src/api) and the CLI (src/cli)
  'filter-only-column': {
    default: 'The API filters on "{column}" but never returns it in rows, so it cannot be evaluated locally.',
  },
  'invalid-row': {
    notJson: '{row} is not valid JSON ({reason}).',
    notObject: '{row} must be a JSON object, one row as the API returns it; found {found}.',
  },
  'sql-unloadable-value': {
    value: 'Row {index}, column "{column}": {reason}; the row is skipped.',
    missing: 'Row {index}, column "{column}": no value for a column the table declares NOT NULL (use nullable: "always" for partial rows); the row is skipped.',
  },
  // ---- static analysis (src/check/analysis): each says which rows the condition keeps under three-valued logic
  'never-matches': {
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
  'always-true-where-known': {
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
  'redundant-condition': {
    operand: '{condition} repeats {other} in this {connective}: removing it keeps the same rows.',
    value: 'The value {value} is listed twice in this in (…): removing it keeps the same rows.',
    fix: 'Remove the repetition',
  },
  'analysis-limited': {
    default: '{condition}: {size} values or ranges of {column} in one {connective}, more than the {limit} the static analysis compares, so they were not judged together (no warning here proves nothing), and simplify leaves them as written.',
  },
  'subsumed-condition': {
    and: '{condition} is implied by {other}: without it the {connective} gives the same result on every row (null included), so removing it keeps the same rows.',
    or: '{condition} is covered by {other}: without it the {connective} gives the same result on every row (null included), so removing it keeps the same rows.',
    fix: 'Remove {condition}',
  },
  'too-many-nodes': {
    default: 'The filter has more than {limit} nodes (the maxNodes option; a node reached twice counts twice, as every stage that expands the filter reads it twice); make it smaller or raise the limit.',
  },
  // ---- the type checker (src/check). `{subject}` is the `subject` phrase of value-type-mismatch, filled first.
  'unknown-column': {
    default: 'Unknown column "{column}" on {endpoint}.',
    suggest: 'Unknown column "{column}" on {endpoint}; did you mean {names}?',
    fix: 'Replace with "{name}"',
  },
  'unknown-modifier': {
    default: 'Unknown modifier "{modifier}"; this endpoint accepts {accepted}.',
    none: 'Unknown modifier "{modifier}"; this endpoint accepts none.',
    cased: 'Unknown modifier "{modifier}"; this endpoint accepts {accepted} (modifier names are case-sensitive: write "{cased}").',
  },
  'modifier-not-allowed': {
    default: '{modifier} applies to string columns only; {column} is {article} column.',
    array: '{modifier} applies to string columns only; {column} is an array column.',
  },
  'unchecked-column-type': {
    object: '{column} is an object column: the catalogue does not give its value type, so values and operators are not checked here.',
    path: '{field} is a field inside the object column {column}: the catalogue does not give its value type, so values and operators are not checked here.',
    elements: 'The elements of {column}: the catalogue does not give its value type, so values and operators are not checked here.',
  },
  'array-needs-quantifier': {
    default: '{column} is an array column: test its elements with any({column}) … or all({column}) …, or the array itself with is empty / is null.',
  },
  'quantifier-needs-array': {
    default: '{quantifier}(…) applies to array columns only; {column} is {article} column: test it directly, as in {column} {operator} ….',
  },
  'null-test-never-true': {
    text: '{column} is never null (the catalogue says so), so `{column} is null` is always false: it keeps no row.',
    textNegated: '{column} is never null (the catalogue says so), so `{column} is not null` is always true: it keeps every row.',
    json: '{column} is never null (the catalogue says so), so "is_null" is always false: it keeps no row.',
    jsonNegated: '{column} is never null (the catalogue says so), so {"not": … "is_null"} is always true: it keeps every row.',
  },
  'operator-not-allowed': {
    default: '{subject}: {test} is not allowed; allowed: {allowed}.',
  },
  'list-too-short': {
    default: '`in (…)` on {column} needs at least two values; for one value write = instead.',
  },
  'null-value': {
    default: 'null is not a value that can be compared; test for it with `{column} is null` / `{column} is not null`.',
    unresolved: 'null is not a value that can be compared; test for it with `is null` / `is not null`.',
    fix: 'Replace with {text}',
  },
  'value-type-mismatch': {
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
  'unknown-enum-value': {
    column: '"{value}" is not a value of {column}; expected one of {values}.',
    columnSuggest: '"{value}" is not a value of {column}; expected one of {values}; did you mean {names}?',
    element: '"{value}" is not a value of the elements of {column}; expected one of {values}.',
    elementSuggest: '"{value}" is not a value of the elements of {column}; expected one of {values}; did you mean {names}?',
    fix: 'Replace with {text}',
  },
  'bare-word-value': {
    default: '{subject}: only enum values may be written without quotes; write {quoted}.',
    fix: 'Replace with {text}',
  },
  'invalid-regex': {
    default: 'The regex for {column} is not valid RE2: {reason}.',
    at: 'The regex for {column} is not valid RE2: {reason} (at offset {offset} of the pattern).',
  },
  'unsupported-regex-feature': {
    default: 'The regex for {column} uses a feature RE2 lacks: {reason}.',
    at: 'The regex for {column} uses a feature RE2 lacks: {reason} (at offset {offset} of the pattern).',
  },
  'regex-engine-missing': {
    default: "The regex for {column} needs an RE2 engine to be evaluated locally (it is outside the patterns that run as a JavaScript RegExp: {reason}), and none is registered: add import 'ahrefs-where/re2' once to the program, before building the predicate.",
  },
  'regex-too-large': {
    default: 'The regex for {column} is too large: {reason}.',
    at: 'The regex for {column} is too large: {reason} (at offset {offset} of the pattern).',
  },
  'wildcard-pattern-only': {
    default: '{endpoint} matches {column} against wildcard patterns, not regexes: {reason}.',
    at: '{endpoint} matches {column} against wildcard patterns, not regexes: {reason} (at offset {offset} of the pattern).',
  },
  // ---- the decompiler (src/decompile): `where` JSON. `{subject}` names the condition (`the condition on "anchor"`).
  'json-syntax': {
    default: 'Invalid JSON at line {line}, column {column} (offset {offset}): {reason}',
    catalogue: 'The catalogue is not valid JSON: {reason}',
  },
  'json-field-alias': {
    default: '{name} is a name of the query language, not of the API; `where` JSON names the column {quotedApiName}. Did you mean "{apiName}"?',
    fix: 'Replace with "{apiName}"',
  },
  'json-boolean-as-number': {
    default: 'Read {value} as {boolean} for a boolean column; the JSON emitted will say {boolean}.',
  },
  'json-single-operand': {
    default: 'This "{kind}" has one operand, so it means just that operand; the text leaves the "{kind}" out.',
  },
  'json-duplicate-key': {
    default: 'The key {key} appears twice in one object; JSON parsers keep only the last, and spec §1 allows each key once. Remove one.',
    condition: 'The key {key} appears twice in the condition on {field}; JSON parsers keep only the last, and spec §1 allows each key once. Remove one.',
  },
  'json-invalid-node': {
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
  'json-unknown-key': {
    default: 'Unknown key {key} in {where}. Allowed: {allowed}.',
    suggest: 'Unknown key {key} in {where}; did you mean {names}? Allowed: {allowed}.',
    modifierWithList: '{subject} has "modifier", which is allowed only with "is", not with "list_is".',
    inElement: '{key} is not allowed inside "list_is"{of}: its conditions test the array element itself, written directly as ["eq", …].',
    fix: 'Did you mean "{name}"?',
  },
  'json-ambiguous-node': {
    kinds: 'An object holds {kinds} at once; use one per object and nest them.',
    mixed: 'An object holds "{kind}" and {keys} at once; put the condition inside the "{kind}".',
    isAndListIs: '{subject} holds both "is" and "list_is"; use "is" for a value and "list_is" for an array.',
    quantifiers: '"list_is"{of} holds both "any" and "all"; use one.',
  },
  'json-empty-list': {
    default: '"{kind}" needs at least one operand.',
  },
  'json-invalid-condition': {
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
  'json-unknown-operator': {
    default: 'Unknown operator {op} in {subject}. The API accepts {ops}.',
    suggest: 'Unknown operator {op} in {subject}; did you mean {names}? The API accepts {ops}.',
  },
  'json-missing-quantifier': {
    default: '"list_is"{of} needs "any" or "all" around its condition: {"any": …} (some element) or {"all": …} (every element).',
    fix: 'Wrap it in {"all": …} (every element must match)',
  },
  'invalid-number': {
    unsafe: '{subject}: {found} is beyond ±(2^53 − 1) = ±9007199254740991, where not every integer has a number of its own, so it could stand for its neighbours; use a value within that range.',
    infinite: 'The number of {subject} is too large to represent (it reads as {value}).',
    tooLarge: 'The number {text}{where} is too large to represent.',
    inexact: 'The number {text}{where} cannot be represented exactly (a number carries about 15 to 17 significant digits): it would reach the API as {printed}. Write {printed}, or fewer digits.',
  },
  'internal-error': {
    stage: 'Internal error in {stage}; please report it with the input: {error}',
    input: 'The input could not be read: {reason}.',
    regex: 'The regex for {column} could not be checked: {reason}.',
    regexAt: 'The regex for {column} could not be checked: {reason} (at offset {offset} of the pattern).',
  },
} as const satisfies Partial<Record<DiagnosticCode, Readonly<Record<string, string>>>>;

/** The codes that have templates. */
export type TemplatedCode = keyof typeof MESSAGES;

/** The variants of a code's templates. */
export type MessageVariant<C extends TemplatedCode> = keyof (typeof MESSAGES)[C] & string;

/** The `{name}` placeholders of a template, as a union of names. */
type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? (IsName<Name> extends true ? Name : never) | Placeholders<Rest>
  : never;

/** True for a placeholder name (letters only, like {@link PLACEHOLDER}): JSON in a template (`{"all": …}`) is text, not an argument. */
type IsName<N extends string> = N extends '' ? false : N extends `${string}${' ' | '"' | ':' | '…' | '{' | '.' | ','}${string}` ? false : true;

/** The arguments a template takes. */
export type MessageArgs<C extends TemplatedCode, V extends MessageVariant<C>> =
  (typeof MESSAGES)[C][V] extends infer T extends string ? { readonly [K in Placeholders<T>]: string | number } : never;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Fills a template. A missing argument is a programming error the types already rule out; it prints as `{name}`. */
export function formatMessage<C extends TemplatedCode, V extends MessageVariant<C>>(code: C, variant: V, args: MessageArgs<C, V>): string {
  const template = (MESSAGES[code] as Readonly<Record<string, string>>)[variant]!;
  const values = args as Readonly<Record<string, string | number>>;
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/**
 * Builds a diagnostic from its code, template variant and arguments: the one
 * way stages report problems.
 *
 * @example
 * report('nesting-too-deep', 'default', { limit: 128 }, { range });
 */
export function report<C extends TemplatedCode, V extends MessageVariant<C>>(
  code: C,
  variant: V,
  args: MessageArgs<C, V>,
  location: Location = {},
  suggestions?: readonly Suggestion[],
): Diagnostic {
  return diagnostic(code, formatMessage(code, variant, args), location, suggestions);
}
