/**
 * Deterministic, realistic rows of `GET /v3/site-explorer/all-backlinks` for
 * benchmarks: every column the API returns (the four filter-only columns are
 * left out), with plausible distributions. The same seed gives the same rows
 * on every machine, so benchmark numbers and agreement checks are repeatable.
 *
 *   import { generateRows } from './rows.js';
 *   const rows = generateRows();          // BENCH_ROWS or 200,000 rows, seed 42
 */
import { ALL_BACKLINKS_SPEC } from '../src/catalogue/data/all-backlinks.js';

/** One generated row: a plain object, as one `backlinks[]` item of the API. */
export type BenchRow = Record<string, unknown>;

/** mulberry32: a tiny, fast, seeded PRNG giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The number of rows benchmarks use: `BENCH_ROWS` from the environment, else 200,000. */
export function defaultRowCount(): number {
  const n = Number(process.env.BENCH_ROWS);
  return Number.isInteger(n) && n > 0 ? n : 200_000;
}

const WORDS = [
  'seo', 'SEO', 'guide', 'Guide', 'best', 'top', 'tools', 'review', 'marketing', 'link', 'building', 'tips', 'how', 'to',
  'the', 'for', 'free', 'backlinks', 'content', 'strategy', 'news', 'blog', 'home', 'click', 'here', 'read', 'more',
  'Ahrefs', 'keyword', 'research', 'rank', 'tracker', 'audit', 'site', 'Über', 'straße', 'café', 'naïve', 'İstanbul',
  'ſeo', 'Ωmega', 'München', '日本語', 'ガイド', 'поиск', 'оптимизация', 'SEO‑friendly', '🚀', 'crème', 'brûlée',
];
const HOSTS = ['example.com', 'blog.example.org', 'news.site.net', 'www.shop.de', 'forum.jp', 'wiki.ru', 'a.b.c.co.uk', 'medium.com', 'dev.to'];
const TLDS = ['com', 'org', 'net', 'de', 'jp', 'ru', 'co.uk', 'io', 'gov', 'edu'];
const LANGS = ['en', 'de', 'fr', 'es', 'ja', 'ru', 'pt', 'it', 'zh', 'nl'];
const POWERED = ['WordPress', 'Nginx', 'Cloudflare', 'React', 'jQuery', 'PHP', 'Shopify', 'Google Analytics'];
const ENCODINGS = ['utf-8', 'utf-8', 'utf-8', 'iso-8859-1', 'windows-1251', 'shift_jis'];
const CATEGORIES = ['/News/Sports', '/Business/Marketing', '/Computers/Software', '/Arts/Music', '/Shopping/Fashion'];
const PAGE_TYPES = ['/Article/Review', '/Article/HowTo', '/Listing', '/Forum/Thread', '/Homepage'];
const AUTHORS = ['Jane Doe', 'John Smith', 'Анна Петрова', '山田太郎', 'José Núñez'];
const REDIRECTS = [301, 302, 307, 308, 301, 301, 200, 404];
const T0 = Date.UTC(2015, 0, 1);
const T1 = Date.UTC(2025, 5, 1);

