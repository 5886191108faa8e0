/**
 * The build's JSON data as `JSON.parse('…')` (scripts/json-as-parse.ts): the
 * module it writes evaluates to exactly the JSON's value, for the real
 * catalogue data and for strings holding what a single-quoted JS literal must
 * escape (quotes, backslashes, line and paragraph separators, newlines,
 * control characters, astral characters).
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { jsonParseModule, keepDataPure } from '../../scripts/json-as-parse.js';

const DATA = new URL('../../src/catalogue/data/', import.meta.url);

/** The value the module's `export default` evaluates to. */
function valueOf(module: string): unknown {
  const prefix = 'export default ';
  expect(module.startsWith(prefix)).toBe(true);
  return new Function(`return ${module.slice(prefix.length)}`)();
}

describe('JSON data bundled as JSON.parse', () => {
  it('gives the value of every data file', () => {
    const files = readdirSync(DATA).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const text = readFileSync(new URL(file, DATA), 'utf8');
      expect(valueOf(jsonParseModule(text))).toEqual(JSON.parse(text));
    }
  });

  it('escapes what a single-quoted literal must', () => {
    const tricky = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom("'", '\\', "\\'", '\u2028', '\u2029', '\n', '\r\n', '\0', '`${x}`', '"\''));
    fc.assert(
      fc.property(fc.array(tricky), fc.dictionary(tricky, tricky), (list, object) => {
        const value = { list, object };
        expect(valueOf(jsonParseModule(JSON.stringify(value)))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 1202, numRuns: 500 },
    );
  });

  it('marks the data pure again after minifying, so that a bundler drops data nothing reads', async () => {
    const module = jsonParseModule('{"a":[1,2]}');
    const minified = (await build({ stdin: { contents: `${module}\nexport const used = JSON.parse(globalThis.text ?? "1");`, loader: 'js' }, minify: true, format: 'esm', write: false })).outputFiles[0]!.text;
    expect(minified).not.toContain('__PURE__');
    const marked = keepDataPure.renderChunk(minified)!.code;
    // The data's parse is marked; a parse of something else (our code's JSON.parse(text)) is not.
    expect(marked.match(/\/\* @__PURE__ \*\/ JSON\.parse\(/g)).toHaveLength(1);
    expect(marked).toContain(`/* @__PURE__ */ JSON.parse('{"a":[1,2]}')`);
    expect(keepDataPure.renderChunk('const x = JSON.parse(text);')).toBeUndefined();
    // An app that uses nothing of the data bundles none of it.
    const app = await build({ stdin: { contents: `import data from 'chunk';\nconsole.log(1);`, loader: 'js', resolveDir: '.' }, bundle: true, format: 'esm', write: false, minify: true,
      plugins: [{ name: 'chunk', setup(b) { b.onResolve({ filter: /^chunk$/ }, () => ({ path: 'chunk', namespace: 'c' })); b.onLoad({ filter: /.*/, namespace: 'c' }, () => ({ contents: marked, loader: 'js' })); } }] });
    expect(app.outputFiles[0]!.text).not.toContain('"a"');
  });
  it('marks the join of the diagnostic code tables pure again, and nothing else that is called with an object', async () => {
    const source = `const FILTER_CODES = { a: { severity: 'error', messages: { m: 'filter words' } } };
      const JSON_INPUT_CODES = { b: { severity: 'error', messages: { m: 'decompile words' } } };
      function joinCodeTables(tables) { const all = {}; for (const t of Object.values(tables)) Object.assign(all, t); return all; }
      function other(x) { return x; }
      export const DIAGNOSTIC_CODES = /* @__PURE__ */ joinCodeTables({ FILTER_CODES, JSON_INPUT_CODES });
      export const kept = other({ FILTER: 1 });
      export const report = () => FILTER_CODES.a.messages.m;`;
    const minified = (await build({ stdin: { contents: source, loader: 'js' }, minify: true, format: 'esm', write: false })).outputFiles[0]!.text;
    expect(minified).not.toContain('__PURE__');
    const marked = keepDataPure.renderChunk(minified)!.code;
    expect(marked.match(/\/\* @__PURE__ \*\/ [\w$]+\(\{FILTER_CODES:/g)).toHaveLength(1);
    expect(marked.match(/__PURE__/g)).toHaveLength(1);
    // An app that reports from the filter's table only bundles none of the other table's words.
    const app = await build({ stdin: { contents: `import { report } from 'chunk';\nconsole.log(report());`, loader: 'js', resolveDir: '.' }, bundle: true, format: 'esm', write: false, minify: true,
      plugins: [{ name: 'chunk', setup(b) { b.onResolve({ filter: /^chunk$/ }, () => ({ path: 'chunk', namespace: 'c' })); b.onLoad({ filter: /.*/, namespace: 'c' }, () => ({ contents: marked, loader: 'js' })); } }] });
    expect(app.outputFiles[0]!.text).toContain('filter words');
    expect(app.outputFiles[0]!.text).not.toContain('decompile words');
  });
});
