/**
 * The benchmark's queries. Each has our filter text, a hand-written
 * JavaScript function that implements the same filter with the same null
 * semantics (spec §4: SQL three-valued logic; a row matches only when the
 * filter is *true*), and its translation for each peer library that can
 * express it. bench/check-agreement.ts checks that every implementation
 * selects the same rows before anything is timed.
 *
 * Translations are the natural ones a user of each library would write.
 * Where a translation is known to select different rows (a peer's own null
 * or array semantics), `knownDifference` says why; the agreement check then
 * excludes it from the table with that reason, instead of timing different work.
 */
import sift from 'sift';
import { Query } from 'mingo';
import jsonLogic from 'json-logic-js';
import { compileExpression } from 'filtrex';
import { parse as liqeParse, test as liqeTest } from 'liqe';
import { parse as celParse } from '@marcbachmann/cel-js';

/** A row test: `true` when the row matches. */
export type RowTest = (row: Record<string, unknown>) => boolean;

/** The peer libraries, by the name shown in the tables. */
export const PEERS = ['sift', 'mingo', 'json-logic-js', 'filtrex', 'liqe', 'cel-js'] as const;
export type PeerName = (typeof PEERS)[number];

/** One peer's translation of a query. */
export interface PeerTranslation {
  /** The query in the peer's own language (a string, or its JSON). */
  readonly source: unknown;
  /** Compiles the source once (the step whose time is reported), returning a row test. */
  readonly compile: () => RowTest;
  /** Why this translation selects different rows, when it is known to. */
  readonly knownDifference?: string;
}

/** One benchmark query. */
export interface BenchQuery {
  readonly id: string;
  readonly title: string;
  /** Our filter language. */
  readonly text: string;
  /** The same filter written by hand in plain JavaScript, with the same null semantics. */
  readonly handWritten: RowTest;
  /** Translations, for the peers that can express the query. */
  readonly peers: Partial<Record<PeerName, PeerTranslation>>;
  /** Why a peer cannot express the query at all. */
  readonly inexpressible: Partial<Record<PeerName, string>>;
}

// ------------------------------------------------------------ peer adapters

const siftPeer = (q: Record<string, unknown>, knownDifference?: string): PeerTranslation => ({
  source: q,
  compile: () => sift(q) as RowTest,
  ...(knownDifference ? { knownDifference } : {}),
});

const mingoPeer = (q: Record<string, unknown>, knownDifference?: string): PeerTranslation => ({
  source: q,
  compile: () => {
    const query = new Query(q);
    return (row) => query.test(row);
  },
  ...(knownDifference ? { knownDifference } : {}),
});

const jsonLogicPeer = (rule: jsonLogic.RulesLogic, knownDifference?: string): PeerTranslation => ({
  source: rule,
  // json-logic-js interprets the rule tree on every call: there is nothing to compile.
  compile: () => (row) => jsonLogic.apply(rule, row) === true,
  ...(knownDifference ? { knownDifference } : {}),
});

const filtrexPeer = (text: string, knownDifference?: string): PeerTranslation => ({
  source: text,
  compile: () => {
    const fn = compileExpression(text) as (row: unknown) => unknown;
    // filtrex returns (does not throw) errors, e.g. for a null operand: only `true` matches.
    return (row) => fn(row) === true;
  },
  ...(knownDifference ? { knownDifference } : {}),
});

const liqePeer = (text: string, knownDifference?: string): PeerTranslation => ({
  source: text,
  compile: () => {
    const ast = liqeParse(text);
    return (row) => liqeTest(ast, row);
  },
  ...(knownDifference ? { knownDifference } : {}),
});

const celPeer = (text: string, knownDifference?: string): PeerTranslation => ({
  source: text,
  compile: () => {
    const fn = celParse(text);
    // Every column is a CEL variable; an evaluation error (none expected) counts as no match.
    return (row) => {
      try {
        return fn(row) === true;
      } catch {
        return false;
      }
    };
  },
  ...(knownDifference ? { knownDifference } : {}),
});

