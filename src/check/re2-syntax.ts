/**
 * RE2 syntax validation without an RE2 engine.
 *
 * The core bundle must stay small, so the checker cannot import re2js (about
 * 65 KB gzip) just to learn whether a pattern compiles. This scanner follows
 * the parser of re2js (itself a port of Go's `regexp/syntax`, the same grammar
 * as RE2) decision for decision, but builds only what the validity rules need:
 * the nesting of groups and repetitions. A differential property test
 * (test/check/re2-syntax.test.ts) holds it to re2js.
 *
 * A pattern passes only if both engines take it: RE2 (the API) and re2js
 * (local evaluation). So `\C` (any byte, which re2js lacks) is rejected, and
 * `\p{…}` names are RE2's (re2js knows more). The program size is computed
 * with RE2's rule on this light tree and limited to {@link MAX_PROGRAM_SIZE},
 * far below both engines' own limits, so that no accepted pattern can fail to
 * compile in either, and evaluation costs at most that many states per
 * input character.
 */
import type { RegexDialect } from '../catalogue/types.js';
import { wildcardToRe2 } from '../semantics/wildcard.js';
import { AtomReader, invalid, isAlnum, PatternError, unsupported } from './re2-atoms.js';

export { wildcardToRe2 };

/**
 * The outcome of {@link validateRegex}. `message` is one clause without a
 * final period (callers prefix the column); `offset` is a UTF-16 offset into the pattern.
 */
export type RegexValidation =
  | { ok: true; size: number }
  | { ok: false; code: RegexErrorCode; message: string; offset?: number };

/** The diagnostic codes {@link validateRegex} can give. */
export type RegexErrorCode = 'invalid-regex' | 'unsupported-regex-feature' | 'wildcard-pattern-only' | 'regex-too-large' | 'internal-error';

/** RE2's limit on a counted repetition, and on their nested product. */
const MAX_REPEAT = 1000;
/** RE2's (and re2js's) limit on the height of the parsed tree. */
const MAX_HEIGHT = 1000;

/**
 * The largest program a pattern may compile to, in instructions as RE2 counts
 * them before compiling (`x{n}` copies x n times, nested repeats multiply; see
 * `Scanner.repeat`), with each Unicode class (`\pL`, `\p{Greek}`, `\PN`, or a
 * bracket class holding one) weighing {@link UNICODE_CLASS_WEIGHT}.
 *
 * Why: re2js answers `test` with a lazy DFA whose cost per character does not
 * grow with the program, as long as its states fit its 8 MB cache; when a
 * pattern's states never repeat (`b[ab]{n}x` on random a/b text) and are too
 * large, it falls back to its NFA, which costs about 20 ns per state and
 * character. Measured on 1 MB values (docs/security.md, "Regex size limit"),
 * the worst families stay at 0.3–0.4 s up to 80 instructions, and fall off a
 * cliff near 130 (3–5 s). A Unicode class makes every DFA state about ten
 * times larger (one transition per range boundary), so it counts ten times.
 * The limit is far below re2js's own limits (1,398,101 for size, 2^25 class
 * runes), so a pattern the checker accepts always compiles in the engine.
 */
export const MAX_PROGRAM_SIZE = 80;

/** The weight of one Unicode class instruction (`\pL`, `[\pL\pN]`, …) against {@link MAX_PROGRAM_SIZE}. */
export const UNICODE_CLASS_WEIGHT = 10;

/** What the limits need of a parsed piece: its program size, its height, and the largest product of nested counted repetitions. */
interface Piece { readonly size: number; readonly height: number; readonly product: number }
type Item = { readonly kind: 'piece'; readonly piece: Piece } | { readonly kind: 'bar' } | { readonly kind: 'paren'; readonly capture: boolean; readonly offset: number };

/** `{n}`, `{n,}`, `{n,m}` (sticky, so it reads at one offset without copying the rest of the pattern). */
const COUNTS = /\{(\d+)(?:(,)(\d*))?\}/y;
const ATOM: Piece = { size: 1, height: 1, product: 1 };
/** A Unicode class: one instruction that weighs {@link UNICODE_CLASS_WEIGHT}. */
const UNICODE_ATOM: Piece = { size: UNICODE_CLASS_WEIGHT, height: 1, product: 1 };

