/**
 * estimateCost against hand-computed examples of spec §5: per-row cost is the
 * sum of the distinct columns of select, where and order_by (each once), the
 * total max(50, per-row × rows); traffic and traffic_domain cost 10 units,
 * class_c and the three refdomains_* columns 5, every other column 1.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/api/cost.js';
import { getCatalogue } from '../../src/catalogue/index.js';

const codes = (r: ReturnType<typeof estimateCost>) => r.diagnostics.map((d) => d.code);

describe('estimateCost: the figures of spec §5', () => {
  it('sums 1-unit columns and applies the 50-unit minimum', () => {
    // url_from 1 + anchor 1 + domain_rating_source 1 = 3 per row.
    const few = estimateCost({ select: 'url_from,anchor', where: 'domain_rating_source >= 50', rows: 10 });
    expect(few).toMatchObject({ ok: true, perRow: 3, rows: 10, total: 50, minimumApplied: true, exact: true });
    const many = estimateCost({ select: 'url_from,anchor', where: 'domain_rating_source >= 50', rows: 1000 });
    expect(many).toMatchObject({ perRow: 3, total: 3000, minimumApplied: false });
  });

  it('counts a column once, whether it is in select, where or order_by', () => {
    // traffic (10) in all three places, url_from (1): 11 per row × 100 rows.
    const r = estimateCost({ select: 'url_from,traffic', where: 'traffic > 100', orderBy: 'traffic:desc', rows: 100 });
    expect(r).toMatchObject({ ok: true, perRow: 11, total: 1100 });
    expect(r.columns).toEqual([
      { name: 'url_from', units: 1, unitsKnown: true, usedIn: ['select'], share: 1 / 11 },
      { name: 'traffic', units: 10, unitsKnown: true, usedIn: ['select', 'where', 'order_by'], share: 10 / 11 },
    ]);
  });

  it('prices the 5- and 10-unit columns as the reference does', () => {
    // class_c 5 + refdomains_source 5 + refdomains_source_domain 5 + refdomains_target_domain 5 + traffic_domain 10 = 30.
    const r = estimateCost({ select: 'class_c,refdomains_source,refdomains_source_domain,refdomains_target_domain,traffic_domain', rows: 2 });
    expect(r).toMatchObject({ ok: true, perRow: 30, total: 60, minimumApplied: false });
    expect(r.columns.map((c) => c.units)).toEqual([5, 5, 5, 5, 10]);
  });

  it('reads aliases and filter-only columns in where, and where JSON as text or object', () => {
    // DR is domain_rating_source, already selected; is_homepage_link (filter-only) can be filtered on: 1 + 1 = 2, plus url_from 1.
    const text = estimateCost({ select: 'url_from,domain_rating_source', where: 'DR >= 50 and is_homepage_link', rows: 1000 });
    expect(text).toMatchObject({ ok: true, perRow: 3, total: 3000 });
    expect(text.columns.map((c) => [c.name, c.usedIn])).toEqual([['url_from', ['select']], ['domain_rating_source', ['select', 'where']], ['is_homepage_link', ['where']]]);
    const json = estimateCost({ select: 'url_from', where: '{"field":"traffic_domain","is":["gte",1000]}', rows: 10 });
    expect(json).toMatchObject({ ok: true, perRow: 11, total: 110 });
    const object = estimateCost({ select: ['url_from'], where: { and: [{ field: 'class_c', is: ['gt', 1] }, { field: 'traffic', is: ['gt', 1] }] }, rows: 10 });
    expect(object).toMatchObject({ ok: true, perRow: 16, total: 160 });
  });

  it('takes 1,000 rows (the API default limit) when rows is not given', () => {
    expect(estimateCost({ select: 'traffic' })).toMatchObject({ rows: 1000, perRow: 10, total: 10000 });
  });

  it('is the README and TSDoc example', () => {
    const r = estimateCost({ select: 'url_from,traffic', where: 'DR >= 50 and traffic > 100', rows: 100 });
    expect(r).toMatchObject({ perRow: 12, total: 1200 });
  });
});

describe('estimateCost: select and order_by checked against the response schema', () => {
  it('refuses a filter-only column in select, with a fix that removes it', () => {
    const r = estimateCost({ select: 'url_from,is_homepage_link', rows: 10 });
    expect(r.ok).toBe(false);
    const d = r.diagnostics[0]!;
    expect(d).toMatchObject({ code: 'unknown-select-column', path: '/select/1', range: { start: { offset: 9, column: 10 }, end: { offset: 25 } } });
    expect(d.message).toContain('filter-only column');
    expect(d.suggestions).toEqual([{ message: 'Remove "is_homepage_link"', replacement: '', range: expect.objectContaining({ start: expect.objectContaining({ offset: 8 }) }) }]);
    // The figures still count what could be read.
    expect(r).toMatchObject({ perRow: 1, total: 50 });
  });

  it('suggests the closest returned column, and the column an alias stands for', () => {
    const r = estimateCost({ select: 'url_from, domian_rating_source,DR', rows: 10 });
    expect(codes(r)).toEqual(['unknown-select-column', 'unknown-select-column']);
    expect(r.diagnostics[0]!.message).toBe('site-explorer/all-backlinks does not return a column "domian_rating_source", so select cannot take it; did you mean "domain_rating_source"?');
    expect(r.diagnostics[0]).toMatchObject({ path: '/select/1', range: { start: { offset: 10 }, end: { offset: 30 } } });
    expect(r.diagnostics[0]!.suggestions![0]).toMatchObject({ replacement: 'domain_rating_source', range: { start: { offset: 10 } } });
    expect(r.diagnostics[1]!.suggestions!.map((s) => s.replacement)).toEqual(['domain_rating_source']);
  });

  it('array entries get a path and no range (so no replacement fix)', () => {
    const r = estimateCost({ select: ['url_from', 'trafic'], rows: 10 });
    expect(r.diagnostics[0]).toMatchObject({ code: 'unknown-select-column', path: '/select/1' });
    expect(r.diagnostics[0]!.range).toBeUndefined();
    expect(r.diagnostics[0]!.suggestions).toBeUndefined();
  });

  it('order_by cannot take link_group_count, which select can', () => {
    expect(estimateCost({ select: 'link_group_count' }).ok).toBe(true);
    const r = estimateCost({ select: 'url_from', orderBy: 'link_group_count:desc' });
    expect(r.diagnostics).toEqual([expect.objectContaining({
      code: 'unknown-order-by-column', path: '/orderBy/0',
      message: 'site-explorer/all-backlinks returns "link_group_count" but does not support it in order_by.',
    })]);
    expect(codes(estimateCost({ select: 'url_from', orderBy: 'len_url_redirect' }))).toEqual(['unknown-order-by-column']);
  });

  it('order_by entries: a column with :asc or :desc; a misspelt column keeps its direction in the fix', () => {
    const r = estimateCost({ select: 'url_from', orderBy: 'traffic:desc,url_rating_source,domain_rating_source:asc', rows: 100 });
    expect(r).toMatchObject({ ok: true, perRow: 13, total: 1300 });
    const bad = estimateCost({ select: 'url_from', orderBy: 'traffic:DESC,trafic:desc,anchor:up' });
    expect(codes(bad)).toEqual(['invalid-order-direction', 'unknown-order-by-column', 'invalid-order-direction']);
    expect(bad.diagnostics[0]!.suggestions!.map((s) => s.replacement)).toEqual(['traffic:desc']);
    expect(bad.diagnostics[1]!.suggestions!.map((s) => s.replacement)).toEqual(['traffic:desc']);
    expect(bad.diagnostics[2]!.suggestions).toBeUndefined();
  });

  it('select is required, entries are names, rows a whole number ≥ 0', () => {
    expect(estimateCost({ where: 'DR > 1' }).diagnostics[0]).toMatchObject({ code: 'invalid-option', path: '/select' });
    expect(estimateCost({ select: [] }).diagnostics[0]).toMatchObject({ code: 'invalid-option', path: '/select' });
    expect(estimateCost({ select: 'url_from,,anchor' }).diagnostics[0]).toMatchObject({ code: 'invalid-option', path: '/select/1' });
    expect(estimateCost({ select: 42 as unknown as string }).diagnostics[0]!.message).toContain('The select option must be');
    for (const rows of [-1, 1.5, Number.NaN, '10']) {
      const r = estimateCost({ select: 'url_from', rows: rows as number });
      expect(r.ok).toBe(false);
      expect(r.diagnostics[0]!.message).toContain('The rows option must be a whole number ≥ 0');
    }
    expect(estimateCost({ select: 'traffic', rows: 0 })).toMatchObject({ ok: true, total: 50, minimumApplied: true });
  });
});

describe('estimateCost: the filter, the catalogue and the options', () => {
  it("reports the filter's diagnostics as compile does, after select's", () => {
    const r = estimateCost({ select: 'trafic', where: 'domain_ratng_source > 5', rows: 10 });
    expect(codes(r)).toEqual(['unknown-select-column', 'unknown-column']);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.path)).toEqual(['/select/0', '/where']);
    expect(r.diagnostics[1]!.range).toMatchObject({ start: { offset: 0 }, end: { offset: 19 } }); // in the query text
    const json = estimateCost({ select: 'url_from', where: '{"not":{"field":"x","is":["eq",1]}}' });
    expect(codes(json)).toEqual(['unknown-column']);
    expect(json.diagnostics[0]!.path).toMatch(/^\/where\/not/);
    expect(estimateCost({ select: 'url_from', rows: -1 }).diagnostics[0]!.path).toBe('/rows');
    expect(codes(estimateCost({ select: 'url_from', where: '{"field":' }))).toEqual(['json-syntax']);
  });

  it('takes an endpoint name; a misspelt one is unknown-catalogue', () => {
    const r = estimateCost({ catalogue: 'site-explorer/all-backlinks', select: 'traffic', rows: 10 });
    expect(r).toMatchObject({ ok: true, total: 100 });
    const bad = estimateCost({ catalogue: 'keywords-explorer/overveiw', select: 'keyword' });
    expect(bad.ok).toBe(false);
    expect(codes(bad)).toEqual(['unknown-catalogue']);
  });

  it('on an endpoint without select facts: an info, where-column units by name, 1 unit otherwise, a lower bound', () => {
    // keyword 1 + volume 10 (a where column of 10 units) + country (unknown: 1) = 12 per row.
    const r = estimateCost({ catalogue: 'keywords-explorer/overview', select: 'keyword,volume,country', rows: 10 });
    expect(r).toMatchObject({ ok: true, perRow: 12, total: 120, exact: false });
    expect(r.columns.find((c) => c.name === 'country')).toMatchObject({ units: 1, unitsKnown: false });
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'request-columns-unknown', severity: 'info' })]);
    expect(r.diagnostics[0]!.message).toContain('"country" is not among its where columns');
    const named = estimateCost({ catalogue: getCatalogue('keywords-explorer/overview')!, select: 'keyword,volume', orderBy: 'volume:desc', rows: 10 });
    expect(named).toMatchObject({ ok: true, perRow: 11, exact: true });
    expect(named.diagnostics[0]!.message).toContain('each is counted at the units of the where column of its name');
  });

  it('never throws: options that are not an object, or whose getters throw', () => {
    expect(codes(estimateCost(null as never))).toEqual(['invalid-option']);
    const hostile = { select: 'url_from', get rows(): number { throw new Error('boom'); } };
    const r = estimateCost(hostile);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.message).toBe('The rows option could not be read: boom.');
  });
});

describe('estimateCost: the examples of docs/api.md, docs/diagnostics.md and README.md hold', () => {
  it('docs/api.md', () => {
    const r = estimateCost({ select: 'url_from,traffic', where: 'DR >= 50 and traffic > 100', orderBy: 'traffic:desc', rows: 100 });
    expect(r).toMatchObject({ perRow: 12, total: 1200 });
    expect(r.columns[1]).toMatchObject({ name: 'traffic', usedIn: ['select', 'where', 'order_by'] });
    expect(estimateCost({ select: 'url_from,anchor', rows: 10 })).toMatchObject({ total: 50, minimumApplied: true });
    expect(estimateCost({ select: 'url_from,is_homepage_link' }).diagnostics[0]!.message).toBe(
      '"is_homepage_link" is a filter-only column of site-explorer/all-backlinks: where can test it, but rows never hold it, so select cannot take it.');
  });

  it('docs/diagnostics.md', () => {
    const docs = readFileSync('docs/diagnostics.md', 'utf8');
    const examples: [Parameters<typeof estimateCost>[0], string][] = [
      [{ select: 'url_from,domian_rating_source', rows: 100 }, 'unknown-select-column'],
      [{ select: 'url_from', orderBy: 'link_group_count:desc' }, 'unknown-order-by-column'],
      [{ select: 'url_from', orderBy: 'traffic:DESC' }, 'invalid-order-direction'],
      [{ catalogue: 'keywords-explorer/overview', select: 'keyword,volume,country', rows: 10 }, 'request-columns-unknown'],
    ];
    for (const [options, code] of examples) {
      const d = estimateCost(options).diagnostics.find((x) => x.code === code)!;
      expect(docs).toContain(`> ${d.message}`);
    }
  });

  it('README.md', () => {
    const readme = readFileSync('README.md', 'utf8');
    const r = estimateCost({ select: 'url_from,traffic', where: 'DR >= 50', orderBy: 'traffic:desc', rows: 100 });
    expect(r.total).toBe(1200);
    expect(readme).toContain("estimateCost({ select: 'url_from,traffic', where: 'DR >= 50', orderBy: 'traffic:desc', rows: 100 }).total; // 1200");
  });
});
