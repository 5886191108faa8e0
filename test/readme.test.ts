import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, decompile, format } from '../src/index.js';

// The README's examples are the product's shop window: keep them true.
const readme = readFileSync('README.md', 'utf8');
const examples = [...readme.matchAll(/```text\n([^`]+?)\n\s*```\n\s*```json\n([^`]+?)\n\s*```/g)].map((m) => ({
  query: m[1]!.split('\n').map((l) => l.trim()).join(' '),
  json: m[2]!.trim(),
}));

describe('README', () => {
  it('shows at least five examples with their JSON', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples)('$query compiles to the JSON shown', ({ query, json }) => {
    const r = compile(query);
    expect(r.diagnostics).toEqual([]);
    expect(r.json).toBe(json);
    // And the JSON reads back to a query that compiles to the same bytes.
    expect(compile(decompile(json).text!).json).toBe(json);
  });

  it('quick start output is what compile gives', () => {
    expect(readme).toContain(compile('domain_rating_source >= 50 and is_dofollow').json!);
  });

  it('shows format and decompile results that hold', () => {
    expect(format('NOT is_spam AND DR>=50')).toBe('not is_spam and DR >= 50');
    expect(decompile('{"or":[{"field":"link_type","is":["eq","text"]},{"field":"link_type","is":["eq","image"]}]}').text).toBe('link_type in (text, image)');
  });
});
