/**
 * `resolveField` checks its catalogue as the `catalogue` option is checked
 * (issue 8, item 6, re-checked from outside): it read `byName` of whatever it
 * was given, so a plain definition object, a misspelt endpoint name or the
 * `undefined` that `getCatalogue('typo')` returns threw "Cannot read
 * properties of undefined". Now a catalogue or a built-in endpoint's name,
 * and a TypeError with the option's message for anything else.
 */
import { describe, expect, it } from 'vitest';
import { allBacklinks, defineCatalogue, resolveField } from '../../src/index.js';
import { getCatalogue } from '../../src/catalogues.js';

describe('resolveField', () => {
  it('resolves names, aliases and dotted paths in a catalogue or an endpoint named', () => {
    expect(resolveField(allBacklinks, 'DR')?.apiName).toBe('domain_rating_source');
    expect(resolveField('site-explorer/all-backlinks', 'dr')?.apiName).toBe('domain_rating_source');
    expect(resolveField('keywords-explorer/overview', 'intents.informational')).toMatchObject({ apiName: 'intents.informational', type: 'unknown' });
    expect(resolveField(getCatalogue('keywords-explorer/overview')!, 'nope')).toBeUndefined();
    const own = defineCatalogue({ name: 'mine', columns: { price: { type: 'float' } } } as never);
    expect(resolveField(own, 'price')?.type).toBe('float');
  });

  it.each([
    ['a plain definition object', { name: 'mine', columns: [{ name: 'price', type: 'float' }] }, 'defineCatalogue'],
    ['a misspelt endpoint name', 'site-explorer/all-backlink', 'did you mean'],
    ['what getCatalogue returns for a typo', getCatalogue('keywords-explorer/overveiw' as never), 'undefined'],
    ['null', null, 'catalogue'],
    ['a number', 5, 'catalogue'],
    ['a proxy whose traps throw', new Proxy({}, { get() { throw new Error('trap'); } }), 'trap'],
  ])('%s throws a TypeError naming the problem', (_what, catalogue, words) => {
    expect(() => resolveField(catalogue as never, 'DR')).toThrow(TypeError);
    expect(() => resolveField(catalogue as never, 'DR')).toThrow(words);
  });

  it('a name that is not a string throws a TypeError', () => {
    expect(() => resolveField(allBacklinks, 5 as never)).toThrow(/name must be a string; found the number 5/);
  });
});
