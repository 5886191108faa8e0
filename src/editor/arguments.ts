/**
 * The arguments of every language-service function, checked once at the
 * entry. Editors and plugins pass whatever their host hands them (`null` for
 * a closed document, a catalogue definition instead of a built catalogue),
 * and the service promises never to throw. So:
 *
 * - text that is not a string is read as empty text, and `diagnose` reports
 *   it as `invalid-argument`;
 * - an offset that is not a number (or is NaN) means "no position": nothing
 *   to complete or hover;
 * - the `catalogue` option goes through the same resolution as every other
 *   entry point (`catalogueOption`): a built catalogue, an endpoint name (any
 *   of the 66: the service loads them all), or absent. Anything else is never replaced by all-backlinks: `diagnose`
 *   reports `invalid-option` / `unknown-catalogue`, and completion and hover,
 *   which cannot carry a diagnostic, offer nothing.
 */
import { errorText } from '../api/index.js';
import { catalogueOption, loadBuiltInCatalogues, type Catalogue } from '../catalogue/index.js';
import { report, reportEditor, type Diagnostic } from '../diagnostics/index.js';
import { describeValue } from '../vocabulary/index.js';
import type { EditorDiagnostic } from './types.js';

/** A diagnostic about an argument, placed at the start of the text (it has no place in the text). */
export function atStart(d: Diagnostic): EditorDiagnostic {
  return { code: d.code, severity: d.severity, message: d.message, start: 0, end: 0, fixes: [] };
}

/** The text argument: itself when it is a string, else empty text and the diagnostic saying so. */
export function textArgument(text: unknown, fn: string): { readonly text: string; readonly problem?: Diagnostic } {
  if (typeof text === 'string') return { text };
  return { text: '', problem: reportEditor('invalid-argument', 'text', { fn, found: describeValue(text, 'type') }) };
}

/** The offset argument: a whole number (fractions rounded down), or undefined when there is no position. */
export function offsetArgument(offset: unknown): number | undefined {
  if (typeof offset !== 'number' || Number.isNaN(offset)) return undefined;
  return Math.floor(offset);
}

/** The catalogue of an options argument, or the diagnostics saying why there is none. */
export function catalogueArgument(options: unknown): { readonly catalogue: Catalogue | undefined; readonly problems: readonly Diagnostic[] } {
  let value: unknown;
  if (options === undefined || options === null) value = undefined;
  else if (typeof options !== 'object' && typeof options !== 'function') {
    return { catalogue: undefined, problems: [report('invalid-option', 'not-object', { found: describeValue(options, 'type') })] };
  } else {
    try {
      value = (options as { catalogue?: unknown }).catalogue;
    } catch (error) {
      // A getter or proxy trap threw: report it, as catalogueOption does for the catalogue's own properties.
      return { catalogue: undefined, problems: [report('invalid-option', 'unreadable', { option: 'catalogue', reason: errorText(error) })] };
    }
  }
  // An editor names any endpoint (its option, a directive), so the service resolves every name, as after `import 'ahrefs-where/catalogues'`.
  if (typeof value === 'string') loadBuiltInCatalogues();
  const resolved = catalogueOption(value);
  return { catalogue: resolved.catalogue, problems: resolved.diagnostics };
}
