/**
 * Options of every entry point (issue 8, items 6 and 21): a bad option is a
 * clear error naming the option, never a silent change of meaning, and the
 * catalogue option never falls back to all-backlinks or switches checking off.
 */
import { describe, expect, it } from 'vitest';
import { check, compile, decompile, format } from '../../src/api/compile.js';
import { evaluate, explain, predicate } from '../../src/api/predicate.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import { defineCatalogue, type CatalogueSpec } from '../../src/catalogue/define.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import { catalogueNames } from '../../src/catalogue/named.js';
import { catalogueOption } from '../../src/catalogue/option.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { thrown } from '../support/predicate-error.js';

/** Every entry point that reads filter options, as "the diagnostics it gives for these options". */
const ENTRIES: Record<string, (options: unknown) => readonly Diagnostic[]> = {
  compile: (o) => compile('DR > 5', o as never).diagnostics,
  check: (o) => check('DR > 5', o as never),
  decompile: (o) => decompile('{"field":"is_dofollow","is":["eq",true]}', o as never).diagnostics,
  predicate: (o) => thrown(() => predicate('DR > 5', o as never)),
  evaluate: (o) => thrown(() => evaluate('DR > 5', { domain_rating_source: 6 }, o as never)),
  explain: (o) => thrown(() => explain('DR > 5', { domain_rating_source: 6 }, o as never)),
  'compile (tree)': (o) => compile({ kind: 'condition', field: { name: 'is_dofollow' }, test: { kind: 'null' } }, o as never).diagnostics,
};


const SPEC: CatalogueSpec = { name: 'my-shop/products', columns: { price: { type: 'float', nullable: false }, title: { type: 'string' } } };

describe('limit options', () => {
  const bad: [string, unknown][] = [
    ['maxLength', NaN], ['maxLength', -1], ['maxLength', 1.5], ['maxLength', '100'], ['maxLength', Infinity], ['maxLength', null],
    ['maxDepth', 0], ['maxDepth', NaN], ['maxDepth', 257], ['maxDepth', Infinity], ['maxDepth', '5'],
    ['maxListLength', 'abc'], ['maxListLength', 0], ['maxListLength', NaN], ['maxListLength', 2.5], ['maxListLength', -Infinity],
    ['maxNodes', 0], ['maxNodes', NaN], ['maxNodes', {}], ['maxNodes', true],
  ];
  for (const [entry, run] of Object.entries(ENTRIES)) {
    it.each(bad)(`${entry}: %s = %s is invalid-option, naming the option`, (name, value) => {
      const ds = run({ [name]: value });
      expect(ds.map((d) => d.code)).toEqual(['invalid-option']);
      expect(ds[0]!.message).toContain(`The ${name} option must be a whole number`);
    });
  }

  it('accepts every value in range, at both ends', () => {
    for (const options of [{ maxLength: 6 }, { maxDepth: 1 }, { maxDepth: 160 }, { maxListLength: 1 }, { maxNodes: 3 }, { maxLength: Number.MAX_SAFE_INTEGER }]) {
      expect(compile('DR > 5', options).ok, JSON.stringify(options)).toBe(true);
    }
  });

  it('keeps each limit working (a NaN no longer switches the length limit off)', () => {
    expect(compile('DR > 5', { maxLength: 5 }).diagnostics.map((d) => d.code)).toEqual(['input-too-long']);
    expect(compile('DR > 5', { maxLength: NaN }).ok).toBe(false);
    expect(compile('DR in (1, 2, 3)', { maxListLength: 2 }).diagnostics.map((d) => d.code)).toEqual(['list-too-long']);
    expect(compile('DR in (1, 2, 3)', { maxListLength: 3 }).ok).toBe(true);
  });

  it('maxDepth up to its ceiling (160) runs every stage without exhausting the stack', () => {
    const deep = `${'not '.repeat(159)}is_dofollow`;
    const nested = `${'('.repeat(158)}DR > 5 and is_dofollow${')'.repeat(158)}`;
    for (const text of [deep, nested]) {
      const r = compile(text, { maxDepth: 160 });
      expect(r.ok, r.diagnostics[0]?.message).toBe(true);
      expect(decompile(r.json!, { maxDepth: 160 }).ok).toBe(true);
      expect(typeof predicate(text, { maxDepth: 160 })({ domain_rating_source: 6, is_dofollow: true })).toBe('boolean');
      expect(explain(text, { domain_rating_source: 6, is_dofollow: true }, { maxDepth: 160 }).value).not.toBeUndefined();
      expect(compile(r.ast!, { maxDepth: 160 }).json).toBe(r.json);
    }
  });

  it('reports every bad option at once, and a non-object options argument once', () => {
    expect(compile('DR > 5', { maxLength: NaN, maxDepth: 0, catalogue: 5 as never }).diagnostics.map((d) => d.code))
      .toEqual(['invalid-option', 'invalid-option', 'invalid-option']);
    for (const options of [null, 5, 'x', [], true]) {
      for (const [entry, run] of Object.entries(ENTRIES)) {
        const ds = run(options);
        expect(ds.map((d) => d.code), `${entry} ${JSON.stringify(options)}`).toEqual(['invalid-option']);
        expect(ds[0]!.message).toContain('The options argument must be an object');
      }
    }
  });

  it('reports an options getter that throws instead of throwing', () => {
    const options = Object.defineProperty({}, 'maxDepth', { get() { throw new Error('boom'); }, enumerable: true });
    expect(compile('DR > 5', options).diagnostics).toMatchObject([{ code: 'invalid-option', message: expect.stringContaining('boom') }]);
  });
});

