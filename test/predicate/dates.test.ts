/**
 * Datetimes in the predicate (issue 11): rows in a canonical form
 * (`YYYY-MM-DDThh:mm:ssZ`, `YYYY-MM-DD`) are compared as strings and their
 * calendar checked only when the comparison holds; every other form goes
 * through the instant parser. Exact on every row: both back ends against the
 * reference interpreter on generated datetimes (valid, impossible dates,
 * offsets, fractions of 1–9 digits, non-canonical and broken forms).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompareOp, Filter, Literal } from '../../src/ast/nodes.js';
import { tree } from '../../src/ast/tree.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { dateConstant, isSecondForm, validDayForm, validSecondForm } from '../../src/emit/predicate-core.js';
import { parseInstant } from '../../src/vocabulary/dates.js';
import { compileTree, whereOf } from '../support/predicate-harness.js';
import { referenceEvaluate } from '../support/reference-interpreter.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Years near the edges of four digits and of the data, months and days one past their ranges. */
const year = fc.oneof(fc.integer({ min: 2022, max: 2025 }), fc.constantFrom(0, 1, 1900, 2000, 2100, 9999), fc.integer({ min: 0, max: 9999 }));
const zone = fc.oneof(
  fc.constantFrom('', 'Z', 'Z', 'Z', 'z', '+00:00', '-00:00'),
  fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 })).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
);
const fraction = fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9]{1,9}$/).map((d) => `.${d}`));

/** A datetime text from parts, most of them valid, some one step outside (month 13, day 30 of February, hour 24…). */
const datetimeText = fc
  .record({
    y: year, mo: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }),
    h: fc.integer({ min: 0, max: 24 }), mi: fc.integer({ min: 0, max: 60 }), s: fc.integer({ min: 0, max: 60 }),
    sep: fc.constantFrom('T', 'T', 'T', ' ', 't'), seconds: fc.boolean(), fraction, zone, dateOnly: fc.boolean(),
  })
  .map(({ y, mo, d, h, mi, s, sep, seconds, fraction, zone, dateOnly }) => {
    const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
    if (dateOnly) return date;
    return `${date}${sep}${pad(h)}:${pad(mi)}${seconds ? `:${pad(s)}${fraction}` : ''}${zone}`;
  });

/** One character replaced: broken separators and digits, in strings that keep their length (`T` at 10, `Z` at 19). */
const broken = fc
  .tuple(datetimeText, fc.nat(), fc.constantFrom('0', '9', '-', ':', 'T', 'Z', ' ', '.', 'x', '+', '٣'))
  .map(([text, at, ch]) => {
    const i = at % text.length;
    return text.slice(0, i) + ch + text.slice(i + 1);
  });

