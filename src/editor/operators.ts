/**
 * The tests of the language as editors present them: which column types each
 * applies to (spec §3), what it needs after it, and its `where` JSON form.
 * Kept as one table so that completion and hover can never disagree.
 */
import type { Column, ValueType } from '../catalogue/index.js';
import { TYPE_RULES, typeKeyOf } from '../check/index.js';
import { OPERATOR_TEXT, TEST_JSON, type CompareOp } from '../vocabulary/index.js';
import { code, plain } from './markdown.js';

/** What the value position of a column test holds: the shape the tests depend on. */
export interface TestTarget {
  readonly type: ValueType;
  /** True for enum columns: only `=`, `!=` and `in` apply. */
  readonly enumerated: boolean;
  readonly nullable: boolean;
  /** True for an array column tested directly (not through any/all): only `is [not] empty` / `is [not] null`. */
  readonly array: boolean;
  /** The comparison operators the checker's typing table allows (src/check/rules.ts). */
  readonly ops: readonly CompareOp[];
  /** Whether `is empty` applies. */
  readonly empty: boolean;
}

/** What an operator needs after it. */
export type OperatorArity = 'value' | 'regex' | 'none' | 'list' | 'range';

/** One test as offered by completion and explained by hover. */
export interface OperatorInfo {
  /** As written, lower-case: `>=`, `starts with`, `is not null`. */
  readonly label: string;
  readonly arity: OperatorArity;
  /** The `where` JSON it compiles to, with `v` for the value. */
  readonly json: string;
  readonly doc: string;
  readonly applies: (t: TestTarget) => boolean;
  /** True for the tests `not` may precede in a test position (`not in`, `not starts with`). */
  readonly negatable?: boolean;
}

// Applicability comes from the checker's typing table, so completion never offers what the checker rejects.
const op = (name: CompareOp) => (t: TestTarget) => !t.array && t.ops.includes(name);
const listed = (t: TestTarget) => !t.array && t.type !== 'boolean'; // `in (true, false)` is legal but never useful
const ranged = (t: TestTarget) => !t.array && t.ops.includes('gte') && t.ops.includes('lte');
const emptiable = (t: TestTarget) => t.array || t.empty;

/** A comparison test, spelled as the vocabulary spells it (`OPERATOR_TEXT`), with its JSON form. */
function compare(name: CompareOp, doc: string, extra: Partial<OperatorInfo> = {}): OperatorInfo {
  const arity: OperatorArity = name === 'regex' ? 'regex' : 'value';
  return { label: OPERATOR_TEXT[name], arity, json: `["${name}", v]`, doc, applies: op(name), ...extra };
}

/** A test under `not`, as written after a column (`not contains`): the negated JSON of `base`. */
function negated(base: OperatorInfo, json: string, doc: string): OperatorInfo {
  return { label: `not ${base.label}`, arity: base.arity, json, doc, applies: base.applies };
}

const NEGATABLE = { negatable: true } as const;
const IN: OperatorInfo = { label: 'in', ...NEGATABLE, arity: 'list', json: '{"or": [["eq", a], ["eq", b], …]}', doc: 'Equal to one of two or more values: `in (a, b)`.', applies: listed };
const BETWEEN: OperatorInfo = { label: 'between', ...NEGATABLE, arity: 'range', json: '{"and": [["gte", low], ["lte", high]]}', doc: 'Within an inclusive range: `between low and high`.', applies: ranged };
const CONTAINS = compare('substring', 'Contains the text (case-sensitive).', NEGATABLE);
const EMPTY: OperatorInfo = { label: 'is empty', arity: 'none', json: `"${TEST_JSON.empty}"`, doc: 'Is `""` or `[]` (unknown when null).', applies: emptiable };
const NULL: OperatorInfo = { label: 'is null', arity: 'none', json: `"${TEST_JSON.null}"`, doc: 'Has no value (or is absent from the row).', applies: (t) => t.nullable };

