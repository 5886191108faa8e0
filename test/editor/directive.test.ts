import { describe, expect, it } from 'vitest';
import { readEndpointDirective } from '../../src/index.js';
import { getCatalogue } from '../../src/catalogue/index.js';
import { formatDocument } from '../../src/editor/index.js';
import { VALID_QUERIES } from './corpus.js';

describe('readEndpointDirective', () => {
  it('reads the endpoint named on the first line, with the range of the name', () => {
    const text = '# endpoint: keywords-explorer/overview\nvolume > 1000';
    const d = readEndpointDirective(text)!;
    expect(d.catalogue).toBe(getCatalogue('keywords-explorer/overview'));
    expect(d.name).toBe('keywords-explorer/overview');
    expect(text.slice(d.range.start.offset, d.range.end.offset)).toBe('keywords-explorer/overview');
    expect(d.range.start).toEqual({ offset: 12, line: 1, column: 13 });
    expect(d.diagnostics).toEqual([]);
  });

  it('takes any case and spacing around its parts, a BOM, CRLF, and the names the catalogue option takes', () => {
    for (const text of ['#endpoint:site-explorer/organic-keywords', '  #  ENDPOINT :\tsite-explorer/organic-keywords  \r\nx', '\uFEFF# Endpoint: /v3/site-explorer/organic-keywords\n']) {
      const d = readEndpointDirective(text)!;
      expect(d.catalogue?.name, JSON.stringify(text)).toBe('site-explorer/organic-keywords');
      expect(text.slice(d.range.start.offset, d.range.end.offset)).toBe(d.name);
    }
  });

  it('is absent unless the first line is the directive', () => {
    for (const text of ['', 'DR > 5', '# a note\n# endpoint: keywords-explorer/overview', '\n# endpoint: keywords-explorer/overview', '# endpoints: x', '# the endpoint: x', 'x # endpoint: y']) {
      expect(readEndpointDirective(text), JSON.stringify(text)).toBeUndefined();
    }
    expect(readEndpointDirective(42 as unknown as string)).toBeUndefined();
  });

  it('reports an unknown endpoint on its name, with the closest names as replacements of that range', () => {
    const text = '# endpoint: keywords-explorer/overveiw\nvolume > 1000';
    const d = readEndpointDirective(text)!;
    expect(d.catalogue).toBeUndefined();
    expect(d.diagnostics).toHaveLength(1);
    const [problem] = d.diagnostics;
    expect(problem).toMatchObject({ code: 'unknown-catalogue', severity: 'error', range: d.range });
    expect(problem!.message).toContain('did you mean "keywords-explorer/overview"');
    const fix = problem!.suggestions![0]!;
    expect(fix.range).toEqual(d.range);
    const fixed = text.slice(0, fix.range!.start.offset) + fix.replacement + text.slice(fix.range!.end.offset);
    expect(readEndpointDirective(fixed)!.catalogue?.name).toBe('keywords-explorer/overview');
  });

  it('reports a directive that names nothing on the whole comment', () => {
    const d = readEndpointDirective('# endpoint:   \nDR > 5')!;
    expect(d).toMatchObject({ name: '', catalogue: undefined });
    expect(d.range).toMatchObject({ start: { offset: 0 }, end: { offset: 14 } });
    expect(d.diagnostics[0]).toMatchObject({ code: 'unknown-catalogue', message: expect.stringContaining('names no endpoint') });
  });

  it('is kept as the first line by the formatter', () => {
    const directive = '# endpoint: site-explorer/all-backlinks';
    for (const q of VALID_QUERIES) {
      for (const text of [`${directive}\n${q}`, `${directive}\n\n(${q})`, `${directive}   \n# another note\n${q}`]) {
        const formatted = formatDocument(text).text;
        expect(formatted.split('\n')[0]!.trimEnd(), text).toBe(directive);
        expect(readEndpointDirective(formatted)?.name).toBe('site-explorer/all-backlinks');
      }
    }
  });
});
