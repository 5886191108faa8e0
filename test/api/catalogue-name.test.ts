/**
 * Issue 12 §3: every entry point that accepts a catalogue also takes an
 * endpoint's name, and a misspelt name is an `unknown-catalogue` diagnostic
 * with the closest names as did-you-mean and quick-fix replacements — never a
 * throw, never a silent fallback to all-backlinks. (test/api/options.test.ts
 * covers compile, check, decompile, predicate, evaluate and explain; this file
 * the others and the ranking of the names.)
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/api/compile.js';
import { estimateCost } from '../../src/api/cost.js';
import { simplify } from '../../src/api/simplify.js';
import { toSql } from '../../src/api/sql.js';
import { catalogueOption } from '../../src/catalogue/option.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/** Entry points as "the diagnostics for this catalogue option", on a filter valid on keywords-explorer/overview only. */
const ENTRIES: Record<string, (catalogue: unknown) => readonly Diagnostic[]> = {
  toSql: (catalogue) => toSql('volume > 1000', { dialect: 'duckdb', catalogue } as never).diagnostics,
  simplify: (catalogue) => simplify('volume > 1000 and volume > 10', { catalogue } as never).diagnostics,
  estimateCost: (catalogue) => estimateCost({ catalogue, select: 'keyword', where: 'volume > 1000' } as never).diagnostics,
};

describe('a catalogue by name in every entry point', () => {
  it('the name selects that endpoint: its columns are known, all-backlinks ones are not', () => {
    for (const [entry, run] of Object.entries(ENTRIES)) {
      expect(run('keywords-explorer/overview').filter((d) => d.severity === 'error'), entry).toEqual([]);
      expect(run(undefined).map((d) => d.code), entry).toContain('unknown-column');
    }
    expect(toSql('volume > 1000', { dialect: 'duckdb', catalogue: 'keywords-explorer/overview' }).ok).toBe(true);
    expect(simplify('volume > 1000 and volume > 10', { catalogue: 'keywords-explorer/overview' }).text).toBe('volume > 1000');
  });

  it('a misspelt name is one unknown-catalogue with did-you-mean and a fix, never a throw', () => {
    for (const [entry, run] of Object.entries(ENTRIES)) {
      const ds = run('keywords-explorer/overveiw');
      expect(ds.map((d) => d.code), entry).toEqual(['unknown-catalogue']);
      expect(ds[0]!.message, entry).toContain('did you mean "keywords-explorer/overview"');
      expect(ds[0]!.suggestions?.[0]?.replacement, entry).toBe('keywords-explorer/overview');
    }
  });
});

describe('did-you-mean for catalogue names', () => {
  const first = (name: string) => catalogueOption(name).diagnostics[0]?.suggestions?.map((s) => s.replacement) ?? [];

  it.each([
    // The endpoint without its tool, another case, other separators, a transposition, a missing letter.
    ['all-backlinks', 'site-explorer/all-backlinks'],
    ['organic-keywords', 'site-explorer/organic-keywords'],
    ['Keywords-Explorer/Overview', 'keywords-explorer/overview'],
    ['keywords explorer overview', 'keywords-explorer/overview'],
    ['keywords_explorer/overveiw', 'keywords-explorer/overview'],
    ['site-explorer/refdomain', 'site-explorer/refdomains'],
    ['site-exporer/all-backlinks', 'site-explorer/all-backlinks'],
  ])('%s suggests %s first', (typo, meant) => {
    expect(first(typo)[0]).toBe(meant);
  });

  it('a name like none gives no suggestion, only where the names are listed', () => {
    for (const name of ['zzzz', 'x', 'qwertyuiop/asdfgh']) {
      const d = catalogueOption(name).diagnostics[0]!;
      expect(d.code, name).toBe('unknown-catalogue');
      expect(d.suggestions ?? [], name).toEqual([]);
      expect(d.message, name).toContain('catalogueNames');
    }
  });

  it('a compile with a misspelt name reports it rather than checking against all-backlinks', () => {
    const r = compile('volume > 1000', { catalogue: 'keyword-explorer/overview' });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unknown-catalogue']);
    expect(r.diagnostics[0]!.suggestions?.[0]?.replacement).toBe('keywords-explorer/overview');
  });
});
