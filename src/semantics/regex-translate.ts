/**
 * RE2 patterns that may run as a JavaScript `RegExp`. JavaScript's engine
 * backtracks, so only a class of patterns that provably cannot backtrack
 * super-linearly is admitted; the proof is in docs/security.md ("Regexes on
 * the JavaScript engine"), and its conditions are checked here one by one:
 *
 * 0. only what this module spells out exactly: ASCII classes and folding
 *    (regex-charset.ts), no Unicode class (`\pL`), no repetition of an
 *    assertion or of a group without an upper bound;
 * 1. deterministic choices: at every choice point (alternation, `?`, each
 *    repetition step past its minimum) the alternatives' first characters
 *    are disjoint, taking what follows the construct into account, and no
 *    alternative of an alternation matches the empty string;
 * 2. few attempts per position: the search is anchored (`^`/`\A` first), or
 *    no repetition is unbounded, or some mandatory position at a bounded
 *    offset from the start accepts no character an unbounded repetition
 *    accepts (a "witness").
 *
 * Before the check, parts that cannot change a yes/no search are removed: a
 * leading (unless anchored) or trailing repetition keeps only its minimum
 * (`[a-z]+x` is found where `[a-z]x` is), so `\s+$` becomes `\s$`.
 */
import { intersects, singleton, toJsClass, union, type Ranges } from './regex-charset.js';
import type { RegexNode } from './regex-parse.js';

/** A translation: the RegExp's source and flags (`y`: one attempt, at index 0). */
export interface JsRegex {
  readonly source: string;
  readonly flags: 'su' | 'suy';
}

/** More nodes than this once bounded group repetitions are written out: left to the engine. */
const MAX_NODES = 2000;

class Refused {
  constructor(readonly why: string) {}
}

const EMPTY: RegexNode = { kind: 'cat', items: [] };
const cat = (items: RegexNode[]): RegexNode => (items.length === 1 ? items[0]! : { kind: 'cat', items });
const isStart = (n: RegexNode | undefined) => n?.kind === 'assert' && n.at === 'text-start';

/** Top-level items: a leading or trailing repetition keeps its minimum (a whole match keeps containing a match). */
function trim(node: RegexNode): RegexNode[] {
  const items = node.kind === 'cat' ? [...node.items] : [node];
  const anchored = isStart(items[0]);
  const copies = (rep: Extract<RegexNode, { kind: 'rep' }>) => Array.from({ length: rep.min }, () => rep.sub);
  if (!anchored) {
    // Each step removes a repetition or unwraps one level of it, so this ends.
    for (let first = items[0]; first?.kind === 'rep'; first = items[0]) items.splice(0, 1, ...copies(first));
  }
  for (let last = items[items.length - 1]; last?.kind === 'rep'; last = items[items.length - 1]) items.splice(items.length - 1, 1, ...copies(last));
  return items;
}

/** Writes bounded group repetitions out (`(ab){1,2}` → `ab(?:ab)?`); refuses opaque sets and what condition 0 excludes. */
function expand(node: RegexNode, budget: { left: number }): RegexNode {
  if (--budget.left < 0) throw new Refused('too large once expanded');
  switch (node.kind) {
    case 'set':
      if (!node.set) throw new Refused('a Unicode class or non-ASCII case folding');
      return node;
    case 'assert': return node;
    case 'cat': return cat(node.items.flatMap((i) => {
      const e = expand(i, budget);
      return e.kind === 'cat' ? e.items : [e];
    }));
    case 'alt': return { kind: 'alt', branches: node.branches.map((b) => expand(b, budget)) };
    case 'rep': {
      const sub = expand(node.sub, budget);
      if (sub.kind === 'set') return { ...node, sub };
      if (sub.kind === 'assert') throw new Refused('a repeated assertion');
      if (node.max === -1) throw new Refused('a group repeated without bound');
      if (node.max === 1 && node.min === 0) return { kind: 'rep', sub, min: 0, max: 1 };
      let optional: RegexNode = EMPTY;
      for (let i = node.min; i < node.max; i++) optional = { kind: 'rep', sub: cat(optional === EMPTY ? [sub] : [sub, optional]), min: 0, max: 1 };
      return expand(cat([...Array.from({ length: node.min }, () => sub), ...(optional === EMPTY ? [] : [optional])]), budget);
    }
  }
}

