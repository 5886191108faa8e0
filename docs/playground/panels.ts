/**
 * The panels beside the editor, each drawn from one result: the diagnostics
 * list (with a button per fix), the columns and the cost of the request
 * (from estimateCost), and the sample rows the predicate keeps.
 */
import type { Catalogue, CostEstimate, Diagnostic, RequestPart, Suggestion } from '../../src/index.js';

/** Where a fix goes: the filter, or one of the request's text fields. */
export type FixTarget = 'filter' | 'select' | 'orderBy';

/** A fix to apply: replace [from, to) of the target's text. */
export interface Fix {
  readonly target: FixTarget;
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};

/** The text a diagnostic points into, from its path (estimateCost's pointers into its options). */
function targetOf(d: Diagnostic): FixTarget {
  if (d.path?.startsWith('/select')) return 'select';
  if (d.path?.startsWith('/orderBy')) return 'orderBy';
  return 'filter';
}

const LABEL: Record<FixTarget, string> = { filter: '', select: 'select ', orderBy: 'order_by ' };

/** The diagnostics list: position, message, code, and one button per suggestion that has a place to go. */
export function renderDiagnostics(list: HTMLUListElement, diagnostics: readonly Diagnostic[], apply: (fix: Fix) => void): void {
  list.replaceChildren(
    ...diagnostics.map((d) => {
      const li = el('li', undefined, d.severity);
      const target = targetOf(d);
      const where = d.range ? `${LABEL[target]}${d.range.start.line}:${d.range.start.column} ` : LABEL[target];
      li.append(el('span', `${where}${d.message} `, 'message'), el('code', d.code));
      const fixes = (d.suggestions ?? []).filter((s: Suggestion) => (s.range ?? d.range) !== undefined).slice(0, 3);
      if (fixes.length > 0) {
        const bar = el('span', undefined, 'fixes');
        for (const s of fixes) {
          const range = (s.range ?? d.range)!;
          const button = el('button', s.message, 'fix');
          button.type = 'button';
          button.addEventListener('click', () => apply({ target, from: range.start.offset, to: range.end.offset, insert: s.replacement }));
          bar.appendChild(button);
        }
        li.appendChild(bar);
      }
      return li;
    }),
  );
}

const units = (n: number, known = true) => `${n}${known ? '' : '?'} unit${n === 1 ? '' : 's'}`;
const grouped = (n: number) => n.toLocaleString('en-US');
const PART: Record<RequestPart, string> = { select: 'select', where: 'where', order_by: 'order_by' };

/** The columns of the request with their unit cost and share, and the figure spec §5 gives. */
export function renderCost(list: HTMLUListElement, total: HTMLElement, estimate: CostEstimate): void {
  list.replaceChildren(
    ...estimate.columns.map((c) => {
      const li = el('li');
      li.dataset.column = c.name;
      const bar = el('span', undefined, 'share');
      bar.style.setProperty('--share', `${Math.round(c.share * 100)}%`);
      bar.title = `${(c.share * 100).toFixed(1)}% of the per-row cost`;
      li.append(el('span', c.name, 'name'), ` · ${units(c.units, c.unitsKnown)} `, el('span', c.usedIn.map((p) => PART[p]).join(', '), 'parts'), bar);
      return li;
    }),
  );
  const charged = estimate.perRow * estimate.rows;
  const bound = estimate.exact ? '' : 'at least ';
  total.textContent = estimate.minimumApplied
    ? `${units(estimate.perRow)} per row × ${grouped(estimate.rows)} rows = ${grouped(charged)}: the minimum, ${bound}${grouped(estimate.total)} units`
    : `${units(estimate.perRow)} per row × ${grouped(estimate.rows)} rows = ${bound}${grouped(estimate.total)} units`;
  total.dataset.total = String(estimate.total);
  total.dataset.ok = String(estimate.ok);
}

/** Columns shown in the sample table before those the filter uses. */
const FIRST: Readonly<Record<string, readonly string[]>> = {
  'site-explorer/all-backlinks': ['url_from', 'anchor', 'domain_rating_source', 'link_type', 'is_dofollow', 'is_spam', 'http_code', 'first_seen'],
};

function cell(value: unknown): HTMLTableCellElement {
  const td = el('td');
  if (value === null || value === undefined) {
    td.textContent = 'null';
    td.className = 'null';
  } else td.textContent = Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(', ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value);
  td.title = td.textContent;
  return td;
}

/** The sample rows, those `keep` accepts (all of them, marked as not applied, when there is no predicate). */
export function renderRows(
  table: HTMLTableElement, count: HTMLElement, catalogue: Catalogue, rows: readonly Record<string, unknown>[],
  used: readonly string[], keep: ((row: Record<string, unknown>) => boolean) | undefined, why: string,
): void {
  const returned = catalogue.columns.filter((c) => c.returned).map((c) => c.name);
  const first = FIRST[catalogue.name] ?? returned.slice(0, 6);
  const shown = [...new Set([...first, ...used])].filter((c) => returned.includes(c));
  const head = el('tr');
  for (const c of shown) head.appendChild(el('th', c));
  table.tHead!.replaceChildren(head);
  const matching = keep ? rows.filter(keep) : rows;
  table.tBodies[0]!.replaceChildren(...matching.map((row) => {
    const tr = el('tr');
    for (const c of shown) tr.appendChild(cell(row[c]));
    return tr;
  }));
  count.textContent = keep ? `${matching.length} of ${rows.length} match` : `${rows.length} rows (${why}: not applied)`;
}
