/**
 * Carets under wide characters (issue 12 §7): the caret line is placed by
 * display width, as a terminal shows the source line above it — CJK and
 * fullwidth forms two columns, emoji (sequences included) two, combining
 * marks none, a tab one (it is shown as one space).
 */
import { describe, expect, it } from 'vitest';
import { displayColumns, displayWidth } from '../../src/diagnostics/display-width.js';
import { runCli } from '../support/cli.js';

/** The source line and the caret line the CLI prints for `query` (first diagnostic), without the two-space indent. */
async function caretOf(query: string): Promise<{ line: string; caret: string }> {
  const r = await runCli(['check', query]);
  expect(r.code).toBe(1);
  const lines = r.stderr.split('\n');
  return { line: lines[1]!.slice(2), caret: lines[2]!.slice(2) };
}

describe('displayWidth', () => {
  it.each([
    ['ascii', 'domain_rating', 13],
    ['CJK ideographs', '日本語', 6],
    ['kana and Hangul', 'カナ한글', 8],
    ['fullwidth forms', 'ＡＢ１', 6],
    ['an emoji', '😀', 2],
    ['a ZWJ sequence', '👩‍💻', 2],
    ['a skin tone', '👍🏽', 2],
    ['a flag', '🇩🇪', 2],
    ['a text symbol made emoji by U+FE0F', '❤️', 2],
    ['a text symbol alone', '❤', 1],
    ['combining marks', 'e\u0301a\u0308', 2],
    ['Latin with accents, precomposed', 'café', 4],
    ['a zero-width space', 'a\u200bb', 2],
  ])('%s', (_name, text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('maps each UTF-16 unit to the column its character starts at', () => {
    expect(displayColumns('日本 x')).toEqual([0, 2, 4, 5, 6]);
    // Both halves of a surrogate pair start at the emoji's column.
    expect(displayColumns('😀a')).toEqual([0, 0, 2, 3]);
  });
});

describe('carets by display width', () => {
  it.each([
    ['CJK', 'anchor = "日本語" and domain_ratng > 5', 'anchor = "日本語" and '.length + 3],
    ['emoji', 'anchor = "😀👩‍💻🇩🇪" and domain_ratng > 5', 'anchor = "" and '.length + 6],
    ['combining marks', 'anchor = "e\u0301" and domain_ratng > 5', 'anchor = "e" and '.length],
    ['fullwidth letters', 'anchor = "ＳＥＯ" and domain_ratng > 5', 'anchor = "" and '.length + 6],
  ])('%s before the range: the caret is under the column name', async (_name, query, column) => {
    const { line, caret } = await caretOf(query);
    expect(line).toBe(query);
    expect(caret).toBe(`${' '.repeat(column)}^${'~'.repeat('domain_ratng'.length - 1)}`);
  });

  it('a wide range gets a caret line as wide as it is shown', async () => {
    const { caret } = await caretOf('`日本` > 5');
    // The backquoted name is 2 + 2 × 2 columns.
    expect(caret).toBe(`^${'~'.repeat(5)}`);
  });

  it('a tab is shown as one space, and the caret counts it as one column', async () => {
    const { line, caret } = await caretOf('anchor = "\t日" and domain_ratng > 5');
    expect(line).toBe('anchor = " 日" and domain_ratng > 5');
    expect(caret.indexOf('^')).toBe('anchor = " " and '.length + 2);
  });
});
