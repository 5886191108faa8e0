/**
 * The RE2 engine for the patterns that cannot run as a JavaScript RegExp.
 *
 * The core package carries no RE2 engine (re2js alone weighs 46 KB min+gzip,
 * more than the rest of `{ compile, predicate }`), and `predicate` is
 * synchronous, so the engine cannot be loaded on demand: it is registered
 * once, by importing `ahrefs-where/re2` (which registers re2js), or with
 * {@link registerRegexEngine}. Patterns in the translatable class
 * (regex-translate.ts) and plain literals never need it.
 */

/** A compiled pattern: `test` tells whether it matches somewhere in the text. */
export interface RegexProgram {
  test(text: string): boolean;
}

/**
 * An RE2 engine: compiles an RE2 pattern the checker accepted, with `.`
 * matching line breaks (RE2's DOTALL; `(?-s)` in the pattern turns it off),
 * for unanchored search.
 */
export interface RegexEngine {
  /** A name for messages and tests, such as `"re2js"`. */
  readonly name: string;
  compile(pattern: string): RegexProgram;
}

/**
 * The registration lives on `globalThis` under a registered symbol: the
 * CommonJS build bundles each entry (`ahrefs-where`, `ahrefs-where/re2`)
 * with its own copy of this module, and a registration made through one
 * copy must be seen by the others.
 */
const KEY = Symbol.for('ahrefs-where.regexEngine');
const slot = globalThis as { [KEY]?: RegexEngine };

/**
 * Registers the engine for RE2 patterns outside the translatable class; the
 * last registration wins. `import 'ahrefs-where/re2'` does this with re2js.
 *
 * @example
 * import { registerRegexEngine } from 'ahrefs-where';
 * import { re2jsEngine } from 'ahrefs-where/re2';
 * registerRegexEngine(re2jsEngine); // what importing ahrefs-where/re2 already did
 */
export function registerRegexEngine(engine: RegexEngine): void {
  slot[KEY] = engine;
}

/** The registered engine, if any. */
export function regexEngine(): RegexEngine | undefined {
  return slot[KEY];
}
