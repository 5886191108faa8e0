/**
 * How many terminal columns text takes, so that a caret under a source line
 * lands under the character it points at whatever the script: East Asian
 * Wide and Fullwidth characters (CJK, kana, Hangul, fullwidth forms) and
 * emoji shown as emoji take two columns, combining marks, variation
 * selectors and joiners none, everything else one. This is what terminals
 * do (wcwidth); it needs no Unicode tables beyond the engine's own property
 * escapes, so it is browser-safe and adds no dependency.
 */

/** Zero width: nonspacing and enclosing marks (combining accents, variation selectors), format characters (ZWJ, ZWNJ, soft hyphen), Hangul medial and final jamo. */
const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff\ud7b0-\ud7ff]$/u;

/** Shown as emoji by default: two columns. */
const EMOJI = /^\p{Emoji_Presentation}$/u;

/** An emoji a ZWJ sequence or a skin-tone modifier attaches to. */
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;

/** Skin-tone modifiers: no column of their own after an emoji. */
const MODIFIER = /^\p{Emoji_Modifier}$/u;

/** A character that has an emoji form, which U+FE0F (emoji presentation selector) asks for: two columns then. */
const HAS_EMOJI_FORM = /^\p{Emoji}$/u;

const REGIONAL_INDICATOR = /^\p{Regional_Indicator}$/u;

/**
 * East Asian Wide (W) and Fullwidth (F) ranges of Unicode 15 outside the
 * emoji (which {@link EMOJI} covers), as [first, last] code points, sorted.
 */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf],
  [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff],
  [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff], [0x1b000, 0x1b2ff], [0x1f200, 0x1f2ff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

function isWide(cp: number): boolean {
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = WIDE[mid]!;
    if (cp < first) hi = mid - 1;
    else if (cp > last) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Columns of one code point on its own (tabs and controls are the caller's: it shows them as something else). */
function codePointWidth(ch: string): number {
  if (ZERO.test(ch)) return 0;
  if (EMOJI.test(ch) || isWide(ch.codePointAt(0)!)) return 2;
  return 1;
}

/**
 * The display column at which each UTF-16 unit of `text` starts, and one
 * entry more for the end: `columns[i]` is the number of terminal columns
 * `text.slice(0, i)` takes (the second unit of a surrogate pair, and a
 * character joined to the one before it, start where that one does).
 *
 * Sequences count as terminals show them: a ZWJ sequence (👩‍💻) and an emoji
 * with a skin tone are one emoji, two columns; a pair of regional indicators
 * (a flag) two; a character with an emoji form followed by U+FE0F two.
 *
 * @example
 * displayColumns('日本 x'); // [0, 2, 4, 5, 6]
 */
export function displayColumns(text: string): number[] {
  const columns: number[] = [];
  let width = 0;
  /** The code point before, for the sequences that change its width. */
  let previous = '';
  let previousWidth = 0;
  let afterJoiner = false;
  let pendingFlag = false;
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    let w = codePointWidth(ch);
    if (afterJoiner && PICTOGRAPHIC.test(ch) && PICTOGRAPHIC.test(previous)) w = 0; // 👩‍💻: the joined emoji shares the first one's columns
    else if (MODIFIER.test(ch) && PICTOGRAPHIC.test(previous)) w = 0;
    else if (ch === '\ufe0f' && previousWidth === 1 && HAS_EMOJI_FORM.test(previous)) w = 1; // ❤️: the text-default symbol becomes a two-column emoji
    if (REGIONAL_INDICATOR.test(ch)) {
      w = pendingFlag ? 0 : 2;
      pendingFlag = !pendingFlag;
    } else pendingFlag = false;
    for (let u = 0; u < ch.length; u++) columns.push(width);
    width += w;
    afterJoiner = ch === '\u200d';
    if (!afterJoiner && !(ch === '\ufe0f')) {
      previous = ch;
      previousWidth = w;
    }
    i += ch.length;
  }
  columns.push(width);
  return columns;
}

/**
 * The number of terminal columns `text` takes (see {@link displayColumns}).
 *
 * @example
 * displayWidth('漢字'); // 4
 * displayWidth('e\u0301'); // 1 (e and a combining acute accent)
 */
export function displayWidth(text: string): number {
  return displayColumns(text).at(-1)!;
}
