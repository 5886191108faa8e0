/**
 * The shapes the language service returns. All positions are UTF-16 offsets
 * into the text (what CodeMirror and JavaScript strings use); the language
 * server converts them to LSP line/character positions.
 */
import type { Catalogue } from '../catalogue/index.js';
import type { DiagnosticCode, Severity } from '../diagnostics/index.js';

/** Options shared by the language service functions. */
export interface EditorOptions {
  /**
   * The endpoint's columns: a built catalogue or a built-in endpoint's name
   * (`'site-explorer/organic-keywords'`). Default: all-backlinks. Anything
   * else is never replaced by the default: `diagnose` reports it.
   */
  readonly catalogue?: Catalogue | string;
}

/** A half-open range `[start, end)` of UTF-16 offsets. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/** What a completion item stands for; editors map it to an icon. */
export type CompletionKind = 'column' | 'operator' | 'value' | 'keyword';

/** One completion proposal. */
export interface CompletionItem {
  /** What the list shows, and what editors filter on. */
  readonly label: string;
  readonly kind: CompletionKind;
  /** A one-line summary shown beside the label (a column's type and cost, an operator's JSON name). */
  readonly detail: string;
  /** Longer Markdown text for the side panel. */
  readonly documentation: string;
  /** The text the item replaces: the word or string under the cursor (empty at the cursor when there is none). */
  readonly replace: OffsetRange;
  /** The text to put in place of `replace`: quoted, escaped and spaced so that the query still scans as intended. */
  readonly insertText: string;
}

/** A quick fix: replace `[start, end)` with `newText`. */
export interface QuickFix {
  readonly title: string;
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** A diagnostic with offsets, ready for an editor. */
export interface EditorDiagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  /** Did-you-mean fixes from the diagnostic's `suggestions`. */
  readonly fixes: readonly QuickFix[];
}

/** What {@link hover} shows. */
export interface HoverInfo {
  /** The range of the word hovered. */
  readonly range: OffsetRange;
  /** Markdown. */
  readonly contents: string;
}

/** The highlighting class of a token. */
export type TokenClass =
  | 'keyword'
  | 'operator'
  | 'column'
  | 'function'
  | 'string'
  | 'number'
  | 'date'
  | 'regex'
  | 'boolean'
  | 'null'
  | 'comment'
  | 'punctuation'
  | 'invalid';

/** One classified token. */
export interface ClassifiedToken {
  readonly start: number;
  readonly end: number;
  readonly class: TokenClass;
}

/** A text replacement, for formatting. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}
