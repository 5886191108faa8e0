/**
 * Golden output of the type checker's diagnostics (spec §3), rendered as a
 * terminal shows them (`renderDiagnostic` with the source: the caret lines),
 * for a fixed set of well-formed but ill-typed filters, in the manner of
 * cel-go's checker tests and TypeScript's `*.errors.txt` baselines. The
 * baseline file is product output: a change to a message, a range, a
 * suggestion or a severity shows up in review as a diff of what the user
 * reads.
 *
 * The static analysis (src/check/analysis) is left out: its warnings are
 * about meaning, not typing, and have tests of their own. Each case may name
 * a built-in endpoint; the default is all-backlinks.
 */
import { describe, expect, it } from 'vitest';
import { allBacklinks, getCatalogue, type Catalogue } from '../../src/catalogue/index.js';
import { checkFilter } from '../../src/check/index.js';
import { renderDiagnostic } from '../../src/diagnostics/render.js';
import { parse } from '../../src/syntax/index.js';

interface Case {
  readonly name: string;
  readonly text: string;
  /** A built-in endpoint's name; all-backlinks when absent. */
  readonly endpoint?: string;
}

const CASES: readonly Case[] = [
  // ---- names: columns, aliases, modifiers
  { name: 'misspelt column, with did-you-mean', text: 'domain_ratng_source >= 50' },
  { name: 'column no near name matches', text: 'zzzzzz = 1' },
  { name: 'misspelt modifier', text: 'uppercse(anchor) = "SEO"' },
  { name: 'modifier name in the wrong case', text: 'Uppercase(anchor) = "SEO"' },
  { name: 'modifier on a number column', text: 'uppercase(domain_rating_source) = 5' },
  // ---- operators and values against the column type
  { name: 'operator the type does not allow', text: 'is_dofollow > 1' },
  { name: 'contains on a number', text: 'domain_rating_source contains "5"' },
  { name: 'string for a number', text: 'domain_rating_source >= "50"' },
  { name: 'boolean for an integer', text: 'http_code = true' },
  { name: 'regex outside matches', text: 'anchor = /seo/' },
  { name: 'date with a time on a date-only column', text: 'source_page_publish_date > 2024-01-01T10:00:00Z' },
  { name: 'number for a datetime', text: 'first_seen > 20240101' },
  { name: 'enum value misspelt', text: 'link_type = txt' },
  { name: 'bare word on a string column', text: 'anchor = seo' },
  { name: 'null as a value', text: 'anchor = null' },
  { name: 'is null on a column that is never null', text: 'anchor is null' },
  { name: 'integer beyond 2^53 on an integer column', text: 'http_code = 9007199254740992' },
  { name: 'in with one value', text: 'domain_rating_source in (5)' },
  // ---- arrays and quantifiers
  { name: 'array column without a quantifier', text: 'languages = "en"' },
  { name: 'quantifier on a scalar column', text: 'any(anchor) = "x"' },
  { name: 'element test of the wrong type', text: 'any(redirect_kind) = "301"' },
  // ---- regexes
  { name: 'regex that is not RE2 syntax', text: 'anchor matches /(ab/' },
  { name: 'backreference', text: 'anchor matches /(a)\\1/' },
  { name: 'lookahead', text: 'anchor matches /a(?=b)/' },
  { name: 'regex too large', text: 'anchor matches /[ab]{100}/' },
  { name: 'regex on a wildcard endpoint', text: 'keyword matches "seo.*"', endpoint: 'keywords-explorer/overview' },
  // ---- columns the catalogue does not type
  { name: 'field inside an object column', text: 'intents.informational = true', endpoint: 'keywords-explorer/overview' },
  // ---- several problems: each reported, in source order
  { name: 'three errors in one filter', text: 'domain_ratng > 5 and is_dofollow = "yes" or link_type = txt' },
];

function catalogueOf(c: Case): Catalogue {
  if (c.endpoint === undefined) return allBacklinks;
  const catalogue = getCatalogue(c.endpoint);
  if (!catalogue) throw new Error(`no built-in catalogue ${c.endpoint}`);
  return catalogue;
}

function diagnosticsOf(c: Case) {
  const parsed = parse(c.text);
  const filter = parsed.document.filter;
  if (parsed.diagnostics.length > 0 || !filter) throw new Error(`${c.name}: the text must parse cleanly (${parsed.diagnostics.map((d) => d.message).join('; ')})`);
  return checkFilter(filter, catalogueOf(c), { source: c.text, analysis: false }).diagnostics;
}

function baseline(c: Case): string {
  const header = `==== ${c.name}${c.endpoint ? ` (${c.endpoint})` : ''} ====`;
  const rendered = diagnosticsOf(c).map((d) => renderDiagnostic(d, { source: c.text })).join('\n');
  return `${header}\n| ${c.text}\n${rendered || '(no diagnostics)'}\n`;
}

describe('checker diagnostics, rendered', () => {
  it('every case parses cleanly and gets at least one diagnostic', () => {
    const clean = CASES.filter((c) => diagnosticsOf(c).length === 0);
    expect(clean.map((c) => c.name)).toEqual([]);
  });

  it('match the reviewed baseline', async () => {
    await expect(CASES.map(baseline).join('\n')).toMatchFileSnapshot('./__snapshots__/checker.errors.txt');
  });
});
