/**
 * The analysis's warnings reach the editor service (and so the language
 * server and playground, which read it) with their quick fixes; verdicts
 * across top-level operands are left to `check`, so that the incremental
 * path and the whole text agree.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api/compile.js';
import { clearDiagnoseCache, diagnose, diagnoseWhole } from '../../src/editor/diagnose.js';

const apply = (text: string, f: { start: number; end: number; newText: string }) => text.slice(0, f.start) + f.newText + text.slice(f.end);

describe('editor service', () => {
  it('diagnose() returns never-matches with its fix for DR between 5 and 1', () => {
    const text = 'DR between 5 and 1';
    const [d] = diagnose(text);
    expect(d).toMatchObject({ code: 'never-matches', severity: 'warning', start: 0, end: text.length });
    expect(apply(text, d!.fixes[0]!)).toBe('DR between 1 and 5');
  });

  it.each(['is_dofollow and DR between 5 and 1', 'DR between 5 and 1 or is_new and DR > 3', 'url_from contains "x" and uppercase(anchor) = "seo"'])('inside a longer filter, incremental or whole: %s', (text) => {
    clearDiagnoseCache();
    const cold = diagnose(text);
    expect(cold.map((d) => d.code)).toEqual(['never-matches']);
    expect(cold).toEqual(diagnoseWhole(text));
    const edited = `${text} and is_new`;
    expect(diagnose(edited)).toEqual(diagnoseWhole(edited));
    expect(diagnose(edited).map((d) => d.code)).toEqual(['never-matches']);
  });

  it('a verdict across top-level operands is check\'s, not the editor\'s, on both paths', () => {
    const text = 'DR > 50 and is_new and DR < 10';
    expect(check(text).map((d) => d.code)).toEqual(['never-matches']);
    clearDiagnoseCache();
    expect(diagnose(text)).toEqual([]);
    expect(diagnoseWhole(text)).toEqual([]);
    // Inside parentheses it is one top-level part: the editor shows it.
    expect(diagnose('is_new and (DR > 50 and DR < 10)').map((d) => d.code)).toEqual(['never-matches']);
  });

  it('no analysis warnings while another part has an error, as with the whole text', () => {
    clearDiagnoseCache();
    diagnose('is_new and DR between 5 and 1 and DR > 3');
    const broken = 'is_new and DR between 5 and 1 and link_type = txt';
    expect(diagnose(broken).map((d) => d.code)).toEqual(['unknown-enum-value']);
    expect(diagnose(broken)).toEqual(diagnoseWhole(broken));
  });

  it('a part equal to the stand-in gets no repeated-operand warning', () => {
    clearDiagnoseCache();
    diagnose('DR > 3 and is_new and http_code = 200');
    const text = 'DR > 3 and is_alternate and http_code = 200';
    expect(diagnose(text)).toEqual(diagnoseWhole(text));
  });
});
