/**
 * What the grammar expects at a position. A small pushdown automaton walks
 * the tokens before the cursor, mirroring the parser's rules (filter → or →
 * and → not → primary → test), and recovers from unexpected tokens the way
 * Chevrotain's re-sync does: at the next `and` / `or` / `(` / `)`. It is
 * linear in the number of tokens and never throws, so it answers on any
 * prefix, however broken — which is exactly when completion is asked for.
 */
import { QUANTIFIERS } from '../vocabulary/index.js';
import { isValueToken, type ScanToken } from './tokens.js';

/** The test position of a column: its name as written, and whether an array element is tested. */
export interface FieldContext {
  readonly name: string;
  /** True inside `any(col) …` / `all(col) …`: the test applies to one element. */
  readonly element: boolean;
  /** True after `uppercase(col)`: only string tests apply. */
  readonly modified: boolean;
}

/** The expectation at a position. */
export type Expectation =
  /** Start of an operand: columns, `not`, `(`, `any(`, `all(`, modifiers. */
  | { readonly kind: 'operand' }
  /** Start of an element test inside any/all: the element's tests, `not`, `(`. */
  | { readonly kind: 'element-operand'; readonly field: FieldContext }
  /** After a column: its tests; a boolean may also stand alone, so connectives too. */
  | { readonly kind: 'test'; readonly field: FieldContext }
  /** After `not` in a test position: `in`, `between`, `contains`, `starts with`, … */
  | { readonly kind: 'negated-test'; readonly field: FieldContext }
  /** A value for the test `op` (`=`, `contains`, `in`, `between`, …). */
  | { readonly kind: 'value'; readonly field: FieldContext | undefined; readonly op: string }
  /** Fixed next words, such as `with` after `starts`, or `null` after `is`. */
  | { readonly kind: 'words'; readonly words: readonly string[]; readonly field?: FieldContext }
  /** A column inside `uppercase(…)` (string columns) or `any(…)` / `all(…)` (array columns). */
  | { readonly kind: 'column'; readonly filter: 'string' | 'array' }
  /** After a whole operand: `and`, `or`, and `)` when inside parentheses. */
  | { readonly kind: 'connective'; readonly closable: boolean }
  /** Punctuation only, such as the `,` or `)` of an `in` list. */
  | { readonly kind: 'punctuation'; readonly text: readonly string[]; readonly field?: FieldContext };

type Frame = { readonly kind: 'group' } | { readonly kind: 'element-group'; readonly field: FieldContext };

interface State {
  e: Expectation;
  frames: Frame[];
  /** Set once a token did not fit the grammar: from there on the parser may have resynchronised differently. */
  recovered: boolean;
  /** Set between `any(` / `uppercase(` and the column. */
  pending?: 'any' | 'all' | 'modifier';
}

function top(frames: Frame[]): Frame | undefined {
  return frames[frames.length - 1];
}

/** Where a finished test leaves us: inside an element group the connectives join element tests. */
function afterOperand(s: State): void {
  s.e = { kind: 'connective', closable: s.frames.length > 0 };
}

function operandStart(s: State): void {
  const f = top(s.frames);
  s.e = f?.kind === 'element-group' ? { kind: 'element-operand', field: f.field } : { kind: 'operand' };
}

/** A test keyword or operator after a column (or as an element test). */
function startTest(s: State, t: ScanToken, field: FieldContext): boolean {
  if (t.kind === 'operator') {
    s.e = { kind: 'value', field, op: t.text };
    return true;
  }
  if (t.kind !== 'keyword') return false;
  switch (t.text) {
    case 'contains':
    case 'icontains':
    case 'matches':
    case 'between':
      s.e = { kind: 'value', field, op: t.text };
      return true;
    case 'starts':
    case 'ends':
      s.e = { kind: 'words', words: ['with'], field };
      return true;
    case 'in':
      s.e = { kind: 'punctuation', text: ['('], field };
      return true;
    case 'is':
      s.e = { kind: 'words', words: ['null', 'not null', 'empty', 'not empty'], field };
      return true;
    case 'not':
      s.e = { kind: 'negated-test', field };
      return true;
  }
  return false;
}

/** The keywords that may follow `not` in a test position (`not in`, `not starts with`, …). */
const NEGATABLE_WORDS: ReadonlySet<string> = new Set(['in', 'between', 'contains', 'icontains', 'starts', 'ends', 'matches']);

/** A token's keyword, lower case, or undefined for any other token. */
function wordOf(t: ScanToken): string | undefined {
  return t.kind === 'keyword' ? t.text : undefined;
}

/**
 * One transition per kind of expectation: each takes the state, the token and
 * the next token, and says whether the token fitted. A token that does not
 * fit goes to {@link recover}.
 */
type Transition<K extends Expectation['kind']> = (s: State, e: Extract<Expectation, { kind: K }>, t: ScanToken, next: ScanToken | undefined) => boolean;

