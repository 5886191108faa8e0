/**
 * The playground's editor: the pieces of `ahrefs-where/codemirror`
 * (highlighting, completion, lint with quick fixes) for the chosen endpoint,
 * with hover tooltips whose Markdown is rendered (bold, code, lists) instead
 * of shown as text, and a dark variant. The endpoint and the theme live in
 * compartments, so switching either keeps the text, the selection and the
 * undo history.
 */
import { autocompletion } from '@codemirror/autocomplete';
import { lintGutter } from '@codemirror/lint';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { completionSource, highlighting, whereHover, whereLinter } from '../../src/codemirror/index.js';
import type { Catalogue } from '../../src/index.js';
import { renderMarkdown } from './markdown.js';

const endpoint = new Compartment();
const theme = new Compartment();

function forCatalogue(catalogue: Catalogue): Extension {
  const source = completionSource({ catalogue });
  return [
    EditorState.languageData.of(() => [{ commentTokens: { line: '#' }, autocomplete: source }]),
    whereLinter({ catalogue, delay: 200 }),
    whereHover({ catalogue, render: renderMarkdown }),
  ];
}

export interface PlaygroundEditor {
  readonly view: EditorView;
  setCatalogue(catalogue: Catalogue): void;
  setDark(dark: boolean): void;
}

export function createEditor(parent: HTMLElement, doc: string, catalogue: Catalogue, dark: boolean, onChange: (text: string) => void): PlaygroundEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        highlighting(),
        autocompletion(),
        lintGutter(),
        endpoint.of(forCatalogue(catalogue)),
        theme.of(EditorView.darkTheme.of(dark)),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': 'Filter' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    setCatalogue: (c) => view.dispatch({ effects: endpoint.reconfigure(forCatalogue(c)) }),
    setDark: (d) => view.dispatch({ effects: theme.reconfigure(EditorView.darkTheme.of(d)) }),
  };
}
