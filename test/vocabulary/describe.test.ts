/** The one wording of a value in messages ("found …"), for every stage. */
import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/vocabulary/index.js';

describe('describeValue', () => {
  it.each([
    ['abc', 'the string "abc"'],
    [5, 'the number 5'],
    [-0.5, 'the number -0.5'],
    [Infinity, 'the non-finite number Infinity'],
    [NaN, 'the non-finite number NaN'],
    [true, 'the boolean true'],
    [10n, 'the bigint 10n (not JSON)'],
    [null, 'null'],
    [undefined, 'nothing (undefined)'],
    [[], 'an empty array'],
    [[1], 'an array of 1 item'],
    [[1, 2, 3], 'an array of 3 items'],
    [{ a: 1 }, 'an object'],
    [() => 1, 'a function'],
    [Symbol('s'), 'a symbol'],
  ])('names %s by its content: %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });

  it.each([
    ['abc', 'a string'], [5, 'a number'], [true, 'a boolean'], [null, 'null'], [undefined, 'undefined'],
    [[1], 'an array'], [{}, 'an object'], [10n, 'a bigint'],
  ])('with type detail names %s by its kind only: %s', (value, text) => {
    expect(describeValue(value, 'type')).toBe(text);
  });

  it('shows at most 40 characters of a string', () => {
    expect(describeValue('x'.repeat(1000))).toBe(`the string "${'x'.repeat(39)}…"`);
    expect(describeValue('x'.repeat(40))).toBe(`the string "${'x'.repeat(40)}"`);
  });

  it('reads nothing of an object: no getter, toString or toJSON runs', () => {
    const hostile = new Proxy({}, { get() { throw new Error('read'); }, ownKeys() { throw new Error('keys'); } });
    expect(describeValue(hostile)).toBe('an object');
    expect(describeValue(hostile, 'type')).toBe('an object');
  });
});
