/**
 * The date and datetime forms of spec §4, shared by every stage that reads
 * them (lexer, checker, decompiler), so that all agree on what a date is.
 * Only real calendar dates and times count: `2023-02-29` and `25:00` do not.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `YYYY-MM-DDThh:mm[:ss[.fff…]]` with an optional `Z` or `±hh:mm`: the form the language writes unquoted. */
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?$/;
/** `YYYY-MM-DD hh:mm:ss`, the form ClickHouse prints (the engine behind the API); quoted in the language. */
const SPACE_DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** Checks the date and time groups of a datetime match (offset groups 7 and 8 when present). */
function validDateTime(m: RegExpExecArray, offsetGroup: number | undefined): boolean {
  const [, y, mo, d, h, mi, s] = m;
  if (!validDay(Number(y), Number(mo), Number(d))) return false;
  if (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59)) return false;
  if (offsetGroup === undefined || m[offsetGroup] === undefined) return true;
  return Number(m[offsetGroup]) <= 23 && Number(m[offsetGroup + 1]) <= 59;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isValidDate(text: string): boolean {
  const m = DATE.exec(text);
  return m !== null && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * True for a real datetime in a form spec §4 accepts:
 * `YYYY-MM-DDThh:mm[:ss[.fff]]` with an optional `Z` or `±hh:mm`, or
 * `YYYY-MM-DD hh:mm:ss`. A bare date is not a datetime here.
 */
export function isValidDateTime(text: string): boolean {
  const iso = ISO_DATETIME.exec(text);
  if (iso) return validDateTime(iso, 7);
  const spaced = SPACE_DATETIME.exec(text);
  return spaced !== null && validDateTime(spaced, undefined);
}

/**
 * `date` for `YYYY-MM-DD`, `datetime` for `YYYY-MM-DDThh:mm[:ss[.f…]]` with
 * an optional `Z` or `±hh:mm`, undefined for anything else, including the
 * space-separated form, which the language can only write quoted (so the
 * decompiler keeps it a string and its bytes survive a round trip).
 */
export function dateLiteralKind(text: string): 'date' | 'datetime' | undefined {
  if (isValidDate(text)) return 'date';
  const iso = ISO_DATETIME.exec(text);
  return iso && validDateTime(iso, 7) ? 'datetime' : undefined;
}