describe('layout options (format, decompile)', () => {
  const bad: [string, unknown][] = [
    ['indent', '# x'], ['indent', 'x'], ['indent', '\n'], ['indent', ' '.repeat(17)], ['indent', 2], ['indent', null],
    ['lineWidth', NaN], ['lineWidth', 0], ['lineWidth', -5], ['lineWidth', 10.5], ['lineWidth', '80'], ['lineWidth', Infinity],
  ];
  it.each(bad)('format: %s = %s throws a TypeError naming the option', (name, value) => {
    expect(() => format('DR > 5', { [name]: value } as never)).toThrow(TypeError);
    expect(() => format('DR > 5', { [name]: value } as never)).toThrow(`The ${name} option must be`);
  });

  it.each(bad)('decompile: %s = %s is invalid-option', (name, value) => {
    const r = decompile('{"field":"is_dofollow","is":["eq",true]}', { [name]: value } as never);
    expect(r.ok).toBe(false);
    expect(r.text).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['invalid-option']);
    expect(r.diagnostics[0]!.message).toContain(`The ${name} option must be`);
  });

  it('an indent of spaces and tabs keeps the meaning, at any width', () => {
    const text = Array.from({ length: 12 }, (_, i) => `DR > ${i}`).join(' or ');
    for (const indent of ['', ' ', '\t', '\t \t', ' '.repeat(16)]) {
      for (const lineWidth of [1, 20, 80, 10_000]) {
        const out = format(text, { indent, lineWidth });
        expect(compile(out).json, JSON.stringify({ indent, lineWidth })).toBe(compile(text).json);
      }
    }
  });

  it('format of something that is not text gives the empty string', () => {
    for (const source of [undefined, null, 5, {}, [], { kind: 'and', operands: [] }]) expect(format(source as never)).toBe('');
  });
});

