/**
 * The build's Chevrotain without lodash-es (scripts/chevrotain-native-lodash.ts,
 * scripts/lodash-native.ts). The premise is checked on the installed
 * Chevrotain: the stand-in exports exactly the names it imports, and it calls
 * them with functions (never lodash's iteratee shorthands). Each stand-in is
 * compared with lodash on generated values shaped like Chevrotain's
 * arguments; and bundles built with the plugins (the library, and a grammar
 * that also uses Chevrotain's lexer, its serializer and its CST type
 * generator) give what the sources give, with no lodash in them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect, isDeepStrictEqual } from 'node:util';
import { build, type Metafile } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chevrotainNativeLodash, NATIVE_LODASH } from '../../scripts/chevrotain-native-lodash.js';
import { chevrotainParserOnly } from '../../scripts/chevrotain-parser-only.js';
import { jsonAsParse } from '../../scripts/json-as-parse.js';
import * as native from '../../scripts/lodash-native.js';
import { filterText, noisyText } from '../../src/arbitraries/index.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import * as source from '../../src/index.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Fn = (...args: any[]) => any;
// lodash-es has no type declarations here; a computed specifier keeps TypeScript from looking for them.
const lodash = (await import('lodash-es' as string)) as Record<string, Fn>;
const shim = native as unknown as Record<string, Fn>;

const ROOT = resolve(import.meta.dirname, '../..');
const PACKAGES = [join(ROOT, 'node_modules/chevrotain/lib/src'), ...readdirSync(join(ROOT, 'node_modules/@chevrotain')).map((p) => join(ROOT, 'node_modules/@chevrotain', p, 'lib/src'))];

function jsFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // @chevrotain/types has no lib/src
  }
  return entries.flatMap((e) => (e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

/** Each Chevrotain module's text and its lodash imports, as [imported name, local name]. */
const MODULES = PACKAGES.flatMap(jsFiles).map((file) => {
  const text = readFileSync(file, 'utf8');
  const imports = [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"lodash-es"/g)].flatMap((m) =>
    m[1]!.split(',').map((s) => s.trim()).filter(Boolean).map((s) => s.split(/\s+as\s+/) as [string, string?]).map(([name, local]) => [name, local ?? name] as const),
  );
  return { file, text, imports };
});

