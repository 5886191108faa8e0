/**
 * Whole-document formatting for editors: the compiler's canonical text, as
 * one minimal edit so that the cursor and undo history outside the changed
 * span survive.
 */
import { checkFormatOptions, format, internalError, type FormatOptions } from '../api/index.js';
import { atStart, textArgument } from './arguments.js';
import type { EditorDiagnostic, TextEdit } from './types.js';

/** The result of {@link formatDocument}. */
export interface FormatResult {
  /** The formatted text (the input itself when it has syntax errors or an argument is bad). */
  readonly text: string;
  /** The edits turning the input into `text`: none when nothing changes, else one covering the changed span. */
  readonly edits: readonly TextEdit[];
  /** Why nothing was formatted when an argument is bad (`invalid-argument`, `invalid-option`); empty otherwise. */
  readonly diagnostics: readonly EditorDiagnostic[];
}

/**
 * Formats a whole document canonically (lower-case keywords, double quotes,
 * minimal parentheses, comments kept). Text with syntax errors is left as
 * it is, so formatting never destroys work in progress. Text that is not a
 * string is read as empty text, and bad layout options (`lineWidth`,
 * `indent`) leave the text as it is; both are reported in `diagnostics`.
 * Never throws.
 *
 * @example
 * formatDocument('DR>=50 AND ( is_dofollow )').text; // 'DR >= 50 and is_dofollow'
 */
export function formatDocument(text: string, options: FormatOptions = {}): FormatResult {
  const argument = textArgument(text, 'formatDocument');
  const source = argument.text;
  const problems = [...(argument.problem ? [argument.problem] : []), ...checkFormatOptions(options)];
  if (problems.length > 0) return { text: source, edits: [], diagnostics: problems.map(atStart) };
  let formatted: string;
  try {
    formatted = format(source, options);
  } catch (error) {
    // The formatter promises not to throw; if it does, the document stays as it is and the failure is reported.
    return { text: source, edits: [], diagnostics: [atStart(internalError('formatDocument', error))] };
  }
  if (formatted === source) return { text: source, edits: [], diagnostics: [] };
  // Trim the common prefix and suffix: the smallest single edit.
  let start = 0;
  const max = Math.min(source.length, formatted.length);
  while (start < max && source[start] === formatted[start]) start++;
  let end = 0;
  while (end < max - start && source[source.length - 1 - end] === formatted[formatted.length - 1 - end]) end++;
  return { text: formatted, edits: [{ start, end: source.length - end, newText: formatted.slice(start, formatted.length - end) }], diagnostics: [] };
}
