/**
 * The one number rule of the project, for query text and for `where` JSON
 * text alike: a number literal is accepted when the double it reads as
 * prints back as the same decimal number. Then the JSON sent to the API (and
 * the text the formatter and the decompiler print) says exactly what was
 * written; anything else (`9007199254740993`, `0.1000000000000000055511`,
 * `1e-400`, `1e999`) would be silently changed, so it is an error.
 *
 * The column-dependent part (integers beyond ±(2^53 − 1) on integer
 * columns) is the checker's: see `src/check/values.ts`.
 */

import { clipText } from '../vocabulary/index.js';

/** The lexer's number syntax; JSON's is a subset of it. */
const DECIMAL = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * A decimal literal in one normal form, `sign digits e exponent` with no
 * leading or trailing zeros in `digits` (`1.50` → `15e-1`, `1E3` → `1e3`,
 * `-0.0` → `0`), or undefined when it is not a decimal literal.
 */
export function normalDecimal(text: string): string | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const [, sign, whole = '', fraction = '', exponent = '0'] = m;
  if (whole === '' && fraction === '') return undefined;
  let digits = (whole + fraction).replace(/^0+/, '');
  if (digits === '') return '0';
  // BigInt keeps the exponent exact whatever its length (the lexer accepts `1e0000000000000000001`).
  let exp = BigInt(exponent) - BigInt(fraction.length);
  const trimmed = digits.replace(/0+$/, '');
  exp += BigInt(digits.length - trimmed.length);
  digits = trimmed;
  return `${sign}${digits}e${exp}`;
}

/**
 * Why a number literal cannot be used as written: the name of its
 * `invalid-number` message template (src/diagnostics/messages.ts, which this
 * layer sits below) and the template's arguments.
 */
export interface NumberProblem {
  readonly variant: 'tooLarge' | 'inexact';
  /** The literal, shortened to 40 characters. */
  readonly text: string;
  /** What the API would receive instead (for `inexact`). */
  readonly printed: string;
}

/**
 * The value of a number literal, and why it cannot be used as written (when
 * it cannot).
 *
 * @example
 * readNumber('9007199254740993').problem; // { variant: 'inexact', text: '9007199254740993', printed: '9007199254740992' }
 */
export function readNumber(text: string): { value: number; problem?: NumberProblem } {
  const value = Number(text);
  const printed = String(value);
  if (!Number.isFinite(value)) return { value, problem: { variant: 'tooLarge', text: clipText(text, 40), printed } };
  if (normalDecimal(printed) !== normalDecimal(text)) return { value, problem: { variant: 'inexact', text: clipText(text, 40), printed } };
  return { value };
}

