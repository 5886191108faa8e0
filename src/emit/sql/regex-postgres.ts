/**
 * RE2 → PostgreSQL ARE, for the subset where the two provably agree on
 * whether a pattern matches somewhere in a text.
 *
 * The translation only ever asks "is there a match", so greediness (`*?`,
 * `(?U)`) and capturing are irrelevant and dropped. What is kept is spelled
 * so that ARE cannot read it differently:
 * - every literal ASCII punctuation character behind a backslash (ARE reads
 *   `\` + punctuation as the character, `***` and `(?x)` prefixes can never
 *   arise);
 * - `\d \w \s` (and negations) as explicit ASCII brackets, since ARE's are
 *   locale classes and its `\s` also holds `\v`;
 * - `\b \B` as ARE's `\y \Y`, whose word characters are ASCII under the
 *   `COLLATE "C"` the emitter applies to the operand (as RE2's);
 * - `^ $ \A \z` as `^ $`: without the newline-sensitive flags, ARE's anchors
 *   are the ends of the text, as RE2's without `(?m)`, and `.` and negated
 *   brackets match a line break, as RE2's with `s` (the spec's default).
 *
 * Refused (the caller reports `sql-regex-unsupported`): case-insensitive and
 * multi-line flags and `(?-s)` (ARE's flags are whole-pattern, and its
 * case folding is ASCII under "C" where RE2's is Unicode), Unicode classes
 * `\p{…}`, negated classes inside brackets, counted repetitions above 255
 * (ARE's limit), and U+0000 (PostgreSQL text cannot hold it).
 */
import { literalChar } from './patterns.js';

export type PostgresRegex = { readonly ok: true; readonly pattern: string } | { readonly ok: false; readonly message: string; readonly offset: number };

/** ARE's largest repetition count (RE_DUP_MAX). */
const ARE_DUP_MAX = 255;

const DIGIT = '0-9';
const WORD = '0-9A-Za-z_';
const SPACE = '\\t\\n\\f\\r ';
const PERL: Readonly<Record<string, string>> = { d: DIGIT, w: WORD, s: SPACE };

/** RE2's POSIX classes (ASCII), as bracket contents. */
const POSIX: Readonly<Record<string, string>> = {
  // Control characters are written as themselves: ARE's `\x` takes any number of hex digits, so
  // `\x7F` before a literal `a` would read as U+07FA. U+0000 cannot occur in PostgreSQL text.
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\u0001-\u007F', blank: '\\t ', cntrl: '\u0001-\u001F\u007F', digit: DIGIT,
  graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ', upper: 'A-Z',
  word: WORD, xdigit: '0-9A-Fa-f',
};

