/**
 * The tests of the language as editors present them: which column types each
 * applies to (spec §3), what it needs after it, and its `where` JSON form.
 * Kept as one table so that completion and hover can never disagree.
 */
import type { CompareOp } from '../ast/nodes.js';
import type { Column, ValueType } from '../catalogue/types.js';
import { TYPE_RULES, typeKeyOf } from '../check/rules.js';
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

/** Every test, in the order completion lists them. */
export const OPERATORS: readonly OperatorInfo[] = [
  { label: '=', arity: 'value', json: '["eq", v]', doc: 'Equal to the value.', applies: op('eq') },
  { label: '!=', arity: 'value', json: '["neq", v]', doc: 'Not equal to the value (unknown when the column is null).', applies: op('neq') },
  { label: '>', arity: 'value', json: '["gt", v]', doc: 'Greater than the value.', applies: op('gt') },
  { label: '>=', arity: 'value', json: '["gte", v]', doc: 'Greater than or equal to the value.', applies: op('gte') },
  { label: '<', arity: 'value', json: '["lt", v]', doc: 'Less than the value.', applies: op('lt') },
  { label: '<=', arity: 'value', json: '["lte", v]', doc: 'Less than or equal to the value.', applies: op('lte') },
  { label: 'in', negatable: true, arity: 'list', json: '{"or": [["eq", a], ["eq", b], …]}', doc: 'Equal to one of two or more values: `in (a, b)`.', applies: listed },
  { label: 'not in', arity: 'list', json: '{"not": {"or": [["eq", a], …]}}', doc: 'Equal to none of the values.', applies: listed },
  { label: 'between', negatable: true, arity: 'range', json: '{"and": [["gte", low], ["lte", high]]}', doc: 'Within an inclusive range: `between low and high`.', applies: ranged },
  { label: 'not between', arity: 'range', json: '{"not": {"and": [["gte", low], ["lte", high]]}}', doc: 'Outside an inclusive range.', applies: ranged },
  { label: 'contains', negatable: true, arity: 'value', json: '["substring", v]', doc: 'Contains the text (case-sensitive).', applies: op('substring') },
  { label: 'not contains', arity: 'value', json: '{"not": … ["substring", v]}', doc: 'Does not contain the text (case-sensitive).', applies: op('substring') },
  { label: 'icontains', negatable: true, arity: 'value', json: '["isubstring", v]', doc: 'Contains the text, ignoring case.', applies: op('isubstring') },
  { label: 'contains phrase', negatable: true, arity: 'value', json: '["phrase_match", v]', doc: 'Contains the words, consecutive and whole.', applies: op('phrase_match') },
  { label: 'icontains phrase', negatable: true, arity: 'value', json: '["iphrase_match", v]', doc: 'Contains the words, consecutive and whole, ignoring case.', applies: op('iphrase_match') },
  { label: 'starts with', negatable: true, arity: 'value', json: '["prefix", v]', doc: 'Starts with the text (case-sensitive).', applies: op('prefix') },
  { label: 'ends with', negatable: true, arity: 'value', json: '["suffix", v]', doc: 'Ends with the text (case-sensitive).', applies: op('suffix') },
  { label: 'matches', negatable: true, arity: 'regex', json: '["regex", v]', doc: 'Matches the pattern anywhere: `matches /^https?:/`.', applies: op('regex') },
  { label: 'is empty', arity: 'none', json: '"empty"', doc: 'Is `""` or `[]` (unknown when null).', applies: emptiable },
  { label: 'is not empty', arity: 'none', json: '{"not": … "empty"}', doc: 'Is neither `""` nor `[]`.', applies: emptiable },
  { label: 'is null', arity: 'none', json: '"is_null"', doc: 'Has no value (or is absent from the row).', applies: (t) => t.nullable },
  { label: 'is not null', arity: 'none', json: '{"not": … "is_null"}', doc: 'Has a value.', applies: (t) => t.nullable },
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

/** The operators valid for a target. */
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
