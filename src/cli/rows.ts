/**
 * One row read from JSON text, for `explain ROW_JSON` and each line of
 * `filter`: the same two problems (not JSON, not an object) get the same
 * `invalid-row` wording from the message table.
 */
import { report, type Diagnostic } from '../diagnostics/index.js';
import { describeValue } from '../vocabulary/index.js';

export type Row = Record<string, unknown>;

/**
 * Parses `text` as one row. `what` names it in the message (`ROW_JSON`,
 * `This line`).
 */
export function parseRow(text: string, what: string): { readonly row: Row } | { readonly problem: Diagnostic } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) { // expected: the text is the user's; its syntax error becomes the invalid-row diagnostic
    return { problem: report('invalid-row', 'notJson', { row: what, reason: (error as Error).message }, { path: '' }) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { problem: report('invalid-row', 'notObject', { row: what, found: describeValue(value, 'type') }, { path: '' }) };
  }
  return { row: value as Row };
}
