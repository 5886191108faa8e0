/**
 * A user's RE2 pattern as DuckDB and ClickHouse read it: both run RE2, so the
 * pattern goes through unchanged in meaning, with two exceptions this one
 * scan of the pattern handles.
 *
 * 1. ClickHouse's `match` first extracts a substring every match must hold
 *    (OptimizedRegularExpression), and that analysis works on bytes: a
 *    quantifier after a multi-byte literal is applied to its last byte only,
 *    so `match('xa', 'x😀?a')` and `match('xa', 'x中?a')` are 0 where RE2
 *    says 1. Put in a group, the character is one atom to it too:
 *    `x(?:😀)?a` is right. {@link clickhouseRegex} wraps every non-ASCII
 *    literal that a quantifier follows (raw, `\x{…}`, octal, the last
 *    character of `\Q…\E`, which is then written after the `\E`), which RE2
 *    reads with the same meaning, since a quantifier binds to one character.
 *    ClickHouse's analysis skips brackets, so `[😀]?`
 *    needs nothing (measured on chdb 3.4, ClickHouse 26.7).
 * 2. The engines' RE2 builds carry Unicode tables (15 here) older than
 *    JavaScript's and re2js's (16): `\pL` does not know U+1428A, `(?i)ɤ`
 *    does not fold to U+A7CB. {@link unicodeDependence} finds where a pattern
 *    reads those tables: a `\p` / `\P` class anywhere, or a non-ASCII
 *    character (literal, escape, range end) under the `i` flag. ASCII-only
 *    patterns, `\d \w \s \b` and POSIX classes are ASCII in RE2 and exact.
 *
 * The pattern was validated by the checker (re2-syntax.ts), so the scan can
 * follow RE2's grammar without error recovery; what it does not recognise it
 * copies as it is.
 */

/** Where and why a pattern depends on the engine's Unicode tables. */
export interface UnicodeDependence {
  /** UTF-16 offset into the pattern. */
  readonly offset: number;
  /** What reads the tables, for the message: `\pL`, `case folding of "ɤ"`. */
  readonly feature: string;
}

interface Scan {
  readonly clickhouse: string;
  readonly unicode: UnicodeDependence | undefined;
}

const COUNT = /\{\d+(?:,\d*)?\}/y;
const FLAGS = /\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/y;
const HEX = /\\x(?:\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{2}))/y;
const OCTAL = /\\([0-7]{1,3})/y;
const UNICODE_CLASS = /\\[pP](?:\{\^?[A-Za-z_]+\}|[A-Za-z])/y;

