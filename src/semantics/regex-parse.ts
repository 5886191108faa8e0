/**
 * A reader of RE2 patterns into a small tree, for the regex fast paths
 * (required literals, translation to a JavaScript RegExp). It follows RE2's
 * grammar (Go's `regexp/syntax`, which re2js ports) for patterns the checker
 * (src/check/re2-syntax.ts) has accepted; whatever it does not model exactly
 * gives `undefined`, and the pattern then runs on the RE2 engine alone.
 *
 * What the tree keeps is what a yes/no search needs: which code points each
 * position accepts, the zero-width assertions, concatenation, alternation and
 * counted repetition. Captures and greediness (`*?`, `(?U)`) are dropped:
 * they change which match is reported, never whether there is one.
 */
import { complement, foldAscii, MAX_RUNE, normalize, PERL_CLASSES, POSIX_CLASSES, union, type Ranges } from './regex-charset.js';

/** Zero-width assertions: `^`/`\A`, `$`/`\z`, `(?m)^`, `(?m)$`, `\b`, `\B`. */
export type RegexAssertion = 'text-start' | 'text-end' | 'line-start' | 'line-end' | 'word' | 'not-word';

/** A parsed RE2 pattern. */
export type RegexNode =
  /** One code point from `set`; `undefined` when the set needs Unicode tables (`\pL`, `(?i)é`): opaque. */
  | { readonly kind: 'set'; readonly set: Ranges | undefined }
  | { readonly kind: 'assert'; readonly at: RegexAssertion }
  | { readonly kind: 'cat'; readonly items: readonly RegexNode[] }
  | { readonly kind: 'alt'; readonly branches: readonly RegexNode[] }
  /** `max` is -1 for no upper bound. */
  | { readonly kind: 'rep'; readonly sub: RegexNode; readonly min: number; readonly max: number };

/** Nesting deeper than this is left to the engine (the checker allows RE2's 1,000; this reader recurses). */
const MAX_NESTING = 200;

interface Flags { fold: boolean; multiline: boolean; dotNl: boolean }

/** Thrown inside the reader for anything it does not model; {@link parseRe2} turns it into `undefined`. */
class Unmodelled {
  constructor(readonly why: string) {}
}

const ANY: Ranges = [0, MAX_RUNE];
const NOT_NL: Ranges = complement([10, 10]);
const COUNTS = /\{(\d+)(?:(,)(\d*))?\}/y;
const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
const isOctal = (c: string | undefined) => c !== undefined && c >= '0' && c <= '7';
const isAsciiAlnum = (c: string) => /^[0-9A-Za-z]$/.test(c);

class Reader {
  private pos = 0;
  /** Set right after a `(?flags)` group, which is no operand for a repetition. */
  private afterFlags = false;
  constructor(private readonly p: string) {}

  /** The whole pattern, as RE2 reads it with the predicate's flags (DOTALL on). */
  pattern(): RegexNode {
    const node = this.alternation({ fold: false, multiline: false, dotNl: true }, 0);
    if (this.pos !== this.p.length) throw new Unmodelled('unbalanced )');
    return node;
  }

  /** Branches up to the end or the `)` closing the current group. Flags set by `(?i)` last to the end of the group, across `|`. */
  private alternation(outer: Flags, depth: number): RegexNode {
    if (depth > MAX_NESTING) throw new Unmodelled('nesting');
    const flags = { ...outer };
    const branches = [this.concatenation(flags, depth)];
    while (this.p[this.pos] === '|') {
      this.pos++;
      branches.push(this.concatenation(flags, depth));
    }
    return branches.length === 1 ? branches[0]! : { kind: 'alt', branches };
  }