/** Every test, in the order completion lists them. */
export const OPERATORS: readonly OperatorInfo[] = [
  compare('eq', 'Equal to the value.'),
  compare('neq', 'Not equal to the value (unknown when the column is null).'),
  compare('gt', 'Greater than the value.'),
  compare('gte', 'Greater than or equal to the value.'),
  compare('lt', 'Less than the value.'),
  compare('lte', 'Less than or equal to the value.'),
  IN,
  negated(IN, '{"not": {"or": [["eq", a], …]}}', 'Equal to none of the values.'),
  BETWEEN,
  negated(BETWEEN, '{"not": {"and": [["gte", low], ["lte", high]]}}', 'Outside an inclusive range.'),
  CONTAINS,
  negated(CONTAINS, '{"not": … ["substring", v]}', 'Does not contain the text (case-sensitive).'),
  compare('isubstring', 'Contains the text, ignoring case.', NEGATABLE),
  compare('phrase_match', 'Contains the words, consecutive and whole.', NEGATABLE),
  compare('iphrase_match', 'Contains the words, consecutive and whole, ignoring case.', NEGATABLE),
  compare('prefix', 'Starts with the text (case-sensitive).', NEGATABLE),
  compare('suffix', 'Ends with the text (case-sensitive).', NEGATABLE),
  compare('regex', 'Matches the pattern anywhere: `matches /^https?:/`.', NEGATABLE),
  EMPTY,
  { ...EMPTY, label: 'is not empty', json: `{"not": … "${TEST_JSON.empty}"}`, doc: 'Is neither `""` nor `[]`.' },
  NULL,
  { ...NULL, label: 'is not null', json: `{"not": … "${TEST_JSON.null}"}`, doc: 'Has a value.' },
];

const BY_LABEL = new Map(OPERATORS.map((o) => [o.label, o]));

/** The operator of this label (`>=`, `starts with`), case-insensitive, if any. */
export function operatorInfo(label: string): OperatorInfo | undefined {
  return BY_LABEL.get(label.toLowerCase().replace(/\s+/g, ' '));
}

/** The test target of a column: directly, or (`element`) one element of an array column. */
export function targetOf(column: Column | undefined, element: boolean, pathType?: ValueType, modified = false): TestTarget {
  const type = column ? (pathType ?? column.type) : 'unknown';
  // A modifier turns an enum into a plain string (the upper-cased copy is no longer a value), as in the checker.
  const enumValues = column && type === column.type && !modified ? column.enumValues : undefined;
  const rule = TYPE_RULES[typeKeyOf(type, enumValues)];
  return {
    type,
    enumerated: enumValues !== undefined && enumValues.length > 0,
    // Array elements may be null (spec §3), so `is null` applies to them.
    nullable: !column || element ? true : column.nullable,
    array: column !== undefined && column.array && !element,
    ops: rule.ops,
    empty: rule.empty,
  };
}

/**
 * The tests valid for a target, as completion offers them (labels such as
 * `not in` and `is not null` included). Not the test kit's `operatorsOf`
 * (src/arbitraries), which lists a column's comparison operators by JSON
 * name for generating filters; both read the checker's typing table.
 */
export function operatorsFor(target: TestTarget): OperatorInfo[] {
  return OPERATORS.filter((o) => o.applies(target));
}

/** A column's type as a short phrase: `float`, `string enum`, `array(string)`, `datetime?` (nullable). */
export function typeLabel(column: Column): string {
  const base = `${column.type}${column.enumValues?.length ? ' enum' : ''}`;
  return `${column.array ? `array(${base})` : base}${column.nullable ? '?' : ''}`;
}

/** Markdown describing a column, for completion documentation and hover. */
export function columnMarkdown(column: Column): string {
  // Catalogue data is escaped: a name or description must not close a code span or bring a link, an image or HTML.
  const lines = [`**${plain(column.name)}**: ${code(typeLabel(column))}`];
  if (column.description) lines.push('', plain(column.description));
  lines.push('');
  const facts = [
    `- Type: ${column.array ? `array of ${column.type}` : column.type}`,
    `- Nullable: ${column.nullable ? (column.nullabilityKnown ? 'yes' : 'unknown (treated as yes)') : 'no'}`,
    `- Cost: ${column.units} unit${column.units === 1 ? '' : 's'} per row`,
  ];
  if (column.aliases.length > 0) facts.push(`- Aliases: ${column.aliases.map(code).join(', ')}`);
  if (column.enumValues?.length) facts.push(`- Values: ${column.enumValues.map(code).join(', ')}`);
  if (!column.returned) facts.push('- Filter-only: the API never returns it in rows');
  lines.push(...facts);
  return lines.join('\n');
}