/** One left-to-right pass over a pattern, mirroring re2js's `Parser.parseInternal`: groups, alternation, repetition and the limits. */
class Scanner extends AtomReader {
  private readonly stack: Item[] = [];
  private readonly names = new Set<string>();

  private push(piece: Piece = ATOM): void {
    this.stack.push({ kind: 'piece', piece });
  }

  /** Scans the whole pattern; returns its program size (see {@link MAX_PROGRAM_SIZE}) or throws a PatternError. */
  run(): number {
    let lastRepeat = -1;
    while (this.pos < this.p.length) {
      let repeatAt = -1;
      const start = this.pos;
      const c = this.peek()!;
      if (c === 0x28 /* ( */) {
        if (this.at('(?')) this.group();
        else { this.stack.push({ kind: 'paren', capture: true, offset: start }); this.pos++; }
      } else if (c === 0x7c /* | */) {
        this.stack.push({ kind: 'bar' });
        this.pos++;
      } else if (c === 0x29 /* ) */) {
        this.closeParen(start);
        this.pos++;
      } else if (c === 0x5b /* [ */) {
        this.unicodeClass = false;
        this.charClass();
        this.push(this.unicodeClass ? UNICODE_ATOM : ATOM);
      } else if (c === 0x2a || c === 0x2b || c === 0x3f /* * + ? */) {
        repeatAt = start;
        this.pos++;
        this.repeat(c === 0x2a ? 'star' : c === 0x2b ? 'plus' : 'quest', 0, 0, start, lastRepeat);
      } else if (c === 0x7b /* { */) {
        const counts = this.counts();
        if (counts) {
          repeatAt = start;
          this.repeat('count', counts[0], counts[1], start, lastRepeat);
        } else {
          this.pos = start + 1; // not a repetition: a literal `{`
          this.push();
        }
      } else if (c === 0x5c /* \ */) {
        this.topEscape(start);
      } else {
        this.pop();
        this.push();
      }
      lastRepeat = repeatAt;
    }
    const open = this.stack.find((i): i is Extract<Item, { kind: 'paren' }> => i.kind === 'paren');
    if (open) throw invalid('missing closing ) for the ( here', open.offset);
    const whole = this.collapse(this.stack.splice(0));
    // Syntax errors first (the whole pattern has been read): only a valid pattern is too large.
    if (whole.height > MAX_HEIGHT) throw invalid(`the pattern nests more than ${MAX_HEIGHT} levels deep, RE2's limit`, 0);
    if (whole.size > MAX_PROGRAM_SIZE) {
      throw new PatternError('regex-too-large',
        `its program has ${whole.size} instructions once repetitions are expanded (a Unicode class such as \\pL counts ${UNICODE_CLASS_WEIGHT}), more than the limit of ${MAX_PROGRAM_SIZE} ` +
        'that keeps evaluation fast on long values; split it into conditions joined with or, or use contains / starts with / ends with', 0);
    }
    return whole.size;
  }

  /** Everything between two pseudo-items (or the whole pattern) as one piece. */
  private collapse(items: Item[]): Piece {
    // An empty branch of an alternation is an empty-match node, of size 1 in RE2's count.
    let size = 0, height = 0, product = 1, parts = 0, branches = 1, inBranch = 0, empty = 0;
    for (const item of items) {
      if (item.kind === 'bar') { branches++; if (inBranch === 0) empty++; inBranch = 0; continue; }
      if (item.kind !== 'piece') continue;
      parts++;
      inBranch++;
      size += item.piece.size;
      height = Math.max(height, item.piece.height);
      product = Math.max(product, item.piece.product);
    }
    if (branches > 1 && inBranch === 0) empty++;
    if (branches > 1) size += empty;
    return { size: Math.max(1, size + branches - 1), height: parts > 1 || branches > 1 ? height + 1 : Math.max(1, height), product };
  }

  private closeParen(offset: number): void {
    let i = this.stack.length - 1;
    while (i >= 0 && this.stack[i]!.kind !== 'paren') i--;
    if (i < 0) throw invalid('unexpected ) with no ( to close', offset);
    const paren = this.stack[i] as Extract<Item, { kind: 'paren' }>;
    const inner = this.collapse(this.stack.splice(i + 1));
    this.stack.pop();
    this.push(paren.capture ? { size: inner.size + 2, height: inner.height + 1, product: inner.product } : inner);
  }

