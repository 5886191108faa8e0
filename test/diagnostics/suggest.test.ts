/**
 * Issue 12 §3: one ranking for "did you mean" and for completion, tested on
 * a table of real typos of the catalogues' column names, and on words that
 * must get nothing rather than nonsense.
 */
import { describe, expect, it } from 'vitest';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import { suggestColumns } from '../../src/catalogue/resolve.js';
import { editDistance, matchScore, rankByMatch, suggestNames, wordParts, SUGGEST_THRESHOLD } from '../../src/diagnostics/suggest.js';
import { complete } from '../../src/editor/complete.js';

const organic = getCatalogue('site-explorer/organic-keywords')!;
const overview = getCatalogue('keywords-explorer/overview')!;

describe('did you mean: real typos', () => {
  it.each([
    // [typo, the suggestions in order] on all-backlinks
    ['domain_ratng', ['domain_rating_source', 'domain_rating_target']],
    ['domain_ratng_source', ['domain_rating_source']],
    ['domian_rating_source', ['domain_rating_source']],
    ['dr_source', ['domain_rating_source']],
    ['dr_target', ['domain_rating_target']],
    ['ur_source', ['url_rating_source']],
    ['ar_target', ['ahrefs_rank_target']],
    ['anchr', ['anchor']],
    ['url_frm', ['url_from', 'url_from_plain']],
    ['urlFrom', ['url_from', 'url_from_plain']],
    ['is_dofolow', ['is_dofollow']],
    ['isDofollow', ['is_dofollow']],
    ['is_nofolow', ['is_nofollow']],
    ['traffc', ['traffic']],
    ['traffic_domian', ['traffic_domain']],
    ['refdomains', ['refdomains_source', 'refdomains_source_domain', 'refdomains_target_domain']],
    ['refdomians', ['refdomains_source', 'refdomains_source_domain', 'refdomains_target_domain']],
    ['RefDomains', ['refdomains_source', 'refdomains_source_domain', 'refdomains_target_domain']],
    ['lnk_type', ['link_type']],
    ['first_sen', ['first_seen', 'first_seen_link']],
    ['http_cde', ['http_code']],
    ['titel', ['title']],
    ['snipet_left', ['snippet_left']],
    ['page_typ', ['page_type_source']],
    ['positions_source_domian', ['positions_source_domain']],
  ])('%s → %j', (typo, expected) => {
    expect(suggestColumns(allBacklinks, typo)).toEqual(expected);
  });

  it.each([
    // Other endpoints' columns.
    ['organic', 'keyword_dificulty', 'keyword_difficulty'],
    ['organic', 'sum_trafic', 'sum_traffic'],
    ['organic', 'serp_feature', 'serp_features'],
    ['organic', 'best_postion', 'best_position'],
    ['overview', 'volumne', 'volume'],
    ['overview', 'keywrd', 'keyword'],
  ])('on %s: %s → %s first', (catalogue, typo, meant) => {
    expect(suggestColumns(catalogue === 'organic' ? organic : overview, typo)[0]).toBe(meant);
  });

  it('words like none of the names get nothing rather than nonsense', () => {
    // `a` is not `AR`, `is` not `is_new`, `dr_source` not `ip_source`, `is_dofolow` not `is_nofollow`.
    for (const word of ['a', 'x', 'is', 'zz', 'zzzzzzzz', 'xyz', 'qwerty', 'banana', 'price']) {
      expect(suggestColumns(allBacklinks, word), word).toEqual([]);
    }
    // Long input (a pasted paragraph) is scored without deep recursion and matches nothing.
    expect(suggestColumns(allBacklinks, 'a_'.repeat(2000))).toEqual([]);
    expect(suggestColumns(allBacklinks, 'domain '.repeat(500))).toEqual([]);
    expect(suggestColumns(allBacklinks, 'dr_source')).not.toContain('ip_source');
    expect(suggestColumns(allBacklinks, 'is_dofolow')).not.toContain('is_nofollow');
    expect(suggestColumns(allBacklinks, 'domain_ratng_source')).not.toContain('url_rating_source');
  });

  it('a name in another case is suggested even when short; the input itself is not among the candidates it is told apart from', () => {
    expect(suggestColumns(allBacklinks, 'dr')).toEqual(['DR']);
    expect(suggestNames('us', ['US', 'UY', 'GB'])).toEqual(['US']);
    expect(suggestNames('Is_Dofollow', ['is_dofollow', 'is_nofollow'])).toEqual(['is_dofollow']);
  });

  it('values and operators too: the same scorer serves every did-you-mean', () => {
    expect(suggestNames('txt', ['text', 'image', 'redirect'])).toEqual(['text']);
    expect(suggestNames('imgae', ['text', 'image', 'redirect'])).toEqual(['image']);
    expect(suggestNames('contain', ['eq', 'contains', 'icontains'])).toEqual(['contains']);
    expect(suggestNames('', ['a', 'b'])).toEqual([]);
  });

  it('duplicates among the candidates are suggested once, and at most limit', () => {
    expect(suggestNames('anchr', ['anchor', 'anchor', 'anchors'])).toEqual(['anchor']);
    expect(suggestNames('refdomains', ['refdomains_a', 'refdomains_b', 'refdomains_c'], 2)).toHaveLength(2);
  });
});

