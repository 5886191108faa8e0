/**
 * Rendering for a terminal: no character from the input that a terminal acts
 * on (C0/C1 controls, DEL, line separators, bidirectional controls) reaches
 * the output raw, and the caret still lines up under the range.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, decompile } from '../../src/api/compile.js';
import { diagnostic } from '../../src/diagnostics/diagnostic.js';
import { escapeForTerminal, renderDiagnostic } from '../../src/diagnostics/render.js';
import { runs } from '../laws/runs.js';

/** Every character class that must never reach a terminal raw (a line break only as the renderer's own separator). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

/** One of each kind: C0 (NUL, BEL, BS, TAB, LF, CR, ESC), DEL, C1 (NEL, CSI), separators, bidi overrides and isolates, marks. */
const SAMPLES = ['\u0000', '\u0007', '\u0008', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029',
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];

function linesOf(rendered: string): string[] {
  return rendered.split('\n');
}

describe('escapeForTerminal', () => {
  it.each(SAMPLES.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, c]))('escapes %s', (_name, c) => {
    const out = escapeForTerminal(`a${c}b`);
    expect(out).not.toMatch(UNSAFE);
    expect(out.startsWith('a\\') && out.endsWith('b')).toBe(true);
  });

  it('keeps every other character, non-ASCII letters and emoji included', () => {
    const text = 'café ☕ 日本語 Ωmega \u00a0 \u200b \ud83d\ude00 "quoted" \\back';
    expect(escapeForTerminal(text)).toBe(text);
  });

  it('never leaves an unsafe character, on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => !UNSAFE.test(escapeForTerminal(s))), runs(500));
  });
});

describe('renderDiagnostic escapes what came from the input', () => {
  it.each(SAMPLES.map((c) => [JSON.stringify(c), c]))('in the message, the file name, the path and the help of %s', (_name, c) => {
    const d = diagnostic('unknown-column', `Unknown column "x${c}y".`, { path: `/and/0/field${c}` }, [{ message: `Replace with "x${c}"`, replacement: 'x' }]);
    const out = renderDiagnostic(d, { file: `rows${c}.jsonl` });
    const lines = linesOf(out);
    expect(lines).toHaveLength(2); // the message line and one help line: a line break in the input cannot forge a line
    for (const line of lines) expect(line).not.toMatch(UNSAFE);
  });

  it.each(SAMPLES.filter((c) => c !== '\n' && c !== '\r').map((c) => [JSON.stringify(c), c]))('in the source line, with the caret under the range, for %s', (_name, c) => {
    // The unknown column comes after the control character, so the caret has to move by the escape's width.
    const source = `anchor = "a${c}b" and domain_ratng > 5`;
    const [d] = check(source).filter((x) => x.code === 'unknown-column');
    expect(d).toBeDefined();
    const lines = linesOf(renderDiagnostic(d!, { source }));
    expect(lines).toHaveLength(3 + (d!.suggestions?.length ?? 0));
    for (const line of lines) expect(line).not.toMatch(UNSAFE);
    const shown = lines[1]!;
    const caret = lines[2]!;
    const at = caret.indexOf('^');
    expect(shown.slice(at, at + 'domain_ratng'.length)).toBe('domain_ratng');
    expect(caret.trimEnd().length - at).toBe('domain_ratng'.length);
  });

  it('a control character inside the range widens the marker to its escape', () => {
    const source = 'domain_rating_source > 5 and `bad\u001bname` = 1';
    const [d] = check(source).filter((x) => x.code === 'unknown-column');
    const lines = linesOf(renderDiagnostic(d!, { source }));
    const at = lines[2]!.indexOf('^');
    const width = lines[2]!.trimEnd().length - at;
    expect(lines[1]!.slice(at, at + width)).toBe('`bad\\u{1B}name`');
  });

  it('JSON input: a control character in a key reaches the path and the message escaped', () => {
    const r = decompile({ and: [{ field: 'is_spam', is: ['eq', true], '\u001b[2J': 1 }, { field: 'x\u009b1m', is: ['eq', true] }] });
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.some((d) => UNSAFE.test(d.message) || UNSAFE.test(d.path ?? ''))).toBe(true); // the library keeps the raw text
    for (const d of r.diagnostics) for (const line of linesOf(renderDiagnostic(d))) expect(line).not.toMatch(UNSAFE);
  });

  it('on random text with control characters: no unsafe character, one message line per diagnostic plus source and caret', () => {
    const noisy = fc.array(fc.oneof(fc.constantFrom(...SAMPLES), fc.constantFrom('anchor', ' = ', '"', 'x', ' and ', 'DR', '>', '5', '(', ')', '`')), { maxLength: 20 }).map((a) => a.join(''));
    fc.assert(fc.property(noisy, (source) => {
      for (const d of check(source)) {
        const lines = linesOf(renderDiagnostic(d, { source }));
        expect(lines.length).toBe(1 + (d.range ? 2 : 0) + (d.suggestions?.length ?? 0));
        for (const line of lines) expect(line).not.toMatch(UNSAFE);
      }
    }), runs(300));
  });
});
