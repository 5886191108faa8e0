/**
 * The playground: a filter for any of the 66 endpoints, with everything it
 * turns into shown live — the readable and the compact `where` JSON, the
 * request URL to paste into a script, diagnostics with fix buttons, the
 * columns of the request with their unit cost and what the request costs
 * (estimateCost), and sample rows filtered by the predicate. The page's state
 * is in the URL's fragment, so a link reproduces it; a `# endpoint: …` first
 * line in the filter chooses the endpoint, as in the CLI and the language server.
 */
import { catalogueNames, getCatalogue } from '../../src/catalogues.js';
import { compile, estimateCost, predicate, PredicateError, readEndpointDirective, registerRegexEngine, type Catalogue, type Diagnostic } from '../../src/index.js';
import { re2jsEngine } from '../../src/re2.js';
import { createEditor } from './editor.js';
import { renderMarkdown } from './markdown.js';
import { renderCost, renderDiagnostics, renderRows, type Fix } from './panels.js';
import { sampleRows } from './rows.js';
import { DEFAULTS, readState, requestUrl, writeState, type PlaygroundState } from './state.js';

// Any pattern the user types: re2js runs those a JavaScript RegExp cannot (the core bundle carries no RE2 engine).
// Registered by a call, not by a bare import, so that no bundler drops it as free of side effects.
registerRegexEngine(re2jsEngine);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const picker = $<HTMLSelectElement>('endpoint');
const selectInput = $<HTMLInputElement>('select');
const orderInput = $<HTMLInputElement>('order-by');
const rowsInput = $<HTMLInputElement>('rows-input');
const jsonEl = $<HTMLPreElement>('json');
const compactEl = $<HTMLPreElement>('where-compact');
const urlEl = $<HTMLPreElement>('request-url');

// ---- the endpoint picker: every built-in catalogue, grouped by tool
const groups = new Map<string, string[]>();
for (const name of catalogueNames) {
  const tool = name.split('/')[0]!;
  groups.set(tool, [...(groups.get(tool) ?? []), name]);
}
for (const [tool, names] of groups) {
  const group = document.createElement('optgroup');
  group.label = tool;
  for (const name of names) group.appendChild(new Option(name.slice(tool.length + 1), name));
  picker.appendChild(group);
}

// ---- dark mode: the system's preference until the toggle chooses; the choice is remembered
const THEME_KEY = 'ahrefs-where-playground-theme';
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
let themeChoice: string | null = null;
try {
  themeChoice = localStorage.getItem(THEME_KEY);
} catch { // expected: storage is off (private mode, file://); the system preference decides
  themeChoice = null;
}
const isDark = () => (themeChoice ?? (systemDark.matches ? 'dark' : 'light')) === 'dark';
function applyTheme(dark: boolean): void {
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  $('theme').textContent = dark ? '☀ Light' : '☾ Dark';
  $('theme').setAttribute('aria-pressed', String(dark));
  editor.setDark(dark);
}

// ---- state
let state: PlaygroundState = readState(location.hash, catalogueNames);
let catalogue: Catalogue = getCatalogue(state.endpoint)!;
const rowsByEndpoint = new Map<string, Record<string, unknown>[]>();
const rowsOf = (c: Catalogue) => rowsByEndpoint.get(c.name) ?? rowsByEndpoint.set(c.name, sampleRows(c)).get(c.name)!;
let lastJson = '';

function setEndpoint(name: string, followSelect = true): void {
  const next = getCatalogue(name);
  if (!next || next.name === catalogue.name) return;
  // A select list still at the old endpoint's default follows the endpoint; one the user typed stays.
  if (followSelect && state.select === defaultSelect(catalogue)) state = { ...state, select: defaultSelect(next) };
  catalogue = next;
  editor.setCatalogue(next);
  showState();
}

/** A select list to start from: the all-backlinks default, or an endpoint's first four returned columns. */
function defaultSelect(c: Catalogue): string {
  return c.name === DEFAULTS.endpoint ? DEFAULTS.select : c.columns.filter((col) => col.returned).slice(0, 4).map((col) => col.name).join(',');
}

function copyButton(id: string, text: () => string): void {
  const button = $<HTMLButtonElement>(id);
  button.addEventListener('click', async () => {
    const value = text();
    button.dataset.copied = value;
    try {
      await navigator.clipboard.writeText(value);
      button.textContent = 'Copied';
    } catch (error) {
      button.textContent = error instanceof DOMException && error.name === 'NotAllowedError' ? 'Not allowed' : 'Copy failed';
    }
    setTimeout(() => (button.textContent = 'Copy'), 1200);
  });
}

function applyFix(fix: Fix): void {
  if (fix.target === 'filter') {
    editor.view.dispatch({ changes: { from: fix.from, to: fix.to, insert: fix.insert } });
    editor.view.focus();
    return;
  }
  const input = fix.target === 'select' ? selectInput : orderInput;
  input.value = input.value.slice(0, fix.from) + fix.insert + input.value.slice(fix.to);
  readFields();
}

