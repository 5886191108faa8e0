/**
 * The `select` / `order_by` columns of the endpoints whose API reference
 * lists them (data/request-columns.json, extracted from the reference page by
 * scripts/extract-request-columns.ts). Small enough for the core bundle:
 * `estimateCost` checks a request against it.
 */
import REQUEST_COLUMNS from './data/request-columns.json';
import type { RequestColumns } from './types.js';

interface RequestColumnData {
  readonly select: Readonly<Record<string, number>>;
  readonly orderBy: readonly string[];
}

const data = REQUEST_COLUMNS as Readonly<Record<string, RequestColumnData>>;
const cache = new Map<string, RequestColumns>();

/** The names of the endpoints whose `select` and `order_by` columns are known. */
export const requestColumnEndpoints: readonly string[] = Object.freeze(Object.keys(data).sort());

/**
 * The columns `select` and `order_by` take on an endpoint (by catalogue name,
 * `site-explorer/all-backlinks`), or undefined when the reference this
 * library was built from does not list them.
 */
export function requestColumns(endpoint: string): RequestColumns | undefined {
  const cached = cache.get(endpoint);
  if (cached) return cached;
  if (!Object.prototype.hasOwnProperty.call(data, endpoint)) return undefined;
  const entry = data[endpoint]!;
  const columns: RequestColumns = { endpoint, select: new Map(Object.entries(entry.select)), orderBy: new Set(entry.orderBy) };
  cache.set(endpoint, columns);
  return columns;
}
