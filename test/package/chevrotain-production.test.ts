/**
 * The build's Chevrotain without its grammar validations, default messages
 * and CST builder (scripts/chevrotain-production.ts). The premises are
 * checked against the installed Chevrotain, so that an upgrade that calls
 * these modules from somewhere else, or imports more of them, fails here
 * rather than in a user's bundle; the sources' parser is checked to take
 * none of the paths that reach them; and a bundle built with every plugin
 * must give every text, valid or broken, the results the sources give.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultParserErrorProvider, EmbeddedActionsParser, LLkLookaheadStrategy } from 'chevrotain';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chevrotainNativeLodash } from '../../scripts/chevrotain-native-lodash.js';
import { chevrotainParserOnly } from '../../scripts/chevrotain-parser-only.js';
import { CHECKS_MODULE, chevrotainProduction, ERRORS_MODULE, PRODUCTION_STAND_INS, TREE_BUILDER_MODULE } from '../../scripts/chevrotain-production.js';
import { jsonAsParse } from '../../scripts/json-as-parse.js';
import { filterText, invalidTextCase, mutatedText, noisyText } from '../../src/arbitraries/index.js';
import { analyze } from '../../src/api/analyze.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import * as source from '../../src/index.js';
import { errorMessageProvider } from '../../src/syntax/parse-errors.js';
import { FilterParser, getParser } from '../../src/syntax/parser.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CHEVROTAIN = join(ROOT, 'node_modules/chevrotain/lib/src');
const PLUGINS = [jsonAsParse, chevrotainNativeLodash, chevrotainParserOnly, chevrotainProduction];

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

/** Chevrotain's modules, by path under lib/src/, with their text. */
const MODULES = new Map(jsFiles(CHEVROTAIN).map((file) => [relative(CHEVROTAIN, file).replace(/\\/g, '/'), readFileSync(file, 'utf8')]));
const text = (module: string): string => MODULES.get(module)!;
const REPLACED = Object.keys(PRODUCTION_STAND_INS);

/** For each replaced module, who imports (or re-exports) what from it: importer → sorted names. */
function importsOf(target: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [module, body] of MODULES) {
    for (const m of body.matchAll(/\b(?:import|export)\s*\{([^}]*)\}\s*from\s*"(\.[^"]+)"/g)) {
      const path = relative(CHEVROTAIN, resolve(CHEVROTAIN, dirname(module), m[2]!)).replace(/\\/g, '/');
      if (path !== target) continue;
      const names = m[1]!.split(',').map((s) => s.trim().split(/\s+as\s+/)[0]!).filter(Boolean);
      out[module] = [...new Set([...(out[module] ?? []), ...names])].sort();
    }
  }
  return out;
}

/** The names a module's text exports, as esbuild reads them. */
async function exportsOf(code: string): Promise<string[]> {
  const result = await build({ stdin: { contents: code, loader: 'js', sourcefile: 'stand-in.js' }, format: 'esm', write: false, metafile: true, logLevel: 'silent' });
  return Object.values(result.metafile.outputs)[0]!.exports.slice().sort();
}

/** The block `{ … }` that follows `head` in `body` (the first `{` after it, to its match). */
function blockAfter(body: string, head: string): string {
  const at = body.indexOf(head);
  expect(at, head).toBeGreaterThanOrEqual(0);
  const open = body.indexOf('{', at + head.length - 1);
  let depth = 0;
  for (let i = open; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}' && --depth === 0) return body.slice(open, i + 1);
  }
  throw new Error(`no end to the block after ${head}`);
}

/** Call sites of `name(` in `body`, without its definition (`function name(`, a method `name(…) {`). */
function calls(body: string, name: string): number {
  return [...body.matchAll(new RegExp(`(?<![\\w$])${name}\\(`, 'g'))].filter((m) => {
    const before = body.slice(Math.max(0, m.index - 9), m.index);
    const line = body.slice(body.lastIndexOf('\n', m.index) + 1, m.index);
    return !before.endsWith('function ') && line.trim() !== '';
  }).length;
}

/** Files of `src/` that mention `word`. */
function sourcesMentioning(word: string): string[] {
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.ts$/.test(e.name) ? [join(dir, e.name)] : []));
  return files(join(ROOT, 'src')).filter((f) => readFileSync(f, 'utf8').includes(word));
}

