/**
 * Before anything is timed: does every implementation of a query select the
 * same rows as ours? A peer that selects other rows is doing other work, so
 * it is left out of that query's line of the table, with the reason (its
 * `knownDifference`, or the rows that differ when no reason is known).
 *
 *   npx tsx bench/check-agreement.ts        # BENCH_ROWS rows (default 5,000 here)
 *
 * test/bench-agreement.test.ts runs the same check on 5,000 rows and asserts
 * that our predicate agrees with the hand-written function on every query.
 */
import { predicate } from '../src/api/predicate.js';
import { PEERS, QUERIES, type BenchQuery, type PeerName, type RowTest } from './queries.js';

type Row = Record<string, unknown>;

/** How one implementation compares with ours on one query. */
export type Verdict =
  | { readonly status: 'agrees'; readonly matches: number }
  | { readonly status: 'differs'; readonly matches: number; readonly reason: string; readonly firstRow: number; readonly differing: number }
  | { readonly status: 'inexpressible'; readonly reason: string }
  | { readonly status: 'error'; readonly reason: string };

/** The agreement of every implementation of one query. */
export interface QueryAgreement {
  readonly query: BenchQuery;
  /** Indices of the rows our predicate selects (empty when it could not be built). */
  readonly ours: readonly number[];
  /** Set when our predicate could not be compiled (then nothing else is compared). */
  readonly oursError?: string;
  readonly handWritten: Verdict;
  readonly peers: Readonly<Record<PeerName, Verdict>>;
}

/** Builds our predicate from query text; the default is the library's {@link predicate}. */
export type OursFactory = (text: string) => RowTest;

/** The indices of the rows a test selects. */
export function matchingIndices(test: RowTest, rows: readonly Row[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) if (test(rows[i]!)) out.push(i);
  return out;
}

function compare(expected: readonly number[], test: RowTest, rows: readonly Row[], knownDifference?: string): Verdict {
  let got: number[];
  try {
    got = matchingIndices(test, rows);
  } catch (error) {
    return { status: 'error', reason: `throws on a row: ${(error as Error).message.split('\n')[0]}` };
  }
  const a = new Set(expected);
  const b = new Set(got);
  const differing: number[] = [];
  for (const i of a) if (!b.has(i)) differing.push(i);
  for (const i of b) if (!a.has(i)) differing.push(i);
  if (differing.length === 0) return { status: 'agrees', matches: got.length };
  differing.sort((x, y) => x - y);
  const first = differing[0]!;
  const side = a.has(first) ? 'misses' : 'also selects';
  const reason = knownDifference ?? `unexplained: ${differing.length} rows differ (it ${side} row ${first})`;
  return { status: 'differs', matches: got.length, reason, firstRow: first, differing: differing.length };
}

/** Checks one query: ours, the hand-written function, and every peer. */
export function checkQuery(query: BenchQuery, rows: readonly Row[], ours: OursFactory = predicateOf): QueryAgreement {
  const peers = {} as Record<PeerName, Verdict>;
  let oursRows: number[] = [];
  let oursError: string | undefined;
  try {
    oursRows = matchingIndices(ours(query.text), rows);
  } catch (error) {
    oursError = (error as Error).message;
  }
  const handWritten: Verdict = oursError !== undefined ? { status: 'error', reason: 'ours failed' } : compare(oursRows, query.handWritten, rows);
  for (const peer of PEERS) {
    const translation = query.peers[peer];
    if (!translation) {
      peers[peer] = { status: 'inexpressible', reason: query.inexpressible[peer] ?? 'not expressible' };
      continue;
    }
    if (oursError !== undefined) {
      peers[peer] = { status: 'error', reason: 'ours failed' };
      continue;
    }
    let test: RowTest;
    try {
      test = translation.compile();
    } catch (error) {
      peers[peer] = { status: 'error', reason: `does not compile: ${(error as Error).message.split('\n')[0]}` };
      continue;
    }
    peers[peer] = compare(oursRows, test, rows, translation.knownDifference);
  }
  return { query, ours: oursRows, ...(oursError !== undefined ? { oursError } : {}), handWritten, peers };
}

/** Our predicate, from the public API. */
export const predicateOf: OursFactory = (text) => predicate(text) as RowTest;

/** Checks every query (default: all of {@link QUERIES}). */
export function checkAgreement(rows: readonly Row[], queries: readonly BenchQuery[] = QUERIES, ours: OursFactory = predicateOf): QueryAgreement[] {
  return queries.map((q) => checkQuery(q, rows, ours));
}

/** A short text summary, one line per implementation and query. */
export function formatAgreement(report: readonly QueryAgreement[]): string {
  const lines: string[] = [];
  for (const a of report) {
    lines.push(`${a.query.title}: ours ${a.oursError !== undefined ? `FAILED (${a.oursError.split('\n')[0]})` : `${a.ours.length} rows`}`);
    const show = (name: string, v: Verdict) => {
      const text = v.status === 'agrees' ? `agrees (${v.matches} rows)` : v.status === 'differs' ? `DIFFERS (${v.matches} rows, ${v.differing} differ): ${v.reason}` : `${v.status}: ${v.reason}`;
      lines.push(`  ${name.padEnd(14)} ${text}`);
    };
    show('hand-written', a.handWritten);
    for (const peer of PEERS) show(peer, a.peers[peer]);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { generateRows } = await import('./rows.js');
  const count = Number(process.env.BENCH_ROWS) > 0 ? Number(process.env.BENCH_ROWS) : 5_000;
  console.log(formatAgreement(checkAgreement(generateRows(count))));
}
