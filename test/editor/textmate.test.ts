/**
 * The TextMate grammar (grammar/ahrefs-where.tmLanguage.json), tokenized with
 * VS Code's own engine (vscode-textmate + the Oniguruma WASM build), must
 * agree with the language service's `classify` on every token of the
 * documented examples.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';
import { classify } from '../../src/editor/classify.js';
import type { TokenClass } from '../../src/editor/types.js';
import { parse } from '../../src/syntax/parse.js';
import { VALID_QUERIES } from './corpus.js';

const require = createRequire(import.meta.url);
let grammar: textmate.IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) =>
      scope === 'source.ahrefs-where'
        ? textmate.parseRawGrammar(readFileSync('grammar/ahrefs-where.tmLanguage.json', 'utf8'), 'ahrefs-where.tmLanguage.json')
        : null,
  });
  grammar = (await registry.loadGrammar('source.ahrefs-where'))!;
});

/**
 * The examples of docs/language.md: code blocks tagged `where`; while that
 * page tags none, its untagged blocks that parse cleanly (the filters, not the
 * error listings), and always our corpus.
 */
function examples(): string[] {
  const doc = readFileSync('docs/language.md', 'utf8');
  const tagged = [...doc.matchAll(/```where\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const blocks = tagged.length > 0 ? tagged : [...doc.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/^ {2}/gm, ''));
  return [...blocks.filter((b) => parse(b).diagnostics.length === 0), ...VALID_QUERIES];
}

const SCOPES: ReadonlyArray<[RegExp, TokenClass]> = [
  [/^comment/, 'comment'],
  [/^string\.quoted/, 'string'],
  [/^string\.regexp/, 'regex'],
  [/^constant\.other\.date/, 'date'],
  [/^constant\.numeric/, 'number'],
  [/^keyword\.operator\.(logical)|^keyword\.other\.quantifier/, 'keyword'],
  [/^keyword\.operator\.(word|comparison)/, 'operator'],
  [/^constant\.language\.boolean/, 'boolean'],
  [/^constant\.language\.null/, 'null'],
  [/^support\.function/, 'function'],
  [/^variable\.other\.column/, 'column'],
  [/^punctuation\.(section|separator)/, 'punctuation'],
  [/^invalid/, 'invalid'],
];

/** The class of the outermost meaningful scope at each token start, line by line. */
function tmClasses(text: string): Array<{ offset: number; cls: TokenClass | undefined; scopes: string[] }> {
  const out: Array<{ offset: number; cls: TokenClass | undefined; scopes: string[] }> = [];
  let stack = textmate.INITIAL;
  let base = 0;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) {
      if (line.slice(t.startIndex, t.endIndex).trim() === '') continue;
      const scopes = t.scopes.slice(1);
      const cls = scopes.map((s) => SCOPES.find(([re]) => re.test(s))?.[1]).find((c) => c !== undefined);
      out.push({ offset: base + t.startIndex, cls, scopes });
    }
    stack = r.ruleStack;
    base += line.length + 1;
  }
  return out;
}

// Where context decides and a line grammar cannot look back: a bare word after `=` is a value to
// the service but a name to TextMate; `not`/`null` inside a test are test words to the service.
const ALLOWED: Partial<Record<TokenClass, TokenClass[]>> = { string: ['column'], operator: ['keyword', 'null'] };

describe('TextMate grammar', () => {
  it('scopes every token of the documented examples as the language service classifies it', () => {
    const list = examples();
    expect(list.length).toBeGreaterThan(VALID_QUERIES.length);
    for (const text of list) {
      const tm = tmClasses(text);
      for (const token of classify(text)) {
        const at = tm.filter((t) => t.offset <= token.start).at(-1);
        const got = at?.cls;
        const ok = got === token.class || (ALLOWED[token.class] ?? []).includes(got!);
        expect(ok, `${JSON.stringify(text.slice(token.start, token.end))} in ${JSON.stringify(text)}: service ${token.class}, TextMate ${at?.scopes.join(' ')}`).toBe(true);
      }
    }
  });

  it('gives no character of a valid filter the invalid scope, and marks stray characters invalid', () => {
    for (const text of examples()) expect(tmClasses(text).filter((t) => t.cls === 'invalid'), text).toEqual([]);
    expect(tmClasses('DR > 5 € ;').filter((t) => t.cls === 'invalid')).toHaveLength(2);
  });

  it('ends an unterminated string at the end of its line', () => {
    const tm = tmClasses('anchor = "open\nand DR > 5');
    expect(tm.find((t) => t.offset === 15)?.cls).toBe('keyword');
  });

  it('keeps keywords inside longer names as names', () => {
    const tm = tmClasses('android = 1 and is_spam and x.in = 2');
    expect(tm.filter((t) => t.cls === 'column').length).toBe(3);
  });
});
