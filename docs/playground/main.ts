/**
 * The playground: the CodeMirror extension on a real page, with everything a
 * filter turns into shown live — the `where` JSON, diagnostics, the columns
 * used with their unit cost, and sample rows filtered by the predicate.
 */
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { ahrefsWhere } from '../../src/codemirror/index.js';
import { allBacklinks, compile, PredicateError, predicate } from '../../src/index.js';
import { sampleRows } from './rows.js';

const INITIAL = 'domain_rating_source >= 50 and is_dofollow and not is_spam';
const SHOWN = ['url_from', 'anchor', 'domain_rating_source', 'link_type', 'is_dofollow', 'is_spam', 'http_code', 'first_seen'];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const rows = sampleRows(allBacklinks);
const jsonEl = $<HTMLPreElement>('json');
let lastJson = '';

function cell(value: unknown): HTMLTableCellElement {
  const td = document.createElement('td');
  if (value === null || value === undefined) {
    td.textContent = 'null';
    td.className = 'null';
  } else td.textContent = Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(', ')}]` : String(value);
  td.title = td.textContent;
  return td;
}

function renderRows(columns: readonly string[], keep: ((row: Record<string, unknown>) => boolean) | undefined): void {
  const shown = [...new Set([...SHOWN, ...columns])].filter((c) => allBacklinks.byName.get(c)?.returned);
  const head = document.createElement('tr');
  for (const c of shown) {
    const th = document.createElement('th');
    th.textContent = c;
    head.appendChild(th);
  }
  const table = $<HTMLTableElement>('rows');
  table.tHead!.replaceChildren(head);
  const matching = keep ? rows.filter(keep) : rows;
  const body = matching.map((row) => {
    const tr = document.createElement('tr');
    for (const c of shown) tr.appendChild(cell(row[c]));
    return tr;
  });
  table.tBodies[0]!.replaceChildren(...body);
  $('count').textContent = keep ? `${matching.length} of ${rows.length} match` : `${rows.length} rows (filter has errors: not applied)`;
}

function update(text: string): void {
  const result = compile(text);
  if (result.json !== undefined) {
    lastJson = JSON.stringify(result.where, null, 2);
    jsonEl.textContent = lastJson;
    jsonEl.classList.remove('stale');
  } else {
    // Keep the last good JSON, dimmed, so it does not flicker away on every half-typed word.
    jsonEl.classList.add('stale');
    if (!lastJson) jsonEl.textContent = '(no valid filter yet)';
  }
  jsonEl.dataset.ok = String(result.ok);

  const list = $<HTMLUListElement>('diagnostics');
  list.replaceChildren(
    ...result.diagnostics.map((d) => {
      const li = document.createElement('li');
      li.className = d.severity;
      const where = d.range ? `${d.range.start.line}:${d.range.start.column} ` : '';
      li.textContent = `${where}${d.message} `;
      const code = document.createElement('code');
      code.textContent = d.code;
      li.appendChild(code);
      return li;
    }),
  );
  $('diagnostic-count').textContent = String(result.diagnostics.length);

  $<HTMLUListElement>('columns').replaceChildren(
    ...result.fields.map((f) => {
      const li = document.createElement('li');
      li.textContent = `${f.name} · ${f.units} unit${f.units === 1 ? '' : 's'}`;
      return li;
    }),
  );
  const perRow = result.fields.reduce((sum, f) => sum + f.units, 0);
  $('cost').textContent = result.fields.length ? `${perRow} unit${perRow === 1 ? '' : 's'} per row` : '';

  let keep: ((row: Record<string, unknown>) => boolean) | undefined;
  if (result.ok) {
    try {
      keep = predicate(text);
    } catch (error) {
      if (!(error instanceof PredicateError)) throw error; // filter-only columns: shown as not applied
    }
  }
  renderRows(result.fields.map((f) => f.name), keep);
}

const view = new EditorView({
  parent: $('editor'),
  state: EditorState.create({
    doc: INITIAL,
    extensions: [
      ahrefsWhere({ lintDelay: 200 }),
      EditorView.lineWrapping,
      EditorView.updateListener.of((u) => {
        if (u.docChanged) update(u.state.doc.toString());
      }),
    ],
  }),
});

$<HTMLButtonElement>('copy').addEventListener('click', async () => {
  const text = compile(view.state.doc.toString()).json ?? '';
  const button = $<HTMLButtonElement>('copy');
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    button.textContent = 'Copy failed';
  }
  button.dataset.copied = text;
  setTimeout(() => (button.textContent = 'Copy'), 1200);
});

update(INITIAL);
view.focus();
// For the end-to-end test and the curious: the view, from the console.
(window as unknown as { playground: unknown }).playground = { view };