/** Draws the row of one seed: closures over one PRNG. */
class Draw {
  constructor(readonly r: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  /** Heavy-tailed non-negative integer: most values small, a few huge (Pareto-like). */
  heavy(scale: number, max: number): number {
    if (this.chance(0.3)) return 0;
    return Math.min(max, Math.floor(scale * (1 / Math.pow(1 - this.r(), 1.4) - 1)));
  }
  words(min: number, max: number): string {
    const n = this.int(min, max);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.pick(WORDS));
    return out.join(this.chance(0.05) ? '  ' : ' ');
  }
  host(): string {
    return this.chance(0.5) ? this.pick(HOSTS) : `${this.pick(['www.', 'blog.', 'shop.', ''])}site${this.int(1, 5000)}.${this.pick(TLDS)}`;
  }
  url(host = this.host()): string {
    const scheme = this.chance(0.85) ? 'https' : 'http';
    const path = Array.from({ length: this.int(0, 3) }, () => this.pick(['post', 'seo', 'guide', 'p', '2024', 'tag', 'über'])).join('/');
    return `${scheme}://${host}/${path}${this.chance(0.2) ? `?id=${this.int(1, 99999)}` : ''}`;
  }
  /** An ISO datetime as the API prints it: `2024-03-01T12:00:00Z`. */
  datetime(from = T0, to = T1): string {
    return new Date(from + Math.floor(this.r() * (to - from) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }
  /** A datetime skewed towards the end of the range: most links in the index are recent. */
  recent(): string {
    const t = T1 - Math.pow(this.r(), 2.5) * (T1 - T0);
    return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }
  rating(): number {
    // Skewed towards low ratings, as real DR/UR are; two decimals.
    return Math.round(Math.pow(this.r(), 1.6) * 10000) / 100;
  }
}

const SPEC = ALL_BACKLINKS_SPEC.columns;

/** The columns a row holds: every returned column of all-backlinks (82 of the 86). */
export const RETURNED_COLUMNS: readonly string[] = Object.keys(SPEC).filter((name) => SPEC[name]!.returned !== false);

function enumOf(name: string): readonly string[] {
  return (SPEC[name] as { enum?: readonly string[] }).enum ?? [];
}

/** Values for columns with a known meaning; the rest fall back to their type. */
function special(d: Draw, name: string, row: BenchRow): unknown {
  switch (name) {
    case 'domain_rating_source': case 'domain_rating_target': case 'url_rating_source': return d.rating();
    case 'ahrefs_rank_source': case 'ahrefs_rank_target': return d.int(1, 200_000_000);
    case 'traffic': return d.heavy(20, 50_000_000);
    case 'traffic_domain': return d.heavy(400, 500_000_000);
    case 'positions': return d.heavy(5, 1_000_000);
    case 'http_code': return d.chance(0.85) ? 200 : d.pick([301, 302, 404, 410, 500, 503]);
    case 'redirect_code': return d.pick([301, 302, 307, 308]);
    case 'port_source': case 'port_target': return d.chance(0.95) ? 443 : d.pick([80, 8080]);
    case 'page_size': return d.int(2_000, 2_000_000);
    case 'class_c': case 'link_group_count': return d.heavy(2, 10_000);
    case 'anchor': return d.chance(0.05) ? '' : d.words(1, 6);
    case 'alt': return d.words(1, 5);
    case 'title': case 'snippet_left': case 'snippet_right': return d.words(2, 12);
    case 'encoding': return d.pick(ENCODINGS);
    case 'link_type': return d.chance(0.7) ? 'text' : d.chance(0.5) ? 'image' : d.pick(enumOf(name));
    case 'name_source': case 'name_target': return d.host();
    case 'root_name_source': case 'root_name_target': return String(row[name.replace('root_', '')] ?? d.host()).replace(/^(www|blog|shop)\./, '');
    case 'url_from': return d.url(String(row.name_source ?? d.host()));
    case 'url_to': case 'broken_redirect_new_target': case 'broken_redirect_source': return d.url();
    case 'url_from_plain': case 'url_to_plain': return String(row[name.replace('_plain', '')] ?? d.url()).replace(/^https?:\/\/(www\.)?/, '');
    case 'ip_source': return `${d.int(1, 223)}.${d.int(0, 255)}.${d.int(0, 255)}.${d.int(1, 254)}`;
    case 'languages': return d.chance(0.15) ? [] : Array.from(new Set(Array.from({ length: d.int(1, 3) }, () => (d.chance(0.55) ? 'en' : d.pick(LANGS)))));
    case 'powered_by': return Array.from({ length: d.int(0, 4) }, () => d.pick(POWERED));
    case 'redirect_kind': return d.chance(0.6) ? [] : Array.from({ length: d.int(1, 3) }, () => d.pick(REDIRECTS));
    case 'url_redirect': return Array.from({ length: d.int(0, 2) }, () => d.url());
    case 'url_redirect_with_target': return [String(row.url_to ?? d.url()), ...(row.url_redirect as string[] | undefined ?? [])];
    case 'page_category_source': return Array.from({ length: d.int(1, 2) }, () => d.pick(CATEGORIES)).join(',');
    case 'page_type_source': return d.pick(PAGE_TYPES);
    case 'source_page_author': return d.pick(AUTHORS);
    case 'source_page_publish_date': return d.datetime().slice(0, 10);
    case 'last_seen': case 'last_visited': return d.datetime(Date.UTC(2023, 0, 1));
    // Most links in the index are recent: skew towards the end of the range.
    case 'first_seen': return d.recent();
    case 'first_seen_link': return d.datetime(Date.parse(String(row.first_seen ?? '2015-01-01T00:00:00Z')));
    default: return undefined;
  }
}

function byType(d: Draw, name: string, type: string): unknown {
  const values = enumOf(name);
  if (values.length > 0) return d.pick(values);
  switch (type) {
    case 'integer': return d.heavy(10, 1_000_000);
    case 'float': return Math.round(d.r() * 10000) / 100;
    case 'boolean': return d.chance(name === 'is_dofollow' || name === 'http_crawl' ? 0.7 : name === 'is_spam' ? 0.08 : 0.2);
    case 'datetime': return d.datetime();
    case 'date': return d.datetime().slice(0, 10);
    case 'array(string)': case 'array(url)': return [];
    case 'array(integer)': return [];
    default: return d.words(1, 4);
  }
}

type Generator = (d: Draw, row: BenchRow) => unknown;

/** One generator per returned column, decided once: nullable columns are null about 20% of the time. */
const GENERATORS: ReadonlyArray<readonly [string, Generator]> = RETURNED_COLUMNS.map((name) => {
  const column = SPEC[name]!;
  const base: Generator = (d, row) => {
    const value = special(d, name, row);
    return value !== undefined ? value : byType(d, name, column.type);
  };
  const gen: Generator = column.nullable ? (d, row) => (d.chance(0.2) ? null : base(d, row)) : base;
  return [name, gen] as const;
});

/**
 * Every row starts as a copy of this template, so rows have the fast, shared
 * shape that `JSON.parse` gives API rows (adding 82 keys one by one would
 * leave them in V8's slow dictionary mode and distort every measurement).
 */
const TEMPLATE: BenchRow = Object.fromEntries(RETURNED_COLUMNS.map((name) => [name, null]));

function makeRow(d: Draw): BenchRow {
  const row: BenchRow = { ...TEMPLATE };
  for (const [name, gen] of GENERATORS) row[name] = gen(d, row);
  return row;
}

/**
 * Generates `count` rows (default {@link defaultRowCount}) from `seed`
 * (default 42). Deterministic: same arguments, same rows.
 */
export function generateRows(count = defaultRowCount(), seed = 42): BenchRow[] {
  const d = new Draw(mulberry32(seed));
  const rows: BenchRow[] = new Array(count);
  for (let i = 0; i < count; i++) rows[i] = flat(makeRow(d));
  return rows;
}

/**
 * The row as API data arrives: through a JSON round trip. Strings built by
 * concatenation (the generators' template literals, `join`) stay V8 cons
 * strings, on which character-reading code (`charCodeAt`, comparisons) runs
 * 2–3× slower than on the flat strings `JSON.parse` gives; the round trip
 * also gives every row the one shape `JSON.parse` builds for these keys.
 * One row at a time, so that no string of the whole data set is ever built.
 */
function flat(row: BenchRow): BenchRow {
  return JSON.parse(JSON.stringify(row)) as BenchRow;
}
