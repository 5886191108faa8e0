/**
 * The name rule and the quoting of names and values: what may be written
 * bare and how everything else is quoted so that it reads back exactly.
 * The lexer's identifier token, the printer, the decompiler's re-sugaring,
 * completion, quick fixes and the test kit all use these functions.
 */
import { isKeyword } from './words.js';

/** One segment of a plain name: an ASCII letter or `_`, then letters, digits or `_`. */
export const NAME_SEGMENT_SOURCE = '[A-Za-z_][A-Za-z0-9_]*';

/** A plain name: segments joined by dots (`intents.informational` is one name). */
export const NAME_SOURCE = `${NAME_SEGMENT_SOURCE}(?:\\.${NAME_SEGMENT_SOURCE})*`;

const PLAIN_NAME = new RegExp(`^${NAME_SOURCE}$`);
const SEGMENT = new RegExp(`^${NAME_SEGMENT_SOURCE}$`);

/** True when `name` can be written without backticks: it lexes as one name and is not a keyword. */
export function isPlainName(name: string): boolean {
  return PLAIN_NAME.test(name) && !isKeyword(name);
}

/** True when an enum value can be written without quotes (`link_type = text`): one name segment, not a keyword. */
export function isBareValue(value: string): boolean {
  return SEGMENT.test(value) && !isKeyword(value);
}

/** True for one name segment (also a JavaScript identifier, which generated code relies on). */
export function isNameSegment(word: string): boolean {
  return SEGMENT.test(word);
}

/** Whether a code point is written as a `\u{…}` escape: controls, line separators, lone surrogates. */
function needsEscape(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || (cp >= 0xd800 && cp <= 0xdfff);
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r' };

/** `value` between `delimiter`s, with escapes; reads back to exactly `value`. */
function quoteWith(value: string, delimiter: '"' | '`'): string {
  let out = delimiter;
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    out += ch === delimiter ? `\\${ch}` : SHORT_ESCAPES[ch] ?? (needsEscape(cp) ? `\\u{${cp.toString(16).toUpperCase()}}` : ch);
  }
  return out + delimiter;
}

/** A double-quoted string literal with escapes; reads back to exactly `value`. */
export function quoteString(value: string): string {
  return quoteWith(value, '"');
}

/** A column name as written: bare when plain, else in backticks (with the string escapes). */
export function quoteName(name: string): string {
  return isPlainName(name) ? name : quoteWith(name, '`');
}

/** An enum value as written: bare when it can be, else quoted (`text`, but `"IN"`, `"new-york"`). */
export function quoteEnumValue(value: string): string {
  return isBareValue(value) ? value : quoteString(value);
}
