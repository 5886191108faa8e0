import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { extractSeedFacts, type SeedColumnFacts } from '../../scripts/extract-seed-facts.js';
import facts from '../fixtures/all-backlinks-seed-facts.json';

const seedFacts = facts as Record<string, SeedColumnFacts>;

/** The facts of a built-in column, in the fixture's shape. */
function factsOf(name: string): SeedColumnFacts {
  const c = allBacklinks.byName.get(name)!;
  return {
    type: c.array ? `array(${c.type})` : c.type,
    nullable: c.nullable,
    ...(c.enumValues ? { enum: [...c.enumValues] } : {}),
    units: c.units,
    returned: c.returned,
  };
}

describe('the built-in all-backlinks catalogue', () => {
  it('has exactly the 86 where columns of the API reference page', () => {
    expect(allBacklinks.columns).toHaveLength(86);
    expect(allBacklinks.columns.map((c) => c.name).sort()).toEqual(Object.keys(seedFacts).sort());
  });

  it.each(Object.keys(seedFacts))('%s matches the seed (type, nullability, enum, units, returned)', (name) => {
    expect(factsOf(name)).toEqual(seedFacts[name]);
  });

  it('knows nullability for every column of this endpoint', () => {
    expect(allBacklinks.columns.every((c) => c.nullabilityKnown)).toBe(true);
  });

  it('marks the four filter-only columns', () => {
    expect(allBacklinks.columns.filter((c) => !c.returned).map((c) => c.name)).toEqual([
      'is_homepage_link',
      'is_non_html',
      'len_url_redirect',
      'positions_source_domain',
    ]);
  });

  it('charges 10 units for traffic columns and 5 for class_c and refdomains_*', () => {
    const costly = Object.fromEntries(allBacklinks.columns.filter((c) => c.units !== 1).map((c) => [c.name, c.units]));
    expect(costly).toEqual({
      class_c: 5,
      refdomains_source: 5,
      refdomains_source_domain: 5,
      refdomains_target_domain: 5,
      traffic: 10,
      traffic_domain: 10,
    });
  });

  it('gives every column a description of its own', () => {
    for (const c of allBacklinks.columns) expect(c.description, c.name).toMatch(/\S/);
  });

  it('uses the RE2 regex dialect and the documented uppercase modifier', () => {
    expect(allBacklinks.regexDialect).toBe('re2');
    expect(allBacklinks.modifiers.map((m) => m.name)).toEqual(['uppercase']);
  });

  // The fixture is committed; when the seed page is beside the project (as in
  // development and CI), re-extract it to prove the fixture still says what the page says.
  const seedPath = '../shared/seeds/all-backlinks.txt';
  it.runIf(existsSync(seedPath))('fixture is what the seed page says', () => {
    expect(extractSeedFacts(readFileSync(seedPath, 'utf8'))).toEqual(seedFacts);
  });
});
