/**
 * Text → canonical text: parse, then print.
 */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { printFilter, type PrintOptions } from '../emit/text.js';
import { parse, type ParseOptions } from './parse.js';

/** Options of {@link format}: the printer's layout and the parser's limits. */
export interface FormatTextOptions extends PrintOptions, ParseOptions {}

/** The result of {@link format}. */
export interface FormatResult {
  /** The canonical text; the input itself, unchanged, when it has syntax errors. */
  readonly text: string;
  /** The parse's diagnostics. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Formats filter text canonically, comments kept. Text with syntax errors
 * (or no filter at all) comes back unchanged with its diagnostics: a broken
 * tree is never formatted into something else. Never throws; idempotent.
 *
 * @example
 * format('DR>=50 AND ( is_dofollow )').text; // 'DR >= 50 and is_dofollow'
 */
export function format(text: string, options: FormatTextOptions = {}): FormatResult {
  const { document, diagnostics } = parse(text, options);
  if (hasErrors(diagnostics) || !document.filter) return { text, diagnostics };
  try {
    return { text: printFilter(document, options), diagnostics };
  } catch {
    // Unreachable: an error-free parse has no invalid node. Returning the input keeps the promise not to throw.
    return { text, diagnostics };
  }
}