function codePointText(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

class Scanner {
  private i = 0;
  private out = '';
  /** Start in `out` of the last atom when it is one non-ASCII character, else -1. */
  private wideAt = -1;
  /** The `i` flag, per open group (the innermost last). */
  private readonly fold: boolean[] = [false];
  unicode: UnicodeDependence | undefined;

  constructor(private readonly p: string) {}

  run(): Scan {
    while (this.i < this.p.length) this.step();
    return { clickhouse: this.out, unicode: this.unicode };
  }

  private get folding(): boolean {
    return this.fold[this.fold.length - 1]!;
  }

  private depends(offset: number, feature: string): void {
    this.unicode ??= { offset, feature };
  }

  /** A character the pattern matches literally, with the `i` flag's dependence on the tables. */
  private literalAt(cp: number, offset: number): void {
    if (cp >= 0x80 && this.folding) this.depends(offset, `case folding of "${String.fromCodePoint(cp)}" (${codePointText(cp)})`);
  }

  /** Copies `text` (one atom) to the output; `wide` when it is one non-ASCII character. */
  private atom(text: string, wide: boolean): void {
    this.wideAt = wide ? this.out.length : -1;
    this.out += text;
  }

  private step(): void {
    const at = this.i;
    const c = this.p[at]!;
    if (c === '*' || c === '+' || c === '?') return this.quantifier(1);
    if (c === '{') {
      COUNT.lastIndex = at;
      const m = COUNT.exec(this.p);
      if (m) return this.quantifier(m[0].length);
      // RE2 reads a `{` that starts no count as a literal.
    }
    switch (c) {
      case '(': return this.open(at);
      case ')':
        if (this.fold.length > 1) this.fold.pop();
        this.i++;
        return this.atom(')', false);
      case '[': return this.bracket(at);
      case '\\': return this.escape(at);
      default: {
        const cp = this.p.codePointAt(at)!;
        const ch = String.fromCodePoint(cp);
        this.i += ch.length;
        this.literalAt(cp, at);
        return this.atom(ch, cp >= 0x80);
      }
    }
  }

  /** A quantifier of `length` characters (plus a lazy `?`): the atom before it is grouped when it is wide. */
  private quantifier(length: number): void {
    let end = this.i + length;
    if (this.p[end] === '?') end++;
    if (this.wideAt >= 0) this.out = `${this.out.slice(0, this.wideAt)}(?:${this.out.slice(this.wideAt)})`;
    this.out += this.p.slice(this.i, end);
    this.i = end;
    this.wideAt = -1;
  }

  private open(at: number): void {
    FLAGS.lastIndex = at;
    const m = FLAGS.exec(this.p);
    const inherited = this.folding;
    if (!m) {
      // A group, capturing or named: it inherits the flags and restores them at its `)`.
      this.fold.push(inherited);
      this.i++;
      return this.atom('(', false);
    }
    const on = m[1]!.includes('i');
    const off = (m[2] ?? '').includes('i');
    const fold = on ? true : off ? false : inherited;
    if (m[3] === ':') this.fold.push(fold);
    else this.fold[this.fold.length - 1] = fold; // `(?i)` holds to the end of the enclosing group
    this.i = at + m[0].length;
    this.atom(m[0], false);
  }

  /** An escape outside brackets: a class, an assertion, `\Q…\E`, or one character. */
  private escape(at: number): void {
    const e = this.p[at + 1] ?? '';
    if (e === 'Q') return this.quoted(at);
    const unicode = this.unicodeClass(at);
    if (unicode !== undefined) return this.atom(unicode, false);
    const cp = this.charEscape(at);
    if (cp !== undefined) {
      this.literalAt(cp, at);
      return this.atom(this.p.slice(at, this.i), cp >= 0x80);
    }
    // `\d`, `\b`, `\A`, … and escaped punctuation: ASCII, two characters.
    this.i = at + 2;
    this.atom(this.p.slice(at, this.i), false);
  }

  /** `\pL`, `\p{Greek}`, `\PN`, `\p{^L}`: copied, and noted as a reader of the Unicode tables. */
  private unicodeClass(at: number): string | undefined {
    UNICODE_CLASS.lastIndex = at;
    const m = UNICODE_CLASS.exec(this.p);
    if (!m) return undefined;
    this.depends(at, m[0]);
    this.i = at + m[0].length;
    return m[0];
  }

  /** `\x41`, `\x{1F600}`, `\101`: the code point, moving past it; undefined for other escapes. */
  private charEscape(at: number): number | undefined {
    HEX.lastIndex = at;
    const hex = HEX.exec(this.p);
    if (hex) {
      this.i = at + hex[0].length;
      return parseInt(hex[1] ?? hex[2]!, 16);
    }
    OCTAL.lastIndex = at;
    const octal = OCTAL.exec(this.p);
    if (octal) {
      this.i = at + octal[0].length;
      return parseInt(octal[1]!, 8);
    }
    return undefined;
  }

  /**
   * `\Q…\E` (or to the end): literal text. A quantifier after it binds to its
   * last character, so a wide last character is split off as an atom of its own.
   */
  private quoted(at: number): void {
    const close = this.p.indexOf('\\E', at + 2);
    const end = close < 0 ? this.p.length : close;
    const text = this.p.slice(at + 2, end);
    this.i = close < 0 ? end : end + 2;
    const chars = [...text];
    let offset = at + 2;
    for (const ch of chars) {
      this.literalAt(ch.codePointAt(0)!, offset);
      offset += ch.length;
    }
    const last = chars[chars.length - 1];
    if (last === undefined || last.codePointAt(0)! < 0x80) return this.atom(this.p.slice(at, this.i), false);
    // The quoted text never holds `\E`, so the head is quoted as it was; the last character is
    // non-ASCII, literal in RE2 without quoting.
    const head = chars.slice(0, -1).join('');
    if (head !== '') this.out += `\\Q${head}\\E`;
    this.atom(last, true);
  }

  /** A bracket class, copied; its items are read for Unicode dependence (ClickHouse's analysis skips brackets). */
  private bracket(at: number): void {
    this.i = at + 1;
    if (this.p[this.i] === '^') this.i++;
    let first = true;
    while (this.i < this.p.length && (first || this.p[this.i] !== ']')) {
      first = false;
      const itemAt = this.i;
      if (this.p.startsWith('[:', itemAt)) {
        const close = this.p.indexOf(':]', itemAt + 2);
        if (close >= 0) {
          this.i = close + 2; // POSIX classes are ASCII in RE2
          continue;
        }
      }
      if (this.p[itemAt] === '\\' && this.unicodeClass(itemAt) !== undefined) continue;
      const low = this.classChar(itemAt);
      if (this.p[this.i] === '-' && this.p[this.i + 1] !== ']' && this.i + 1 < this.p.length) {
        this.i++;
        const highAt = this.i;
        const high = this.classChar(highAt);
        // A range reaching past ASCII holds characters whose folding the tables decide.
        if (low !== undefined && high !== undefined && high >= 0x80) this.literalAt(high, highAt);
      } else if (low !== undefined) {
        this.literalAt(low, itemAt);
      }
    }
    this.i++; // the closing `]`
    this.atom(this.p.slice(at, this.i), false);
  }

  /** One character of a bracket (its code point), or undefined for `\d`-like classes; moves past it. */
  private classChar(at: number): number | undefined {
    if (this.p[at] !== '\\') {
      const cp = this.p.codePointAt(at)!;
      this.i = at + (cp > 0xffff ? 2 : 1);
      return cp;
    }
    const cp = this.charEscape(at);
    if (cp !== undefined) return cp;
    this.i = at + 2;
    const e = this.p[at + 1] ?? '';
    return /[dDwWsS]/.test(e) ? undefined : e.codePointAt(0);
  }
}

/**
 * The pattern as ClickHouse's `match` must receive it: every non-ASCII
 * literal a quantifier follows in its own group, nothing else changed.
 *
 * @example
 * clickhouseRegex('x😀{0,2}a'); // 'x(?:😀){0,2}a'
 * clickhouseRegex('[😀]?ß*?');  // '[😀]?(?:ß)*?'
 */
export function clickhouseRegex(pattern: string): string {
  return new Scanner(pattern).run().clickhouse;
}

/** Where a pattern first reads the engine's Unicode tables, or undefined when it never does. */
export function unicodeDependence(pattern: string): UnicodeDependence | undefined {
  return new Scanner(pattern).run().unicode;
}
