/**
 * Required literals of an RE2 pattern: strings that every match contains,
 * so that `text.includes(s)` can answer `false` before any engine runs (for
 * `/blog/\d{4}/`, the prefilter is `includes('/blog/')`). Case-sensitive by
 * construction: a position is a literal character only when its set holds
 * exactly one code point, so `(?i)a` (`[aA]`) is none, while `(?i)1` still is.
 */
import { singleton } from './regex-charset.js';
import type { RegexNode } from './regex-parse.js';

/**
 * What is known of the strings a node matches. `exact`: the node matches this
 * one string only (zero-width assertions count as the empty string: a match
 * around one still holds its neighbours side by side, so a required string
 * read across it is still required). Otherwise `prefix`/`suffix` start/end
 * every match, and every match contains each string of `required`.
 */
interface Facts {
  readonly exact?: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly required: readonly string[];
}

/** A repetition's literal is written out at most this many times (a prefix of the whole is still a prefix). */
const MAX_COPIES = 64;
const NOTHING: Facts = { prefix: '', suffix: '', required: [] };
const exact = (s: string): Facts => ({ exact: s, prefix: s, suffix: s, required: [] });

function facts(node: RegexNode): Facts {
  switch (node.kind) {
    case 'set': {
      const c = node.set && singleton(node.set);
      return c === undefined ? NOTHING : exact(String.fromCodePoint(c));
    }
    case 'assert': return exact('');
    case 'cat': return node.items.map(facts).reduce(concat, exact(''));
    case 'alt': {
      const all = node.branches.map(facts);
      const first = all[0]!;
      if (first.exact !== undefined && all.every((f) => f.exact === first.exact)) return first;
      return { prefix: all.map((f) => f.prefix).reduce(commonPrefix), suffix: all.map((f) => f.suffix).reduce(commonSuffix), required: [] };
    }
    case 'rep': {
      if (node.min === 0) return NOTHING;
      const sub = facts(node.sub);
      if (sub.exact !== undefined) {
        const times = sub.exact.repeat(Math.min(node.min, MAX_COPIES));
        return node.max === node.min && node.min <= MAX_COPIES ? exact(times) : { prefix: times, suffix: times, required: [] };
      }
      return { prefix: sub.prefix, suffix: sub.suffix, required: sub.required };
    }
  }
}

function concat(a: Facts, b: Facts): Facts {
  // The checker's size limit (80 instructions) keeps these strings short.
  if (a.exact !== undefined && b.exact !== undefined) return exact(a.exact + b.exact);
  return {
    prefix: a.exact !== undefined ? a.exact + b.prefix : a.prefix,
    suffix: b.exact !== undefined ? a.suffix + b.exact : b.suffix,
    required: [...a.required, ...b.required, a.suffix + b.prefix].filter((s) => s !== ''),
  };
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // Never split a surrogate pair: half a pair is no substring of a well-formed match.
  if (i > 0 && i < a.length && isHigh(a.charCodeAt(i - 1))) i--;
  return a.slice(0, i);
}

function commonSuffix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  if (i > 0 && i < a.length && isLow(a.charCodeAt(a.length - i))) i--;
  return a.slice(a.length - i);
}

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/**
 * The longest strings (at most `limit`, longest first) that every match of
 * the pattern contains; empty when there is none.
 *
 * @example
 * requiredLiterals(parseRe2('/blog/\\d{4}/')!); // ['/blog/', '/']
 */
export function requiredLiterals(node: RegexNode, limit = 2): string[] {
  const f = facts(node);
  const all = f.exact !== undefined ? [f.exact] : [...f.required, f.prefix, f.suffix];
  const unique = [...new Set(all.filter((s) => s !== ''))].sort((x, y) => y.length - x.length);
  // A string contained in a longer chosen one adds no test.
  const chosen: string[] = [];
  for (const s of unique) if (chosen.length < limit && !chosen.some((c) => c.includes(s))) chosen.push(s);
  return chosen;
}

/** A literal code point that `indexOf` finds exactly as RE2 does: no surrogate (half a pair in the text is no code point to RE2). */
function literalChar(node: RegexNode): string | undefined {
  const c = node.kind === 'set' && node.set ? singleton(node.set) : undefined;
  return c === undefined || (c >= 0xd800 && c <= 0xdfff) ? undefined : String.fromCodePoint(c);
}

/** The pattern's text when it is a plain literal (no assertion, no class, no repetition): `includes` answers alone. */
export function plainLiteral(node: RegexNode): string | undefined {
  const items = node.kind === 'cat' ? node.items : [node];
  let text = '';
  for (const item of items) {
    const c = literalChar(item);
    if (c === undefined) return undefined;
    text += c;
  }
  return text;
}

/**
 * Literals separated by `.*` (DOTALL), optionally anchored: `^a.*b.*c$`, and
 * every wildcard pattern (`best*tools`). Returned as a test by `indexOf`:
 * taking each literal's first occurrence after the previous one leaves the
 * most room for the rest, so the search is exact and linear.
 */
export function literalChain(node: RegexNode): ((text: string) => boolean) | undefined {
  const items = node.kind === 'cat' ? [...node.items] : [node];
  const start = items[0]?.kind === 'assert' && items[0].at === 'text-start';
  if (start) items.shift();
  const end = items[items.length - 1]?.kind === 'assert' && (items[items.length - 1] as { at: string }).at === 'text-end';
  if (end) items.pop();
  const parts = [''];
  for (const item of items) {
    const c = literalChar(item);
    if (c !== undefined) parts[parts.length - 1] += c;
    else if (item.kind === 'rep' && item.min === 0 && item.max === -1 && item.sub.kind === 'set' && isAny(item.sub.set)) parts.push('');
    else return undefined;
  }
  const [first, ...rest] = parts as [string, ...string[]];
  const last = rest.pop();
  if (last === undefined) {
    // No `.*`: a plain literal (includes, not here), `^lit`, `lit$` or `^lit$`.
    if (!start && !end) return undefined;
    return start && end ? (text) => text === first : start ? (text) => text.startsWith(first) : (text) => text.endsWith(first);
  }
  return (text) => {
    let pos: number;
    if (start) {
      if (!text.startsWith(first)) return false;
      pos = first.length;
    } else {
      const i = text.indexOf(first);
      if (i < 0) return false;
      pos = i + first.length;
    }
    for (const part of rest) {
      const i = text.indexOf(part, pos);
      if (i < 0) return false;
      pos = i + part.length;
    }
    return end ? text.length - last.length >= pos && text.endsWith(last) : text.indexOf(last, pos) >= 0;
  };
}

const isAny = (set: readonly number[] | undefined) => set !== undefined && set.length === 2 && set[0] === 0 && set[1] === 0x10ffff;
