/**
 * The analysis's warnings reach the editor service (and so the language
 * server and playground, which read it) with their quick fixes: within one
 * top-level operand from that operand's own check, and across top-level
 * operands from the cached operands' summaries, without checking any operand
 * again. Both paths give what `check` gives for the whole text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api/compile.js';
import { filterAst } from '../../src/arbitraries/index.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { printFilter } from '../../src/emit/text.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { clearDiagnoseCache, diagnose, diagnoseWhole, diagnoseWork, resetDiagnoseWork } from '../../src/editor/diagnose.js';

const apply = (text: string, f: { start: number; end: number; newText: string }) => text.slice(0, f.start) + f.newText + text.slice(f.end);

/** `check`'s diagnostics in the editor's shape: what the editor must show (the editor orders warnings at one offset by their end, then code). */
function checked(text: string) {
  const order = (d: { start: number; end: number; code: string }) => [d.start, -d.end, d.code] as const;
  const cmp = (a: ReturnType<typeof order>, b: ReturnType<typeof order>) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
  return check(text).map((d: Diagnostic) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    start: d.range!.start.offset,
    end: d.range!.end.offset,
    fixes: (d.suggestions ?? []).map((s) => ({ title: s.message, start: s.range!.start.offset, end: s.range!.end.offset, newText: s.replacement })),
  })).sort((a, b) => cmp(order(a), order(b)));
}

