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

/** The colours of each styled class: light theme, dark theme, and the style both share. */
const PALETTE: readonly (readonly [selector: readonly TokenClass[], light: string, dark: string, style?: Readonly<Record<string, string>>])[] = [
  [['keyword'], '#7c3aed', '#c4b5fd', { fontWeight: '600' }],
  [['operator'], '#9333ea', '#d8b4fe'],
  [['column'], '#0f5fa8', '#7dd3fc'],
  [['function'], '#b45309', '#fcd34d'],
  [['string'], '#15803d', '#86efac'],
  [['number', 'date'], '#c2410c', '#fdba74'],
  [['regex'], '#be185d', '#f9a8d4'],
  [['boolean', 'null'], '#0e7490', '#67e8f9', { fontWeight: '600' }],
  [['comment'], '#6b7280', '#9ca3af', { fontStyle: 'italic' }],
];

function themeSpec(): Record<string, Record<string, string>> {
  const spec: Record<string, Record<string, string>> = {};
  for (const [classes, light, dark, style] of PALETTE) {
    for (const [mode, color] of [['light', light], ['dark', dark]] as const) {
      spec[classes.map((c) => `&${mode} .cm-aw-${c}`).join(', ')] = { color, ...style };
    }
  }
  spec['.cm-aw-invalid'] = { textDecoration: 'underline wavy #dc2626' };
  return spec;
}

const theme = EditorView.baseTheme(themeSpec());

/** Syntax highlighting for filters (without completion, lint or hover). */
export function highlighting(): Extension {
  return [plugin, theme];
}
