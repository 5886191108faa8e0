/**
 * Regex conditions (spec §4), always in time linear in the value:
 *
 * - RE2 syntax; unanchored search (the pattern may match anywhere);
 * - `.` matches line breaks too (flag DOTALL, like ClickHouse's `match`);
 *   `(?-s)` inside the pattern turns that off;
 * - the Keywords Explorer `wildcard` dialect: `*` matches any run of
 *   characters (line breaks included), every other character is literal, and
 *   the search is unanchored like a regex (`best*tools` matches
 *   `"the best seo tools"`).
 *
 * Each pattern runs on the fastest exact path: a plain literal is an
 * `includes`; strings every match must contain are tested with `includes`
 * first (regex-literals.ts); a pattern in the class that provably cannot
 * backtrack super-linearly runs as a JavaScript RegExp translated from it
 * (regex-translate.ts, proof in docs/security.md); every other pattern runs
 * on the registered RE2 engine (regex-engine.ts: re2js, registered by
 * importing `ahrefs-where/re2`).
 */
import type { RegexDialect } from '../catalogue/types.js';
import { regexEngine, type RegexProgram } from './regex-engine.js';
import { literalChain, plainLiteral, requiredLiterals } from './regex-literals.js';
import { parseRe2 } from './regex-parse.js';
import { translateOrRefuse, type JsRegex } from './regex-translate.js';
// The checker's translation too, so that the pattern measured is the pattern run.
import { wildcardToRe2 } from './wildcard.js';

export { wildcardToRe2 };

/** Which path runs a pattern: `literal` (`includes`, `startsWith`, `endsWith`, or `indexOf` for literals joined by `.*`), `regexp` (a translated JS RegExp) or `engine` (the registered RE2 engine). */
export type RegexPath = 'literal' | 'regexp' | 'engine';

/** A compiled regex condition. */
export interface CompiledRegex {
  /** True when the pattern matches somewhere in the text. */
  readonly test: (text: string) => boolean;
  readonly path: RegexPath;
  /** The strings tested with `includes` before the regex runs (empty: none). */
  readonly literals: readonly string[];
  /** The translated RegExp (path `regexp`). */
  readonly regexp?: JsRegex;
  /** The engine's compiled program (path `engine`), exposed so that tests can check which engine runs. */
  readonly engine?: RegexProgram;
}

/**
 * Thrown by {@link compileRegex} for a pattern that needs an RE2 engine when
 * none is registered; the predicate's builder reports it as the
 * `regex-engine-missing` diagnostic before this can happen.
 */
export class RegexEngineMissingError extends Error {
  constructor(readonly pattern: string) {
    super(`the pattern /${pattern}/ needs an RE2 engine: import 'ahrefs-where/re2' once, before building the predicate`);
    this.name = 'RegexEngineMissingError';
  }
}

/** The JS path of a pattern, without compiling: what {@link compileRegex} would run, and its literals. */
interface Plan {
  readonly re2: string;
  readonly path: RegexPath;
  readonly literals: readonly string[];
  readonly regexp?: JsRegex;
  /** Why the pattern is not translated (path `engine`). */
  readonly why?: string;
  /** Literals joined by `.*`, anchored or not (path `literal`). */
  readonly chain?: (text: string) => boolean;
}

function plan(pattern: string, dialect: RegexDialect): Plan {
  const re2 = dialect === 'wildcard' ? wildcardToRe2(pattern) : pattern;
  const tree = parseRe2(re2);
  if (!tree) return { re2, path: 'engine', literals: [] };
  const plain = plainLiteral(tree);
  if (plain !== undefined) return { re2, path: 'literal', literals: [plain] };
  const chain = literalChain(tree);
  if (chain) return { re2, path: 'literal', literals: [], chain };
  const literals = requiredLiterals(tree);
  const regexp = translateOrRefuse(tree);
  return typeof regexp === 'string' ? { re2, path: 'engine', literals, why: regexp } : { re2, path: 'regexp', literals, regexp };
}

/**
 * When the pattern needs the RE2 engine (it is outside the translatable
 * class) and none is registered: why it is not translated, for the
 * `regex-engine-missing` diagnostic. Undefined when it can run.
 */
export function missingEngineReason(pattern: string, dialect: RegexDialect = 're2'): string | undefined {
  if (regexEngine()) return undefined;
  const p = plan(pattern, dialect);
  return p.path === 'engine' ? p.why ?? 'syntax this translator does not read' : undefined;
}

/** Compiled regexes by dialect and pattern: a predicate compiles each of its regexes once, and filters of one shape share them. */
const CACHE_SIZE = 256;
const cache = new Map<string, CompiledRegex>();

/**
 * Compiles a `regex` condition's value (a pattern the checker accepted: at
 * most `MAX_PROGRAM_SIZE` instructions, see docs/security.md). Throws
 * {@link RegexEngineMissingError} when the pattern needs an RE2 engine and
 * none is registered, and the engine's syntax error for a pattern the
 * checker would refuse.
 *
 * @example
 * compileRegex('^a.b', 're2').test('a\nb');    // true: `.` matches the line break
 * compileRegex('(?-s)a.b', 're2').test('a\nb'); // false
 * compileRegex('/blog/\\d{4}/').path;            // 'regexp', after includes('/blog/')
 */
export function compileRegex(pattern: string, dialect: RegexDialect = 're2'): CompiledRegex {
  const key = `${dialect}:${pattern}`;
  const hit = cache.get(key);
  // An engine path compiled before an engine was registered cannot be cached, so every hit is usable.
  if (hit) return hit;
  const compiled = build(plan(pattern, dialect));
  cache.set(key, compiled);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return compiled;
}

function build(p: Plan): CompiledRegex {
  if (p.chain) return { test: p.chain, path: 'literal', literals: p.literals };
  if (p.path === 'literal') {
    const text = p.literals[0]!;
    return { test: (t) => t.includes(text), path: 'literal', literals: p.literals };
  }
  let run: (text: string) => boolean;
  let engine: RegexProgram | undefined;
  if (p.regexp) {
    const re = new RegExp(p.regexp.source, p.regexp.flags);
    // Sticky: one attempt, at index 0 (test moves lastIndex, so it is reset each time).
    run = p.regexp.flags === 'suy' ? (t) => { re.lastIndex = 0; return re.test(t); } : (t) => re.test(t);
  } else {
    const registered = regexEngine();
    if (!registered) throw new RegexEngineMissingError(p.re2);
    const program = (engine = registered.compile(p.re2));
    run = (t) => program.test(t);
  }
  const [a, b] = p.literals;
  const test = a === undefined ? run : b === undefined ? (t: string) => t.includes(a) && run(t) : (t: string) => t.includes(a) && t.includes(b) && run(t);
  return { test, path: p.path, literals: p.literals, ...(p.regexp ? { regexp: p.regexp } : {}), ...(engine ? { engine } : {}) };
}