/** RE2's escaped assertions in ARE. */
const ASSERTIONS: Readonly<Record<string, string>> = { A: '^', z: '$', b: '\\y', B: '\\Y' };
const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
const COUNTS = /\{(\d+)(?:(,)(\d*))?\}/y;
const FLAGS = /\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/y;
const NAMED = /\(\?P?<[^>]*>/y;

class Refused {
  constructor(readonly message: string, readonly offset: number) {}
}

class Translator {
  private i = 0;
  private out = '';
  /** Where the last atom began in `out` when it is an empty-width assertion, else -1. */
  private anchorAt = -1;

  constructor(private readonly p: string) {}

  run(): string {
    while (this.i < this.p.length) this.step();
    return this.out;
  }

  private cp(): number {
    return this.p.codePointAt(this.i)!;
  }

  private take(): number {
    const c = this.cp();
    this.i += c > 0xffff ? 2 : 1;
    return c;
  }

  private literal(cp: number, at: number): string {
    if (cp === 0) throw new Refused('PostgreSQL text cannot hold U+0000', at);
    return literalChar(cp);
  }

  private step(): void {
    const before = this.out.length;
    const anchorAt = this.anchorAt;
    this.anchorAt = -1;
    const at = this.i;
    const c = this.p[at]!;
    switch (c) {
      case '(': return this.group(at);
      case '^': case '$':
        this.i++;
        this.out += c;
        this.anchorAt = before;
        return;
      case ')': case '|': case '.':
        this.i++;
        this.out += c;
        return;
      case '*': case '+': case '?':
        this.i++;
        this.quantify(anchorAt, c);
        return this.skipLazy();
      case '{': {
        COUNTS.lastIndex = at;
        const m = COUNTS.exec(this.p);
        if (!m) break; // RE2 reads a `{` that starts no count as a literal
        const low = Number(m[1]);
        const high = m[3] === undefined || m[3] === '' ? low : Number(m[3]);
        if (low > ARE_DUP_MAX || high > ARE_DUP_MAX) throw new Refused(`PostgreSQL repeats at most ${ARE_DUP_MAX} times`, at);
        this.quantify(anchorAt, m[0]);
        this.i = at + m[0].length;
        return this.skipLazy();
      }
      case '[': return this.bracket(at);
      case '\\': return this.escape(at);
      default: break;
    }
    this.out += this.literal(this.take(), at);
  }

  /**
   * Appends a quantifier. RE2 repeats an assertion (`\\b*`, `^+`); ARE refuses a quantifier
   * right after one but accepts it after a group, so a repeated assertion is put in a group.
   */
  private quantify(anchorAt: number, quantifier: string): void {
    if (anchorAt >= 0) this.out = `${this.out.slice(0, anchorAt)}(?:${this.out.slice(anchorAt)})`;
    this.out += quantifier;
  }

  private skipLazy(): void {
    if (this.p[this.i] === '?') this.i++;
  }

  private group(at: number): void {
    NAMED.lastIndex = at;
    const named = NAMED.exec(this.p);
    if (named) {
      this.i = at + named[0].length;
      this.out += '(';
      return;
    }
    FLAGS.lastIndex = at;
    const flags = FLAGS.exec(this.p);
    if (!flags) {
      this.i++;
      this.out += '(';
      return;
    }
    // `s` on is the spec's default, `U` changes only which match is preferred; `i` and `m` off are
    // RE2's defaults. Anything else changes what matches in a way ARE cannot scope to a group.
    const on = flags[1]!.replace(/[sU]/g, '');
    const off = (flags[2] ?? '').replace(/[imU]/g, '');
    if (on !== '' || off !== '') throw new Refused(`PostgreSQL cannot scope the regex flags "${flags[0]}" with RE2's meaning`, at);
    this.i = at + flags[0].length;
    if (flags[3] === ':') this.out += '(';
  }

  /** One escape outside brackets. */
  private escape(at: number): void {
    const e = this.p[at + 1];
    if (e === undefined) throw new Refused('a trailing backslash', at);
    const perl = PERL[e.toLowerCase()];
    if (perl !== undefined) {
      this.i = at + 2;
      this.out += `[${e === e.toLowerCase() ? '' : '^'}${perl}]`;
      return;
    }
    switch (e) {
      case 'A': case 'z': case 'b': case 'B':
        this.anchorAt = this.out.length;
        this.i = at + 2;
        this.out += ASSERTIONS[e];
        return;
      case 'Q': {
        const end = this.p.indexOf('\\E', at + 2);
        const text = this.p.slice(at + 2, end < 0 ? this.p.length : end);
        for (const ch of text) this.out += this.literal(ch.codePointAt(0)!, at);
        this.i = end < 0 ? this.p.length : end + 2;
        return;
      }
      default:
        this.out += this.literal(this.charEscape(at), at);
    }
  }

  /** An escape that stands for one character (`\n`, `\x{41}`, `\101`, `\.`); moves past it. */
  private charEscape(at: number): number {
    const e = this.p[at + 1]!;
    if (SIMPLE_ESCAPES[e] !== undefined) {
      this.i = at + 2;
      return SIMPLE_ESCAPES[e];
    }
    if (e === 'x') {
      const m = /^\{([0-9A-Fa-f]+)\}|^([0-9A-Fa-f]{2})/.exec(this.p.slice(at + 2, at + 12));
      if (!m) throw new Refused('a malformed \\x escape', at);
      this.i = at + 2 + m[0].length;
      return parseInt(m[1] ?? m[2]!, 16);
    }
    if (e >= '0' && e <= '7') {
      // Go/RE2: `\0` takes up to two more octal digits; `\1`–`\7` only when an octal digit follows.
      const m = /^[0-7]{1,3}/.exec(this.p.slice(at + 1, at + 4))!;
      if (e !== '0' && m[0].length === 1) throw new Refused('a backreference', at);
      this.i = at + 1 + m[0].length;
      return parseInt(m[0], 8);
    }
    if (e.codePointAt(0)! < 0x80 && ASCII_PUNCT.test(e)) {
      this.i = at + 2;
      return e.codePointAt(0)!;
    }
    throw new Refused(`the escape \\${e}${e === 'p' || e === 'P' ? ' (Unicode classes)' : ''}`, at);
  }

  private bracket(at: number): void {
    this.i = at + 1;
    let body = '';
    if (this.p[this.i] === '^') {
      body += '^';
      this.i++;
    }
    let first = true;
    while (this.i < this.p.length && (first || this.p[this.i] !== ']')) {
      first = false;
      const itemAt = this.i;
      if (this.p.startsWith('[:', itemAt)) {
        const end = this.p.indexOf(':]', itemAt + 2);
        const name = end < 0 ? '' : this.p.slice(itemAt + 2, end);
        const posix = POSIX[name];
        if (posix === undefined) throw new Refused(`the class [:${name}:] inside brackets`, itemAt);
        body += posix;
        this.i = end + 2;
        continue;
      }
      const low = this.classChar(itemAt);
      if (typeof low === 'string') {
        body += low;
        continue;
      }
      if (this.p[this.i] === '-' && this.p[this.i + 1] !== ']' && this.i + 1 < this.p.length) {
        this.i++;
        const highAt = this.i;
        const high = this.classChar(highAt);
        if (typeof high === 'string') throw new Refused('a class as the end of a range', highAt);
        body += `${this.literal(low, itemAt)}-${this.literal(high, highAt)}`;
      } else {
        body += this.literal(low, itemAt);
      }
    }
    if (this.p[this.i] !== ']') throw new Refused('an unterminated bracket', at);
    this.i++;
    this.out += `[${body}]`;
  }

  /** A character of a bracket (a code point), or a Perl class already spelled as bracket contents. */
  private classChar(at: number): number | string {
    if (this.p[at] !== '\\') return this.take();
    const e = this.p[at + 1];
    if (e !== undefined && PERL[e] !== undefined) {
      this.i = at + 2;
      return PERL[e];
    }
    if (e !== undefined && PERL[e.toLowerCase()] !== undefined) throw new Refused(`\\${e} inside brackets`, at);
    return this.charEscape(at);
  }
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

/**
 * Translates a valid RE2 pattern (the checker has validated it) into an ARE
 * with the same matches, or says why it cannot.
 *
 * @example
 * translateRe2ToPostgres('^a\\d+(?:x|y)$'); // { ok: true, pattern: '^a[0-9]+(x|y)$' }
 * translateRe2ToPostgres('(?i)abc');        // { ok: false, message: …, offset: 0 }
 */
export function translateRe2ToPostgres(pattern: string): PostgresRegex {
  try {
    return { ok: true, pattern: new Translator(pattern).run() };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}