/** The code points a node can consume first (assertions are transparent), and whether it can match the empty string. */
function first(node: RegexNode): { set: Ranges; nullable: boolean } {
  switch (node.kind) {
    case 'set': return { set: node.set!, nullable: false };
    case 'assert': return { set: [], nullable: true };
    case 'cat': {
      let set: Ranges = [];
      for (const item of node.items) {
        const f = first(item);
        set = union(set, f.set);
        if (!f.nullable) return { set, nullable: false };
      }
      return { set, nullable: true };
    }
    case 'alt': {
      const all = node.branches.map(first);
      return { set: all.reduce<Ranges>((s, f) => union(s, f.set), []), nullable: all.some((f) => f.nullable) };
    }
    case 'rep': {
      const f = first(node.sub);
      return { set: f.set, nullable: node.min === 0 || f.nullable };
    }
  }
}

/** Condition 1, given the code points that can be consumed right after the node. */
function deterministic(node: RegexNode, follow: Ranges): void {
  switch (node.kind) {
    case 'set': case 'assert': return;
    case 'cat': {
      let next = follow;
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i]!;
        deterministic(item, next);
        const f = first(item);
        next = f.nullable ? union(f.set, next) : f.set;
      }
      return;
    }
    case 'alt': {
      let seen: Ranges = [];
      for (const branch of node.branches) {
        const f = first(branch);
        if (f.nullable) throw new Refused('an alternative matching the empty string');
        if (intersects(seen, f.set)) throw new Refused('alternatives starting with the same character');
        seen = union(seen, f.set);
        deterministic(branch, follow);
      }
      return;
    }
    case 'rep': {
      if (node.min === node.max) return; // no choice: `x{4}`
      const f = first(node.sub);
      if (f.nullable) throw new Refused('an optional part matching the empty string');
      if (intersects(f.set, follow)) throw new Refused('a repetition followed by a character it accepts');
      deterministic(node.sub, follow);
    }
  }
}

/** The code points of every unbounded repetition. */
function unbounded(node: RegexNode): Ranges {
  switch (node.kind) {
    case 'set': case 'assert': return [];
    case 'cat': return node.items.reduce<Ranges>((s, i) => union(s, unbounded(i)), []);
    case 'alt': return node.branches.reduce<Ranges>((s, b) => union(s, unbounded(b)), []);
    case 'rep': return node.max === -1 ? union(node.sub.kind === 'set' ? node.sub.set! : [], unbounded(node.sub)) : unbounded(node.sub);
  }
}

/** The code points a node always consumes at its own start, or undefined when that position is not fixed. */
function head(node: RegexNode): Ranges | undefined {
  switch (node.kind) {
    case 'set': return node.set;
    case 'assert': return undefined;
    case 'cat': {
      const item = node.items.find((i) => i.kind !== 'assert');
      return item && head(item);
    }
    case 'alt': {
      let set: Ranges = [];
      for (const b of node.branches) {
        const h = head(b);
        if (!h) return undefined;
        set = union(set, h);
      }
      return set;
    }
    case 'rep': return node.min > 0 ? head(node.sub) : undefined;
  }
}

function hasAssertion(node: RegexNode): boolean {
  switch (node.kind) {
    case 'set': return false;
    case 'assert': return true;
    case 'cat': return node.items.some(hasAssertion);
    case 'alt': return node.branches.some(hasAssertion);
    case 'rep': return hasAssertion(node.sub);
  }
}

/** Condition 2 for an unanchored search. */
function fewAttempts(items: readonly RegexNode[]): void {
  const loops = items.reduce<Ranges>((s, i) => union(s, unbounded(i)), []);
  if (loops.length === 0) return;
  for (const item of items) {
    if (unbounded(item).length > 0) break; // the witness must come before any unbounded repetition
    const h = head(item);
    if (h && !intersects(h, loops)) return;
  }
  throw new Refused('no position that an unbounded repetition cannot consume');
}

