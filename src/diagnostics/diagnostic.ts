import type { SourceRange } from '../ast/nodes.js';
import { FILTER_CODES, type DiagnosticCode, type Severity } from './codes.js';

/** A replacement a person (or an editor's quick fix) can apply. */
export interface Suggestion {
  /** What the fix does, for example `Replace with "domain_rating_source"`. */
  readonly message: string;
  /** The text to put in place of `range` (or of the diagnostic's range when absent). */
  readonly replacement: string;
  readonly range?: SourceRange;
}

/**
 * The one diagnostic type of the library: parse, type, JSON, catalogue and
 * limit problems all take this form. Text input gives a `range`; JSON input
 * gives a `path` (a JSON Pointer such as `/and/2/is/0`).
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly range?: SourceRange;
  readonly path?: string;
  readonly suggestions?: readonly Suggestion[];
}

/** Where a diagnostic points: a text range, a JSON path, or both. */
export interface Location {
  readonly range?: SourceRange | undefined;
  readonly path?: string | undefined;
}

/** Builds a diagnostic of one of the filter's codes (`FILTER_CODES`), with the severity of its entry. */
export function diagnostic(
  code: keyof typeof FILTER_CODES,
  message: string,
  location: Location = {},
  suggestions?: readonly Suggestion[],
): Diagnostic {
  return diagnosticWith(code, FILTER_CODES[code].severity, message, location, suggestions);
}

/**
 * Builds a diagnostic with the severity its code's table gives (the callers
 * look it up: ./messages.ts for each table, the SQL emitter for its own).
 */
export function diagnosticWith(
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  location: Location = {},
  suggestions?: readonly Suggestion[],
): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { code, severity, message };
  if (location.range) d.range = location.range;
  if (location.path !== undefined) d.path = location.path;
  if (suggestions && suggestions.length > 0) d.suggestions = suggestions;
  return d;
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorts by position (diagnostics without a range last, by path), stable otherwise. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  // Most results hold no diagnostic or one: a copy, without the pairs and the comparator (compile's hot path).
  if (diagnostics.length < 2) return diagnostics.slice();
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      const ao = a.d.range?.start.offset ?? Number.MAX_SAFE_INTEGER;
      const bo = b.d.range?.start.offset ?? Number.MAX_SAFE_INTEGER;
      if (ao !== bo) return ao - bo;
      const ap = a.d.path ?? '';
      const bp = b.d.path ?? '';
      if (ap !== bp) return ap < bp ? -1 : 1;
      return a.i - b.i;
    })
    .map((x) => x.d);
}

/** Escapes one JSON Pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}
