/**
 * The language service: framework-agnostic editor features built on the
 * compiler (completion, diagnostics with quick fixes, hover, highlighting,
 * formatting). It runs in browsers and in Node; the CodeMirror extension
 * (src/codemirror) and the language server (src/cli/lsp.ts) are thin
 * adapters over it.
 *
 * @packageDocumentation
 */
export { complete, quoteName, quoteValue } from './complete.js';
export { diagnose } from './diagnose.js';
export { hover } from './hover.js';
export { classify } from './classify.js';
export { formatDocument, type FormatResult } from './format.js';
export type {
  ClassifiedToken,
  CompletionItem,
  CompletionKind,
  EditorDiagnostic,
  EditorOptions,
  HoverInfo,
  OffsetRange,
  QuickFix,
  TextEdit,
  TokenClass,
} from './types.js';
