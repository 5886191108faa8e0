/**
 * Text → canonical text with the parse's diagnostics: parse, then print.
 * It composes two stages (the parser and the text printer), so it lives in
 * the API layer; `format` in `compile.ts` is the public, text-only form of it.
 */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { printFilter, type PrintOptions } from '../emit/text.js';
import { parse, type ParseOptions } from '../syntax/parse.js';
import { internalError } from './internal.js';

/** Options of {@link formatWithDiagnostics}: the printer's layout and the parser's limits. */
export interface FormatTextOptions extends PrintOptions, ParseOptions {}

/** The result of {@link formatWithDiagnostics}. */
export interface FormatTextResult {
  /** The canonical text; the input itself, unchanged, when it has syntax errors. */
  readonly text: string;
  /** The parse's diagnostics (and an `internal-error` if printing failed). */
  readonly diagnostics: Diagnostic[];
}

/**
 * Formats filter text canonically, comments kept, and returns the parse's
 * diagnostics with it. Text with syntax errors (or no filter at all) comes
 * back unchanged: a broken tree is never formatted into something else.
 * Never throws; idempotent.
 *
 * @example
 * formatWithDiagnostics('DR>=50 AND ( is_dofollow )').text; // 'DR >= 50 and is_dofollow'
 */
export function formatWithDiagnostics(text: string, options: FormatTextOptions = {}): FormatTextResult {
  const { document, diagnostics } = parse(text, options);
  if (hasErrors(diagnostics) || !document.filter) return { text, diagnostics };
  try {
    return { text: printFilter(document, options), diagnostics };
  } catch (error) {
    // An error-free parse has no invalid node, so the printer should not throw; if it does, that is a bug, reported.
    return { text, diagnostics: [...diagnostics, internalError('the formatter', error)] };
  }
}
