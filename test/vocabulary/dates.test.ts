/**
 * The one date grammar: every form spec §4 accepts, the calendar rules, and
 * the instant of each, against an independent computation with Date.UTC.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateForm, dateKind, dateLiteralKind, MAX_FRACTION_DIGITS, parseInstant } from '../../src/vocabulary/dates.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('date grammar', () => {
  it.each([
    ['2024-01-01', 'date'],
    ['2024-02-29', 'date'],
    ['2024-01-01T10:00', 'datetime'],
    ['2024-01-01T10:00:59Z', 'datetime'],
    ['2024-01-01T10:00:59.123456789+05:30', 'datetime'],
    ['2024-01-01 10:00:00', 'spaced-datetime'],
    ['2024-01-01 10:00', 'spaced-datetime'],
  ])('accepts %s as %s', (text, form) => {
    expect(dateForm(text)).toBe(form);
  });

  it.each([
    '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-01-01T24:00', '2024-01-01T10:60',
    '2024-01-01T10:00:60', '2024-01-01t10:00', '2024-01-01T10:00z', '2024-01-01T10:00+24:00',
    '2024-01-01T10:00:00.', `2024-01-01T10:00:00.${'1'.repeat(MAX_FRACTION_DIGITS + 1)}`, '2024-1-01', '2024-01-01T',
    '2024-01-01 ', ' 2024-01-01', '20240101',
  ])('refuses %s', (text) => {
    expect(dateForm(text)).toBeUndefined();
    expect(parseInstant(text)).toBeNull();
  });

  it('writes only the T form unquoted, and types the spaced form as a datetime', () => {
    expect(dateLiteralKind('2024-01-01 10:00:00')).toBeUndefined();
    expect(dateKind('2024-01-01 10:00:00')).toBe('datetime');
    expect(dateLiteralKind('2024-01-01T10:00:00')).toBe('datetime');
    expect(dateKind('2024-01-01')).toBe('date');
  });

  it('gives the instant Date.UTC gives, offsets applied, fractions truncated to ms', () => {
    const parts = fc.record({
      y: fc.integer({ min: 1000, max: 9999 }), mo: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }),
      h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }), s: fc.integer({ min: 0, max: 59 }),
      frac: fc.stringMatching(/^[0-9]{1,9}$/), sep: fc.constantFrom('T', ' '),
      zone: fc.oneof(fc.constant(''), fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))),
    });
    fc.assert(fc.property(parts, (p) => {
      const zone = typeof p.zone === 'string' ? p.zone : `${p.zone[0]}${pad(p.zone[1])}:${pad(p.zone[2])}`;
      const text = `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}${p.sep}${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}.${p.frac}${zone}`;
      const ms = Number(p.frac.padEnd(3, '0').slice(0, 3));
      let expected = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s, ms);
      if (typeof p.zone !== 'string') expected -= (p.zone[0] === '+' ? 1 : -1) * (p.zone[1] * 60 + p.zone[2]) * 60_000;
      expect(parseInstant(text)).toBe(expected);
      expect(dateForm(text)).toBe(p.sep === 'T' ? 'datetime' : 'spaced-datetime');
    }), { seed: 20261201, numRuns: 500 });
  });

  it('knows leap years by the Gregorian rule', () => {
    expect(dateForm('2000-02-29')).toBe('date');
    expect(dateForm('1900-02-29')).toBeUndefined();
    expect(dateForm('2100-02-29')).toBeUndefined();
    // Years 0–99 are years of the first century, not 1900–1999 as Date.UTC reads them.
    const first = new Date(0);
    first.setUTCFullYear(99, 0, 1);
    expect(parseInstant('0099-01-01')).toBe(first.getTime());
  });
});
