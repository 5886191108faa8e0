/**
 * The one date and datetime grammar of the language (spec §4), for filters
 * and rows alike: the lexer's tokens, the checker, the decompiler, the
 * predicate and the editor all read dates through this module, so they agree
 * on what a date is.
 *
 * Accepted forms:
 * - `YYYY-MM-DD`: midnight UTC of that day;
 * - `YYYY-MM-DDThh:mm[:ss[.f…]]`, optionally followed by `Z` or `±hh:mm`
 *   (no zone means UTC), with 1 to 9 fraction digits;
 * - the same with a space instead of `T` (ClickHouse prints `2024-01-01 10:00:00`);
 *   the language writes this form only quoted.
 *
 * Only real calendar dates and times are valid (month 1–12, a day that exists
 * in that month, hour 0–23, minute and second 0–59, offset up to ±23:59).
 * Fractions keep millisecond precision (digits past the third are dropped,
 * not rounded), because instants are epoch milliseconds. Anything else,
 * including lower-case `t`/`z`, is invalid: `null`, which the predicate
 * treats as unknown. The parser is written by hand so that reading a row
 * allocates nothing (no RegExp match arrays, no Date objects).
 */

/** The lexer's pattern of an unquoted datetime; calendar validity is checked after lexing by {@link dateLiteralKind}. */
export const DATETIME_TOKEN = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?/;
/** The lexer's pattern of an unquoted date. */
export const DATE_TOKEN = /\d{4}-\d{2}-\d{2}/;

/** The most fraction digits a datetime may have (nanoseconds). */
export const MAX_FRACTION_DIGITS = 9;

const DAY_MS = 86_400_000;

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Two digits at `i` as a number, or -1. */
function two(text: string, i: number): number {
  const a = digit(text, i);
  const b = digit(text, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). Used instead of `Date.UTC`, which maps years 0–99 to 1900–1999.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The instant (epoch milliseconds) of an ISO 8601 date or datetime in one of
 * the accepted forms, or `null` when the text is not one.
 *
 * @example
 * parseInstant('2024-01-01');                // 1704067200000
 * parseInstant('2024-01-01T02:00:00+02:00'); // 1704067200000
 * parseInstant('2024-01-01 00:00:00');       // 1704067200000
 * parseInstant('2024-02-30');                // null
 */
export function parseInstant(text: string): number | null {
  const n = text.length;
  if (n < 10 || text.charCodeAt(4) !== 45 /* - */ || text.charCodeAt(7) !== 45) return null;
  const y0 = two(text, 0);
  const y1 = two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  if (y0 < 0 || y1 < 0 || month < 1 || month > 12 || day < 1) return null;
  const year = y0 * 100 + y1;
  if (day > daysInMonth(year, month)) return null;
  const midnight = daysFromCivil(year, month, day) * DAY_MS;
  if (n === 10) return midnight;
  const sep = text.charCodeAt(10);
  if ((sep !== 84 /* T */ && sep !== 32 /* space */) || n < 16 || text.charCodeAt(13) !== 58 /* : */) return null;
  const hour = two(text, 11);
  const minute = two(text, 14);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  let ms = hour * 3_600_000 + minute * 60_000;
  let i = 16;
  if (i < n && text.charCodeAt(i) === 58) {
    const second = two(text, i + 1);
    if (second < 0 || second > 59) return null;
    ms += second * 1000;
    i += 3;
    if (i < n && text.charCodeAt(i) === 46 /* . */) {
      i++;
      const start = i;
      let scale = 100;
      while (i < n) {
        const d = digit(text, i);
        if (d < 0) break;
        ms += d * scale; // digits past the third have scale 0: truncated, not rounded
        scale = scale === 1 ? 0 : scale / 10;
        i++;
      }
      if (i === start || i - start > MAX_FRACTION_DIGITS) return null;
    }
  }
  if (i === n) return midnight + ms;
  const zone = text.charCodeAt(i);
  if (zone === 90 /* Z */) return i + 1 === n ? midnight + ms : null;
  if ((zone !== 43 && zone !== 45) || n !== i + 6 || text.charCodeAt(i + 3) !== 58) return null;
  const oh = two(text, i + 1);
  const om = two(text, i + 4);
  if (oh < 0 || oh > 23 || om < 0 || om > 59) return null;
  const offset = (oh * 60 + om) * 60_000;
  return midnight + ms + (zone === 43 ? -offset : offset);
}

/** The form of a valid date or datetime text; undefined when it is not one. */
export type DateForm = 'date' | 'datetime' | 'spaced-datetime';

/**
 * Which accepted form `text` is in, or undefined when it is not a real date
 * or datetime. Derived from {@link parseInstant}, so the two cannot disagree.
 */
export function dateForm(text: string): DateForm | undefined {
  if (parseInstant(text) === null) return undefined;
  if (text.length === 10) return 'date';
  return text.charCodeAt(10) === 84 /* T */ ? 'datetime' : 'spaced-datetime';
}

/**
 * `date` or `datetime` for the forms the language writes unquoted; undefined
 * for anything else, including the space-separated form (which the language
 * can only write quoted, so the decompiler keeps it a string and its bytes
 * survive a round trip).
 */
export function dateLiteralKind(text: string): 'date' | 'datetime' | undefined {
  const form = dateForm(text);
  return form === 'spaced-datetime' ? undefined : form;
}

/** `date` or `datetime` for any accepted form (what a quoted string in a date column holds). */
export function dateKind(text: string): 'date' | 'datetime' | undefined {
  const form = dateForm(text);
  return form === undefined ? undefined : form === 'date' ? 'date' : 'datetime';
}
