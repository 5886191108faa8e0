/**
 * `npm run bench`: the predicate benchmark in vitest's bench runner, one
 * group per query (ours, hand-written, and every peer that selects the same
 * rows; see bench/check-agreement.ts). One bench iteration is a full pass over
 * the rows. bench/run.ts measures the same things and writes
 * docs/performance.md; this file is for quick, interactive comparisons.
 *
 * Rows: `BENCH_ROWS`, default 20,000 here (vitest runs each task many times).
 */
import { bench, describe } from 'vitest';
import { predicate } from '../src/api/predicate.js';
import { checkAgreement } from './check-agreement.js';
import { PEERS, type RowTest } from './queries.js';
import { generateRows } from './rows.js';

const rows = generateRows(Number(process.env.BENCH_ROWS) > 0 ? Number(process.env.BENCH_ROWS) : 20_000);
const agreement = checkAgreement(rows);

function pass(test: RowTest): () => void {
  return () => {
    let c = 0;
    for (let i = 0; i < rows.length; i++) if (test(rows[i]!)) c++;
    if (c < 0) throw new Error('unreachable');
  };
}

for (const a of agreement) {
  describe(a.query.title, () => {
    if (a.oursError === undefined) bench('ours', pass(predicate(a.query.text) as RowTest));
    bench('hand-written', pass(a.query.handWritten));
    for (const peer of PEERS) {
      const translation = a.query.peers[peer];
      if (a.peers[peer].status === 'agrees' && translation) bench(peer, pass(translation.compile()));
    }
  });
}