/** Start of an operand: `not`, `(`, `any(` / `all(`, a modifier `name(`, or a column. */
const onOperand: Transition<'operand'> = (s, _e, t, next) => {
  const word = wordOf(t);
  if (word === 'not') return true;
  if (t.kind === 'lparen') {
    s.frames.push({ kind: 'group' });
    return true;
  }
  if (word !== undefined && (QUANTIFIERS as readonly string[]).includes(word)) {
    s.pending = word as 'any' | 'all';
    s.e = { kind: 'punctuation', text: ['('] };
    return true;
  }
  if (t.kind !== 'identifier') return false;
  // An identifier followed by `(` is a modifier: uppercase(col).
  if (next?.kind === 'lparen') {
    s.pending = 'modifier';
    s.e = { kind: 'punctuation', text: ['('] };
    return true;
  }
  s.e = { kind: 'test', field: { name: t.text, element: false, modified: false } };
  return true;
};

/** Start of an element test inside any/all. */
const onElementOperand: Transition<'element-operand'> = (s, e, t) => {
  // Inside parentheses `not` negates any element test; right after any(col) it must precede a negatable test.
  if (wordOf(t) === 'not') {
    if (top(s.frames)?.kind !== 'element-group') s.e = { kind: 'negated-test', field: e.field };
    return true;
  }
  if (t.kind === 'lparen') {
    s.frames.push({ kind: 'element-group', field: e.field });
    return true;
  }
  return startTest(s, t, e.field);
};

/** After a column: its test, or (a bare boolean column being a whole operand) a connective or `)`. */
const onTest: Transition<'test'> = (s, e, t) => {
  if (startTest(s, t, e.field)) return true;
  if (e.field.element || e.field.modified) return false;
  const word = wordOf(t);
  if (word === 'and' || word === 'or') {
    operandStart(s);
    return true;
  }
  if (t.kind === 'rparen' && s.frames.length > 0) {
    s.frames.pop();
    afterOperand(s);
    return true;
  }
  return false;
};

/** After `not` in a test position: only the negatable tests. */
const onNegatedTest: Transition<'negated-test'> = (s, e, t) => {
  const word = wordOf(t);
  return word !== undefined && NEGATABLE_WORDS.has(word) && startTest(s, t, e.field);
};

/** Fixed next words: `with` after `starts`, `[not] null` / `[not] empty` after `is`, the `and` of `between`. */
const onWords: Transition<'words'> = (s, e, t) => {
  const w = wordOf(t) ?? t.text.toLowerCase();
  const field = e.field ? { field: e.field } : {};
  if (w === 'with' && e.words.includes('with')) {
    s.e = { kind: 'value', field: e.field, op: 'with' };
    return true;
  }
  if (w === 'not' && e.words.includes('not null')) {
    s.e = { kind: 'words', words: ['null', 'empty'], ...field };
    return true;
  }
  if ((w === 'null' || w === 'empty') && e.words.includes(w)) {
    afterOperand(s);
    return true;
  }
  if (w === 'and' && e.words.length === 1 && e.words[0] === 'and') {
    s.e = { kind: 'value', field: e.field, op: 'between-high' };
    return true;
  }
  return false;
};

/** Punctuation: the `(` of `in` / `any` / a modifier, the `,` and `)` of a list, the `)` closing `any(col)` / `uppercase(col)`. */
const onPunctuation: Transition<'punctuation'> = (s, e, t) => {
  if (t.kind === 'lparen' && e.text.includes('(')) {
    if (s.pending === 'any' || s.pending === 'all') s.e = { kind: 'column', filter: 'array' };
    else if (s.pending === 'modifier') s.e = { kind: 'column', filter: 'string' };
    else s.e = { kind: 'value', field: e.field, op: 'in' };
    return true;
  }
  if (t.kind === 'comma' && e.text.includes(',')) {
    s.e = { kind: 'value', field: e.field, op: 'in' };
    return true;
  }
  if (t.kind !== 'rparen' || !e.text.includes(')')) return false;
  const field = e.field;
  if (s.pending && field) {
    const quantified = s.pending !== 'modifier';
    s.pending = undefined;
    s.e = quantified
      ? { kind: 'element-operand', field: { name: field.name, element: true, modified: false } }
      : { kind: 'test', field: { name: field.name, element: false, modified: true } };
    return true;
  }
  afterOperand(s);
  return true;
};

/** The column inside `any(…)`, `all(…)` or a modifier. */
const onColumn: Transition<'column'> = (s, _e, t) => {
  if (t.kind !== 'identifier') return false;
  s.e = { kind: 'punctuation', text: [')'], field: { name: t.text, element: false, modified: false } };
  return true;
};

