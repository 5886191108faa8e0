/**
 * Value helpers of the checker: how a literal is named in a message, and the
 * column-dependent half of the number rule. Which date texts are dates is the
 * vocabulary's one grammar (`dateKind` in src/vocabulary/dates.ts).
 */
import type { Literal } from '../ast/nodes.js';
import { clipText, quoteString } from '../vocabulary/index.js';

/** Long values are shortened in messages, so one diagnostic stays one readable line. */
const clip = (text: string): string => clipText(text, 60);

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
  // The language's own quoting: JSON.stringify writes `\b` and `\f`, escapes the lexer does not read.
  return quoteString(text);
}

/**
 * The column-dependent half of the number rule (the other half, "the API
 * receives the number as written", is `src/ast/numbers.ts`): an integer
 * column takes whole numbers within ±(2^53 − 1), where every integer has its
 * own number, so that the API and the local predicate compare the same
 * value. A float column takes any finite number. Undefined when `value` fits.
 */
export function numberProblem(value: number, column: 'integer' | 'float'): 'a finite number' | 'a whole number' | 'a safe integer' | undefined {
  if (!Number.isFinite(value)) return 'a finite number';
  if (column === 'integer' && !Number.isInteger(value)) return 'a whole number';
  if (column === 'integer' && !Number.isSafeInteger(value)) return 'a safe integer';
  return undefined;
}
