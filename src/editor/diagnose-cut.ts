/**
 * Cutting a text into the top-level parts of the incremental `diagnose`
 * (./diagnose.ts), and re-cutting it after an edit without scanning the
 * whole text again.
 *
 * Cutting needs the tokens and the grammar automaton's state (a connective
 * cuts only at depth 0, after a complete operand, before the first token the
 * grammar did not expect). Scanning a long text costs about as much as the
 * compiler's own lexing and parsing of it, so a keystroke that re-scans the
 * whole text cannot be cheaper than a whole `check` when the rest is cheap
 * (a text with an error skips the static analysis). After an edit only the
 * changed stretch is scanned again:
 *
 * - the lexer is stateless and a token's end depends on its own characters
 *   and the one after it, so scanning from the end of a connective whose next
 *   character the edit left alone gives the tokens a whole scan gives there;
 * - after a top-level connective the automaton is back in its start state
 *   (depth 0, expecting an operand), so once the new scan reaches an old
 *   connective in the unchanged tail and finds it a cut again, every part
 *   after it is the old part, moved by the edit's length.
 *
 * When no such connective is found (an opened parenthesis, a syntax error),
 * the scan runs to the end of the text, which is never more than a whole scan.
 * Tests compare the result with {@link partsOf} after generated edits.
 */
import { topLevelConnectives } from './context.js';
import type { Part } from './diagnose-parts.js';
import { scan } from './tokens.js';

/** Characters scanned since the last reset (for tests: a keystroke scans its own stretch, never more than the text). */
let scanned = 0;

export function cutWork(): number {
  return scanned;
}

export function resetCutWork(): void {
  scanned = 0;
}

/**
 * The parts of `text.slice(from, to)`, in `text`'s offsets; the first part's
 * `before` is `before` (the connective written before `from`). `synced` says
 * whether the stretch ends with a top-level connective that is a cut (its part
 * after it, empty, is then left out and the last part's `after` is that
 * connective).
 */
function cut(text: string, from: number, to: number, before: string | undefined): { parts: Part[]; synced: boolean } {
  const piece = from === 0 && to === text.length ? text : text.slice(from, to);
  scanned += piece.length;
  const tokens = scan(piece);
  const cuts = topLevelConnectives(tokens);
  const parts: Part[] = [];
  let start = 0;
  for (let k = 0; k <= cuts.length; k++) {
    const at = tokens[cuts[k]!];
    const end = at ? at.start : piece.length;
    const prev = k > 0 ? tokens[cuts[k - 1]!]! : undefined;
    // The connectives as written (`AND` too): the parser's messages quote them.
    const written = prev ? piece.slice(prev.start, prev.end) : before;
    const after = at && piece.slice(at.start, at.end);
    let lo = k > 0 ? cuts[k - 1]! + 1 : 0;
    let hi = at ? cuts[k]! - 1 : tokens.length - 1;
    while (lo <= hi && tokens[lo]!.kind === 'comment') lo++;
    while (hi >= lo && tokens[hi]!.kind === 'comment') hi--;
    const outer = lo <= hi ? ([tokens[lo]!.start + from, tokens[hi]!.end + from] as const) : undefined;
    const s = start + from;
    const e = end + from;
    parts.push({ start: s, end: e, outer, before: written, after, key: `${written ?? ''}\u0000${text.slice(s, e)}\u0000${after ?? ''}` });
    if (at) start = at.end;
  }
  const last = tokens[cuts[cuts.length - 1]!];
  const synced = to < text.length && last !== undefined && last === tokens[tokens.length - 1] && last.end === piece.length;
  if (synced) parts.pop();
  return { parts, synced };
}

/** The top-level parts of `text`, or undefined when it has no top-level connective. */
export function partsOf(text: string): Part[] | undefined {
  const { parts } = cut(text, 0, text.length, undefined);
  return parts.length > 1 ? parts : undefined;
}

/**
 * The parts of `text`, given the parts of the text before an edit: equal to
 * `partsOf(text)`, scanning only from the part the edit starts in to the first
 * old connective after it that is a cut again.
 */
export function partsAfterEdit(old: string, oldParts: readonly Part[], text: string): Part[] | undefined {
  const max = Math.min(old.length, text.length);
  let p = 0;
  while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  if (p === old.length && p === text.length) return [...oldParts];
  let s = 0;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const delta = text.length - old.length;
  // The last part starting before the first changed character: its connective and the character after it are as before.
  let a = 0;
  while (a + 1 < oldParts.length && oldParts[a + 1]!.start < p) a++;
  // The first old connective lying wholly in the unchanged tail (its part ends where it begins).
  let j = a;
  while (j + 1 < oldParts.length && oldParts[j]!.end < old.length - s) j++;
  const from = oldParts[a]!.start;
  if (j + 1 < oldParts.length && oldParts[j]!.end >= old.length - s) {
    const to = oldParts[j + 1]!.start + delta;
    const window = cut(text, from, to, oldParts[a]!.before);
    const last = window.parts[window.parts.length - 1];
    if (window.synced && last && last.end === oldParts[j]!.end + delta) {
      const tail = oldParts.slice(j + 1).map((q) => ({ ...q, start: q.start + delta, end: q.end + delta, outer: q.outer && ([q.outer[0] + delta, q.outer[1] + delta] as const) }));
      return [...oldParts.slice(0, a), ...window.parts, ...tail];
    }
  }
  const rest = cut(text, from, text.length, oldParts[a]!.before).parts;
  const parts = [...oldParts.slice(0, a), ...rest];
  return parts.length > 1 ? parts : undefined;
}
