/**
 * `null-test-never-true` says what the test written does (issue 8, item 22):
 * `is null` on a never-null column is always false, `is not null` (or a `not`
 * around `is null`) always true, and the verdict agrees with evaluation.
 */
import { describe, expect, it } from 'vitest';
import { check, decompile } from '../../src/api/compile.js';
import { evaluate } from '../../src/api/predicate.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import { catalogueNames } from '../../src/catalogue/named.js';

const warning = (text: string, catalogue?: string) => {
  const ds = check(text, catalogue ? { catalogue } : {}).filter((d) => d.code === 'null-test-never-true');
  expect(ds, text).toHaveLength(1);
  return ds[0]!;
};

describe('null-test-never-true wording', () => {
  it.each([
    ['anchor is null', '`anchor is null` is always false: it keeps no row'],
    ['anchor is not null', '`anchor is not null` is always true: it keeps every row'],
    ['not (anchor is null)', '`anchor is not null` is always true'],
    ['DR > 5 and anchor is not null', '`anchor is not null` is always true'],
    ['DR > 5 or not anchor is null', '`anchor is not null` is always true'],
    ['languages is null', '`languages is null` is always false'],
    ['languages is not null', '`languages is not null` is always true'],
  ])('%s: %s', (text, words) => {
    const d = warning(text);
    expect(d.message).toContain(words);
    expect(d.message).not.toContain(words.includes('true') ? 'always false' : 'always true');
    expect(d.severity).toBe('warning');
  });

  it('a not around something larger leaves the null test itself always false', () => {
    expect(warning('not (anchor is null or DR > 5)').message).toContain('`anchor is null` is always false');
  });

  it('no warning for nullable columns, array elements or unknown nullability', () => {
    for (const text of ['alt is not null', 'alt is null', 'any(languages) is not null', 'not (alt is null)']) {
      expect(check(text).filter((d) => d.code === 'null-test-never-true'), text).toEqual([]);
    }
  });

  it('JSON input gets JSON words', () => {
    const plain = decompile('{"field":"anchor","is":"is_null"}').diagnostics.find((d) => d.code === 'null-test-never-true')!;
    expect(plain).toMatchObject({ path: '/is', message: expect.stringContaining('so "is_null" is always false') });
    const negated = decompile('{"not":{"field":"anchor","is":"is_null"}}').diagnostics.find((d) => d.code === 'null-test-never-true')!;
    expect(negated).toMatchObject({ path: '/not/is', message: expect.stringContaining('so {"not": … "is_null"} is always true') });
  });

  it('the verdict agrees with evaluation, for every never-null column of every catalogue', () => {
    let columns = 0;
    for (const name of catalogueNames) {
      const catalogue = getCatalogue(name)!;
      for (const column of catalogue.columns.filter((c) => !c.nullable && c.returned)) {
        columns++;
        const row = { [column.name]: column.array ? ['x'] : 1 };
        for (const [text, always] of [[`${column.name} is null`, false], [`${column.name} is not null`, true], [`not (${column.name} is null)`, true]] as const) {
          const d = warning(text, name);
          expect(d.message, text).toContain(`always ${always}`);
          expect(evaluate(text, row, { catalogue: name }), `${name}: ${text}`).toBe(always);
        }
      }
    }
    expect(columns).toBeGreaterThan(50);
  });
});