const ASSERTIONS: Readonly<Record<string, string>> = {
  'text-start': '^', 'text-end': '$', word: '\\b', 'not-word': '\\B',
  // RE2's (?m) lines end at \n only (JavaScript's m flag also ends them at \r, U+2028, U+2029).
  // Positive lookarounds: inside a surrogate pair (a position V8 may try) they fail, as RE2, which never stops there, would.
  'line-start': '(?<=^|\\n)', 'line-end': '(?=\\n|$)',
};

function emit(node: RegexNode): string {
  switch (node.kind) {
    case 'set': {
      const c = singleton(node.set!);
      return c !== undefined && /^[0-9A-Za-z_ ]$/.test(String.fromCodePoint(c)) ? String.fromCodePoint(c) : toJsClass(node.set!);
    }
    case 'assert': return ASSERTIONS[node.at]!;
    case 'cat': return node.items.map((i) => (i.kind === 'alt' ? `(?:${emit(i)})` : emit(i))).join('');
    case 'alt': return node.branches.map(emit).join('|');
    case 'rep': {
      const atom = node.sub.kind === 'set' ? emit(node.sub) : `(?:${emit(node.sub)})`;
      const { min, max } = node;
      const q = max === -1 ? (min === 0 ? '*' : min === 1 ? '+' : `{${min},}`) : min === 0 && max === 1 ? '?' : min === max ? `{${min}}` : `{${min},${max}}`;
      return atom + q;
    }
  }
}

/** The admitted form of a pattern (top-level items, and whether the search is anchored), or a Refused. */
function admit(tree: RegexNode): { items: RegexNode[]; anchored: boolean } {
  const budget = { left: MAX_NODES };
  const items = trim(tree).flatMap((i) => {
    const e = expand(i, budget);
    return e.kind === 'cat' ? e.items : [e];
  });
  const anchored = isStart(items[0]);
  // V8 may try a zero-width match between the halves of a surrogate pair (RE2 never does): `\B` holds there.
  if (first(cat(items)).nullable && items.some(hasAssertion)) throw new Refused('a match of no characters next to an assertion');
  deterministic(cat(items), []);
  if (!anchored) fewAttempts(items);
  return { items, anchored };
}

/** The translation, or why there is none: {@link translateRe2} and {@link refusal} in one pass. */
export function translateOrRefuse(tree: RegexNode): JsRegex | string {
  const form = refusalOrForm(tree);
  return typeof form === 'string' ? form : { source: emit(cat(form.items)), flags: form.anchored ? 'suy' : 'su' };
}

/**
 * The JavaScript RegExp with exactly the RE2 pattern's yes/no answers, when
 * the pattern is in the admitted class (see the module comment); undefined
 * otherwise, and the pattern runs on the RE2 engine.
 *
 * @example
 * translateRe2(parseRe2('(a+)+b')!);   // { source: 'ab', flags: 'su' }
 * translateRe2(parseRe2('^x[^/]*y')!); // { source: '^x[…]*y', flags: 'suy' }
 * translateRe2(parseRe2('(x+x+)+y')!); // undefined
 */
export function translateRe2(tree: RegexNode): JsRegex | undefined {
  const result = translateOrRefuse(tree);
  return typeof result === 'string' ? undefined : result;
}

/**
 * The tree the RegExp is emitted from (after trimming and writing bounded
 * group repetitions out), with whether the search is anchored; undefined for
 * a pattern outside the class. Tests run it on a step-counting model of a
 * backtracking engine.
 */
export function admittedTree(tree: RegexNode): { readonly node: RegexNode; readonly anchored: boolean } | undefined {
  const form = refusalOrForm(tree);
  return typeof form === 'string' ? undefined : { node: cat(form.items), anchored: form.anchored };
}

/** Why a pattern is not translated (tests and docs name the condition), or undefined when it is. */
export function refusal(tree: RegexNode): string | undefined {
  const why = refusalOrForm(tree);
  return typeof why === 'string' ? why : undefined;
}

function refusalOrForm(tree: RegexNode): string | { items: RegexNode[]; anchored: boolean } {
  try {
    return admit(tree);
  } catch (error) {
    if (error instanceof Refused) return error.why;
    throw error;
  }
}
