/**
 * "Every entry point returns diagnostics instead of throwing", on random,
 * noisy, ill-typed and malformed input; and every diagnostic points inside
 * its input (a text range within the text, a JSON path that resolves).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, compile, decompile, format } from '../../src/api/compile.js';
import { CompileError, evaluate, predicate } from '../../src/api/predicate.js';
import { illTypedCase, illTypedFilterAst, malformedWhereJson, noisyText, row, TRICKY_STRINGS } from '../../src/arbitraries/index.js';
import { loadCatalogue } from '../../src/catalogue/define.js';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { parse } from '../../src/syntax/parse.js';
import { expectRangesInside, named, pointerResolves } from './helpers.js';
import { runs, timeout } from './runs.js';

/** Random text: any code point (lone surrogates included), or text made of the language's own pieces. */
const randomText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom('a', 'DR', ' ', '(', ')', '"', '/', '\\', '=', '>', 'and', 'not', 'in', ',', '#', '\n', '1', '-', '\uD800', '😀'), maxLength: 30 }),
);

/** Runs `predicate`, which may throw only its documented CompileError (with the diagnostics). */
function predicateOrCompileError(source: unknown, options: object): ((r: unknown) => boolean) | undefined {
  try {
    return predicate(source as string, options) as (r: unknown) => boolean;
  } catch (error) {
    expect(error).toBeInstanceOf(CompileError);
    expect(hasErrors((error as CompileError).diagnostics)).toBe(true);
    return undefined;
  }
}

/** Every text entry point on one input: none throws, every range is inside the input. */
function allTextEntryPoints(text: string, catalogue: Parameters<typeof compile>[1]): void {
  const parsed = parse(text);
  expectRangesInside(parsed.diagnostics, text);
  const compiled = compile(text, catalogue);
  expectRangesInside(compiled.diagnostics, text);
  expect(compiled.ok).toBe(!hasErrors(compiled.diagnostics) && compiled.where !== undefined);
  expectRangesInside(check(text, catalogue), text);
  expect(typeof format(text)).toBe('string');
  const keep = predicateOrCompileError(text, catalogue ?? {});
  if (keep) expect(typeof keep({})).toBe('boolean');
}

describe.each(named)('never throws, ranges inside, on %s', (_, catalogue) => {
  const options = { catalogue };

  it('random text', () => {
    fc.assert(fc.property(randomText, (text) => allTextEntryPoints(text, options)), runs(300));
  }, timeout());

  it('noisy text (mutations of valid queries)', () => {
    fc.assert(fc.property(noisyText(catalogue), (text) => allTextEntryPoints(text, options)), runs(300));
  }, timeout());

  it('ill-typed ASTs give their error, and predicate throws CompileError', () => {
    fc.assert(fc.property(illTypedCase(catalogue), ({ filter, code }) => {
      const diagnostics = check(filter, options);
      expect(hasErrors(diagnostics)).toBe(true);
      expect(diagnostics.map((d) => d.code)).toContain(code);
      expect(compile(filter, options).ok).toBe(false);
      expect(() => predicate(filter, options)).toThrow(CompileError);
    }), runs(200));
  }, timeout());

  it('ill-typed ASTs, evaluated on rows, throw only CompileError', () => {
    fc.assert(fc.property(illTypedFilterAst(catalogue), row(catalogue), (filter, r) => {
      try {
        evaluate(filter, r, options);
      } catch (error) {
        expect(error).toBeInstanceOf(CompileError);
      }
    }), runs(100));
  }, timeout());
});

describe('decompile: never throws, every path resolves in the input', () => {
  const checkPaths = (input: unknown) => {
    const result = decompile(input);
    let root = input;
    if (typeof input === 'string') {
      try { root = JSON.parse(input); } catch { root = undefined; }
    }
    for (const d of result.diagnostics) {
      expect(d.path, `${d.code}: ${d.message}`).toBeTypeOf('string');
      expect(pointerResolves(root, d.path!), `${d.code} at ${d.path}`).toBe(true);
    }
    if (!result.ok) expect(hasErrors(result.diagnostics)).toBe(true);
    return result;
  };

  it('malformed where JSON is rejected, as values and as text', () => {
    fc.assert(fc.property(malformedWhereJson(), (value) => {
      expect(checkPaths(value).ok).toBe(false);
      expect(checkPaths(JSON.stringify(value)).ok).toBe(false);
    }), runs(300));
  }, timeout());

  it('anything at all (cycles aside): proxies of JSON, sparse arrays, boxed values, null prototypes', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('and', 'or', 'not', 'field', 'is', 'list_is', 'any', 'all', '__proto__', 'constructor', 'toString'));
    const anything = fc.anything({ key, maxDepth: 4, withNullPrototype: true, withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withSparseArray: true, withDate: true });
    fc.assert(fc.property(anything, (value) => { checkPaths(value); }), runs(300));
  }, timeout());

  it('random text', () => {
    fc.assert(fc.property(fc.oneof(fc.json(), fc.string({ unit: 'binary' })), (text) => { checkPaths(text); }), runs(300));
  }, timeout());
});

describe('compile / check / predicate on sources that are not text or a tree', () => {
  it('never throw (predicate: CompileError only)', () => {
    const anything = fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true });
    fc.assert(fc.property(anything, (value) => {
      const compiled = compile(value as string);
      expect(compiled.ok).toBe(!hasErrors(compiled.diagnostics));
      check(value as string);
      predicateOrCompileError(value, {});
    }), runs(200));
  }, timeout());
});

describe('loadCatalogue: never throws, every path resolves', () => {
  const columnSpec = fc.record({
    type: fc.oneof(fc.constantFrom('integer', 'float', 'string', 'array(string)', 'array(null)', 'object', 'array(', 'nope', ''), fc.jsonValue({ maxDepth: 1 })),
    nullable: fc.oneof(fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 0 })),
    enum: fc.oneof(fc.array(fc.constantFrom(...TRICKY_STRINGS)), fc.jsonValue({ maxDepth: 1 })),
    aliases: fc.oneof(fc.array(fc.constantFrom('DR', 'x', '1x', '__proto__', 'a b')), fc.jsonValue({ maxDepth: 1 })),
    units: fc.oneof(fc.integer(), fc.double(), fc.string()),
    returned: fc.jsonValue({ maxDepth: 0 }),
  }, { requiredKeys: [] });
  const name = fc.constantFrom('price', '__proto__', 'constructor', 'toString', 'a b', '', '1x', 'x.y', 'and');
  const spec = fc.record({
    name: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 0 })),
    columns: fc.oneof(fc.dictionary(name, fc.oneof(columnSpec, fc.jsonValue({ maxDepth: 1 })), { maxKeys: 4 }), fc.jsonValue({ maxDepth: 1 })),
    regexDialect: fc.constantFrom('re2', 'wildcard', 'pcre', 1),
    modifiers: fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 })),
  }, { requiredKeys: [] });

  it('on catalogue-shaped values, their JSON text, and anything', () => {
    fc.assert(fc.property(fc.oneof(spec, fc.anything({ maxDepth: 3, withNullPrototype: true })), (value) => {
      const result = loadCatalogue(value);
      expect(result.ok).toBe(!hasErrors(result.diagnostics));
      for (const d of result.diagnostics) expect(pointerResolves(value, d.path ?? ''), `${d.code} at ${d.path}`).toBe(true);
      const text = JSON.stringify(value);
      if (text !== undefined) {
        const fromText = loadCatalogue(text);
        expect(fromText.ok).toBe(!hasErrors(fromText.diagnostics));
      }
    }), runs(300));
  }, timeout());
});
