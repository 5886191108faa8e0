/**
 * What the page shows, as one value that lives in the URL's fragment
 * (`#endpoint=…&select=…&filter=…`), so that a link reproduces the page: the
 * endpoint, the filter text, and the request's select, order_by and rows.
 * The fragment never reaches a server, which keeps filters out of logs.
 */

export interface PlaygroundState {
  readonly endpoint: string;
  readonly filter: string;
  readonly select: string;
  readonly orderBy: string;
  readonly rows: number;
}

export const DEFAULTS: PlaygroundState = {
  endpoint: 'site-explorer/all-backlinks',
  filter: 'domain_rating_source >= 50 and is_dofollow and not is_spam',
  select: 'url_from,anchor,domain_rating_source,traffic',
  orderBy: 'traffic:desc',
  rows: 100,
};

/** The state a fragment describes; what it leaves out (or spells badly) keeps its default. */
export function readState(hash: string, endpoints: readonly string[]): PlaygroundState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const text = (key: string, fallback: string) => params.get(key) ?? fallback;
  const endpoint = params.get('endpoint');
  const rows = Number(params.get('rows'));
  return {
    endpoint: endpoint !== null && endpoints.includes(endpoint) ? endpoint : DEFAULTS.endpoint,
    filter: text('filter', DEFAULTS.filter),
    select: text('select', DEFAULTS.select),
    orderBy: text('order_by', DEFAULTS.orderBy),
    rows: params.has('rows') && Number.isSafeInteger(rows) && rows >= 0 ? rows : DEFAULTS.rows,
  };
}

/** The fragment of a state (with the leading `#`). */
export function writeState(state: PlaygroundState): string {
  const params = new URLSearchParams({
    endpoint: state.endpoint,
    select: state.select,
    order_by: state.orderBy,
    rows: String(state.rows),
    filter: state.filter,
  });
  return `#${params.toString()}`;
}

/** The API's base address. */
export const API_BASE = 'https://api.ahrefs.com/v3/';

/**
 * The request as one pastes it into a script: the endpoint's address with
 * `select`, `where` (the compact JSON), `order_by` and `limit`, each value
 * percent-encoded as encodeURIComponent does (`,` as `%2C`, a space as `%20`).
 * Parameters the endpoint needs besides these (`target`, `country`, …) are the
 * caller's to add.
 */
export function requestUrl(endpoint: string, parts: { select: string; where: string | undefined; orderBy: string; rows: number }): string {
  const query: [string, string][] = [['select', parts.select]];
  if (parts.where !== undefined) query.push(['where', parts.where]);
  if (parts.orderBy.trim() !== '') query.push(['order_by', parts.orderBy]);
  query.push(['limit', String(parts.rows)]);
  return `${API_BASE}${endpoint}?${query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}
