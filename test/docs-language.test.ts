import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';

// Every "text | JSON" row of the language reference is an executable claim.
const doc = readFileSync('docs/language.md', 'utf8');
const rows = [...doc.matchAll(/^\| `([^`|]+)` \| `(\{[^`]+\})` \|$/gm)].map((m) => ({ query: m[1]!, json: m[2]! }));

describe('docs/language.md', () => {
  it('has examples to check', () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
  });

  it.each(rows)('$query → $json', ({ query, json }) => {
    const r = compile(query);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.json).toBe(json);
  });
});
