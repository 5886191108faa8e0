/**
 * The select / order_by facts (src/catalogue/data/request-columns.json) are
 * what the API reference page says: the extractor re-run on the seed gives the
 * committed JSON, and the facts agree with the where catalogue where both speak.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractRequestColumns } from '../../scripts/extract-request-columns.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { requestColumnEndpoints, requestColumns } from '../../src/catalogue/index.js';
import committed from '../../src/catalogue/data/request-columns.json';

const SEED = new URL('../../../shared/seeds/all-backlinks.txt', import.meta.url);
const known = requestColumns('site-explorer/all-backlinks')!;

describe('request columns of all-backlinks', () => {
  it.skipIf(!existsSync(SEED))('are what the extractor reads from the seed page', () => {
    const page = readFileSync(SEED, 'utf8');
    expect({ 'site-explorer/all-backlinks': extractRequestColumns(page) }).toEqual(committed);
  });

  it('select takes the 82 returned where columns, at the where catalogue units', () => {
    const returned = allBacklinks.columns.filter((c) => c.returned);
    expect([...known.select.keys()].sort()).toEqual(returned.map((c) => c.name).sort());
    for (const column of returned) expect(known.select.get(column.name), column.name).toBe(column.units);
    expect(known.select.size).toBe(82);
  });

  it('order_by takes the same columns except link_group_count', () => {
    expect([...known.select.keys()].filter((n) => !known.orderBy.has(n))).toEqual(['link_group_count']);
    expect([...known.orderBy].every((n) => known.select.has(n))).toBe(true);
  });

  it('is the only endpoint whose select columns are known; others are undefined', () => {
    expect(requestColumnEndpoints).toEqual(['site-explorer/all-backlinks']);
    expect(requestColumns('keywords-explorer/overview')).toBeUndefined();
  });

  it('the extractor refuses a page without a response schema or with an unknown exception', () => {
    expect(() => extractRequestColumns('order_bystring\n\nA column.\n')).toThrow(/response schema/);
    const page = 'order_bystring\n\nSee the response schema, except for nope, which is not supported.\nbacklinksarray\nurl_fromstring\n';
    expect(() => extractRequestColumns(page)).toThrow(/nope/);
    const ok = 'order_bystring\n\nSee the response schema, except for b_c, which is not supported.\nbacklinksarray\na_bstring\n\n(5 units) A.\nb_cinteger or null\n\nB (3 units).\n';
    expect(extractRequestColumns(ok)).toEqual({ select: { a_b: 5, b_c: 1 }, orderBy: ['a_b'] });
  });
});