/** A value; after it, what the test needs next (`,` / `)` in a list, the `and` of `between`), else the operand is done. */
const onValue: Transition<'value'> = (s, e, t) => {
  const field = e.field ? { field: e.field } : {};
  if (isValueToken(t)) {
    if (e.op === 'in') s.e = { kind: 'punctuation', text: [',', ')'], ...field };
    else if (e.op === 'between') s.e = { kind: 'words', words: ['and'], ...field };
    else afterOperand(s);
    return true;
  }
  if ((e.op === 'contains' || e.op === 'icontains') && wordOf(t) === 'phrase') {
    s.e = { kind: 'value', field: e.field, op: `${e.op} phrase` };
    return true;
  }
  return false;
};

/** After a whole operand: `and`, `or`, or `)` inside parentheses. */
const onConnective: Transition<'connective'> = (s, _e, t) => {
  const word = wordOf(t);
  if (word === 'and' || word === 'or') {
    operandStart(s);
    return true;
  }
  if (t.kind !== 'rparen' || s.frames.length === 0) return false;
  s.frames.pop();
  afterOperand(s);
  return true;
};

const TRANSITIONS: { readonly [K in Expectation['kind']]: Transition<K> } = {
  'operand': onOperand,
  'element-operand': onElementOperand,
  'test': onTest,
  'negated-test': onNegatedTest,
  'words': onWords,
  'punctuation': onPunctuation,
  'column': onColumn,
  'value': onValue,
  'connective': onConnective,
};

/** Advances the automaton by one token: the transition of the current expectation, else recovery. */
function step(s: State, t: ScanToken, next: ScanToken | undefined): void {
  const e = s.e;
  const transition = TRANSITIONS[e.kind] as Transition<typeof e.kind>;
  if (!transition(s, e as never, t, next)) recover(s, t, next);
}

/** Re-synchronises on a token the current state does not expect. */
function recover(s: State, t: ScanToken, next: ScanToken | undefined): void {
  const e = s.e;
  s.recovered = true;
  // A bare boolean column ends at a connective or a closing parenthesis.
  if (t.kind === 'keyword' && (t.text === 'and' || t.text === 'or')) return operandStart(s);
  if (t.kind === 'rparen') {
    s.pending = undefined;
    s.frames.pop();
    return afterOperand(s);
  }
  if (t.kind === 'lparen') {
    s.frames.push({ kind: 'group' });
    return operandStart(s);
  }
  if (t.kind === 'operator') {
    s.e = { kind: 'value', field: 'field' in e ? e.field : undefined, op: t.text };
    return;
  }
  if (t.kind === 'identifier' && top(s.frames)?.kind !== 'element-group') {
    s.e = { kind: 'operand' };
    return step(s, t, next);
  }
  if (isValueToken(t)) return afterOperand(s);
}

/** What {@link run} tells its visitor about the state before a token. */
export interface StateView {
  readonly depth: number;
  readonly recovered: boolean;
}

/** Runs the automaton over `tokens[0, end)`, calling `visit` with the expectation before each token. */
function run(tokens: readonly ScanToken[], end: number, visit?: (index: number, e: Expectation, state: StateView) => void): Expectation {
  const s: State = { e: { kind: 'operand' }, frames: [], recovered: false };
  const view = { get depth() { return s.frames.length; }, get recovered() { return s.recovered; } };
  for (let i = 0; i < end; i++) {
    const t = tokens[i]!;
    visit?.(i, s.e, view);
    if (t.kind === 'comment') continue;
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.kind === 'comment') j++;
    step(s, t, tokens[j]);
  }
  if (s.e.kind === 'connective') return { kind: 'connective', closable: s.frames.length > 0 };
  return s.e;
}

/**
 * The expectation right before `tokens[end]`: the state after the tokens
 * `[0, end)`. Comments are skipped.
 */
export function expectationAt(tokens: readonly ScanToken[], end: number): Expectation {
  return run(tokens, end);
}

/**
 * The top-level `and` / `or` tokens that end a complete operand, up to the
 * first token the grammar did not expect: the points where a filter can be
 * cut into parts that parse and check independently (see diagnose).
 */
export function topLevelConnectives(tokens: readonly ScanToken[]): number[] {
  const out: number[] = [];
  run(tokens, tokens.length, (i, e, state) => {
    const t = tokens[i]!;
    if (state.recovered || state.depth > 0 || t.kind !== 'keyword' || (t.text !== 'and' && t.text !== 'or')) return;
    if (e.kind === 'connective' || (e.kind === 'test' && !e.field.element && !e.field.modified)) out.push(i);
  });
  return out;
}

/** The expectation before each token, in one pass (for highlighting and hover). */
export function expectationsOf(tokens: readonly ScanToken[]): Expectation[] {
  const out: Expectation[] = new Array<Expectation>(tokens.length);
  run(tokens, tokens.length, (i, e) => (out[i] = e));
  return out;
}
