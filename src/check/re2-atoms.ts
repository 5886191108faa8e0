/**
 * The atoms of RE2's syntax, for the scanner of `re2-syntax.ts`: escapes
 * (`\n`, `\x{10FFFF}`, `\012`, and the features RE2 lacks such as
 * backreferences), class escapes (`\d`, `\pL`, `\p{Greek}`) with RE2's
 * Unicode names, and bracket classes with their POSIX names. Like the
 * scanner, each function follows re2js's parser decision for decision; the
 * structure of a pattern (groups, alternation, repetition) and the limits
 * are the scanner's.
 */

/**
 * Every name `\p{…}` accepts in RE2 (the API's engine): `Any`, the general
 * categories of RE2's unicode_groups table (no `Cn`, no `LC`) and its scripts
 * (Unicode 15.1: no `Unknown`, none of the scripts added in Unicode 16 and 17).
 * re2js also accepts `Ascii`, `Assigned`, `Lc`, binary properties such as
 * `Emoji` and newer scripts; those are refused, since the API would refuse them.
 * Every name here is also known to re2js (a test checks it).
 */
const UNICODE_NAMES: ReadonlySet<string> = new Set(
  ('Any C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs ' +
    'Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali Bhaiksuki Bopomofo Brahmi ' +
    'Braille Buginese Buhid Canadian_Aboriginal Carian Caucasian_Albanian Chakma Cham Cherokee Chorasmian Common Coptic Cuneiform Cypriot ' +
    'Cypro_Minoan Cyrillic Deseret Devanagari Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic Georgian ' +
    'Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi Gurmukhi Han Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana ' +
    'Imperial_Aramaic Inherited Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada Katakana Kawi Kayah_Li Kharoshthi ' +
    'Khitan_Small_Script Khmer Khojki Khudawadi Lao Latin Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian Mahajani Makasar ' +
    'Malayalam Mandaic Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao ' +
    'Modi Mongolian Mro Multani Myanmar Nabataean Nag_Mundari Nandinagari New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki ' +
    'Old_Hungarian Old_Italic Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Oriya ' +
    'Osage Osmanya Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan Saurashtra Sharada Shavian ' +
    'Siddham SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese Syloti_Nagri Syriac Tagalog Tagbanwa Tai_Le Tai_Tham ' +
    'Tai_Viet Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Toto Ugaritic ' +
    'Vai Vithkuqi Wancho Warang_Citi Yezidi Yi Zanabazar_Square').split(' '),
);

const POSIX_CLASSES: ReadonlySet<string> = new Set(
  ['alnum', 'alpha', 'ascii', 'blank', 'cntrl', 'digit', 'graph', 'lower', 'print', 'punct', 'space', 'upper', 'word', 'xdigit'].flatMap((n) => [`[:${n}:]`, `[:^${n}:]`]),
);

/** A pattern the scanner refuses: the code, one clause without a final period, and the UTF-16 offset. */
export class PatternError {
  constructor(
    readonly code: 'invalid-regex' | 'unsupported-regex-feature' | 'regex-too-large',
    readonly message: string,
    readonly offset: number,
  ) {}
}

export const invalid = (message: string, offset: number) => new PatternError('invalid-regex', message, offset);
export const unsupported = (what: string, offset: number) => new PatternError('unsupported-regex-feature', `RE2 does not support ${what}`, offset);

export const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const hexValue = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
const isOctal = (c: number | undefined) => c !== undefined && c >= 48 && c <= 55;

/** Reads atoms at the current offset of a pattern; the scanner adds the structure on top. */
export class AtomReader {
  protected pos = 0;
  /** Set by {@link classEscape} when it reads a `\p` class: the atom being read weighs more. */
  protected unicodeClass = false;

  constructor(protected readonly p: string) {}

  protected peek(at = this.pos): number | undefined {
    return this.p.codePointAt(at);
  }
  protected pop(): number {
    const c = this.p.codePointAt(this.pos)!;
    this.pos += c > 0xffff ? 2 : 1;
    return c;
  }
  protected at(s: string): boolean {
    return this.p.startsWith(s, this.pos);
  }

