/**
 * Whole-document formatting for editors: the compiler's canonical text, as
 * one minimal edit so that the cursor and undo history outside the changed
 * span survive.
 */
import { format, type FormatOptions } from '../api/compile.js';
import type { TextEdit } from './types.js';

/** The result of {@link formatDocument}. */
export interface FormatResult {
  /** The formatted text (the input itself when it has syntax errors). */
  readonly text: string;
  /** The edits turning the input into `text`: none when nothing changes, else one covering the changed span. */
  readonly edits: readonly TextEdit[];
}

/**
 * Formats a whole document canonically (lower-case keywords, double quotes,
 * minimal parentheses, comments kept). Text with syntax errors is left as
 * it is, so formatting never destroys work in progress. Never throws.
 *
 * @example
 * formatDocument('DR>=50 AND ( is_dofollow )').text; // 'DR >= 50 and is_dofollow'
 */
export function formatDocument(text: string, options: FormatOptions = {}): FormatResult {
  let formatted: string;
  try {
    formatted = format(text, options);
  } catch {
    formatted = text; // the formatter promises not to throw; an editor must not lose the document if it does
  }
  if (formatted === text) return { text, edits: [] };
  // Trim the common prefix and suffix: the smallest single edit.
  let start = 0;
  const max = Math.min(text.length, formatted.length);
  while (start < max && text[start] === formatted[start]) start++;
  let end = 0;
  while (end < max - start && text[text.length - 1 - end] === formatted[formatted.length - 1 - end]) end++;
  return { text: formatted, edits: [{ start, end: text.length - end, newText: formatted.slice(start, formatted.length - end) }] };
}