  private concatenation(flags: Flags, depth: number): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.p.length) {
      const c = this.p[this.pos]!;
      if (c === '|' || c === ')') break;
      // After `(?i)` a repetition has no operand in RE2; this reader does not guess.
      if (this.afterFlags && /^[*+?{]/.test(c)) throw new Unmodelled('repetition after flags');
      this.afterFlags = false;
      if (c === '*' || c === '+' || c === '?') {
        this.pos++;
        this.repeat(items, c === '*' ? 0 : c === '+' ? 1 : 0, c === '?' ? 1 : -1);
        continue;
      }
      if (c === '{') {
        COUNTS.lastIndex = this.pos;
        const m = COUNTS.exec(this.p);
        if (m) {
          this.pos = COUNTS.lastIndex;
          const min = Number(m[1]);
          this.repeat(items, min, m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]));
          continue;
        }
      }
      this.atom(items, flags, depth);
    }
    return items.length === 1 ? items[0]! : { kind: 'cat', items };
  }

  /** Applies a repetition to the last item; a `?` after it (non-greedy) changes no yes/no answer. */
  private repeat(items: RegexNode[], min: number, max: number): void {
    if (this.p[this.pos] === '?') this.pos++;
    const sub = items.pop();
    if (!sub || (max !== -1 && max < min)) throw new Unmodelled('repetition');
    items.push({ kind: 'rep', sub, min, max });
  }

  private atom(items: RegexNode[], flags: Flags, depth: number): void {
    const c = this.p[this.pos]!;
    if (c === '(') { this.group(items, flags, depth); return; }
    if (c === '[') { items.push({ kind: 'set', set: this.charClass(flags) }); return; }
    if (c === '.') { this.pos++; items.push({ kind: 'set', set: flags.dotNl ? ANY : NOT_NL }); return; }
    if (c === '^') { this.pos++; items.push({ kind: 'assert', at: flags.multiline ? 'line-start' : 'text-start' }); return; }
    if (c === '$') { this.pos++; items.push({ kind: 'assert', at: flags.multiline ? 'line-end' : 'text-end' }); return; }
    if (c === '\\') { this.topEscape(items, flags); return; }
    const cp = this.p.codePointAt(this.pos)!;
    this.pos += cp > 0xffff ? 2 : 1;
    items.push(literal(cp, flags));
  }

  private group(items: RegexNode[], flags: Flags, depth: number): void {
    this.pos++;
    let inner = flags;
    if (this.p[this.pos] === '?') {
      const named = /^\?P?<[A-Za-z0-9_]+>/.exec(this.p.slice(this.pos, this.pos + 300));
      if (named) this.pos += named[0].length;
      else {
        const m = /^\?([imsU]*(?:-[imsU]*)?)([:)])/.exec(this.p.slice(this.pos, this.pos + 20));
        if (!m) throw new Unmodelled('group syntax');
        this.pos += m[0].length;
        const [on, off = ''] = m[1]!.split('-');
        const set = (f: Flags, letters: string, value: boolean) => {
          if (letters.includes('i')) f.fold = value;
          if (letters.includes('m')) f.multiline = value;
          if (letters.includes('s')) f.dotNl = value;
        };
        if (m[2] === ')') { set(flags, on!, true); set(flags, off, false); this.afterFlags = true; return; }
        inner = { ...flags };
        set(inner, on!, true);
        set(inner, off, false);
      }
    }
    const node = this.alternation(inner, depth + 1);
    if (this.p[this.pos] !== ')') throw new Unmodelled('missing )');
    this.pos++;
    items.push(node);
  }

  private topEscape(items: RegexNode[], flags: Flags): void {
    const next = this.p[this.pos + 1];
    const asserts: Record<string, RegexAssertion> = { A: 'text-start', z: 'text-end', b: 'word', B: 'not-word' };
    if (next !== undefined && asserts[next]) { this.pos += 2; items.push({ kind: 'assert', at: asserts[next]! }); return; }
    if (next === 'Q') {
      const end = this.p.indexOf('\\E', this.pos + 2);
      const text = this.p.slice(this.pos + 2, end < 0 ? undefined : end);
      this.pos = end < 0 ? this.p.length : end + 2;
      for (const ch of text) items.push(literal(ch.codePointAt(0)!, flags));
      return;
    }
    const cls = this.classEscape(flags);
    if (cls !== null) { items.push({ kind: 'set', set: cls }); return; }
    items.push(literal(this.escape(), flags));
  }

  /** `\d \D \s \S \w \W \p… \P…` at a backslash: the set (undefined for a Unicode class), or null when it is not one. */
  private classEscape(flags: Flags): Ranges | undefined | null {
    const letter = this.p[this.pos + 1];
    if (letter === 'p' || letter === 'P') {
      if (this.p[this.pos + 2] === '{') {
        const end = this.p.indexOf('}', this.pos + 3);
        if (end < 0) throw new Unmodelled('\\p{');
        this.pos = end + 1;
      } else {
        const cp = this.p.codePointAt(this.pos + 2);
        if (cp === undefined) throw new Unmodelled('\\p');
        this.pos += 2 + (cp > 0xffff ? 2 : 1);
      }
      return undefined; // Unicode tables: the engine's
    }
    if (letter === undefined || !'dDsSwW'.includes(letter)) return null;
    this.pos += 2;
    return foldedClass(PERL_CLASSES[letter.toLowerCase()]!, letter !== letter.toLowerCase(), flags);
  }

  /** One escaped character (`\n`, `\x41`, `\x{10FFFF}`, `\012`, `\.`): its code point. */
  private escape(): number {
    this.pos++;
    const c = this.p[this.pos++];
    if (c === undefined) throw new Unmodelled('trailing backslash');
    if (c === '0' || (c >= '1' && c <= '7' && isOctal(this.p[this.pos]))) {
      let r = Number(c);
      for (let i = 1; i < 3 && isOctal(this.p[this.pos]); i++) r = r * 8 + Number(this.p[this.pos++]);
      return r;
    }
    if (c === 'x') {
      const m = /^\{([0-9A-Fa-f]{1,8})\}|^[0-9A-Fa-f]{2}/.exec(this.p.slice(this.pos, this.pos + 11));
      if (!m) throw new Unmodelled('hex escape');
      this.pos += m[0].length;
      const value = parseInt(m[1] ?? m[0], 16);
      if (value > MAX_RUNE) throw new Unmodelled('hex escape');
      return value;
    }
    if (SIMPLE_ESCAPES[c] !== undefined) return SIMPLE_ESCAPES[c]!;
    const cp = c.codePointAt(0)!;
    if (cp < 0x80 && !isAsciiAlnum(c)) return cp;
    throw new Unmodelled(`escape \\${c}`);
  }

  /** `[…]` at the current `[`: RE2 folds each item under `(?i)`, then negates the union for `[^…]`. */
  private charClass(flags: Flags): Ranges | undefined {
    this.pos++;
    const negated = this.p[this.pos] === '^';
    if (negated) this.pos++;
    let set: Ranges | undefined = [];
    let first = true;
    for (;;) {
      if (this.pos >= this.p.length) throw new Unmodelled('missing ]');
      if (this.p[this.pos] === ']' && !first) break;
      first = false;
      let item: Ranges | undefined;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.p.slice(this.pos, this.pos + 12));
      if (posix && POSIX_CLASSES[posix[2]!]) {
        this.pos += posix[0].length;
        item = foldedClass(POSIX_CLASSES[posix[2]!]!, posix[1] === '^', flags);
      } else {
        const cls = this.p[this.pos] === '\\' ? this.classEscape(flags) : null;
        if (cls !== null) item = cls;
        else {
          const lo = this.classChar();
          let hi = lo;
          if (this.p[this.pos] === '-' && this.p[this.pos + 1] !== ']' && this.pos + 1 < this.p.length) {
            this.pos++;
            hi = this.classChar();
            if (hi < lo) throw new Unmodelled('range');
          }
          item = flags.fold ? foldAscii([lo, hi]) : [lo, hi];
        }
      }
      set = set === undefined || item === undefined ? undefined : union(set, item);
    }
    this.pos++;
    return set === undefined ? undefined : negated ? complement(set) : set;
  }

  private classChar(): number {
    if (this.p[this.pos] === '\\') return this.escape();
    const cp = this.p.codePointAt(this.pos)!;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }
}

/** A Perl or POSIX class as RE2 builds it: folded under `(?i)`, then negated (so `(?i)\W` does not match `k`). */
function foldedClass(positive: Ranges, negated: boolean, flags: Flags): Ranges | undefined {
  const folded = flags.fold ? foldAscii(positive) : positive;
  return folded === undefined ? undefined : negated ? complement(folded) : folded;
}

function literal(cp: number, flags: Flags): RegexNode {
  return { kind: 'set', set: flags.fold ? foldAscii(normalize([cp, cp])) : [cp, cp] };
}

/**
 * Reads an RE2 pattern (one the checker accepted) as the predicate runs it:
 * DOTALL on, unanchored. `undefined` for syntax this reader does not model;
 * the caller then leaves the pattern to the RE2 engine.
 *
 * @example
 * parseRe2('a|b'); // { kind: 'alt', branches: [a, b] } (sets of one code point)
 */
export function parseRe2(pattern: string): RegexNode | undefined {
  try {
    return new Reader(pattern).pattern();
  } catch (error) {
    if (error instanceof Unmodelled) return undefined;
    throw error;
  }
}
