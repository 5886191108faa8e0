/**
 * Value helpers of the checker: which date texts spec §4 accepts, and how a
 * literal is named in a message.
 */
import type { Literal } from '../ast/nodes.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `YYYY-MM-DDThh:mm[:ss[.fff…]]` with an optional `Z` or `±hh:mm`. */
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/;
/** `YYYY-MM-DD hh:mm:ss`, the form ClickHouse prints (the engine behind the API). */
const SPACE_DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isValidDate(text: string): boolean {
  const m = DATE.exec(text);
  return m !== null && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * True for a real datetime in a form spec §4 accepts:
 * `YYYY-MM-DDThh:mm[:ss[.fff]]` with an optional `Z` or `±hh:mm`, or
 * `YYYY-MM-DD hh:mm:ss`. A bare date is not a datetime here (see {@link dateKind}).
 */
export function isValidDateTime(text: string): boolean {
  const m = ISO_DATETIME.exec(text) ?? SPACE_DATETIME.exec(text);
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m;
  if (!validDay(Number(y), Number(mo), Number(d))) return false;
  if (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59)) return false;
  // Offsets: only ISO_DATETIME has groups 8 and 9.
  const oh = m[8];
  const om = m[9];
  return oh === undefined || (Number(oh) <= 23 && Number(om) <= 59);
}

/** `date`, `datetime`, or undefined when the text is neither (spec §4 forms, real calendar values only). */
export function dateKind(text: string): 'date' | 'datetime' | undefined {
  if (isValidDate(text)) return 'date';
  if (isValidDateTime(text)) return 'datetime';
  return undefined;
}

/** Shortens long values in messages, so one diagnostic stays one readable line. */
function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A literal as a message names it: `the string "50"`, `the word foo`, `the number 50`, `the date 2024-01-01`. */
export function describeLiteral(literal: Literal): string {
  switch (literal.kind) {
    case 'string':
      return literal.bare ? `the word ${clip(literal.value)}` : `the string ${clip(JSON.stringify(literal.value))}`;
    case 'number':
      return `the number ${String(literal.value)}`;
    case 'boolean':
      return `the boolean ${String(literal.value)}`;
    case 'date':
      return `the date ${clip(literal.value)}`;
    case 'datetime':
      return `the datetime ${clip(literal.value)}`;
    case 'regex':
      return `the regex /${clip(literal.value)}/`;
    case 'null':
      return 'null';
  }
}

/** The literal's value as query text would quote it (for "put it in quotes" suggestions). */
export function quoted(literal: Literal): string {
  const text = literal.kind === 'null' ? 'null' : String(literal.value);
  return JSON.stringify(text);
}