describe('the premise, on the installed Chevrotain', () => {
  it('the stand-ins export exactly the names Chevrotain\'s modules import from the modules they replace', async () => {
    expect(importsOf('parse/grammar/checks.js')).toEqual({
      'parse/grammar/gast/gast_resolver_public.js': ['validateGrammar'],
      'parse/grammar/llk_lookahead.js': ['validateAmbiguousAlternationAlternatives', 'validateEmptyOrAlternative', 'validateNoLeftRecursion', 'validateSomeNonEmptyLookaheadPath'],
      'parse/parser/parser.js': ['validateLookahead'],
      'parse/parser/traits/recognizer_api.js': ['validateRuleIsOverridden'],
    });
    expect(importsOf('parse/errors_public.js')).toEqual({
      'api.js': ['defaultParserErrorProvider'],
      'parse/grammar/gast/gast_resolver_public.js': ['defaultGrammarResolverErrorProvider', 'defaultGrammarValidatorErrorProvider'],
      'parse/grammar/llk_lookahead.js': ['defaultGrammarValidatorErrorProvider'],
      'parse/parser/parser.js': ['defaultGrammarValidatorErrorProvider', 'defaultParserErrorProvider'],
      'parse/parser/traits/recognizer_api.js': ['defaultGrammarValidatorErrorProvider'],
    });
    expect(importsOf('parse/parser/traits/tree_builder.js')).toEqual({ 'parse/parser/parser.js': ['TreeBuilder'] });
    for (const module of REPLACED) {
      const imported = [...new Set(Object.values(importsOf(module)).flat())].sort();
      expect(await exportsOf(PRODUCTION_STAND_INS[module]!), module).toEqual(imported);
    }
    // No other way in: a dynamic import or a require of them.
    for (const [module, body] of MODULES) expect(/import\(|require\(/.test(body), module).toBe(false);
  });

  it('the grammar validations run only when skipValidations is false', () => {
    const parser = text('parse/parser/parser.js');
    const guarded = blockAfter(parser, 'if (isEmpty(resolverErrors) && this.skipValidations === false) {');
    for (const name of ['validateGrammar', 'validateLookahead']) {
      expect(calls(parser, name), name).toBe(1);
      expect(calls(guarded, name), name).toBe(1);
    }
    // gast_resolver_public's validateGrammar only forwards to checks.js; nothing else calls either.
    expect(calls(blockAfter(text('parse/grammar/gast/gast_resolver_public.js'), 'export function validateGrammar('), 'orgValidateGrammar')).toBe(1);
    for (const [module, body] of MODULES) {
      if (module === 'parse/parser/parser.js' || module === 'parse/grammar/checks.js') continue;
      expect(calls(body, 'validateGrammar') + calls(body, 'validateLookahead'), module).toBe(0);
    }
    // The LL(k) strategy calls the checks only from its validate methods, which only `validate` calls, which only checks.js's validateLookahead calls.
    const llk = text('parse/grammar/llk_lookahead.js');
    for (const name of ['validateNoLeftRecursion', 'validateEmptyOrAlternative', 'validateAmbiguousAlternationAlternatives', 'validateSomeNonEmptyLookaheadPath']) {
      const method = name === 'validateEmptyOrAlternative' ? 'validateEmptyOrAlternatives' : name;
      const body = blockAfter(llk, `    ${method}(`);
      expect(calls(llk, name), name).toBe(calls(body, name) + (name === method ? 1 : 0)); // + the call of the method itself, in validate
      expect(calls(blockAfter(llk, '    validate(options) {'), `this.${method}`), method).toBe(1);
    }
    for (const [module, body] of MODULES) expect(body.includes('.validate('), module).toBe(module === 'parse/grammar/checks.js');
    // validateRuleIsOverridden: OVERRIDE_RULE only, which the library never calls.
    const api = text('parse/parser/traits/recognizer_api.js');
    expect(calls(api, 'validateRuleIsOverridden')).toBe(1);
    expect(calls(blockAfter(api, '    OVERRIDE_RULE('), 'validateRuleIsOverridden')).toBe(1);
    expect(sourcesMentioning('OVERRIDE_RULE')).toEqual([]);
  });

  it('the library\'s parser skips them (the sources\' validating parser runs them, and passes)', () => {
    expect((getParser() as unknown as { skipValidations: boolean }).skipValidations).toBe(true);
    const validate = vi.spyOn(LLkLookaheadStrategy.prototype, 'validate');
    try {
      new FilterParser(false);
      source.compile('DR >= 5 and (a or any(anchor) contains "x"');
      expect(validate).not.toHaveBeenCalled();
      const validating = new FilterParser(true);
      expect(validate).toHaveBeenCalledTimes(1);
      expect((validating as unknown as { definitionErrors: unknown[] }).definitionErrors).toEqual([]);
    } finally {
      validate.mockRestore();
    }
  });

  it('the default messages are reached only without an errorMessageProvider, on a broken grammar, or by the validations', () => {
    // Parse errors: Chevrotain asks the parser's provider, which is the default one only when the config names none.
    for (const [module, body] of MODULES) {
      if (!module.startsWith('parse/')) continue; // scan/: the lexer's own provider (and the lexer is left out: chevrotain-parser-only.ts)
      for (const m of body.matchAll(/\.(build\w+Message)\(/g)) {
        expect(body.slice(m.index - 'this.errorMessageProvider'.length, m.index), `${module}: ${m[1]}`).toBe('this.errorMessageProvider');
      }
      if (module !== 'parse/errors_public.js') expect(body.includes('DEFAULT_PARSER_CONFIG.errorMessageProvider'), module).toBe(module === 'parse/parser/traits/error_handler.js');
    }
    expect(text('parse/parser/traits/error_handler.js')).toContain('this.errorMessageProvider = has(config, "errorMessageProvider")\n            ? config.errorMessageProvider');
    const parser = getParser() as unknown as { errorMessageProvider: unknown };
    expect(parser.errorMessageProvider).toBe(errorMessageProvider);
    expect(Object.keys(errorMessageProvider).sort()).toEqual(Object.keys(defaultParserErrorProvider).sort());
    // The resolver's message: only for a subrule that is no rule.
    const resolver = text('parse/grammar/resolver.js');
    expect(calls(resolver, 'this.errMsgProvider.buildRuleNotFoundError')).toBe(1);
    expect(calls(blockAfter(resolver, 'if (!ref) {'), 'this.errMsgProvider.buildRuleNotFoundError')).toBe(1);
    // The validator's: named outside the validations only for a rule defined twice.
    for (const [module, body] of MODULES) {
      if (module === 'parse/errors_public.js') continue;
      const members = [...body.matchAll(/defaultGrammarValidatorErrorProvider\.(\w+)/g)].map((m) => m[1]);
      expect(members, module).toEqual(module === 'parse/parser/traits/recognizer_api.js' ? ['buildDuplicateRuleNameError'] : []);
    }
    const rule = blockAfter(text('parse/parser/traits/recognizer_api.js'), '    RULE(name, implementation');
    expect(calls(blockAfter(rule, 'if (includes(this.definedRulesNames, name)) {'), 'defaultGrammarValidatorErrorProvider.buildDuplicateRuleNameError')).toBe(1);
  });

  it('the stand-ins\' providers hold the methods that could be named, each throwing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'production-'));
    try {
      writeFileSync(join(dir, 'errors.mjs'), ERRORS_MODULE);
      writeFileSync(join(dir, 'checks.mjs'), CHECKS_MODULE);
      const errors = (await import(pathToFileURL(join(dir, 'errors.mjs')).href)) as Record<string, Record<string, () => unknown>>;
      const checks = (await import(pathToFileURL(join(dir, 'checks.mjs')).href)) as Record<string, () => unknown>;
      expect(Object.keys(errors['defaultParserErrorProvider']!).sort()).toEqual(Object.keys(defaultParserErrorProvider).sort());
      expect(Object.keys(errors['defaultGrammarResolverErrorProvider']!)).toEqual(['buildRuleNotFoundError']);
      expect(Object.keys(errors['defaultGrammarValidatorErrorProvider']!)).toEqual(['buildDuplicateRuleNameError']);
      for (const provider of Object.values(errors)) for (const method of Object.values(provider)) expect(method).toThrow(/left out of this bundle \(ahrefs-where, scripts\/chevrotain-production\.ts\)/);
      for (const check of Object.values(checks)) expect(check).toThrow(/grammar validations are left out/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the tree builder: an embedded-actions parser uses only its no-op hooks and its two rule-stack readers', () => {
    const builder = text('parse/parser/traits/tree_builder.js');
    const methods = [...builder.matchAll(/^ {4}(\w+)\(/gm)].map((m) => m[1]!);
    expect(methods).toEqual([
      'initTreeBuilder', 'setInitialNodeLocationOnlyOffsetRecovery', 'setInitialNodeLocationOnlyOffsetRegular', 'setInitialNodeLocationFullRecovery',
      'setInitialNodeLocationFullRegular', 'cstInvocationStateUpdate', 'cstFinallyStateUpdate', 'cstPostRuleFull', 'cstPostRuleOnlyOffset', 'cstPostTerminal',
      'cstPostNonTerminal', 'getBaseCstVisitorConstructor', 'getBaseCstVisitorConstructorWithDefaults', 'getPreviousExplicitRuleShortName', 'getLastExplicitRuleOccurrenceIndex',
    ]);
    const fields = [...new Set([...builder.matchAll(/this\.(\w+) =/g)].map((m) => m[1]!))];
    const members = [...new Set([...methods, ...fields])];
    // What the rest of Chevrotain reads of it (on the parser, `this`).
    const used = new Set<string>();
    for (const [module, body] of MODULES) {
      if (module === 'parse/parser/traits/tree_builder.js') continue;
      for (const m of body.matchAll(/this\.(\w+)/g)) if (members.includes(m[1]!)) used.add(m[1]!);
    }
    const HOOKS = ['cstInvocationStateUpdate', 'cstFinallyStateUpdate', 'cstPostTerminal', 'cstPostNonTerminal', 'cstPostRule'];
    const KEPT = ['CST_STACK', 'outputCst', 'getPreviousExplicitRuleShortName', 'getLastExplicitRuleOccurrenceIndex'];
    expect([...used].sort()).toEqual([...HOOKS, ...KEPT].sort());
    // Chevrotain's branch for outputCst false: exactly those five hooks, as no-ops, and nothing else.
    const embedded = blockAfter(builder, 'if (!this.outputCst) {');
    expect(embedded.replace(/\s+/g, ' ')).toBe(`{ ${HOOKS.map((h) => `this.${h} = noop;`).join(' ')} }`);
    // The stand-in's: the same lines, and Chevrotain's two readers verbatim.
    for (const line of ['this.CST_STACK = [];', 'this.outputCst = config.outputCst;', ...HOOKS.map((h) => `this.${h} = noop;`)]) expect(TREE_BUILDER_MODULE).toContain(line);
    for (const reader of ['getPreviousExplicitRuleShortName', 'getLastExplicitRuleOccurrenceIndex']) {
      expect(TREE_BUILDER_MODULE).toContain(`    ${reader}() ${blockAfter(builder, `    ${reader}(`)}`);
    }
    // The library's parser is one; its hooks are its own no-ops; and the sources use no CST API.
    const parser = getParser() as unknown as Record<string, unknown>;
    expect(parser['outputCst']).toBe(false);
    for (const hook of HOOKS) expect(Object.hasOwn(parser, hook) && (parser[hook] as () => unknown)(), hook).toBe(undefined);
    for (const word of ['getBaseCstVisitor', 'CstParser', 'nodeLocationTracking', 'outputCst']) expect(sourcesMentioning(word), word).toEqual([]);
  });
});

describe('a bundle built with every plugin', () => {
  type Bundled = typeof source & { analyze: typeof analyze; FilterParser: typeof FilterParser; EmbeddedActionsParser: typeof EmbeddedActionsParser };
  let dir: string;
  let bundled: Bundled;
  let code: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'production-'));
    const entry = [
      "export * from './src/index.ts';",
      "export { analyze } from './src/api/analyze.ts';",
      "export { FilterParser } from './src/syntax/parser.ts';",
      "export { EmbeddedActionsParser } from 'chevrotain';",
    ].join('\n');
    const result = await build({
      stdin: { contents: entry, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
      bundle: true, format: 'esm', platform: 'browser', write: false, plugins: PLUGINS, logLevel: 'error',
    });
    code = result.outputFiles[0]!.text;
    writeFileSync(join(dir, 'index.mjs'), code);
    bundled = (await import(pathToFileURL(join(dir, 'index.mjs')).href)) as Bundled;
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the stand-ins in place of the validations, the default messages and the CST builder', () => {
    expect(code).toContain('scripts/chevrotain-production.ts');
    for (const gone of ['Ambiguous Alternatives Detected', 'Redundant input, expecting EOF', 'reference to a rule which is not defined', 'setInitialNodeLocation', 'getBaseCstVisitorConstructor', 'validateDuplicateProductions']) {
      expect(code, gone).not.toContain(gone);
    }
    // A parser that would take a left-out path throws when it is built, with the plugin's name.
    expect(() => new bundled.FilterParser(true)).toThrow(/grammar validations are left out of this bundle/);
    expect(() => new bundled.FilterParser(false)).not.toThrow();
  });

  it('its Parser has Chevrotain\'s members, less the CST builder\'s, and builds an embedded parser\'s fields as Chevrotain does', () => {
    const mine = Object.getPrototypeOf(bundled.EmbeddedActionsParser.prototype) as Record<string, (this: object, config: object) => void>;
    const theirs = Object.getPrototypeOf(EmbeddedActionsParser.prototype) as Record<string, (this: object, config: object) => void>;
    const DROPPED = [
      'setInitialNodeLocationOnlyOffsetRecovery', 'setInitialNodeLocationOnlyOffsetRegular', 'setInitialNodeLocationFullRecovery', 'setInitialNodeLocationFullRegular',
      'cstInvocationStateUpdate', 'cstFinallyStateUpdate', 'cstPostRuleFull', 'cstPostRuleOnlyOffset', 'cstPostTerminal', 'cstPostNonTerminal',
      'getBaseCstVisitorConstructor', 'getBaseCstVisitorConstructorWithDefaults',
    ];
    expect(Object.getOwnPropertyNames(mine).sort()).toEqual(Object.getOwnPropertyNames(theirs).filter((n) => !DROPPED.includes(n)).sort());
    const fields = (init: (this: object, config: object) => void, config: object) => {
      const o: Record<string, unknown> = {};
      init.call(o, config);
      return Object.entries(o).map(([k, v]) => [k, typeof v === 'function' ? `function() -> ${String(v.call(o))}` : v]);
    };
    for (const config of [{ outputCst: false }, { outputCst: false, recoveryEnabled: true }, { outputCst: false, nodeLocationTracking: 'full' }, { outputCst: false, nodeLocationTracking: 'onlyOffset' }]) {
      expect(fields(mine['initTreeBuilder']!, config), JSON.stringify(config)).toEqual(fields(theirs['initTreeBuilder']!, config));
    }
    expect(() => fields(mine['initTreeBuilder']!, { outputCst: true })).toThrow(/CST output and node locations are left out/);
  });

  it('parses, compiles, checks and analyzes every text as the sources do, errors and recovery included', () => {
    const broken = fc.constantFrom(
      '', '(', ')', ')(', 'DR >=', 'DR >= and', 'a and or b', '`x', '"open', '/re', 'DR > 5 )', 'DR > 5 and (', '((DR > 1)', 'not', 'not not', 'not (DR > 1',
      'DR between 1', 'DR between 1 and', 'DR not', 'DR not in', 'DR in (1, 2,', 'DR in ()', 'DR in (1 2)', 'DR is', 'DR is not', 'DR is maybe', 'DR > 5 DR < 3',
      'a = b = c', 'any(', 'any(anchor', 'any(anchor) (contains "x" or', 'all(anchor) (not', 'any(anchor) ()', 'url_to matches', 'url_to matches 5',
      'url_to starts', 'url_to ends with', 'anchor contains phrase', 'lower(anchor', 'lower(anchor) =', 'DR >= 5 and and DR < 3', 'DR >= 5 or', ', , ,',
      '((((((((DR > 1))))))))', 'DR >= 5 # comment', '# only a comment', 'DR >= 5 and (url_to contains "x" or not is_spam) and any(anchor) (= "a" or starts with "b")',
    );
    const texts = fc.oneof(
      filterText(allBacklinks), noisyText(allBacklinks), mutatedText(filterText(allBacklinks)), invalidTextCase(allBacklinks).map((c) => c.text),
      fc.string({ maxLength: 40 }), broken,
    );
    const json = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (v instanceof Map ? [...v] : v));
    const analysis = (a: ReturnType<typeof analyze>) => json({ ok: a.ok, diagnostics: a.diagnostics, filter: a.filter, document: a.document, references: a.references, columns: a.columns.map((c) => c.name) });
    let errors = 0;
    const same = (text: string) => {
      const parsed = source.parse(text);
      expect(json(bundled.parse(text)), text).toBe(json(parsed));
      expect(json(bundled.compile(text)), text).toBe(json(source.compile(text)));
      expect(json(bundled.check(text)), text).toBe(json(source.check(text)));
      expect(bundled.format(text), text).toEqual(source.format(text));
      expect(analysis(bundled.analyze(text)), text).toBe(analysis(analyze(text)));
      if (parsed.diagnostics.some((d) => d.code === 'unexpected-token' || d.code === 'unexpected-end')) errors++;
      expect(parsed.diagnostics.some((d) => d.code === 'internal-error'), text).toBe(false);
    };
    fc.assert(fc.property(texts, same), { seed: 1107, numRuns: 600 });
    // The run went through the parser's error paths (messages, recovery), not only through valid texts.
    expect(errors).toBeGreaterThan(100);
  });
});
