/**
 * Row values for display: short, and never throwing.
 *
 * Row values are data, and data can be anything a caller's JavaScript holds:
 * arrays nested 100,000 levels (JSON.stringify overflows the stack), BigInts
 * (JSON.stringify throws), cyclic objects, objects whose `toJSON` or getters
 * throw, revoked proxies (even `Array.isArray` throws on them). So values are
 * not serialised with JSON.stringify but written by hand against a budget of
 * characters: the work stops when the budget is spent, which also bounds the
 * recursion depth (each level writes at least one character), and every read
 * of a property is guarded. `toJSON` is never called: it is code, not data.
 */

/** The default length of a shown value, `…` included. */
export const VALUE_TEXT_LENGTH = 60;

/** Collects output until `max` characters are exceeded; then every further write is dropped. */
class Budget {
  private readonly parts: string[] = [];
  private length = 0;
  full = false;

  constructor(private readonly max: number) {}

  add(text: string): void {
    if (this.full) return;
    this.parts.push(text);
    this.length += text.length;
    if (this.length > this.max) this.full = true;
  }

  /** How many more characters can still be shown (one more than fits, so that a cut is seen). */
  room(): number {
    return Math.max(0, this.max - this.length + 1);
  }

  text(): string {
    const all = this.parts.join('');
    if (!this.full) return all;
    let cut = Math.max(0, this.max - 3);
    const last = all.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut--; // do not cut a surrogate pair in two
    return `${all.slice(0, cut)}…`;
  }
}

const UNREADABLE = '<unreadable>';

/** `Array.isArray`, or undefined for a value it cannot look at (a revoked proxy throws even here). */
function arrayKind(value: object): boolean | undefined {
  try {
    return Array.isArray(value);
  } catch { // expected: a revoked proxy refuses every operation; the caller shows it as unreadable
    return undefined;
  }
}

/** True for an array (a proxy of one included); false for anything else, a revoked proxy included. Never throws. */
export function isArraySafe(value: unknown): boolean {
  return typeof value === 'object' && value !== null && arrayKind(value) === true;
}

/**
 * The first `limit` elements of an array and its length, read without
 * throwing: an element whose read throws (a getter, a proxy trap) is
 * undefined, a length that cannot be read is 0.
 */
export function someElements(array: readonly unknown[], limit: number): { items: unknown[]; length: number } {
  let length = 0;
  try {
    length = array.length;
  } catch { // expected: a proxy's get trap threw on `length`; no element can be listed
    return { items: [], length: 0 };
  }
  const items: unknown[] = [];
  for (let i = 0; i < length && i < limit; i++) {
    try {
      items.push(array[i]);
    } catch { // expected: a getter or proxy trap threw on this element; it is listed as undefined (unreadable)
      items.push(undefined);
    }
  }
  return { items, length };
}

/** The ISO text of a real Date, or undefined for anything else (including an invalid date). */
function dateText(value: object): string | undefined {
  try {
    return value instanceof Date ? Date.prototype.toISOString.call(value) : undefined;
  } catch { // expected: an invalid Date, a Date-like proxy or a throwing prototype trap; shown as an object instead
    return undefined;
  }
}

function writeObject(value: object, out: Budget, ancestors: object[]): void {
  if (ancestors.includes(value)) {
    out.add('<cycle>');
    return;
  }
  const isArray = arrayKind(value);
  if (isArray === undefined) {
    out.add(UNREADABLE);
    return;
  }
  const date = isArray ? undefined : dateText(value);
  if (date !== undefined) {
    out.add(`Date(${date})`);
    return;
  }
  let keys: readonly string[];
  try {
    // Arrays: the indices up to the length, read lazily below; objects: their own enumerable keys, as JSON shows them.
    keys = isArray ? [] : Object.keys(value);
  } catch { // expected: a proxy's ownKeys trap threw; the value is data we cannot list
    out.add(UNREADABLE);
    return;
  }
  ancestors.push(value);
  if (isArray) {
    let length = 0;
    try {
      length = (value as unknown[]).length;
    } catch { // expected: a proxy's get trap threw on `length`; shown as an empty array with a mark
      out.add(UNREADABLE);
    }
    out.add('[');
    for (let i = 0; i < length && !out.full; i++) {
      if (i > 0) out.add(',');
      writeProperty(value, i, out, ancestors);
    }
    out.add(']');
  } else {
    out.add('{');
    for (let i = 0; i < keys.length && !out.full; i++) {
      if (i > 0) out.add(',');
      out.add(`${JSON.stringify(keys[i]!.slice(0, out.room()))}:`);
      writeProperty(value, keys[i]!, out, ancestors);
    }
    out.add('}');
  }
  ancestors.pop();
}

function writeProperty(container: object, key: string | number, out: Budget, ancestors: object[]): void {
  let item: unknown;
  try {
    item = (container as Record<string | number, unknown>)[key];
  } catch { // expected: a getter or proxy trap of the row value threw; the value is shown as unreadable, not as a failure
    out.add(UNREADABLE);
    return;
  }
  writeValue(item, out, ancestors);
}

function writeValue(value: unknown, out: Budget, ancestors: object[]): void {
  if (out.full) return;
  switch (typeof value) {
    case 'string':
      // Only what can be shown is quoted: a 1 MB string costs as much as a short one.
      out.add(JSON.stringify(value.slice(0, out.room())));
      return;
    case 'number':
      out.add(Object.is(value, -0) ? '-0' : String(value));
      return;
    case 'bigint':
      out.add(`${value.toString()}n`);
      return;
    case 'boolean':
      out.add(value ? 'true' : 'false');
      return;
    case 'undefined':
      out.add('undefined');
      return;
    case 'symbol':
      out.add(`Symbol(${value.description ?? ''})`);
      return;
    case 'function':
      out.add('<function>');
      return;
    default:
      if (value === null) out.add('null');
      else writeObject(value as object, out, ancestors);
  }
}

/**
 * A value for display: JSON-like and at most `max` characters (longer ones
 * end with `…`); `absent` for undefined (a row without the column). Never
 * throws, and its cost is bounded by `max` (plus the key count of one
 * object), whatever the value: deep, cyclic, BigInt, proxied or with
 * throwing getters (shown as `<unreadable>`).
 *
 * @example
 * valueText(['en', 'de']); // '["en","de"]'
 * valueText(10n); // '10n'
 */
export function valueText(value: unknown, max: number = VALUE_TEXT_LENGTH): string {
  if (value === undefined) return 'absent';
  const out = new Budget(max);
  writeValue(value, out, []);
  return out.text();
}
