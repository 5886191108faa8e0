/**
 * How a message names a value it did not expect ("found the number 5"): one
 * wording for every stage, the `where` JSON validator, the AST validator,
 * the option checks and the language service alike.
 *
 * Values come from callers and may be huge or hostile, so the description
 * never includes more than 40 characters of a string ({@link clipText}), never calls
 * `toString` / `toJSON`, and reads no property of an object.
 */

/**
 * How much of the value a description shows: `content` names scalars by
 * their value (`the string "abc"`, `the number 5`) and arrays by their
 * length; `type` names only the kind of value (`a string`, `an array`), for
 * arguments whose content a message should not repeat (an editor's document
 * text).
 */
export type DescribeDetail = 'content' | 'type';

/**
 * A text shortened for a message to at most `max` characters, the last one
 * `…` when anything was cut, so that one diagnostic stays one readable line.
 */
export function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The kind of a value with its article: `a string`, `an array`, `null`, `undefined`. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  if (type === 'undefined') return 'undefined';
  return `${type === 'object' ? 'an' : 'a'} ${type}`;
}

/**
 * A short description of a value, for the `found …` part of a message.
 *
 * @example
 * describeValue('abc');          // 'the string "abc"'
 * describeValue([1, 2]);         // 'an array of 2 items'
 * describeValue(5, 'type');      // 'a number'
 * describeValue(undefined);      // 'nothing (undefined)'
 */
export function describeValue(value: unknown, detail: DescribeDetail = 'content'): string {
  if (detail === 'type') return kindOf(value);
  if (value === undefined) return 'nothing (undefined)';
  if (Array.isArray(value)) {
    return value.length === 0 ? 'an empty array' : `an array of ${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  }
  switch (typeof value) {
    case 'string': return `the string ${JSON.stringify(clipText(value, 40))}`;
    case 'number': return Number.isFinite(value) ? `the number ${value}` : `the non-finite number ${value}`;
    case 'boolean': return `the boolean ${value}`;
    case 'bigint': return `the bigint ${value}n (not JSON)`;
    default: return kindOf(value);
  }
}

/**
 * The text of a thrown value: `Name: message` for an Error, else its string
 * form. Never throws itself (a value's own `toString` may): such a value is
 * named as one that cannot be printed.
 */
export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return String(error);
  } catch (inner) { // expected: the thrown value's own toString threw; it is named instead of printed
    return `a thrown value that cannot be printed (${inner instanceof Error ? inner.message : typeof inner})`;
  }
}
