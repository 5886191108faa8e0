/**
 * The words of the language: keywords, modifiers, quantifiers and the
 * spelling of every comparison operator. Every stage that reads or writes
 * text (lexer, printer, explain, decompiler, editor, test kit) derives from
 * these tables, as TypeScript's scanner tables (`textToKeywordObj`,
 * `tokenToString`) serve its parser, emitter and classifier alike.
 */

/** The 13 comparison operators of the API, by their JSON names, in the order spec §1 lists them. */
export const COMPARE_OPS = Object.freeze([
  'eq', 'neq', 'gt', 'gte', 'lt', 'lte',
  'substring', 'isubstring', 'phrase_match', 'iphrase_match', 'prefix', 'suffix', 'regex',
] as const);

/** A comparison operator of the API, by its JSON name. */
export type CompareOp = (typeof COMPARE_OPS)[number];

/** The six operators that order values. */
export const ORDERING_OPS = Object.freeze(['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const satisfies readonly CompareOp[]);

/**
 * The keywords, lower case. Keywords are matched case-insensitively (`AND`
 * is `and`); a name or bare value spelled like one must be quoted.
 */
export const KEYWORDS = Object.freeze([
  'and', 'or', 'not', 'in', 'between', 'is', 'null', 'empty', 'true', 'false',
  'icontains', 'contains', 'phrase', 'starts', 'ends', 'with', 'matches', 'any', 'all',
] as const);

/** A keyword of the language. */
export type Keyword = (typeof KEYWORDS)[number];

const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

/** True when `word` is a keyword in any letter case. */
export function isKeyword(word: string): boolean {
  return KEYWORD_SET.has(word.toLowerCase());
}

/** The boolean connectives. */
export const CONNECTIVES = Object.freeze(['and', 'or', 'not'] as const satisfies readonly Keyword[]);

/** The quantifiers over array columns: `any(col) …`, `all(col) …`. */
export const QUANTIFIERS = Object.freeze(['any', 'all'] as const satisfies readonly Keyword[]);

/**
 * The modifiers, applied to a string column before its test. Names are
 * case-sensitive, like column names: `uppercase(anchor)`, never `Uppercase`.
 */
export const MODIFIERS = Object.freeze(['uppercase'] as const);

/** The keywords that spell a test after a column (`in`, `is null`, `starts with`, …): editors show them as operators. */
export const TEST_KEYWORDS = Object.freeze([
  'in', 'between', 'is', 'null', 'empty', 'contains', 'icontains', 'phrase', 'starts', 'ends', 'with', 'matches',
] as const satisfies readonly Keyword[]);

const TEST_KEYWORD_SET: ReadonlySet<string> = new Set(TEST_KEYWORDS);

/** True for a keyword of {@link TEST_KEYWORDS} (lower case, as the editor's tokens spell keywords). */
export function isTestKeyword(word: string): boolean {
  return TEST_KEYWORD_SET.has(word);
}

/** How the text language writes each comparison operator. */
export const OPERATOR_TEXT: Readonly<Record<CompareOp, string>> = Object.freeze({
  eq: '=', neq: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=',
  substring: 'contains', isubstring: 'icontains', phrase_match: 'contains phrase', iphrase_match: 'icontains phrase',
  prefix: 'starts with', suffix: 'ends with', regex: 'matches',
});

/** The operator a text spelling stands for (`starts with` → `prefix`). Spellings are lower case, one space between words. */
export const TEXT_OPERATORS: ReadonlyMap<string, CompareOp> = new Map(
  COMPARE_OPS.map((op) => [OPERATOR_TEXT[op], op] as const),
);

/** True for the operators written as words, which take `not` before them (`not contains`); symbols do not. */
export function isWordOperator(op: CompareOp): boolean {
  return !(ORDERING_OPS as readonly string[]).includes(op);
}

/** The JSON spelling of the two value-free tests. */
export const TEST_JSON = Object.freeze({ empty: 'empty', null: 'is_null' } as const);