describe('the scorer', () => {
  it('orders tiers: exact, other case, prefix, word parts or one typo, two typos, subsequence, nothing', () => {
    const s = (a: string, b: string) => matchScore(a, b);
    expect(s('anchor', 'anchor')).toBeGreaterThan(s('Anchor', 'anchor'));
    expect(s('Anchor', 'anchor')).toBeGreaterThan(s('anch', 'anchor'));
    expect(s('anch', 'anchor')).toBeGreaterThan(s('anchr', 'anchor'));
    expect(s('anchr', 'anchor')).toBeGreaterThan(s('ancr', 'anchor'));
    expect(s('ancr', 'anchor')).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
    expect(s('ahr', 'anchor')).toBeLessThan(SUGGEST_THRESHOLD);
    expect(s('ahr', 'anchor')).toBeGreaterThan(0);
    expect(s('zq', 'anchor')).toBe(0);
  });

  it('word parts: initials of consecutive words, prefixes of words, camel case; anchored matches first', () => {
    expect(wordParts('urlFrom')).toEqual(['url', 'from']);
    expect(wordParts('site-explorer/all-backlinks')).toEqual(['site', 'explorer', 'all', 'backlinks']);
    expect(matchScore('dr_source', 'domain_rating_source')).toBeGreaterThan(matchScore('dr_source', 'ip_source'));
    expect(matchScore('drs', 'domain_rating_source')).toBeGreaterThan(0);
    expect(matchScore('dom_rat', 'domain_rating_source')).toBeGreaterThan(matchScore('dom_rat', 'url_rating_source'));
    expect(matchScore('rating', 'domain_rating_source')).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
  });

  it('edit distance counts a transposition as one edit, ignoring case', () => {
    expect(editDistance('anhcor', 'anchor')).toBe(1);
    expect(editDistance('ANCHOR', 'anchor')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('rankByMatch keeps the given order among equals and drops what does not match', () => {
    const items = ['is_new', 'is_lost', 'traffic', 'is_rss'];
    expect(rankByMatch('is_', items, (x) => x)).toEqual(['is_new', 'is_rss', 'is_lost']);
    expect(rankByMatch('', items, (x) => x)).toEqual(items);
    expect(rankByMatch('zzz', items, (x) => x)).toEqual([]);
  });
});

describe('completion uses the same ranking', () => {
  const labels = (text: string) => complete(text, text.length).map((i) => i.label);

  it('the typo\'s suggestion is completion\'s first item', () => {
    for (const typo of ['dr_source', 'anchr', 'url_frm', 'is_dofolow', 'traffc', 'domain_ratng_source']) {
      expect(labels(typo)[0], typo).toBe(suggestColumns(allBacklinks, typo)[0]);
    }
  });

  it('an exact name first, then prefixes, then word parts', () => {
    expect(labels('DR')[0]).toBe('DR');
    const url = labels('url_');
    expect(url.slice(0, 2)).toEqual(['url_to', 'url_from']);
    expect(url).toContain('url_rating_source');
    const dr = labels('dr_s');
    expect(dr[0]).toBe('domain_rating_source');
  });

  it('the examples of docs/editor.md hold', () => {
    expect(complete('dr_sou', 6)[0]!.label).toBe('domain_rating_source');
    expect(complete('url_frm', 7)[0]!.label).toBe('url_from');
  });

  it('a subsequence still completes (editors filter loosely), after the better matches', () => {
    const items = labels('dfl');
    expect(items).toContain('is_dofollow');
    expect(labels('zzzq')).toEqual([]);
  });
});