// ------------------------------------------------------------ helpers of the hand-written functions

type R = Record<string, unknown>;
const isNull = (v: unknown) => v === null || v === undefined;

const NO_DATES = 'no date or string range comparison (`>=` compares numbers only)';
const NO_ALL = 'no "every element" quantifier over arrays';
const MONGO_NE = 'Mongo `$ne`/`$nin` match a null or missing field, where SQL logic makes `not (x = v)` unknown for null x';

const FIRST_SEEN_MIN = '2024-01-01T00:00:00Z';
const ALT_PATTERN = String.raw`\b(best|top)\s+[a-z]+`;
const ALT_REGEX = new RegExp(ALT_PATTERN);

/** The queries of the benchmark: the six of the brief, and query 6 again written for two-valued logic. */
export const QUERIES: readonly BenchQuery[] = [
  {
    id: 'one-comparison',
    title: '1. one comparison',
    text: 'domain_rating_source >= 50',
    handWritten: (r) => (r.domain_rating_source as number) >= 50,
    peers: {
      sift: siftPeer({ domain_rating_source: { $gte: 50 } }),
      mingo: mingoPeer({ domain_rating_source: { $gte: 50 } }),
      'json-logic-js': jsonLogicPeer({ '>=': [{ var: 'domain_rating_source' }, 50] }),
      filtrex: filtrexPeer('domain_rating_source >= 50'),
      liqe: liqePeer('domain_rating_source:>=50'),
      'cel-js': celPeer('domain_rating_source >= 50.0'),
    },
    inexpressible: {},
  },
  {
    id: 'conjunction',
    title: '2. 4-way conjunction (numbers, booleans)',
    text: 'domain_rating_source >= 30 and traffic > 100 and is_dofollow and not is_spam',
    handWritten: (r) => (r.domain_rating_source as number) >= 30 && (r.traffic as number) > 100 && r.is_dofollow === true && r.is_spam === false,
    peers: {
      sift: siftPeer({ domain_rating_source: { $gte: 30 }, traffic: { $gt: 100 }, is_dofollow: true, is_spam: false }),
      mingo: mingoPeer({ domain_rating_source: { $gte: 30 }, traffic: { $gt: 100 }, is_dofollow: true, is_spam: false }),
      'json-logic-js': jsonLogicPeer({
        and: [
          { '>=': [{ var: 'domain_rating_source' }, 30] },
          { '>': [{ var: 'traffic' }, 100] },
          { '===': [{ var: 'is_dofollow' }, true] },
          { '===': [{ var: 'is_spam' }, false] },
        ],
      }),
      filtrex: filtrexPeer('domain_rating_source >= 30 and traffic > 100 and is_dofollow and not is_spam'),
      liqe: liqePeer('domain_rating_source:>=30 AND traffic:>100 AND is_dofollow:true AND is_spam:false'),
      'cel-js': celPeer('domain_rating_source >= 30.0 && traffic > 100.0 && is_dofollow && !is_spam'),
    },
    inexpressible: {},
  },
  {
    id: 'text',
    title: '3. case-insensitive substring or prefix',
    text: 'anchor icontains "seo" or url_from starts with "https://blog."',
    handWritten: (r) => (r.anchor as string).toLowerCase().includes('seo') || (r.url_from as string).startsWith('https://blog.'),
    peers: {
      sift: siftPeer({ $or: [{ anchor: { $regex: /seo/i } }, { url_from: { $regex: /^https:\/\/blog\./ } }] }),
      mingo: mingoPeer({ $or: [{ anchor: { $regex: /seo/i } }, { url_from: { $regex: /^https:\/\/blog\./ } }] }),
      'json-logic-js': jsonLogicPeer(
        { or: [{ in: ['seo', { var: 'anchor' }] }, { in: ['https://blog.', { var: 'url_from' }] }] },
        'json-logic-js has no case-insensitive match nor prefix test: `in` is a case-sensitive substring anywhere',
      ),
      filtrex: filtrexPeer('anchor ~= "[Ss][Ee][Oo]" or url_from ~= "^https://blog\\\\."'),
      // Two regex literals in one liqe query fail to parse ("Ambiguous results"); `field:word` is its case-insensitive substring test.
      liqe: liqePeer(
        'anchor:seo OR url_from:/^https:\\/\\/blog\\./',
        'liqe matches case-insensitively by Unicode case folding (`ſeo` contains "seo"); the API lower-cases both sides (`ſ` stays `ſ`)',
      ),
      'cel-js': celPeer('anchor.lowerAscii().contains("seo") || url_from.startsWith("https://blog.")'),
    },
    inexpressible: {},
  },
  {
    id: 'arrays',
    title: '4. any / all over arrays',
    text: 'any(languages) = "en" and all(redirect_kind) between 300 and 399',
    handWritten: (r) => {
      const languages = r.languages as readonly unknown[] | null;
      const kinds = r.redirect_kind as readonly unknown[] | null;
      if (!languages || !kinds || !languages.includes('en')) return false;
      for (const k of kinds) if (typeof k !== 'number' || k < 300 || k > 399) return false;
      return true;
    },
    peers: {
      sift: siftPeer({ languages: 'en', redirect_kind: { $not: { $elemMatch: { $not: { $gte: 300, $lte: 399 } } } } }),
      mingo: mingoPeer({ languages: 'en', redirect_kind: { $not: { $elemMatch: { $not: { $gte: 300, $lte: 399 } } } } }),
      'json-logic-js': jsonLogicPeer(
        {
          and: [
            { in: ['en', { var: 'languages' }] },
            { all: [{ var: 'redirect_kind' }, { and: [{ '>=': [{ var: '' }, 300] }, { '<=': [{ var: '' }, 399] }] }] },
          ],
        },
        'json-logic-js `all` is false on an empty array (SQL and the API: true)',
      ),
      'cel-js': celPeer('languages.exists(x, x == "en") && redirect_kind.all(x, x >= 300.0 && x <= 399.0)'),
    },
    inexpressible: { filtrex: NO_ALL, liqe: NO_ALL },
  },
  {
    id: 'regex-null',
    title: '5. regex with a null check',
    text: `alt is not null and alt matches /${ALT_PATTERN}/`,
    handWritten: (r) => typeof r.alt === 'string' && ALT_REGEX.test(r.alt),
    peers: {
      sift: siftPeer({ alt: { $ne: null, $regex: ALT_REGEX } }),
      mingo: mingoPeer({ alt: { $ne: null, $regex: ALT_REGEX } }),
      filtrex: filtrexPeer(`exists(alt) and alt ~= "${ALT_PATTERN.replace(/\\/g, '\\\\')}"`),
      liqe: liqePeer(`NOT alt:null AND alt:/${ALT_PATTERN}/`),
      'cel-js': celPeer(`alt != null && alt.matches("${ALT_PATTERN.replace(/\\/g, '\\\\')}")`),
    },
    inexpressible: { 'json-logic-js': 'no regular expressions' },
  },
  nestedQuery(false),
  nestedQuery(true),
];

