/**
 * `ahrefs-where/codemirror`: CodeMirror 6 support for the filter language,
 * as thin adapters over the language service (src/editor): highlighting from
 * `classify`, completion from `complete`, lint with quick fixes from
 * `diagnose`, hover tooltips from `hover`.
 *
 * @example
 * import { EditorView, basicSetup } from 'codemirror';
 * import { ahrefsWhere } from 'ahrefs-where/codemirror';
 * new EditorView({ doc: 'DR >= 50', extensions: [basicSetup, ahrefsWhere()], parent: document.body });
 *
 * @packageDocumentation
 */
import { autocompletion, type Completion, type CompletionContext, type CompletionResult, type CompletionSource } from '@codemirror/autocomplete';
import { linter, lintGutter, type Action, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, hoverTooltip, type Tooltip } from '@codemirror/view';
import type { Catalogue } from '../catalogue/index.js';
import { complete, diagnose, hover } from '../editor/index.js';
import { markdownToText } from '../editor/markdown.js';
import { scan } from '../editor/tokens.js';
import type { CompletionKind, EditorOptions } from '../editor/index.js';
import { highlighting } from './highlight.js';

export { highlighting } from './highlight.js';

/** Options of {@link ahrefsWhere}. */
export interface AhrefsWhereOptions {
  /** The endpoint's columns: a built catalogue or a built-in endpoint's name. Default: all-backlinks. */
  readonly catalogue?: Catalogue | string;
  /** Milliseconds of quiet before the linter runs. Default 300 (diagnose takes well under a millisecond). */
  readonly lintDelay?: number;
  /** Show the lint gutter. Default true. */
  readonly gutter?: boolean;
}

const TYPE: Record<CompletionKind, string> = { column: 'property', operator: 'keyword', value: 'enum', keyword: 'keyword' };

/** Renders the service's Markdown documentation as plain text (no HTML injection: textContent only). */
function info(markdown: string): () => Node {
  return () => {
    const div = document.createElement('div');
    div.className = 'cm-aw-info';
    div.textContent = markdownToText(markdown);
    return div;
  };
}

/** The end of the word, string or name that `pos` is inside (or `pos` itself). */
function wordEnd(text: string, pos: number): number {
  const token = scan(text).find((t) => t.start < pos && pos < t.end);
  return token && (token.kind === 'identifier' || token.kind === 'keyword' || token.kind === 'string') ? token.end : pos;
}

