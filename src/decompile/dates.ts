/**
 * Which date strings the decompiler turns into date / datetime literals.
 *
 * Only the forms the query language writes without quotes qualify, and only
 * real calendar dates and times: anything else stays a quoted string, so that
 * printing it and parsing it back cannot change a byte.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/**
 * `date` for `YYYY-MM-DD`, `datetime` for `YYYY-MM-DDThh:mm[:ss[.f…]]` with
 * an optional `Z` or `±hh:mm`, undefined for anything else (including the
 * space-separated form, which the language can only write quoted).
 */
export function dateLiteralKind(text: string): 'date' | 'datetime' | undefined {
  const d = DATE.exec(text);
  if (d) return validDay(Number(d[1]), Number(d[2]), Number(d[3])) ? 'date' : undefined;
  const t = DATETIME.exec(text);
  if (!t) return undefined;
  const [, y, mo, da, h, mi, s, oh, om] = t;
  if (!validDay(Number(y), Number(mo), Number(da))) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59)) return undefined;
  if (oh !== undefined && (Number(oh) > 23 || Number(om) > 59)) return undefined;
  return 'datetime';
}
