/**
 * ~50 made-up all-backlinks rows for the playground, generated from the
 * catalogue itself (every returned column gets a plausible value of its
 * type) with a fixed seed, so the page shows the same table on every load.
 */
import { mulberry32 } from '../../bench/rows.js';
import type { Catalogue, Column } from '../../src/index.js';

type Row = Record<string, unknown>;

const SITES = ['blog.example.com', 'news.example.org', 'www.seo-weekly.net', 'shop.example.co.uk', 'forum.devtalk.io', 'wiki.example.org', 'marketing-hub.com'];
const WORDS = ['seo', 'link building', 'guide', 'best tools', 'ahrefs', 'content marketing', 'keyword research', 'click here', 'homepage', 'backlinks'];
const LANGS = ['en', 'de', 'fr', 'es', 'ja'];

function value(column: Column, rnd: () => number, i: number): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  if (column.nullable && rnd() < 0.15) return null;
  const one = (): unknown => {
    if (column.enumValues?.length) return pick(column.enumValues);
    switch (column.type) {
      case 'integer':
        return /http_code/.test(column.name) ? pick([200, 200, 200, 301, 404, 410]) : Math.floor(rnd() ** 3 * (/traffic|refdomains|links/.test(column.name) ? 50_000 : 100));
      case 'float':
        return Math.round(rnd() * 1000) / 10;
      case 'boolean':
        return rnd() < (/spam|nofollow|ugc|sponsored|lost|redirect/.test(column.name) ? 0.2 : 0.6);
      case 'datetime':
        return new Date(Date.UTC(2022, 0, 1) + Math.floor(rnd() * 3 * 365) * 86_400_000).toISOString().replace('.000Z', 'Z');
      case 'date':
        return new Date(Date.UTC(2022, 0, 1) + Math.floor(rnd() * 3 * 365) * 86_400_000).toISOString().slice(0, 10);
      case 'url':
        return `https://${pick(SITES)}/${pick(WORDS).replace(/ /g, '-')}-${i}`;
      case 'domain':
        return pick(SITES);
      case 'string':
        if (/lang/.test(column.name)) return pick(LANGS);
        if (/url|redirect|target/.test(column.name)) return `https://${pick(SITES)}/p/${i}`;
        return pick(WORDS);
      default:
        return null;
    }
  };
  if (column.array) return Array.from({ length: Math.floor(rnd() * 3) }, one);
  return one();
}

/** `count` rows with a value for every column the API returns. */
export function sampleRows(catalogue: Catalogue, count = 50, seed = 7): Row[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => {
    const row: Row = {};
    for (const column of catalogue.columns) if (column.returned) row[column.name] = value(column, rnd, i);
    return row;
  });
}