/** A completion source over {@link complete}, for use with your own `autocompletion()` setup. */
export function completionSource(options: { readonly catalogue?: Catalogue | string } = {}): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const text = context.state.doc.toString();
    const items = complete(text, context.pos, options);
    if (items.length === 0) return null;
    // Only pop up unasked when there is something being typed or a position that wants a next token.
    if (!context.explicit && items[0]!.replace.start === context.pos && !/[\s(,=<>]$/.test(text.slice(0, context.pos))) return null;
    const from = Math.min(...items.map((i) => i.replace.start));
    const to = Math.max(...items.map((i) => i.replace.end));
    const completions: Completion[] = items.map((item, i) => ({
      label: item.label,
      detail: item.detail,
      info: info(item.documentation),
      type: TYPE[item.kind],
      boost: -i / items.length, // keep the service's order among equally good matches
      apply: (view, _completion, applyFrom, applyTo) => {
        // Replace the whole word under the cursor, as the service intends, measured in the document as it is now.
        const to = wordEnd(view.state.doc.toString(), applyTo);
        view.dispatch({
          changes: { from: applyFrom, to, insert: item.insertText },
          selection: { anchor: applyFrom + item.insertText.length },
          userEvent: 'input.complete',
        });
      },
    }));
    return { from, to, options: completions, validFor: /^[\w."'`]*$/ };
  };
}

/**
 * A layout setting of a caller's options object (a delay, the gutter flag), or
 * undefined when there is none. The `catalogue` is not read here: the options
 * object itself goes to the language service, which reports a bad one.
 */
function setting(options: unknown, key: string): unknown {
  if (typeof options !== 'object' || options === null) return undefined;
  try {
    return (options as Record<string, unknown>)[key];
  } catch { // expected: a throwing getter or proxy; the service, given the same object, reports it as invalid-option
    return undefined;
  }
}

function delayOf(value: unknown): number {
  return typeof value === 'number' && value >= 0 && Number.isFinite(value) ? value : 300;
}

/** A linter over {@link diagnose}, with quick-fix actions from did-you-mean suggestions. */
export function whereLinter(options: { readonly catalogue?: Catalogue | string; readonly delay?: number } = {}): Extension {
  return lint(options, delayOf(setting(options, 'delay')));
}

function lint(options: unknown, delay: number): Extension {
  return linter(
    (view): CmDiagnostic[] => {
      const length = view.state.doc.length;
      return diagnose(view.state.doc.toString(), options as EditorOptions).map((d) => {
        const actions: Action[] = d.fixes.map((fix) => ({
          name: fix.title,
          apply: (v: EditorView) => v.dispatch({ changes: { from: fix.start, to: fix.end, insert: fix.newText } }),
        }));
        return {
          from: Math.min(d.start, length),
          to: Math.min(d.end, length),
          severity: d.severity,
          source: d.code,
          message: d.message,
          actions,
        };
      });
    },
    { delay },
  );
}

/** Options of {@link whereHover}. */
export interface WhereHoverOptions {
  readonly catalogue?: Catalogue | string;
  /**
   * Renders a hover's Markdown into DOM. Default: each paragraph as plain
   * text, since the content names columns from a catalogue that may come
   * from anywhere; a renderer of your own must keep data as text too.
   */
  readonly render?: (markdown: string) => Node;
}

/** Markdown shown as text, one paragraph per block. */
function markdownAsText(markdown: string): Node {
  const fragment = document.createDocumentFragment();
  for (const block of markdownToText(markdown).split('\n\n')) {
    const p = document.createElement('p');
    p.textContent = block;
    fragment.appendChild(p);
  }
  return fragment;
}

/** The `render` option; options reach here from untyped callers too, so anything but a readable function keeps the text renderer. */
function renderOption(options: unknown): (markdown: string) => Node {
  let given: unknown;
  try {
    given = typeof options === 'object' && options !== null ? (options as { render?: unknown }).render : undefined;
  } catch { // expected: a hostile getter; the language service reports its options itself, the renderer falls back
    given = undefined;
  }
  return typeof given === 'function' ? (given as (markdown: string) => Node) : markdownAsText;
}

/** Hover tooltips over {@link hover}. */
export function whereHover(options: WhereHoverOptions = {}): Extension {
  const render = renderOption(options);
  return hoverTooltip((view, pos): Tooltip | null => {
    const result = hover(view.state.doc.toString(), pos, options);
    if (!result) return null;
    return {
      pos: result.range.start,
      end: result.range.end,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'cm-aw-hover';
        dom.appendChild(render(result.contents));
        return { dom };
      },
    };
  });
}

const theme = EditorView.baseTheme({
  '.cm-aw-hover': { padding: '2px 8px', maxWidth: '36em', fontSize: '90%' },
  '.cm-aw-hover p': { margin: '4px 0', whiteSpace: 'pre-wrap' },
  '.cm-aw-info': { whiteSpace: 'pre-wrap', maxWidth: '32em' },
});

/**
 * Everything for editing filters in CodeMirror 6: highlighting, completion,
 * lint with quick fixes, hover, and `#` as the line-comment token (for
 * toggle-comment). Works with any catalogue.
 */
export function ahrefsWhere(options: AhrefsWhereOptions = {}): Extension[] {
  // The options object goes to the service as it is: a bad catalogue is reported by the linter, never replaced.
  const source = completionSource(options);
  return [
    highlighting(),
    // Language data rather than `override`, so that an autocompletion() the host already configured picks the source up too.
    EditorState.languageData.of(() => [{ commentTokens: { line: '#' }, autocomplete: source }]),
    autocompletion(),
    lint(options, delayOf(setting(options, 'lintDelay'))),
    ...(setting(options, 'gutter') === false ? [] : [lintGutter()]),
    whereHover(options),
    theme,
  ];
}
