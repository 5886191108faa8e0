/**
 * Did-you-mean for unknown columns is bounded per check (issue 8, "cost must
 * be linear with a small constant", re-checked from outside): each search
 * scores the name against every column and alias (about half a millisecond),
 * so a `where` object of 40,000 unknown columns took 20 s to decompile. The
 * first MAX_SUGGESTED_NAMES distinct names are searched, each once however
 * often it repeats; later names are reported without suggestions. Counted
 * through the messages, never the clock.
 */
import { describe, expect, it } from 'vitest';
import { check, decompile } from '../../src/index.js';
import { MAX_SUGGESTED_NAMES } from '../../src/check/checker.js';

/** Distinct misspellings of url_from, each close enough for a suggestion on its own. */
const letters = 'abcdefghijklmnopqrstuvwxyz';
const names = Array.from({ length: 3 * MAX_SUGGESTED_NAMES }, (_, i) => `url_from${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}`);
const suggests = (message: string) => message.includes('did you mean');

describe('did-you-mean budget', () => {
  it('each name used here gets a suggestion on its own', () => {
    for (const name of names) expect(suggests(check(`${name} = "x"`)[0]!.message), name).toBe(true);
  });

  it('the first distinct names get suggestions, later ones none, in text and in JSON', () => {
    const text = names.map((n) => `${n} = "x"`).join(' or ');
    const json = { or: names.map((n) => ({ field: n, is: ['eq', 'x'] })) };
    for (const diagnostics of [check(text), decompile(json).diagnostics!]) {
      const unknown = diagnostics.filter((d) => d.code === 'unknown-column');
      expect(unknown).toHaveLength(names.length);
      // Diagnostics come sorted (JSON by path, as text: /or/10 before /or/2), so the names are read from the messages.
      const named = (d: { message: string }) => /"([^"]+)"/.exec(d.message)![1]!;
      const searched = new Set(names.slice(0, MAX_SUGGESTED_NAMES));
      for (const d of unknown) {
        expect(suggests(d.message), d.message).toBe(searched.has(named(d)));
        if (!searched.has(named(d))) expect(d.suggestions ?? []).toEqual([]);
      }
    }
  });

  it('a name repeated is searched once: every occurrence keeps its suggestion, past the budget too', () => {
    const repeated = Array.from({ length: 5 * MAX_SUGGESTED_NAMES }, () => ({ field: 'domain_ratng_source', is: ['gt', 1] }));
    const unknown = decompile({ or: repeated }).diagnostics!.filter((d) => d.code === 'unknown-column');
    expect(unknown).toHaveLength(repeated.length);
    expect(unknown.every((d) => d.message.includes('did you mean "domain_rating_source"'))).toBe(true);
  });
});
