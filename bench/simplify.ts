/**
 * How much shorter filters get with `simplify` (`npm run bench:simplify`):
 * clauses (conditions plus and/or/not objects) and characters of the compact
 * `where` JSON, before and after, for three sets of filters:
 *
 * - the benchmark's queries and the editor corpus (hand-written, already tidy);
 * - filters as tools and UIs build them, by composing saved parts (a base
 *   filter, a user's refinement, a preset): the overlaps are what simplify
 *   removes;
 * - generated filters of the test kit on a few columns (fixed seed).
 *
 * Sizes only in that table: the numbers are the same on every machine. Then
 * the scale table: the analysis (`check`) and `simplify` on filters of 10 to
 * 10,000 conditions, each on its own column and all on one column, timed
 * (one run each: the machine is shared) and counted (the sweep's steps, which
 * do not depend on the machine), to show the cost grows about as n log n.
 */
import fc from 'fast-check';
import { analyze } from '../src/api/analyze.js';
import { simplify } from '../src/api/simplify.js';
import { filterAst } from '../src/arbitraries/index.js';
import { allBacklinks } from '../src/catalogue/index.js';
import { coverWork } from '../src/check/analysis/cover.js';
import { findVerdicts, simplifyFilter } from '../src/check/analysis/index.js';
import { printFilter } from '../src/emit/index.js';
import { QUERIES } from './queries.js';

const CORPUS = [
  'domain_rating_source >= 50 and is_dofollow and not is_spam and (anchor contains "seo" or url_from starts with "https://blog.")',
  'DR >= 50 and link_type = text',
  'link_type in (text, image) and http_code between 200 and 299',
  'alt is not null and alt is not empty',
  'http_code not in (404, 410) and anchor not contains "casino"',
];

/** Compositions as a UI builds them: a preset, then the user's own refinements on the same columns. */
const COMPOSED = [
  '(DR >= 30 and is_dofollow) and (DR >= 50 and traffic > 100)',
  '(http_code between 200 and 299) and (http_code = 200 or http_code = 200) and is_dofollow',
  '(link_type in (text, image, text)) and not (not is_dofollow)',
  '(any(languages) = "en" or any(languages) = "de") and (first_seen > 2024-01-01 and first_seen > 2023-06-01)',
  '(DR > 20 or DR > 40) and (traffic >= 10 and traffic >= 10) and not is_spam and not is_spam',
  '(all(languages) != "ru" and all(languages) != "zh") and (url_rating_source >= 10 and url_rating_source >= 5)',
  '(last_seen >= 2024-01-01 and last_seen <= 2024-01-01) and (redirect_code in (301, 302) or redirect_code in (302, 308))',
  'not (DR > 70) and not (DR > 90) and is_dofollow and (is_new or is_new)',
];

interface Row { readonly set: string; readonly filters: number; readonly changed: number; readonly clauses: [number, number]; readonly chars: [number, number] }

function measure(set: string, texts: readonly string[]): Row {
  let changed = 0;
  const clauses: [number, number] = [0, 0];
  const chars: [number, number] = [0, 0];
  for (const text of texts) {
    const r = simplify(text);
    if (!r.ok) throw new Error(`${set}: ${text}: ${r.diagnostics.map((d) => d.message).join(' ')}`);
    if (r.json !== undefined && r.after!.jsonLength < r.before!.jsonLength) changed++;
    clauses[0] += r.before!.clauses;
    clauses[1] += r.after!.clauses;
    chars[0] += r.before!.jsonLength;
    chars[1] += r.after!.jsonLength;
  }
  return { set, filters: texts.length, changed, clauses, chars };
}

const pct = (a: number, b: number) => `${(((a - b) / a) * 100).toFixed(1)} %`;

const generated = fc.sample(filterAst(allBacklinks, { columns: ['domain_rating_source', 'http_code', 'alt', 'languages', 'is_dofollow'], evaluable: true, maxOperands: 4 }), { seed: 13, numRuns: 500 }).map((f) => printFilter(f));

const rows = [
  measure('benchmark queries and editor corpus', [...QUERIES.map((q) => q.text), ...CORPUS]),
  measure('composed (presets + refinements)', COMPOSED),
  measure('generated (test kit, 5 columns, seed 13)', generated),
];

console.log('| filters | count | made shorter | clauses before → after | JSON characters before → after |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(`| ${r.set} | ${r.filters} | ${r.changed} | ${r.clauses[0]} → ${r.clauses[1]} (−${pct(...r.clauses)}) | ${r.chars[0]} → ${r.chars[1]} (−${pct(...r.chars)}) |`);
}
for (const text of COMPOSED) console.log(`\n${text}\n  → ${simplify(text).text}`);

/** Conditions on the catalogue's number columns in turn (values distinct, so later ones on a column imply earlier ones), and all on one column. */
const numberColumns = allBacklinks.columns.filter((c) => (c.type === 'integer' || c.type === 'float') && !c.array).map((c) => c.name);
const SHAPES: Record<string, (n: number) => string> = {
  [`${numberColumns.length} columns in turn, and`]: (n) => Array.from({ length: n }, (_, i) => `${numberColumns[i % numberColumns.length]} >= ${i}`).join(' and '),
  'one column, distinct values, or': (n) => Array.from({ length: n }, (_, i) => `DR = ${i}`).join(' or '),
  'one column, nested ranges, or': (n) => Array.from({ length: n }, (_, i) => `DR > ${i}`).join(' or '),
  'one column, != values, and': (n) => Array.from({ length: n }, (_, i) => `http_code != ${i}`).join(' and '),
};

console.log('\n| conditions | filter | verdicts | check analysis ms | simplify ms | sweep steps | steps per condition |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const n of [10, 100, 1_000, 10_000]) {
  for (const [name, make] of Object.entries(SHAPES)) {
    const a = analyze(make(n), { maxLength: 10_000_000 });
    if (!a.ok) throw new Error(`${name} × ${n}: ${a.diagnostics.map((d) => d.message).join(' ')}`);
    coverWork.steps = 0;
    let t = performance.now();
    const verdicts = findVerdicts(a.filter!, a.references).length;
    const check = performance.now() - t;
    t = performance.now();
    simplifyFilter(a.filter!, { references: a.references });
    const simplified = performance.now() - t;
    console.log(`| ${n} | ${name} | ${verdicts} | ${check.toFixed(1)} | ${simplified.toFixed(1)} | ${coverWork.steps} | ${(coverWork.steps / n).toFixed(1)} |`);
  }
}