/**
 * Query 6: nested and/or/not over 12 conditions. Its `not (lost_reason =
 * notfound)` is unknown, so false, for a null `lost_reason` (SQL logic),
 * which is where two-valued peers part ways. Query 7 is the same filter
 * written for two-valued logic (`lost_reason is null or …`), so that every
 * peer that can express it is timed on a large filter too.
 */
function nestedQuery(twoValued: boolean): BenchQuery {
  const lostReason = twoValued ? '(lost_reason is null or lost_reason != notfound)' : 'not (lost_reason = notfound)';
  return {
    id: twoValued ? 'nested-two-valued' : 'nested',
    title: twoValued ? '7. query 6, null-safe: `lost_reason is null or …`' : '6. nested and/or/not, 12 conditions (enum, datetime)',
    text:
      '(domain_rating_source >= 30 and traffic > 100 or url_rating_source > 20) and not (is_spam or is_nofollow)' +
      ' and link_type in (text, image) and first_seen >= 2024-01-01T00:00:00Z and any(languages) = "en"' +
      ` and title icontains "guide" and ${lostReason} and http_code between 200 and 299`,
    handWritten: (r) => {
      if (!(((r.domain_rating_source as number) >= 30 && (r.traffic as number) > 100) || (r.url_rating_source as number) > 20)) return false;
      if (r.is_spam !== false || r.is_nofollow !== false) return false;
      const linkType = r.link_type;
      if (linkType !== 'text' && linkType !== 'image') return false;
      // The API prints datetimes in one fixed ISO form, so string order is instant order.
      if (!((r.first_seen as string) >= FIRST_SEEN_MIN)) return false;
      if (!(r.languages as readonly unknown[]).includes('en')) return false;
      if (!(r.title as string).toLowerCase().includes('guide')) return false;
      if (twoValued ? r.lost_reason === 'notfound' : isNull(r.lost_reason) || r.lost_reason === 'notfound') return false;
      const code = (r.http_code as number);
      return code >= 200 && code <= 299;
    },
    peers: {
      sift: siftPeer(nestedMongo(), twoValued ? undefined : MONGO_NE),
      mingo: mingoPeer(nestedMongo(), twoValued ? undefined : MONGO_NE),
      'json-logic-js': jsonLogicPeer(
        {
          and: [
            { or: [{ and: [{ '>=': [{ var: 'domain_rating_source' }, 30] }, { '>': [{ var: 'traffic' }, 100] }] }, { '>': [{ var: 'url_rating_source' }, 20] }] },
            { '!': { or: [{ var: 'is_spam' }, { var: 'is_nofollow' }] } },
            { in: [{ var: 'link_type' }, ['text', 'image']] },
            { '>=': [{ var: 'first_seen' }, FIRST_SEEN_MIN] },
            { in: ['en', { var: 'languages' }] },
            { in: ['guide', { var: 'title' }] },
            { '!=': [{ var: 'lost_reason' }, 'notfound'] },
            { '<=': [200, { var: 'http_code' }, 299] },
          ],
        },
        twoValued
          ? 'json-logic-js has no case-insensitive match: `in` on text is case-sensitive'
          : 'json-logic-js: `!=` is true for a null field (two-valued logic), and `in` on text is case-sensitive',
      ),
      'cel-js': celPeer(
        '(domain_rating_source >= 30.0 && traffic > 100.0 || url_rating_source > 20.0) && !(is_spam || is_nofollow)' +
          ' && link_type in ["text", "image"] && timestamp(first_seen) >= timestamp("2024-01-01T00:00:00Z")' +
          ' && "en" in languages && title.lowerAscii().contains("guide")' +
          (twoValued ? ' && (lost_reason == null || lost_reason != "notfound")' : ' && lost_reason != null && lost_reason != "notfound"') +
          ' && http_code >= 200.0 && http_code <= 299.0',
      ),
    },
    inexpressible: { filtrex: NO_DATES, liqe: NO_DATES },
  };
}

/** Query 6 in Mongo's language (sift and mingo), written as a Mongo user would. */
function nestedMongo(): Record<string, unknown> {
  return {
    $and: [
      { $or: [{ domain_rating_source: { $gte: 30 }, traffic: { $gt: 100 } }, { url_rating_source: { $gt: 20 } }] },
      { $nor: [{ is_spam: true }, { is_nofollow: true }] },
      { link_type: { $in: ['text', 'image'] } },
      { first_seen: { $gte: FIRST_SEEN_MIN } },
      { languages: 'en' },
      { title: { $regex: /guide/i } },
      { lost_reason: { $ne: 'notfound' } },
      { http_code: { $gte: 200, $lte: 299 } },
    ],
  };
}
