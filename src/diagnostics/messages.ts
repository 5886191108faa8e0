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
  },
  'list-too-long': {
    default: 'This {what} has {count} {items}, more than the limit of {limit} (the maxListLength option); split the filter or raise the limit.',
  },
  // ---- arguments of the entry points
  'invalid-argument': {
    text: '{fn}: the text must be a string; found {found}, read as empty text.',
  },
  'invalid-option': {
    'not-object': 'The options argument must be an object (or absent); found {found}.',
    unreadable: 'The {option} option could not be read: {reason}.',
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
    nullable: '{condition} is true for every value of {column}, but it is no tautology: where {column} is null it is {nullValue}, so it keeps exactly the rows where {column} is not null.',
    notNull: '{condition} is true for every value of {column}, which is never null (the catalogue says so), so it keeps every row.',
    everyRow: '{condition} is true for every row, null {column} included: it filters nothing.',
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
  'subsumed-condition': {
    and: '{condition} is implied by {other}: without it the {connective} gives the same result on every row (null included), so removing it keeps the same rows.',
    or: '{condition} is covered by {other}: without it the {connective} gives the same result on every row (null included), so removing it keeps the same rows.',
    fix: 'Remove {condition}',
  },
} as const satisfies Partial<Record<DiagnosticCode, Readonly<Record<string, string>>>>;

/** The codes that have templates. */
export type TemplatedCode = keyof typeof MESSAGES;

/** The variants of a code's templates. */
export type MessageVariant<C extends TemplatedCode> = keyof (typeof MESSAGES)[C] & string;

/** The `{name}` placeholders of a template, as a union of names. */
type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

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
