/**
 * The build's Chevrotain without its lexer (scripts/chevrotain-parser-only.ts).
 * Its premise is checked against the installed Chevrotain, so that an upgrade
 * that reads more of the lexer fails here rather than in a user's bundle; and
 * a bundle built with the plugin must give every text the results the
 * sources give.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EOF, Lexer } from 'chevrotain';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chevrotainParserOnly, LEXER_CONSTANT_READERS, LEXER_CONSTANTS_MODULE } from '../../scripts/chevrotain-parser-only.js';
import { jsonAsParse } from '../../scripts/json-as-parse.js';
import { filterText, noisyText } from '../../src/arbitraries/index.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import * as source from '../../src/index.js';
import { Keyword, WhiteSpace } from '../../src/syntax/tokens.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CHEVROTAIN = join(ROOT, 'node_modules/chevrotain/lib/src');

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

describe('the premise, on the installed Chevrotain', () => {
  it('only the lexer itself, the package index and the two constant readers import the lexer class', () => {
    const importers = jsFiles(CHEVROTAIN)
      .filter((file) => /from "[./]*(?:scan\/)?lexer_public\.js"/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(CHEVROTAIN, file).replace(/\\/g, '/'))
      .sort();
    expect(importers).toEqual(['api.js', 'scan/lexer.js', ...LEXER_CONSTANT_READERS].sort());
  });

  it('the constant readers read Lexer.NA and nothing else of it', () => {
    for (const reader of LEXER_CONSTANT_READERS) {
      const text = readFileSync(join(CHEVROTAIN, reader), 'utf8');
      const members = [...text.matchAll(/\bLexer\b(\.\w+)?/g)].map((m) => m[0]);
      // The import, then `Lexer.NA` only.
      expect(members[0], reader).toBe('Lexer');
      expect(new Set(members.slice(1)), reader).toEqual(new Set(['Lexer.NA']));
    }
  });

  it('the stand-in holds Chevrotain\'s own values, and the tokens use them', () => {
    const standIn = new Function(`${LEXER_CONSTANTS_MODULE.replace('export const', 'const')}; return Lexer;`)() as { NA: RegExp };
    expect(standIn.NA.source).toBe(Lexer.NA.source);
    expect(standIn.NA.flags).toBe(Lexer.NA.flags);
    expect(EOF.PATTERN).toBe(Lexer.NA); // what src/syntax/tokens.ts reads instead of importing the class
    expect(Keyword.PATTERN).toBe(Lexer.NA);
    expect(WhiteSpace.GROUP).toBe(Lexer.SKIPPED);
  });
});

describe('a bundle built with the plugin', () => {
  let dir: string;
  let bundled: typeof source;
  let code: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parser-only-'));
    const result = await build({
      entryPoints: [join(ROOT, 'src/index.ts')], bundle: true, format: 'esm', platform: 'browser', write: false,
      plugins: [jsonAsParse, chevrotainParserOnly], logLevel: 'error',
    });
    code = result.outputFiles[0]!.text;
    writeFileSync(join(dir, 'index.mjs'), code);
    bundled = (await import(pathToFileURL(join(dir, 'index.mjs')).href)) as typeof source;
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves Chevrotain\'s lexer out', () => {
    expect(code).not.toContain('Unable to use "first char" lexer optimizations');
    expect(code).not.toContain('class Lexer');
    expect(code).toContain('NOT_APPLICABLE');
  });

  it('compiles, formats and checks every text as the sources do, errors and recovery included', () => {
    const texts = fc.oneof(filterText(allBacklinks), noisyText(allBacklinks), fc.string({ maxLength: 40 }), fc.constantFrom('', '(', 'DR >=', 'a and or b', '`x', '"open', '/re', 'DR > 5 )'));
    const same = (text: string) => {
      const a = source.compile(text);
      const b = bundled.compile(text);
      expect(JSON.stringify(b), text).toBe(JSON.stringify(a));
      expect(bundled.format(text), text).toEqual(source.format(text));
      expect(JSON.stringify(bundled.check(text)), text).toBe(JSON.stringify(source.check(text)));
    };
    fc.assert(fc.property(texts, same), { seed: 1103, numRuns: 400 });
  });
});
