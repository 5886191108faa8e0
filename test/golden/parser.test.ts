/**
 * Golden output of the parser's diagnostics, rendered as a terminal shows
 * them (`renderDiagnostic` with the source: the caret lines), for a fixed set
 * of broken inputs, in the manner of cel-go's parser tests and TypeScript's
 * `*.errors.txt` baselines. The baseline file is product output: a change to
 * a message, a range or a recovery shows up in review as a diff of what the
 * user reads. Each case may carry the parser's limits.
 */
import { describe, expect, it } from 'vitest';
import { renderDiagnostic } from '../../src/diagnostics/render.js';
import { parse, type ParseOptions } from '../../src/syntax/index.js';

interface Case {
  readonly name: string;
  readonly text: string;
  readonly options?: ParseOptions;
}

const CASES: readonly Case[] = [
  // ---- the grammar: what was expected, after what, what was found
  { name: 'value missing after an operator', text: 'domain_rating_source >= and is_dofollow' },
  { name: 'filter ends after an operator', text: 'domain_rating_source >=' },
  { name: 'two conditions without a connective', text: 'is_dofollow is_spam' },
  { name: 'unclosed group', text: '(is_dofollow or is_spam' },
  { name: 'closing parenthesis without an opening one', text: 'is_dofollow)' },
  { name: 'connective with nothing after it', text: 'is_dofollow and' },
  { name: 'connective with nothing before it', text: 'or is_spam' },
  { name: 'starts without with', text: 'anchor starts "ab"' },
  { name: 'is without null or empty', text: 'anchor is 5' },
  { name: 'between without and', text: 'domain_rating_source between 1 5' },
  { name: 'empty in list', text: 'domain_rating_source in ()' },
  { name: 'in list without closing parenthesis', text: 'domain_rating_source in (1, 2' },
  { name: 'matches without a pattern', text: 'anchor matches 5' },
  { name: 'quantifier without a test', text: 'any(languages)' },
  { name: 'modifier without a test', text: 'uppercase(anchor)' },
  { name: 'operator where a column belongs', text: '= 5' },
  { name: 'two errors, recovery in between', text: 'domain_rating_source > and (anchor = "x" or )' },
  { name: 'error on the second line', text: 'is_dofollow\n  and domain_rating_source >=\n  and is_spam' },
  // ---- the lexer: characters, literals
  { name: 'character outside the language', text: 'domain_rating_source > 5 & is_spam' },
  { name: 'run of unknown characters', text: 'anchor = @@@@' },
  { name: 'unknown non-ASCII character', text: 'anchor = “text”' },
  { name: 'unterminated string', text: 'anchor = "abc and is_spam' },
  { name: 'unterminated quoted name', text: '`first seen = 5' },
  { name: 'unterminated regex', text: 'anchor matches /ab' },
  { name: 'invalid escape in a string', text: 'anchor = "a\\qb"' },
  { name: 'invalid unicode escape', text: 'anchor = "\\u{110000}"' },
  { name: 'number that cannot be represented exactly', text: 'domain_rating_source = 9007199254740993' },
  { name: 'impossible calendar date', text: 'first_seen > 2023-02-29' },
  { name: 'impossible datetime', text: 'first_seen > 2024-01-01T25:00' },
  // ---- empty input and limits
  { name: 'empty input', text: '' },
  { name: 'only a comment', text: '# nothing here' },
  { name: 'input longer than maxLength', text: 'is_dofollow and is_spam', options: { maxLength: 10 } },
  { name: 'nesting deeper than maxDepth', text: 'not (not (not is_spam))', options: { maxDepth: 2 } },
  { name: 'in list longer than maxListLength', text: 'domain_rating_source in (1, 2, 3, 4)', options: { maxListLength: 3 } },
];

function baseline(c: Case): string {
  const { diagnostics } = parse(c.text, c.options);
  const options = c.options ? ` ${JSON.stringify(c.options)}` : '';
  const header = `==== ${c.name}${options} ====`;
  const source = c.text.split('\n').map((line) => `| ${line}`).join('\n');
  const rendered = diagnostics.map((d) => renderDiagnostic(d, { source: c.text })).join('\n');
  return `${header}\n${source}\n${rendered || '(no diagnostics)'}\n`;
}

describe('parser diagnostics, rendered', () => {
  it('every case reports at least one error', () => {
    const clean = CASES.filter((c) => !parse(c.text, c.options).diagnostics.some((d) => d.severity === 'error'));
    expect(clean.map((c) => c.name)).toEqual([]);
  });

  it('match the reviewed baseline', async () => {
    await expect(CASES.map(baseline).join('\n')).toMatchFileSnapshot('./__snapshots__/parser.errors.txt');
  });
});