describe('editor service', () => {
  it('diagnose() returns never-matches with its fix for DR between 5 and 1', () => {
    const text = 'DR between 5 and 1';
    const [d] = diagnose(text);
    expect(d).toMatchObject({ code: 'never-matches', severity: 'warning', start: 0, end: text.length });
    expect(apply(text, d!.fixes[0]!)).toBe('DR between 1 and 5');
  });

  it.each(['is_dofollow and DR between 5 and 1', 'url_from contains "x" and uppercase(anchor) = "seo"'])('inside a longer filter, incremental or whole: %s', (text) => {
    clearDiagnoseCache();
    const cold = diagnose(text);
    expect(cold.map((d) => d.code)).toEqual(['never-matches']);
    expect(cold).toEqual(diagnoseWhole(text));
    const edited = `${text} and is_new`;
    expect(diagnose(edited)).toEqual(diagnoseWhole(edited));
    expect(diagnose(edited).map((d) => d.code)).toEqual(['never-matches']);
  });

  it.each([
    ['DR > 50 and is_new and DR < 10', ['never-matches']],
    ['alt = "a" and alt = "b"', ['never-matches']],
    ['link_type in (text, image) and link_type not in (text, image)', ['never-matches']],
    ['is_new and DR > 3 and is_new', ['redundant-condition']],
    ['DR > 50 and is_new and DR > 30', ['subsumed-condition']],
    ['DR > 50 or DR > 30 or is_new', ['subsumed-condition']],
    ['DR >= 0 or DR < 0', ['always-true-where-known']],
    ['alt >= "a" or alt < "a"', ['always-true-where-known']],
    ['any(languages) = "en" or any(languages) = "en"', ['redundant-condition']],
    ['first_seen > 2024-01-01T00:00:00Z and is_new and first_seen < 2023-06-01', ['never-matches']],
    ['DR > 5 and domain_rating_source > 5', ['redundant-condition']],
    ['is_new and DR > 1 or is_new and domain_rating_source > 1', ['redundant-condition']],
    // An operand inside a larger verdict is not looked into: its own range warning is not repeated.
    ['DR between 5 and 1 and is_new and DR between 5 and 1', ['never-matches', 'redundant-condition']],
    ['http_code in (200, 200) and http_code = 301', ['never-matches']],
  ])('across top-level operands, the same as check: %s', (text, codes) => {
    expect(checked(text).filter((d) => d.severity !== 'error').map((d) => d.code).sort()).toEqual([...codes].sort());
    clearDiagnoseCache();
    expect(diagnose(text)).toEqual(checked(text));
    expect(diagnoseWhole(text)).toEqual(checked(text));
    // Warm: every part from the cache, the verdict joined again from their summaries.
    resetDiagnoseWork();
    expect(diagnose(text)).toEqual(checked(text));
    expect(diagnoseWork().calls).toBe(0);
  });

  it('the fixes of a verdict across operands apply to the whole text', () => {
    const cases: [string, string][] = [
      ['DR > 50 and is_new and DR > 30', 'DR > 50 and is_new'],
      ['alt = "a" and alt = "b"', 'alt in ("a", "b")'],
      ['is_new and DR > 3 and is_new', 'is_new and DR > 3'],
      ['DR > 50 and DR < 10', 'DR > 50 or DR < 10'],
    ];
    for (const [text, fixed] of cases) {
      clearDiagnoseCache();
      const [d] = diagnose(text);
      expect(apply(text, d!.fixes[0]!)).toBe(fixed);
    }
  });

  it('a keystroke in another part costs that part only, and the verdict across parts stays', () => {
    const filler = Array.from({ length: 200 }, (_, i) => `anchor contains "k${i}"`).join(' and ');
    const text = `DR > 50 and ${filler} and DR < 10`;
    clearDiagnoseCache();
    diagnose(text);
    const edited = text.replace('"k100"', '"k1000"');
    resetDiagnoseWork();
    const result = diagnose(edited);
    expect(diagnoseWork()).toMatchObject({ calls: 1, parts: 1 });
    expect(result.map((d) => d.code)).toEqual(['never-matches']);
    expect(result).toEqual(checked(edited));
  });

  it('after an error elsewhere is fixed, the warnings of parts checked beside it are right', () => {
    clearDiagnoseCache();
    // One run with an error: the checker skipped the analysis of the whole run.
    expect(diagnose('is_new and link_type = txt and DR between 5 and 1').map((d) => d.code)).toEqual(['unknown-enum-value']);
    const fixed = 'is_new and link_type = text and DR between 5 and 1';
    resetDiagnoseWork();
    expect(diagnose(fixed)).toEqual(checked(fixed));
    expect(diagnoseWork().parts).toBe(1);
    expect(diagnose('DR > 50 and link_type = txt and DR < 10').map((d) => d.code)).toEqual(['unknown-enum-value']);
    expect(diagnose('DR > 50 and link_type = text and DR < 10')).toEqual(checked('DR > 50 and link_type = text and DR < 10'));
  });

  it('no analysis warnings while another part has an error, as with the whole text', () => {
    clearDiagnoseCache();
    diagnose('is_new and DR between 5 and 1 and DR > 3');
    const broken = 'is_new and DR between 5 and 1 and link_type = txt';
    expect(diagnose(broken).map((d) => d.code)).toEqual(['unknown-enum-value']);
    expect(diagnose(broken)).toEqual(diagnoseWhole(broken));
    expect(diagnose('DR > 50 and link_type = txt and DR < 10').map((d) => d.code)).toEqual(['unknown-enum-value']);
  });

  it('a part equal to the stand-in gets no repeated-operand warning', () => {
    clearDiagnoseCache();
    diagnose('DR > 3 and is_new and http_code = 200');
    const text = 'DR > 3 and is_alternate and http_code = 200';
    expect(diagnose(text)).toEqual(diagnoseWhole(text));
  });

  it('equal parts are distinct operands: a repeat among them is found', () => {
    const text = 'DR > 1 and is_new and is_new and DR > 2';
    clearDiagnoseCache();
    expect(diagnose(text)).toEqual(checked(text));
    expect(diagnose(text).map((d) => d.code).sort()).toEqual(['redundant-condition', 'subsumed-condition']);
  });

  it('comments and line breaks between parts: ranges and fixes as check has them', () => {
    const text = '# strong sites\nDR > 50   # at least\nand is_new\r\nand DR > 30 # weaker';
    clearDiagnoseCache();
    expect(diagnose(text)).toEqual(checked(text));
    expect(diagnose(text).map((d) => d.code)).toEqual(['subsumed-condition']);
  });

  it('on generated filters of several top-level operands: cold, warm and after an edit, what check gives', () => {
    // Few columns, so that operands on one column meet across parts.
    const operand = filterAst(allBacklinks, { columns: ['domain_rating_source', 'alt', 'link_type', 'is_new'], evaluable: true, maxDepth: 2, maxOperands: 3 })
      .map((f) => `(${printFilter(f)})`);
    const bare = fc.constantFrom('DR > 50', 'DR < 10', 'alt = "a"', 'alt = "b"', 'is_new', 'link_type = text', 'DR between 5 and 1', 'alt is null', 'alt is not null');
    const parts = fc.array(fc.oneof(bare, operand), { minLength: 2, maxLength: 6 });
    const joins = fc.array(fc.constantFrom(' and ', ' or ', '\nand ', ' AND '), { minLength: 5, maxLength: 5 });
    let across = 0;
    fc.assert(fc.property(parts, joins, fc.nat(), (ps, js, pick) => {
      const text = ps.map((p, i) => (i === 0 ? p : js[i - 1]! + p)).join('');
      const expected = checked(text);
      if (expected.some((d) => d.severity === 'error')) return;
      clearDiagnoseCache();
      expect(diagnose(text)).toEqual(expected);
      expect(diagnose(text)).toEqual(expected);
      // An edit of one part: the others come from the cache.
      const k = pick % ps.length;
      const edited = ps.map((p, i) => (i === 0 ? '' : js[i - 1]!) + (i === k ? 'DR >= 7' : p)).join('');
      const after = checked(edited);
      if (after.some((d) => d.severity === 'error')) return;
      expect(diagnose(edited)).toEqual(after);
      if (expected.some((d) => d.end - d.start > 0 && text.slice(d.start, d.end).match(/ (and|or|AND)\s/) && !ps.some((p) => text.slice(d.start, d.end) === p))) across++;
    }), { seed: 1313, numRuns: 120 });
    expect(across).toBeGreaterThan(10);
  });
});
