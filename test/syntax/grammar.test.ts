/**
 * grammar/where.ebnf stays true to the parser: the same rules, by name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FilterParser } from '../../src/syntax/parser.js';

describe('grammar/where.ebnf', () => {
  it('defines exactly the parser rules (plus token productions)', () => {
    const ebnf = readFileSync(new URL('../../grammar/where.ebnf', import.meta.url), 'utf8');
    const defined = new Set([...ebnf.matchAll(/^([A-Za-z]+)\s+::=/gm)].map((m) => m[1]!));
    const rules = new Set(Object.keys(new FilterParser(true).getGAstProductions()));
    for (const name of rules.keys()) expect(defined, name).toContain(name);
    const lowerCase = [...defined].filter((n) => /^[a-z]/.test(n));
    expect(lowerCase.sort()).toEqual([...rules.keys()].sort());
  });
});