/** Mostly canonical `YYYY-MM-DDThh:mm:ssZ` and `YYYY-MM-DD` (the API's forms), then everything else. */
const canonicalText = fc
  .record({ y: year, mo: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }), h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }), s: fc.integer({ min: 0, max: 59 }), day: fc.boolean() })
  .map(({ y, mo, d, h, mi, s, day }) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}${day ? '' : `T${pad(h)}:${pad(mi)}:${pad(s)}Z`}`);
const rowText = fc.oneof({ weight: 4, arbitrary: canonicalText }, { weight: 3, arbitrary: datetimeText }, { weight: 2, arbitrary: broken });
const rowValue = fc.oneof({ weight: 12, arbitrary: rowText }, { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, 20240101, '', true) });

/** Constants: valid instants of every form (whole seconds, midnights, milliseconds, offsets), some invalid. */
const constantText = fc.oneof({ weight: 3, arbitrary: canonicalText }, { weight: 2, arbitrary: datetimeText });
const literal = constantText.map((value): Literal => (value.length === 10 ? { kind: 'date', value } : { kind: 'datetime', value }));

const OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const satisfies readonly CompareOp[];
const COLUMNS = ['first_seen', 'source_page_publish_date', 'last_seen'] as const;

const dateFilter: fc.Arbitrary<Filter> = fc.oneof(
  fc.record({ name: fc.constantFrom(...COLUMNS), op: fc.constantFrom(...OPS), value: literal }).map(
    ({ name, op, value }): Filter => ({ kind: 'condition', field: { name }, test: { kind: 'compare', op, value } }),
  ),
  fc.record({ name: fc.constantFrom(...COLUMNS), low: literal, high: literal }).map(
    ({ name, low, high }): Filter => ({ kind: 'condition', field: { name }, test: { kind: 'between', low, high } }),
  ),
  fc.record({ name: fc.constantFrom(...COLUMNS), values: fc.array(literal, { minLength: 1, maxLength: 3 }) }).map(
    ({ name, values }): Filter => ({ kind: 'condition', field: { name }, test: { kind: 'in', values } }),
  ),
);
const filter = fc.oneof(dateFilter, dateFilter.map((f) => tree.not(f)), fc.tuple(dateFilter, dateFilter).map(([a, b]) => tree.and([a, b])));

describe('datetimes: exact on every row, canonical forms compared as strings', () => {
  it('both back ends agree with the reference interpreter on generated datetimes', () => {
    fc.assert(
      fc.property(filter, fc.array(rowValue, { minLength: 1, maxLength: 8 }), (f, values) => {
        const where = whereOf(f);
        const generated = compileTree(f, { codegen: true });
        const closures = compileTree(f, { codegen: false });
        for (const value of values) {
          for (const name of COLUMNS) {
            const row = { [name]: value };
            const expected = referenceEvaluate(where, row, allBacklinks);
            expect(generated.evaluate(row), `${JSON.stringify(where)} on ${JSON.stringify(row)}`).toBe(expected);
            expect(closures.evaluate(row), `${JSON.stringify(where)} on ${JSON.stringify(row)}`).toBe(expected);
            expect(generated.matches(row)).toBe(expected === true);
          }
        }
      }),
      { seed: 1100, numRuns: 3000 },
    );
  });

  it.each([
    ['2024-02-29T00:00:00Z', true], ['2023-02-29T00:00:00Z', false], ['2024-02-30T12:00:00Z', false], ['2100-02-29T00:00:00Z', false],
    ['2000-02-29T00:00:00Z', true], ['2024-13-01T00:00:00Z', false], ['2024-00-10T00:00:00Z', false], ['2024-04-31T00:00:00Z', false],
    ['2024-01-01T24:00:00Z', false], ['2024-01-01T00:60:00Z', false], ['2024-01-01T00:00:60Z', false], ['2024-01-01T00:00:0aZ', false],
    ['2024-01-01 00:00:00Z', true], ['2024-01-01X00:00:00Z', false], ['2024-01-01T00:00:00z', false], ['2024-01-01T00-00:00Z', false],
    ['9999-12-31T23:59:59Z', true], ['0000-01-01T00:00:00Z', true], ['2024-02-30', false], ['2024-02-29', true], ['2024/02/29', false],
  ] as const)('%s is a valid datetime: %s, and is compared as the parser would', (text, valid) => {
    expect(parseInstant(text) !== null).toBe(valid);
    const ms = parseInstant('2024-01-01T00:00:00Z')!;
    for (const op of OPS) {
      const f: Filter = { kind: 'condition', field: { name: 'first_seen' }, test: { kind: 'compare', op, value: { kind: 'datetime', value: '2024-01-01T00:00:00Z' } } };
      const x = parseInstant(text);
      const expected = x === null ? null : { eq: x === ms, neq: x !== ms, gt: x > ms, gte: x >= ms, lt: x < ms, lte: x <= ms }[op];
      expect(compileTree(f, { codegen: true }).evaluate({ first_seen: text }), `${op} on ${text}`).toBe(expected);
      expect(compileTree(f, { codegen: false }).evaluate({ first_seen: text }), `${op} on ${text}`).toBe(expected);
    }
  });
});

describe('the canonical-form checks are the parser restricted to their forms', () => {
  it('validDayForm and validSecondForm say valid exactly when parseInstant does', () => {
    // Counted: each form must be generated, valid and invalid, or its check is vacuous.
    const seen = { day: [0, 0], second: [0, 0] };
    fc.assert(
      fc.property(rowText, (text) => {
        const valid = parseInstant(text) !== null;
        if (text.length === 10) {
          expect(validDayForm(text), text).toBe(valid);
          seen.day[valid ? 1 : 0]!++;
        }
        if (isSecondForm(text)) {
          expect(validSecondForm(text), text).toBe(valid);
          seen.second[valid ? 1 : 0]!++;
        }
      }),
      { seed: 1101, numRuns: 20000 },
    );
    for (const [form, [invalid, valid]] of Object.entries(seen)) {
      expect(invalid, `invalid ${form} forms generated`).toBeGreaterThan(50);
      expect(valid, `valid ${form} forms generated`).toBeGreaterThan(50);
    }
  });

  it('a constant has canonical strings exactly when its instant is a whole second (a midnight for the day) of years 0000–9999', () => {
    expect(dateConstant(parseInstant('2024-01-01')!)).toMatchObject({ second: '2024-01-01T00:00:00Z', day: '2024-01-01' });
    expect(dateConstant(parseInstant('2024-01-01T02:00:00+02:00')!)).toMatchObject({ second: '2024-01-01T00:00:00Z', day: '2024-01-01' });
    expect(dateConstant(parseInstant('2024-01-01T10:30:00Z')!)).toMatchObject({ second: '2024-01-01T10:30:00Z', day: undefined });
    expect(dateConstant(parseInstant('2024-01-01T10:30:00.5Z')!)).toMatchObject({ second: undefined, day: undefined });
    expect(dateConstant(parseInstant('0000-01-01T00:00:00+01:00')!)).toMatchObject({ second: undefined, day: undefined });
    expect(dateConstant(parseInstant('9999-12-31T23:59:59-01:00')!)).toMatchObject({ second: undefined, day: undefined });
    let canonical = 0;
    fc.assert(
      fc.property(canonicalText, (text) => {
        const c = dateConstant(parseInstant(text) ?? NaN);
        if (parseInstant(text) === null) return;
        expect(text.length === 10 ? c.day : c.second).toBe(text);
        canonical++;
      }),
      { seed: 1102, numRuns: 2000 },
    );
    expect(canonical).toBeGreaterThan(500);
  });
});
