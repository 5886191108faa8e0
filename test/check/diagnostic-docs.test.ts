import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';

const docs = readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8');
const headings = [...docs.matchAll(/^### `([a-z0-9-]+)`$/gm)].map((m) => m[1]!);

describe('docs/diagnostics.md', () => {
  it.each(Object.keys(DIAGNOSTIC_CODES))('documents %s', (code) => {
    expect(headings).toContain(code);
  });

  it('documents no code that does not exist, each once, with its severity', () => {
    for (const code of headings) expect(Object.keys(DIAGNOSTIC_CODES), code).toContain(code);
    expect(new Set(headings).size).toBe(headings.length);
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      const section = docs.slice(docs.indexOf(`### \`${code}\``)).split('\n### ')[0]!;
      expect(section, code).toContain(`**${info.severity}.**`);
    }
  });
});