describe('the catalogue option', () => {
  it('accepts a built catalogue, a loaded one and every built-in endpoint by name', () => {
    const shop = defineCatalogue(SPEC);
    expect(compile('price > 5', { catalogue: shop }).json).toBe('{"field":"price","is":["gt",5]}');
    for (const name of catalogueNames) {
      const r = compileOn(name);
      expect(r.diagnostics.filter((d) => d.code === 'invalid-option' || d.code === 'unknown-catalogue'), name).toEqual([]);
      expect(catalogueOption(name).catalogue, name).toBe(getCatalogue(name));
    }
    expect(compile('volume > 1000', { catalogue: 'keywords-explorer/overview' }).json).toBe('{"field":"volume","is":["gt",1000]}');
    // The API path and the where-fields.json key name the same endpoint.
    expect(catalogueOption('/v3/keywords-explorer/overview').catalogue).toBe(getCatalogue('keywords-explorer/overview'));
    expect(catalogueOption('keywords_explorer_overview').catalogue).toBe(getCatalogue('keywords-explorer/overview'));
    expect(catalogueOption(undefined).catalogue).toBe(allBacklinks);
  });

  function compileOn(catalogue: string) {
    const first = getCatalogue(catalogue)!.columns.find((c) => c.returned && !c.array && c.type !== 'object')!;
    return compile(`${first.name} is null`, { catalogue });
  }

  it('checks against the named endpoint, not all-backlinks', () => {
    // volume exists on keywords-explorer/overview only; domain_rating_source on all-backlinks only.
    expect(compile('volume > 1000').diagnostics.map((d) => d.code)).toEqual(['unknown-column']);
    expect(compile('volume > 1000', { catalogue: 'keywords-explorer/overview' }).ok).toBe(true);
    const ds = compile('domain_rating_source > 5', { catalogue: 'keywords-explorer/overview' }).diagnostics;
    expect(ds[0]).toMatchObject({ code: 'unknown-column', message: expect.stringContaining('on keywords-explorer/overview') });
  });

  it.each([
    ['keywords-explorer/overveiw', 'keywords-explorer/overview'],
    ['site-explorer/organic-keyword', 'site-explorer/organic-keywords'],
    ['site-explorer/all-backlink', 'site-explorer/all-backlinks'],
    ['/v3/rank-tracker/overveiw', 'rank-tracker/overview'],
  ])('a misspelt name %s is unknown-catalogue with did-you-mean %s, in every entry point', (typo, meant) => {
    for (const [entry, run] of Object.entries(ENTRIES)) {
      const ds = run({ catalogue: typo });
      expect(ds.map((d) => d.code), entry).toEqual(['unknown-catalogue']);
      expect(ds[0]!.message).toContain(`did you mean "${meant}"`);
      expect(ds[0]!.suggestions?.[0]?.replacement).toBe(meant);
    }
  });

  it('a name like nothing else says where the names are listed; names from Object.prototype are unknown too', () => {
    for (const name of ['', 'zzzzzzzz', 'constructor', '__proto__', 'toString', 'x'.repeat(500)]) {
      const ds = compile('DR > 5', { catalogue: name }).diagnostics;
      expect(ds.map((d) => d.code), name).toEqual(['unknown-catalogue']);
      expect(ds[0]!.message.length).toBeLessThan(300);
    }
  });

  it('a plain definition object (forgetting defineCatalogue) is invalid-option, not a silent switch-off of checking', () => {
    for (const [entry, run] of Object.entries(ENTRIES)) {
      const ds = run({ catalogue: SPEC });
      expect(ds.map((d) => d.code), entry).toEqual(['invalid-option']);
      expect(ds[0]!.message).toContain('defineCatalogue');
    }
    // What used to compile with ok: true against the definition object: unknown columns, wrong types, bad regexes.
    for (const text of ['nope = 1', 'price = "x"', 'title matches /(/']) {
      expect(compile(text, { catalogue: SPEC as never }).ok, text).toBe(false);
      expect(compile(text, { catalogue: defineCatalogue(SPEC) }).ok, text).toBe(false);
    }
  });

  it('any other non-catalogue value is invalid-option', () => {
    const broken = [
      5, true, null, [], {}, () => allBacklinks, Symbol('x'),
      { ...allBacklinks, columns: 'x' },
      { ...allBacklinks, regexDialect: 'pcre' },
      { ...allBacklinks, byName: {} },
      { ...allBacklinks, columns: [{ name: 'a' }] },
      { ...allBacklinks, modifiers: undefined },
      Object.defineProperty({}, 'name', { get() { throw new Error('trap'); } }),
    ];
    for (const catalogue of broken) {
      const ds = compile('DR > 5', { catalogue: catalogue as never }).diagnostics;
      expect(ds.map((d) => d.code), String(catalogue)).toEqual(['invalid-option']);
      expect(ds[0]!.message).toMatch(/^The catalogue option must be/);
    }
  });

  it('accepts an object of the catalogue shape built elsewhere (another copy of the library), checked once', () => {
    const copy = { ...getCatalogue('site-explorer/organic-keywords')! };
    expect(compile('volume > 5', { catalogue: copy }).ok).toBe(true);
    expect(compile('volume > "5"', { catalogue: copy }).diagnostics.map((d) => d.code)).toEqual(['value-type-mismatch']);
  });

  it('an explicit undefined is the default catalogue, as absent', () => {
    expect(compile('DR > 5', { catalogue: undefined }).ok).toBe(true);
  });
});
