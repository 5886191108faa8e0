/**
 * Highlighting from the language service's `classify`: mark decorations with
 * one class per token class (`cm-aw-column`, `cm-aw-keyword`, …) and a base
 * theme with light and dark colours. Classifying a whole filter takes
 * microseconds, so the document is reclassified on each change rather than
 * maintaining an incremental parse.
 */
import { RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { classify, type TokenClass } from '../editor/index.js';

const CLASSES: readonly TokenClass[] = ['keyword', 'operator', 'column', 'function', 'string', 'number', 'date', 'regex', 'boolean', 'null', 'comment', 'punctuation', 'invalid'];
const MARKS = new Map(CLASSES.map((c) => [c, Decoration.mark({ class: `cm-aw-${c}` })]));

function build(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const text = view.state.doc.toString();
  for (const token of classify(text)) {
    if (token.end > token.start) builder.add(token.start, token.end, MARKS.get(token.class)!);
  }
  return builder.finish();
}

const plugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = build(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged) this.decorations = build(update.view);
    }
  },
  { decorations: (v) => v.decorations },
);

const theme = EditorView.baseTheme({
  '&light .cm-aw-keyword': { color: '#7c3aed', fontWeight: '600' },
  '&light .cm-aw-operator': { color: '#9333ea' },
  '&light .cm-aw-column': { color: '#0f5fa8' },
  '&light .cm-aw-function': { color: '#b45309' },
  '&light .cm-aw-string': { color: '#15803d' },
  '&light .cm-aw-number, &light .cm-aw-date': { color: '#c2410c' },
  '&light .cm-aw-regex': { color: '#be185d' },
  '&light .cm-aw-boolean, &light .cm-aw-null': { color: '#0e7490', fontWeight: '600' },
  '&light .cm-aw-comment': { color: '#6b7280', fontStyle: 'italic' },
  '&dark .cm-aw-keyword': { color: '#c4b5fd', fontWeight: '600' },
  '&dark .cm-aw-operator': { color: '#d8b4fe' },
  '&dark .cm-aw-column': { color: '#7dd3fc' },
  '&dark .cm-aw-function': { color: '#fcd34d' },
  '&dark .cm-aw-string': { color: '#86efac' },
  '&dark .cm-aw-number, &dark .cm-aw-date': { color: '#fdba74' },
  '&dark .cm-aw-regex': { color: '#f9a8d4' },
  '&dark .cm-aw-boolean, &dark .cm-aw-null': { color: '#67e8f9', fontWeight: '600' },
  '&dark .cm-aw-comment': { color: '#9ca3af', fontStyle: 'italic' },
  '.cm-aw-invalid': { textDecoration: 'underline wavy #dc2626' },
});

/** Syntax highlighting for filters (without completion, lint or hover). */
export function highlighting(): Extension {
  return [plugin, theme];
}