function readFields(): void {
  const rows = Number(rowsInput.value);
  state = { ...state, select: selectInput.value, orderBy: orderInput.value, rows: Number.isSafeInteger(rows) && rows >= 0 ? rows : state.rows };
  update();
}

function update(): void {
  const text = state.filter;
  // A first-line `# endpoint: …` wins over the picker; an unknown name is a diagnostic on the name (with fixes).
  const directive = readEndpointDirective(text);
  if (directive?.catalogue) setEndpoint(directive.catalogue.name);
  state = { ...state, endpoint: catalogue.name };
  history.replaceState(null, '', writeState(state));

  const result = compile(text, { catalogue });
  const estimate = estimateCost({
    catalogue, select: state.select, orderBy: state.orderBy, rows: state.rows,
    ...(text.trim() === '' ? {} : { where: text }),
  });
  if (result.ok) {
    lastJson = JSON.stringify(result.where, null, 2);
    jsonEl.textContent = lastJson;
    compactEl.textContent = result.json;
  } else if (!lastJson) jsonEl.textContent = '(no valid filter yet)';
  // Keep the last good JSON, dimmed, so it does not flicker away on every half-typed word.
  for (const node of [jsonEl, compactEl, urlEl]) node.classList.toggle('stale', !result.ok);
  jsonEl.dataset.ok = String(result.ok);
  urlEl.textContent = requestUrl(catalogue.name, { select: state.select, where: result.ok ? result.json : undefined, orderBy: state.orderBy, rows: state.rows });

  // estimateCost reports the filter's diagnostics too (path /where), after those of select; order_by's come last.
  const diagnostics: Diagnostic[] = [...(directive?.diagnostics ?? []), ...estimate.diagnostics];
  renderDiagnostics($<HTMLUListElement>('diagnostics'), diagnostics, applyFix);
  $('diagnostic-count').textContent = String(diagnostics.length);
  renderCost($<HTMLUListElement>('columns'), $('cost'), estimate);

  let keep: ((row: Record<string, unknown>) => boolean) | undefined;
  let why = 'the filter has errors';
  if (result.ok) {
    try {
      keep = predicate(text, { catalogue });
    } catch (error) {
      if (!(error instanceof PredicateError)) throw error;
      // The API can run it, rows cannot (a filter-only column, which rows never hold): say why.
      why = error.diagnostics.find((d) => d.severity === 'error')?.message.replace(/\.$/, '') ?? 'the predicate cannot run it';
    }
  }
  renderRows($<HTMLTableElement>('rows'), $('count'), catalogue, rowsOf(catalogue), result.fields.map((f) => f.name), keep, why);
}

function showState(): void {
  picker.value = catalogue.name;
  selectInput.value = state.select;
  orderInput.value = state.orderBy;
  rowsInput.value = String(state.rows);
}

// Keystrokes faster than frames redraw the panels once: typing stays responsive.
let pending = false;
function scheduleUpdate(): void {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    update();
  });
}

const editor = createEditor($('editor'), state.filter, catalogue, isDark(), (text) => {
  state = { ...state, filter: text };
  scheduleUpdate();
});
applyTheme(isDark());
showState();

picker.addEventListener('change', () => {
  const directive = readEndpointDirective(state.filter);
  if (directive) {
    // The directive names the endpoint: rewrite it, so that the text and the picker agree.
    editor.view.dispatch({ changes: { from: directive.range.start.offset, to: directive.range.end.offset, insert: picker.value } });
    return;
  }
  setEndpoint(picker.value);
  update();
});
for (const input of [selectInput, orderInput, rowsInput]) input.addEventListener('input', readFields);
$('theme').addEventListener('click', () => {
  themeChoice = isDark() ? 'light' : 'dark';
  try {
    localStorage.setItem(THEME_KEY, themeChoice);
  } catch { // expected: storage is off (private mode, file://): the choice then holds for this page only
  }
  applyTheme(isDark());
});
systemDark.addEventListener('change', () => applyTheme(isDark()));
// A link pasted into this tab: show its state.
window.addEventListener('hashchange', () => {
  const next = readState(location.hash, catalogueNames);
  if (writeState(next) === writeState(state)) return;
  state = next;
  setEndpoint(next.endpoint, false);
  showState();
  editor.view.dispatch({ changes: { from: 0, to: editor.view.state.doc.length, insert: next.filter } });
  update();
});
copyButton('copy', () => compile(state.filter, { catalogue }).json ?? '');
copyButton('copy-url', () => urlEl.textContent ?? '');

update();
editor.view.focus();
// For the end-to-end test and the curious: the view, from the console.
(window as unknown as { playground: unknown }).playground = { view: editor.view, renderMarkdown };
