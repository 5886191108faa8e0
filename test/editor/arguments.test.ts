/**
 * Every function of the language service (and the CodeMirror adapters that
 * build on it) takes any JavaScript value for any argument without
 * throwing, and a bad argument is never a silent change of meaning: a
 * non-string text reads as empty text (`diagnose` says so), and a catalogue
 * option that is not a catalogue is reported, never replaced by all-backlinks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineCatalogue } from '../../src/catalogue/define.js';
import { ahrefsWhere, completionSource, whereHover, whereLinter } from '../../src/codemirror/index.js';
import { classify, complete, diagnose, formatDocument, hover, quoteName, quoteValue } from '../../src/editor/index.js';
import { scan } from '../../src/editor/tokens.js';

const spec = { name: 't/shop', columns: { price: { type: 'float', nullable: false } } };
/** A proxy whose every property read throws (except what printing a counterexample needs). */
const throwing = new Proxy({}, {
  get: (target, key) => {
    if (typeof key === 'symbol' || key === 'toString' || key === 'constructor') return Reflect.get(target, key);
    throw new Error('trap');
  },
});
const getter = Object.defineProperty({}, 'catalogue', { get: () => { throw new Error('getter'); } });

/** Values a careless caller passes: anything fast-check makes, plus the classic mistakes. */
const anyValue = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }),
  fc.constantFrom<unknown>(undefined, null, NaN, Infinity, -1, 1.5, Symbol('s'), () => 1, spec, throwing, getter, [], 'DR > 5', 'site-explorer/organic-keywords', 'nope/none'),
);
const anyOptions = fc.oneof(anyValue, anyValue.map((catalogue) => ({ catalogue })), fc.record({ lineWidth: anyValue, indent: anyValue }));
const text = fc.oneof(anyValue, fc.constantFrom('DR >= 50 and link_type = txt', 'anchor = "open', ''));

type Loose = (...args: unknown[]) => unknown;

describe('language service arguments', () => {
  it('no function throws, whatever it is given', () => {
    fc.assert(
      fc.property(text, anyValue, anyOptions, (t, offset, options) => {
        (diagnose as Loose)(t, options);
        (complete as Loose)(t, offset, options);
        (hover as Loose)(t, offset, options);
        (classify as Loose)(t);
        (scan as Loose)(t);
        (formatDocument as Loose)(t, options);
        (quoteName as Loose)(t);
        (quoteValue as Loose)(t, offset);
        (completionSource as Loose)(options);
        (whereLinter as Loose)(options);
        (whereHover as Loose)(options);
        (ahrefsWhere as Loose)(options);
      }),
      { seed: 13, numRuns: 600 },
    );
  });

  it('reads text that is not a string as empty text, and diagnose says so', () => {
    for (const value of [undefined, null, 5, {}, ['DR > 5'], Symbol('x'), 10n]) {
      const ds = (diagnose as Loose)(value) as ReturnType<typeof diagnose>;
      expect(ds.map((d) => d.code)).toEqual(['invalid-argument']);
      expect(ds[0]).toMatchObject({ severity: 'error', start: 0, end: 0, fixes: [] });
      expect((classify as Loose)(value)).toEqual([]);
      expect((hover as Loose)(value, 0)).toBeUndefined();
      expect((complete as Loose)(value, 0)).toEqual(complete('', 0));
      const formatted = (formatDocument as Loose)(value) as ReturnType<typeof formatDocument>;
      expect(formatted.text).toBe('');
      expect(formatted.diagnostics.map((d) => d.code)).toEqual(['invalid-argument']);
    }
  });

  it('gives no position for an offset that is not a number', () => {
    for (const offset of [undefined, null, NaN, '3', {}]) {
      expect((complete as Loose)('DR >= ', offset)).toEqual([]);
      expect((hover as Loose)('DR >= 5', offset)).toBeUndefined();
    }
    expect(complete('DR >= 50 and link_type = ', 25.7).map((i) => i.label)).toContain('image');
  });

  it('reports a catalogue option that is not a catalogue, and never checks against all-backlinks instead', () => {
    for (const catalogue of [spec, 'site-explorer/organic-keyword', 5, null, [], throwing, () => 1]) {
      const ds = diagnose('DR > 5 and price > "x"', { catalogue } as never);
      expect(ds.length).toBe(1);
      expect(['invalid-option', 'unknown-catalogue']).toContain(ds[0]!.code);
      expect(complete('DR >= 50 and ', 13, { catalogue } as never)).toEqual([]);
      expect(hover('DR >= 50', 0, { catalogue } as never)).toBeUndefined();
    }
    expect(diagnose('DR > 5', { catalogue: spec } as never)[0]!.message).toContain('defineCatalogue');
    expect(diagnose('DR > 5', getter as never)[0]!.message).toContain('getter');
    for (const options of [5, 'x', true]) expect((diagnose as Loose)('DR > 5', options)).toMatchObject([{ code: 'invalid-option' }]);
    // A built catalogue and a built-in endpoint's name both work.
    const shop = defineCatalogue(spec as never);
    expect(diagnose('price > 5', { catalogue: shop })).toEqual([]);
    expect(diagnose('volume > 5', { catalogue: 'site-explorer/organic-keywords' })).toEqual([]);
    expect(complete('vol', 3, { catalogue: 'site-explorer/organic-keywords' }).map((i) => i.label)).toContain('volume');
  });

  it('reports bad layout options of formatDocument and leaves the text alone', () => {
    const r = formatDocument('DR>=50 AND ( is_dofollow )', { indent: '# x' });
    expect(r.text).toBe('DR>=50 AND ( is_dofollow )');
    expect(r.edits).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['invalid-option']);
    expect(formatDocument('DR>=50 AND ( is_dofollow )').diagnostics).toEqual([]);
  });
});