  /** `\d \D \s \S \w \W`, `\pL`, `\p{Greek}`, `\P…` at the current backslash: true when one was consumed. */
  protected classEscape(): boolean {
    const start = this.pos;
    const letter = this.p[start + 1];
    if (letter === 'p' || letter === 'P') {
      if (start + 2 >= this.p.length) throw invalid('\\p needs a Unicode class name, as in \\pL or \\p{Greek}', start);
      let name: string;
      if (this.p[start + 2] === '{') {
        const end = this.p.indexOf('}', start + 3);
        if (end < 0) throw invalid('\\p{ without its closing }', start);
        name = this.p.slice(start + 3, end);
        this.pos = end + 1;
      } else {
        const c = this.p.codePointAt(start + 2)!;
        name = String.fromCodePoint(c);
        this.pos = start + 2 + (c > 0xffff ? 2 : 1);
      }
      if (name.startsWith('^')) name = name.slice(1);
      this.unicodeClass = true;
      if (!UNICODE_NAMES.has(name)) throw invalid(`unknown Unicode class ${this.p.slice(start, this.pos)}: RE2 knows Any, the general categories (L, Lu, Nd, …) and the scripts of Unicode 15.1 (Greek, Latin, Han, …)`, start);
      return true;
    }
    if (letter !== undefined && 'dDsSwW'.includes(letter)) { this.pos = start + 2; return true; }
    return false;
  }

  /** One escaped character (`\n`, `\x41`, `\x{10FFFF}`, `\012`, `\.`): its code point. */
  protected escape(): number {
    const start = this.pos;
    this.pos++;
    if (this.pos >= this.p.length) throw invalid('trailing backslash at the end of the pattern', start);
    const c = this.pop();
    if ((c >= 0x31 && c <= 0x37 && isOctal(this.peek())) || c === 0x30) {
      let r = c - 48;
      for (let i = 1; i < 3 && isOctal(this.peek()); i++) r = r * 8 + this.pop() - 48;
      return r;
    }
    if (c >= 0x31 && c <= 0x39) throw unsupported(`backreferences (\\${String.fromCodePoint(c)})`, start);
    if (c === 0x78 /* x */) {
      if (this.at('{')) {
        this.pos++;
        let r = 0, n = 0;
        for (;;) {
          if (this.pos >= this.p.length) break;
          const h = this.pop();
          if (h === 0x7d) { if (n > 0) return r; break; }
          const v = hexValue(h);
          if (v < 0) break;
          r = r * 16 + v;
          n++;
          if (r > 0x10ffff) break;
        }
      } else {
        const x = this.pos < this.p.length ? hexValue(this.pop()) : -1;
        const y = this.pos < this.p.length ? hexValue(this.pop()) : -1;
        if (x >= 0 && y >= 0) return x * 16 + y;
      }
      throw invalid(`invalid hexadecimal escape ${this.p.slice(start, this.pos)}: write \\x41 or \\x{10FFFF}`, start);
    }
    const simple: Record<number, number> = { 0x61: 7, 0x66: 12, 0x6e: 10, 0x72: 13, 0x74: 9, 0x76: 11 };
    if (simple[c] !== undefined) return simple[c]!;
    if (c <= 0x7f && !isAlnum(c)) return c;
    if (c === 0x6b /* k */ && /^[<{']/.test(this.p[this.pos] ?? '')) throw unsupported('named backreferences (\\k<name>)', start);
    if (c === 0x5a /* Z */) throw unsupported('\\Z (use \\z for the end of the text)', start);
    if (c === 0x47 /* G */) throw unsupported('\\G', start);
    throw invalid(`invalid escape ${this.p.slice(start, this.pos)}`, start);
  }

  /** `[…]` at the current `[`. */
  protected charClass(): void {
    const start = this.pos;
    this.pos++;
    if (this.at('^')) this.pos++;
    let first = true;
    while (this.pos >= this.p.length || this.p[this.pos] !== ']' || first) {
      first = false;
      const before = this.pos;
      if (this.at('[:')) {
        const close = this.p.indexOf(':]', this.pos);
        if (close >= 0) {
          const name = this.p.slice(this.pos, close + 2);
          if (!POSIX_CLASSES.has(name)) throw invalid(`unknown POSIX class ${name}`, before);
          this.pos = close + 2;
          continue;
        }
      }
      if (this.at('\\') && this.classEscape()) continue;
      const lo = this.classChar(start);
      if (this.at('-')) {
        this.pos++;
        if (this.at(']')) this.pos--;
        else {
          const hi = this.classChar(start);
          if (hi < lo) throw invalid(`invalid range ${this.p.slice(before, this.pos)}: the end comes before the start`, before);
        }
      }
    }
    this.pos++;
  }

  protected classChar(classStart: number): number {
    if (this.pos >= this.p.length) throw invalid('missing closing ] for the [ here', classStart);
    if (this.at('\\')) return this.escape();
    return this.pop();
  }
}