  /** `*`, `+`, `?` or `{n,m}` (already consumed), with an optional non-greedy `?`. */
  private repeat(kind: 'star' | 'plus' | 'quest' | 'count', min: number, max: number, start: number, lastRepeat: number): void {
    if (this.at('?')) this.pos++;
    if (lastRepeat !== -1) {
      const op = this.p.slice(lastRepeat, this.pos);
      // `a*+`, `a++`, `a?+`, `a{2}+`: possessive quantifiers in PCRE and Java.
      if (/^(?:[*+?]|\{[^}]*\})\+$/.test(op)) throw unsupported(`possessive quantifiers (${op})`, lastRepeat);
      throw invalid(`nested repetition operator ${op}: repeat a group instead, as in (a*)*`, lastRepeat);
    }
    const top = this.stack[this.stack.length - 1];
    if (!top || top.kind !== 'piece') throw invalid(`nothing to repeat before ${this.p.slice(start, this.pos)}`, start);
    const sub = top.piece;
    let size: number;
    let product = sub.product;
    if (kind === 'star') size = 2 + sub.size;
    else if (kind === 'plus' || kind === 'quest') size = 1 + sub.size;
    else {
      // RE2's rule, except that x{0} keeps x's size: the engine still parses (and counts the class runes of) x.
      size = max === -1 ? (min === 0 ? 2 + sub.size : 1 + min * sub.size) : max === 0 ? sub.size : max * sub.size + (max - min);
      // re2js multiplies the counts of nested {n,m} (an unbounded one counts its minimum; {0} cuts the chain).
      const factor = max === 0 ? 0 : Math.max(1, max === -1 ? min : max);
      product = factor === 0 ? 1 : factor * sub.product;
      if ((min >= 2 || max >= 2) && product > MAX_REPEAT) {
        throw invalid(`the nested repetition counts multiply to more than RE2's limit of ${MAX_REPEAT}`, start);
      }
    }
    this.stack[this.stack.length - 1] = { kind: 'piece', piece: { size: Math.max(1, size), height: sub.height + 1, product } };
  }

  /** `{n}`, `{n,}` or `{n,m}` at the current `{`: the counts (max -1 for none), or undefined when it is a literal `{`. */
  private counts(): [number, number] | undefined {
    const start = this.pos;
    COUNTS.lastIndex = start;
    const m = COUNTS.exec(this.p);
    const digits = (s: string) => (s.length > 1 && s[0] === '0' ? -1 : s.length > 8 ? -2 : Number(s));
    if (!m) return undefined;
    const min = digits(m[1]!);
    const max = m[2] === undefined ? min : m[3] === '' ? -1 : digits(m[3]!);
    // A leading zero makes the braces literal text, as in re2js.
    if (min === -1 || (m[3] !== undefined && m[3] !== '' && max === -1)) return undefined;
    this.pos = start + m[0].length;
    if (min < 0 || min > MAX_REPEAT || max === -2 || max > MAX_REPEAT || (max >= 0 && min > max)) {
      throw invalid(`invalid repeat count ${m[0]}: counts go up to ${MAX_REPEAT}, and the minimum cannot exceed the maximum`, start);
    }
    return [min, max];
  }

  /** `(?…`: a named group, a flag group, or a Perl construct RE2 lacks. */
  private group(): void {
    const start = this.pos;
    const rest = this.p.slice(start);
    if (/^\(\?<[=!]/.test(rest)) throw unsupported('lookbehind ((?<= and (?<!)', start);
    if (rest.startsWith('(?P<') || rest.startsWith('(?<')) {
      const begin = rest[2] === 'P' ? 4 : 3;
      const end = rest.indexOf('>');
      if (end < 0) throw invalid('named group without its closing >', start);
      const name = rest.slice(begin, end);
      if (name === '' || ![...name].every((ch) => ch === '_' || isAlnum(ch.codePointAt(0)!))) {
        throw invalid(`invalid group name "${name}": use letters, digits and _`, start);
      }
      if (this.names.has(name)) throw invalid(`duplicate group name "${name}"`, start);
      this.names.add(name);
      this.pos = start + end + 1;
      this.stack.push({ kind: 'paren', capture: true, offset: start });
      return;
    }
    const third = rest[2];
    if (third === '=' || third === '!') throw unsupported(`lookahead (${rest.slice(0, 3)})`, start);
    if (third === '>') throw unsupported('atomic groups ((?>)', start);
    if (third === '(') throw unsupported('conditionals ((?(…)…|…))', start);
    if (third === '#') throw unsupported('comments ((?#…))', start);
    if (rest.startsWith('(?P=') || rest.startsWith('(?P>') || /^\(\?(?:R|\d|&)/.test(rest)) throw unsupported('backreferences or recursion', start);
    this.pos = start + 2;
    let sign = 1;
    let sawFlag = false;
    while (this.pos < this.p.length) {
      const ch = this.p[this.pos++]!;
      if (ch === 'i' || ch === 'm' || ch === 's' || ch === 'U') { sawFlag = true; continue; }
      if (ch === '-') {
        if (sign < 0) break;
        sign = -1;
        sawFlag = false;
        continue;
      }
      if (ch === ':' || ch === ')') {
        if (sign < 0 && !sawFlag) break;
        if (ch === ':') this.stack.push({ kind: 'paren', capture: false, offset: start });
        return;
      }
      if (/[a-zA-Z]/.test(ch)) throw unsupported(`the flag ${ch} (RE2 has i, m, s and U)`, this.pos - 1);
      break;
    }
    throw invalid(`invalid group syntax ${this.p.slice(start, Math.min(this.pos, start + 12))}: RE2 accepts (?:…), (?P<name>…), (?<name>…) and flags (?imsU-imsU)`, start);
  }

  /** A backslash outside a character class. */
  private topEscape(start: number): void {
    const next = this.p[start + 1];
    if (next === 'A' || next === 'b' || next === 'B' || next === 'z') { this.pos = start + 2; this.push(); return; }
    if (next === 'C') throw invalid('\\C (any byte) is not supported: the local engine, re2js, has no byte mode (RE2 has)', start);
    if (next === 'Q') {
      const end = this.p.indexOf('\\E', start + 2);
      const text = this.p.slice(start + 2, end < 0 ? undefined : end);
      this.pos = end < 0 ? this.p.length : end + 2;
      for (let i = 0; i < text.length; i++) this.push();
      return;
    }
    this.unicodeClass = false;
    if (this.classEscape()) { this.push(this.unicodeClass ? UNICODE_ATOM : ATOM); return; }
    this.escape();
    this.push();
  }

}

/** Wildcard patterns: RE2 metacharacters a user probably meant as regex syntax. */
const WILDCARD_REJECTED = /[\^$.+?()[\]{}|\\]/;
/**
 * Checks a `regex` value against the endpoint's dialect, without compiling it.
 * RE2: the syntax RE2 accepts (as re2js does), with backreferences,
 * lookaround, atomic groups, possessive quantifiers and conditionals reported
 * as unsupported features, and programs larger than {@link MAX_PROGRAM_SIZE}
 * as `regex-too-large`. Wildcard (Keywords Explorer): any text where `*` is
 * the only special character; RE2 metacharacters are rejected, since a user
 * who writes them probably expects regex behaviour the endpoint does not
 * have; its RE2 translation obeys the same size limit.
 */
export function validateRegex(pattern: string, dialect: RegexDialect): RegexValidation {
  if (dialect === 'wildcard') {
    const m = WILDCARD_REJECTED.exec(pattern);
    if (m) {
      return {
        ok: false,
        code: 'wildcard-pattern-only',
        message: `only * is supported here (it matches any run of characters); "${m[0]}" is regex syntax that wildcard patterns do not have`,
        offset: m.index,
      };
    }
  }
  try {
    const size = new Scanner(dialect === 'wildcard' ? wildcardToRe2(pattern) : pattern).run();
    return { ok: true, size };
  } catch (error) {
    if (error instanceof PatternError) {
      // Offsets of a wildcard's translation do not point into the user's text; only the size error (offset 0) can occur there.
      return dialect === 'wildcard' ? { ok: false, code: error.code, message: error.message } : { ok: false, code: error.code, message: error.message, offset: error.offset };
    }
    // The scanner has no recursion and no other throw; if it ever does, say so with the details rather than guess.
    return { ok: false, code: 'internal-error', message: `the RE2 syntax check failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