describe('the premise, on the installed Chevrotain', () => {
  it('the stand-in exports exactly the lodash functions Chevrotain imports, and Chevrotain imports lodash no other way', () => {
    const imported = new Set(MODULES.flatMap((m) => m.imports.map(([name]) => name)));
    expect([...imported].sort()).toEqual(Object.keys(native).sort());
    for (const { file, text } of MODULES) {
      const other = text.replace(/import\s*\{[^}]*\}\s*from\s*"lodash-es"/g, '');
      expect(/lodash/.test(other), file).toBe(false);
    }
  });

  it('calls them with functions, never with a shorthand (a string, object or array in place of the iteratee)', () => {
    const ITERATEE_TAKERS = ['every', 'filter', 'find', 'flatMap', 'forEach', 'groupBy', 'map', 'pickBy', 'reduce', 'reject', 'some'];
    let calls = 0;
    for (const { file, text, imports } of MODULES) {
      for (const [name, local] of imports) {
        if (!ITERATEE_TAKERS.includes(name)) continue;
        // The second argument starts after the first top-level comma of the call.
        for (const m of text.matchAll(new RegExp(`(?<![\\w.$])${local}\\(`, 'g'))) {
          let depth = 0;
          let i = m.index + m[0].length;
          for (; i < text.length; i++) {
            const c = text[i]!;
            if ('([{'.includes(c)) depth++;
            else if (')]}'.includes(c)) depth--;
            else if (c === ',' && depth === 0) break;
          }
          const second = text.slice(i + 1).trimStart();
          calls++;
          expect(/^["'`{[]/.test(second), `${file}: ${name}(…, ${second.slice(0, 30)}`).toBe(false);
        }
      }
    }
    expect(calls).toBeGreaterThan(100);
  });
});

// --- values shaped like Chevrotain's arguments -----------------------------

/** Keys: plain words, indices, path-like strings, and the names lodash treats specially. */
const KEY = fc.oneof(
  fc.constantFrom('a', 'b', 'GATE', 'modes', '0', '1', '2', '', 'length', 'constructor', '__proto__', 'prototype', 'toString', 'a.b', 'a[0]', '["a"]'),
  fc.stringMatching(/^[ab01.[\]"'\\-]{0,6}$/),
);
const LEAF = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0, -0, NaN, 1.5, Infinity), fc.constantFrom('a', 'b', '', 'ab', 'a.b'), fc.boolean(), fc.constant(null), fc.constant(undefined));
class Box {
  constructor(public a: unknown) {}
  method(): unknown {
    return this.a;
  }
}
/** Nested plain objects (some without a prototype), arrays (some with holes), class instances and leaves. */
const VALUE = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ key: KEY, maxDepth: 2, maxKeys: 4, values: [LEAF], withNullPrototype: true, withSparseArray: true }) },
  { weight: 1, arbitrary: LEAF.map((a) => new Box(a)) },
  { weight: 1, arbitrary: fc.array(fc.array(LEAF, { maxLength: 3 }), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
/** What the iteratees return, call after call: `false` ends lodash's forEach, truthy and falsy values steer the others. */
const RETURNS = fc.array(fc.oneof(fc.boolean(), LEAF, fc.array(LEAF, { maxLength: 2 })), { minLength: 1, maxLength: 5 });

/** An iteratee that records its calls (value, key, and the kind of collection it saw) and returns `returns` in turn. */
function iteratee(returns: unknown[]): { f: Fn; calls: unknown[] } {
  const calls: unknown[] = [];
  const f = (...args: any[]) => {
    calls.push([...args.slice(0, -1), typeof args.at(-1), Array.isArray(args.at(-1))]);
    return returns[(calls.length - 1) % returns.length];
  };
  return { f, calls };
}

/** fast-check's rendering, or Node's where that throws (an array whose `constructor` was overwritten). */
function show(value: unknown): string {
  try {
    return fc.stringify(value);
  } catch {
    return inspect(value, { depth: 5, showHidden: true });
  }
}

/** Runs `name` on fresh copies of the same arguments with the stand-in and with lodash: same result, same arguments afterwards, same error. */
function same(name: string, args: (copy: number) => unknown[]): void {
  const run = (impl: Fn, copy: number) => {
    const a = args(copy);
    // The iteratees are two functions (each side records its own calls); the arguments compared are the rest.
    const rest = () => a.map((x) => (typeof x === 'function' ? 'a function' : x));
    try {
      return { result: impl(...a), args: rest() };
    } catch (error) {
      return { error: String(error), args: rest() };
    }
  };
  const mine = run(shim[name]!, 0);
  const theirs = run(lodash[name]!, 1);
  if (!isDeepStrictEqual(mine, theirs)) expect.fail(`${name}: ${show(mine)} vs ${show(theirs)}`);
}

const RUNS = { seed: 1111, numRuns: 300 };

describe('each stand-in gives lodash\'s result', () => {
  it('collection functions: the same calls of the iteratee, the same result', () => {
    const ITERATING = ['forEach', 'map', 'flatMap', 'filter', 'reject', 'every', 'some', 'find', 'groupBy', 'pickBy'];
    for (const name of ITERATING) {
      fc.assert(
        fc.property(fc.clone(VALUE, 2), RETURNS, ([a, b], returns) => {
          const mine = iteratee(returns);
          const theirs = iteratee(returns);
          same(name, (copy) => [copy === 0 ? a : b, copy === 0 ? mine.f : theirs.f]);
          expect(isDeepStrictEqual(mine.calls, theirs.calls), name).toBe(true);
        }),
        RUNS,
      );
    }
  });

  it('reduce, with and without a start value', () => {
    fc.assert(
      fc.property(fc.clone(VALUE, 2), RETURNS, fc.option(LEAF), ([a, b], returns, start) => {
        const mine = iteratee(returns);
        const theirs = iteratee(returns);
        same('reduce', (copy) => (start === null ? [copy === 0 ? a : b, copy === 0 ? mine.f : theirs.f] : [copy === 0 ? a : b, copy === 0 ? mine.f : theirs.f, start]));
        expect(isDeepStrictEqual(mine.calls, theirs.calls)).toBe(true);
      }),
      RUNS,
    );
  });

  it('functions of one value', () => {
    const BOXED = fc.anything({ key: KEY, maxDepth: 1, maxKeys: 3, values: [LEAF], withBoxedValues: true, withNullPrototype: true, withSparseArray: true });
    const VALUES = fc.oneof(VALUE, BOXED, fc.constantFrom<unknown>(/re/g, RegExp.prototype, String.prototype, new String('ab'), () => 1, class {}, Object.assign(() => 1, { a: 1 }), { length: 2, 0: 'a' }, [[1], [[2]], 3]));
    const ONE = ['clone', 'compact', 'first', 'last', 'flatten', 'uniq', 'drop', 'dropRight', 'keys', 'values', 'isEmpty', 'isArray', 'isFunction', 'isObject', 'isRegExp', 'isString', 'isUndefined', 'identity', 'noop', 'upperFirst'];
    for (const name of ONE) {
      fc.assert(
        fc.property(fc.clone(name === 'clone' ? VALUE : VALUES, 2), ([a, b]) => {
          same(name, (copy) => [copy === 0 ? a : b]);
          if (name === 'clone' && a !== null && typeof a === 'object') {
            // A shallow copy: the same prototype, new for objects.
            const copy = shim.clone!(a);
            expect(Object.getPrototypeOf(copy)).toBe(Object.getPrototypeOf(lodash.clone!(a)));
          }
        }),
        RUNS,
      );
    }
  });

  it('drop and dropRight by n, indexOf from an index', () => {
    const N = fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constantFrom(undefined, 1.5, NaN, Infinity));
    fc.assert(
      fc.property(fc.clone(VALUE, 2), N, LEAF, ([a, b], n, v) => {
        same('drop', (copy) => [copy === 0 ? a : b, n]);
        same('dropRight', (copy) => [copy === 0 ? a : b, n]);
        same('indexOf', (copy) => [copy === 0 ? a : b, v, n]);
        same('indexOf', (copy) => [copy === 0 ? a : b, v]);
      }),
      RUNS,
    );
  });

  it('includes, difference: SameValueZero in arrays, substrings in strings, values in objects', () => {
    fc.assert(
      fc.property(fc.clone(VALUE, 2), fc.oneof(LEAF, fc.string({ maxLength: 2 })), fc.array(fc.oneof(fc.array(LEAF, { maxLength: 4 }), VALUE), { maxLength: 3 }), ([a, b], v, others) => {
        same('includes', (copy) => [copy === 0 ? a : b, v]);
        same('difference', (copy) => [copy === 0 ? a : b, ...others]);
      }),
      RUNS,
    );
  });

  it('has: single keys, indices (holes included), and property paths', () => {
    const PATH = fc.oneof(KEY, fc.integer({ min: -1, max: 3 }), fc.constantFrom(-0, 1.5, undefined, null, ['a', 'b'], ['0']), fc.stringMatching(/^[ab0.[\]"'\\\n]{0,8}$/));
    fc.assert(
      fc.property(VALUE, PATH, (object, path) => same('has', () => [object, path])),
      { seed: 1111, numRuns: 3000 },
    );
  });

  it('has: property paths, on objects built along lodash\'s reading of them', () => {
    // Characters at random, and the pieces of lodash's path syntax put together (numbers, quotes, escapes, line breaks).
    const PIECE = fc.constantFrom('a', 'b', '1', '-', '.', '[', ']', '[]', '[0]', '[1]', '[-1]', '[1.5]', '[1.]', '["a"]', "['b']", '["a.b"]', '["\\\\"]', '["\\""]', "['\\'']", '["\\a"]', '["\\\n"]', '["\\\r"]', '["\\\u2028"]', '"', "'", '\\', '\n');
    const PATH = fc.oneof(fc.stringMatching(/^[ab0.[\]"'\\\n-]{0,9}$/), fc.array(PIECE, { maxLength: 5 }).map((p) => p.join('')));
    const own = (o: object, k: string, v: unknown) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    fc.assert(
      fc.property(PATH, fc.nat(2), fc.constantFrom('nested', 'arrays', 'holes', 'own key', 'inherited key'), (path, cut, shape) => {
        let object: any = 1;
        if (shape === 'own key') object = own({ a: 1 }, path, 1);
        else if (shape === 'inherited key') object = Object.create(own({}, path, 1));
        else {
          const segments = lodash.toPath!(path) as string[];
          segments.slice(0, Math.max(segments.length - cut, 0)).reverse().forEach((k, i) => {
            if (shape !== 'nested' && /^(?:0|[1-9]\d*)$/.test(k) && Number(k) < 5) {
              const array: unknown[] = [];
              array.length = Number(k) + 1;
              if (!(shape === 'holes' && i === 0)) array[Number(k)] = object; // a hole in place of the last value
              object = array;
            } else object = own({}, k, object);
          });
        }
        same('has', () => [object, path]);
      }),
      { seed: 1111, numRuns: 3000 },
    );
  });

  it('assign and defaults: the same target afterwards', () => {
    fc.assert(
      fc.property(fc.clone(fc.tuple(VALUE, fc.array(VALUE, { maxLength: 3 })), 2), ([[a, as], [b, bs]]) => {
        const target = (o: unknown) => (o !== null && typeof o === 'object' ? o : {});
        same('assign', (copy) => (copy === 0 ? [target(a), ...as] : [target(b), ...bs]));
        same('defaults', (copy) => (copy === 0 ? [a, ...as] : [b, ...bs]));
      }),
      RUNS,
    );
  });
});

// --- bundles ---------------------------------------------------------------

async function bundle(dir: string, name: string, options: { entry?: string; code?: string; plugins: Parameters<typeof build>[0]['plugins'] }): Promise<{ module: any; metafile: Metafile }> {
  const result = await build({
    ...(options.entry ? { entryPoints: [options.entry] } : { stdin: { contents: options.code!, resolveDir: ROOT, loader: 'ts' } }),
    bundle: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'error', plugins: options.plugins,
  });
  writeFileSync(join(dir, `${name}.mjs`), result.outputFiles[0]!.text);
  return { module: await import(pathToFileURL(join(dir, `${name}.mjs`)).href), metafile: result.metafile };
}

/** The lodash-es modules whose code is in the bundle. */
const lodashIn = (metafile: Metafile): string[] =>
  Object.values(metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([path, input]) => /node_modules[\\/]lodash-es[\\/]/.test(path) && input.bytesInOutput > 0).map(([path]) => path));

/** A grammar that uses Chevrotain's lexer (with modes), its CST parser with recovery, its serializer and its CST type generator. */
const GRAMMAR = `
import { CstParser, Lexer, createToken, generateCstDts, EOF } from 'chevrotain';
const Ws = createToken({ name: 'Ws', pattern: /\\s+/, group: Lexer.SKIPPED, line_breaks: true });
const Id = createToken({ name: 'Id', pattern: /[a-z]\\w*/ });
const Kw = createToken({ name: 'Kw', pattern: /let/, longer_alt: Id, categories: [] });
const Num = createToken({ name: 'Num', pattern: /\\d+/ });
const Op = createToken({ name: 'Op', pattern: Lexer.NA });
const Plus = createToken({ name: 'Plus', pattern: '+', categories: Op });
const Times = createToken({ name: 'Times', pattern: '*', categories: Op });
const LParen = createToken({ name: 'LParen', pattern: '(' });
const RParen = createToken({ name: 'RParen', pattern: ')' });
const Eq = createToken({ name: 'Eq', pattern: '=' });
const Semi = createToken({ name: 'Semi', pattern: ';' });
const Quote = createToken({ name: 'Quote', pattern: '"', push_mode: 'str' });
const Text = createToken({ name: 'Text', pattern: /[^"]+/, line_breaks: true });
const EndQuote = createToken({ name: 'EndQuote', pattern: '"', pop_mode: true });
const tokens = [Ws, Kw, Id, Num, Plus, Times, Op, LParen, RParen, Eq, Semi, Quote];
const lexer = new Lexer({ defaultMode: 'main', modes: { main: tokens, str: [Text, EndQuote] } }, { positionTracking: 'full' });
class P extends CstParser {
  constructor() {
    super([...tokens, Text, EndQuote], { recoveryEnabled: true, maxLookahead: 3 });
    const $ = this;
    $.RULE('program', () => { $.MANY(() => $.SUBRULE($.statement)); });
    $.RULE('statement', () => { $.OR([
      { ALT: () => { $.CONSUME(Kw); $.CONSUME(Id); $.CONSUME(Eq); $.SUBRULE($.expr); $.CONSUME(Semi); } },
      { ALT: () => { $.SUBRULE2($.expr); $.OPTION(() => $.CONSUME2(Semi)); } },
    ]); });
    $.RULE('expr', () => { $.SUBRULE($.atom); $.MANY2(() => { $.CONSUME(Op); $.SUBRULE2($.atom); }); });
    $.RULE('atom', () => { $.OR2([
      { ALT: () => $.CONSUME(Num) },
      { ALT: () => $.CONSUME2(Id) },
      { ALT: () => { $.CONSUME(Quote); $.OPTION2(() => $.CONSUME(Text)); $.CONSUME(EndQuote); } },
      { ALT: () => { $.CONSUME(LParen); $.AT_LEAST_ONE_SEP({ SEP: Semi, DEF: () => $.SUBRULE3($.expr) }); $.CONSUME(RParen); } },
    ]); });
    this.performSelfAnalysis();
  }
}
const parser = new P();
export function run(text) {
  const lexed = lexer.tokenize(text);
  parser.input = lexed.tokens;
  const cst = parser.program();
  const strip = (n) => n && typeof n === 'object' ? Object.fromEntries(Object.entries(n).filter(([k]) => k !== 'tokenType').map(([k, v]) => [k, strip(v)])) : n;
  return JSON.stringify({ tokens: lexed.tokens.map((t) => [t.image, t.tokenType.name, t.startOffset, t.endLine, t.endColumn]), lexErrors: lexed.errors, cst: strip(cst), errors: parser.errors.map((e) => [e.name, e.message, e.token.image]) });
}
export const grammar = JSON.stringify(parser.getSerializedGastProductions());
export const dts = generateCstDts(parser.getGAstProductions());
export const eofName = EOF.name;
`;

describe('bundles built with the plugins', () => {
  let dir: string;
  let library: { module: typeof source; metafile: Metafile };
  let plain: { module: any; metafile: Metafile };
  let shimmed: { module: any; metafile: Metafile };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'native-lodash-'));
    [library, plain, shimmed] = await Promise.all([
      bundle(dir, 'library', { entry: join(ROOT, 'src/index.ts'), plugins: [jsonAsParse, chevrotainNativeLodash, chevrotainParserOnly] }),
      bundle(dir, 'grammar-lodash', { code: GRAMMAR, plugins: [] }),
      bundle(dir, 'grammar-native', { code: GRAMMAR, plugins: [chevrotainNativeLodash] }),
    ]);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the library\'s bundle holds the stand-in and no lodash', () => {
    const inputs = Object.values(library.metafile.outputs).flatMap((o) => Object.entries(o.inputs));
    const nativePath = NATIVE_LODASH.slice(ROOT.length + 1).replace(/\\/g, '/');
    expect(inputs.some(([path, input]) => path === nativePath && input.bytesInOutput > 0)).toBe(true);
    // esbuild reads upperFirst's modules (the stand-in re-exports it) and leaves them out: nothing of the library calls it.
    expect(lodashIn(library.metafile)).toEqual([]);
  });

  it('the library\'s bundle compiles, formats and checks every text as the sources do', () => {
    const texts = fc.oneof(filterText(allBacklinks), noisyText(allBacklinks), fc.string({ maxLength: 40 }), fc.constantFrom('', '(', 'DR >=', 'a and or b', '`x', '"open', '/re', 'DR > 5 )'));
    const bundled = library.module;
    fc.assert(
      fc.property(texts, (text) => {
        expect(JSON.stringify(bundled.compile(text)), text).toBe(JSON.stringify(source.compile(text)));
        expect(bundled.format(text), text).toEqual(source.format(text));
        expect(JSON.stringify(bundled.check(text)), text).toBe(JSON.stringify(source.check(text)));
      }),
      { seed: 1103, numRuns: 300 },
    );
  });

  it('a grammar with Chevrotain\'s lexer, recovery, serializer and CST types runs as with lodash; only upperFirst\'s lodash is left', () => {
    expect(lodashIn(plain.metafile).length).toBeGreaterThan(100);
    expect(lodashIn(shimmed.metafile).map((p) => p.replace(/.*lodash-es[\\/]/, '')).filter((p) => !/^_|^(is\w+|toString)\.js$/.test(p))).toEqual(['upperFirst.js']);
    expect(shimmed.module.grammar).toBe(plain.module.grammar);
    expect(shimmed.module.dts).toBe(plain.module.dts);
    const texts = fc.oneof(fc.stringMatching(/^(let |[a-z]{1,3}|\d{1,2}| |\+|\*|\(|\)|=|;|"|\n){0,14}$/), fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(texts, (text) => {
        expect(shimmed.module.run(text), text).toBe(plain.module.run(text));
      }),
      { seed: 1104, numRuns: 300 },
    );
  });
});
