/**
 * `npm run bench`: the cost of emitting SQL against the cost of compiling
 * the same filter to `where` JSON (the target: toSql costs no more than
 * compile). Both parse and check the text; the difference is the back end.
 * Each bench query, and each dialect, is one group; the first call of each
 * pays for one-time tables (the PostgreSQL word ranges, the upper-case
 * table), which the bench's warm-up absorbs.
 */
import { bench, describe } from 'vitest';
import { compile } from '../src/api/compile.js';
import { toSql } from '../src/sql.js';
import { QUERIES } from './queries.js';

const EXTRA = [
  'any(languages) = "en" and not (anchor icontains "casino") and uppercase(title) starts with "SEO"',
  'anchor contains phrase "link building" or anchor matches /^buy\\s+\\w+/',
];

for (const text of [...QUERIES.map((q) => q.text), ...EXTRA]) {
  describe(text, () => {
    bench('compile (where JSON)', () => {
      if (!compile(text).ok) throw new Error(text);
    });
    for (const dialect of ['duckdb', 'postgres', 'clickhouse'] as const) {
      bench(`toSql ${dialect}`, () => {
        if (!toSql(text, { dialect }).ok) throw new Error(text);
      });
    }
  });
}
