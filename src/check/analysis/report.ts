/**
 * Verdicts as diagnostics: a code, a range (or JSON path), a message in the
 * templates of src/diagnostics/messages.ts that says which rows the
 * condition keeps, and quick fixes. A fix is offered only where it is right:
 * removing a repeated or implied operand keeps every row's result; replacing
 * a condition true wherever its column is known with `x is not null` keeps
 * the same rows only outside a `not`, so it is offered only there.
 *
 * Fix texts are cut from the source (operands keep their own parentheses),
 * so nothing here prints trees; without source text (JSON input) there are
 * messages but no fixes.
 */
import type { ElementFilter, Filter, Literal, SourceRange } from '../../ast/nodes.js';
import type { Diagnostic, Suggestion } from '../../diagnostics/diagnostic.js';
import { formatMessage, report } from '../../diagnostics/messages.js';
import { compareCodePoints, upper } from '../../semantics/strings.js';
import { parseInstant, quoteString } from '../../vocabulary/index.js';
import { upperFixed } from './casing.js';
import { MAX_GROUP_SIZE } from './budget.js';
import type { Skipped } from './groups.js';
import { neverTrue, type Verdict } from './verdicts.js';

type Node = Filter | ElementFilter;

export interface ReportContext {
  readonly source: string | undefined;
  readonly paths: ReadonlyMap<object, string> | undefined;
}

const rangeOf = (x: unknown): SourceRange | undefined => (x as { range?: SourceRange } | undefined)?.range;

export class Reporter {
  constructor(private readonly ctx: ReportContext) {}

  /** The source of a node, widened over parentheses written around it (but not past `within`). */
  private outer(node: Node, within?: SourceRange): [number, number] | undefined {
    const r = rangeOf(node);
    const src = this.ctx.source;
    if (!r || src === undefined) return undefined;
    let s = r.start.offset;
    let e = r.end.offset;
    const lo = within?.start.offset ?? 0;
    const hi = within?.end.offset ?? src.length;
    for (;;) {
      let a = s;
      while (a > lo && /\s/.test(src[a - 1]!)) a--;
      let b = e;
      while (b < hi && /\s/.test(src[b]!)) b++;
      if (a > lo && b < hi && src[a - 1] === '(' && src[b] === ')') {
        s = a - 1;
        e = b + 1;
      } else return [s, e];
    }
  }

  private text(x: unknown): string | undefined {
    const r = rangeOf(x);
    return r && this.ctx.source !== undefined ? this.ctx.source.slice(r.start.offset, r.end.offset) : undefined;
  }

  /** How a message names a node: its text in backticks (shortened), or a neutral word for JSON input. */
  private name(x: unknown, fallback = 'This condition'): string {
    const t = this.text(x);
    if (t === undefined) return fallback;
    const one = t.replace(/\s+/g, ' ');
    return `\`${one.length > 60 ? `${one.slice(0, 59)}…` : one}\``;
  }

  private location(nodes: readonly unknown[]): { range?: SourceRange; path?: string } {
    const ranged = nodes.map(rangeOf).filter((r): r is SourceRange => r !== undefined);
    const path = nodes.map((n) => this.ctx.paths?.get(n as object)).find((p) => p !== undefined);
    if (ranged.length === 0) return path !== undefined ? { path } : {};
    const start = ranged.reduce((a, b) => (b.start.offset < a.start.offset ? b : a)).start;
    const end = ranged.reduce((a, b) => (b.end.offset > a.end.offset ? b : a)).end;
    return { range: { start, end }, ...(path !== undefined ? { path } : {}) };
  }

  /**
   * Removes the operand `drop` of `parent`, with the connective before it (after it, for the first
   * operand): a short edit whose size does not grow with the parent, so that many such fixes on a
   * long filter stay small, and an editor that checks one top-level part at a time can keep it.
   */
  private removal(title: string, parent: Verdict['parent'], drop: Node): Suggestion | undefined {
    const range = rangeOf(parent);
    if (!parent || !range || this.ctx.source === undefined) return undefined;
    const operands = parent.operands as readonly Node[];
    const k = this.indexIn(operands, drop);
    if (k < 0 || operands.length < 2) return undefined;
    const me = this.outer(drop, range);
    const other = this.outer(operands[k === 0 ? 1 : k - 1]!, range);
    if (!me || !other) return undefined;
    const [start, end] = k === 0 ? [me[0], other[0]] : [other[1], me[1]];
    return { message: title, replacement: '', range: { start: this.position(start), end: this.position(end) } };
  }

  /** Each operand list's positions, built once: a long `and` with a verdict on every operand would otherwise search it once per verdict. */
  private readonly indexes = new WeakMap<readonly Node[], Map<Node, number>>();

  private indexIn(operands: readonly Node[], node: Node): number {
    if (operands.length <= 16) return operands.indexOf(node);
    let index = this.indexes.get(operands);
    if (!index) {
      index = new Map();
      // The first position of a node listed twice, as indexOf gives.
      for (let i = operands.length - 1; i >= 0; i--) index.set(operands[i]!, i);
      this.indexes.set(operands, index);
    }
    return index.get(node) ?? -1;
  }

  private positionOf: ((offset: number) => SourceRange['start']) | undefined;

  private position(offset: number): SourceRange['start'] {
    this.positionOf ??= lineIndex(this.ctx.source!);
    return this.positionOf(offset);
  }

  /** The `analysis-limited` info for a part left unjudged for its size. */
  limited(s: Skipped): Diagnostic {
    const nodes = s.nodes as readonly Node[];
    const condition = nodes.length > 1 ? (this.ctx.source === undefined ? 'These conditions' : `The ${nodes.length} conditions on ${s.subject.column.name}`) : this.name(nodes[0], 'This part');
    const column = s.subject.upper ? `uppercase(${s.subject.column.name})` : s.subject.column.name;
    return report('analysis-limited', 'default', { condition, size: s.size, column, connective: s.connective, limit: MAX_GROUP_SIZE }, this.location(nodes));
  }

  diagnostics(verdicts: readonly Verdict[]): Diagnostic[] {
    return verdicts.map((v) => this.one(v));
  }

  private column(v: Verdict): string {
    return v.subject.upper ? `uppercase(${v.subject.column.name})` : v.subject.column.name;
  }

  private one(v: Verdict): Diagnostic {
    switch (v.code) {
      case 'never-matches': return this.never(v);
      case 'always-true-where-known': return this.always(v);
      case 'redundant-condition': return this.redundant(v);
      case 'subsumed-condition': return this.subsumed(v);
    }
  }

  private never(v: Verdict): Diagnostic {
    const column = this.column(v);
    const node = v.nodes[0]!;
    const fixes: Suggestion[] = [];
    let detail = '';
    const test = node.kind === 'condition' || node.kind === 'test' ? node.test : undefined;
    if (v.nodes.length === 1 && test?.kind === 'between' && reversed(test.low, test.high, v.subject.column.type === 'date' || v.subject.column.type === 'datetime')) {
      const low = this.text(test.low) ?? show(test.low);
      const high = this.text(test.high) ?? show(test.high);
      detail = formatMessage('never-matches', 'emptyRange', { low, high });
      const lr = rangeOf(test.low);
      const hr = rangeOf(test.high);
      if (lr && hr && this.ctx.source !== undefined) {
        fixes.push({ message: formatMessage('never-matches', 'fixSwap', { low, high }), replacement: `${high} and ${low}`, range: { start: lr.start, end: hr.end } });
      }
    }
    if (v.nodes.length === 1 && v.subject.upper && test && (test.kind === 'compare' || test.kind === 'in')) {
      const values = test.kind === 'in' ? test.values : [test.value];
      const lowered = values.filter((l) => l.kind === 'string' && !upperFixed(l.value));
      if (lowered.length > 0) detail = formatMessage('never-matches', 'lowerCase', { value: quoteString((lowered[0] as { value: string }).value) });
      for (const l of lowered) {
        const r = rangeOf(l);
        const value = quoteString(upper((l as { value: string }).value));
        if (r) fixes.push({ message: formatMessage('never-matches', 'fixUpper', { value }), replacement: value, range: r });
      }
    }
    const nullValue = v.abs?.onNull === false ? 'false' : 'unknown';
    if (v.list) {
      const variant = v.list.quantifier === 'all' ? 'all' : 'any';
      const condition = v.nodes.length > 1 ? this.name({ range: this.location(v.nodes).range }, 'This element test') : this.name(node, 'This element test');
      return report('never-matches', variant, { condition, column, detail }, this.location(v.nodes), fixes);
    }
    const negation = !v.negated || v.container?.kind !== 'not' || v.abs?.onNull !== null ? '' : formatMessage('never-matches', 'negated', { column });
    if (v.nodes.length > 1) {
      const nullable = v.subject.column.nullable ? formatMessage('never-matches', 'nullableGroup', { column }) : '';
      this.either(v, fixes);
      // A long group is counted, not listed: the message stays short however many operands contradict.
      const condition = this.ctx.source === undefined ? 'These conditions' : v.nodes.length > 4 ? `These ${v.nodes.length} conditions on ${column}` : v.nodes.map((n) => this.name(n)).join(' and ');
      return report('never-matches', 'together', { condition, column, nullable, negation }, this.location(v.nodes), fixes);
    }
    if (!v.negated && v.container?.kind === 'or') {
      const fix = this.removal(formatMessage('never-matches', 'fixRemove', {}), v.container as Verdict['parent'], node);
      if (fix) fixes.push(fix);
    }
    const args = { condition: this.name(node), column, detail, negation };
    return v.subject.column.nullable
      ? report('never-matches', 'nullable', { ...args, nullValue }, this.location(v.nodes), fixes)
      : report('never-matches', 'notNull', args, this.location(v.nodes), fixes);
  }

  /** For `x = 1 and x = 2` (the whole `and`): keep the rows that pass either, as `in (…)` or an `or`. */
  private either(v: Verdict, fixes: Suggestion[]): void {
    const parent = v.parent;
    const range = rangeOf(parent);
    const src = this.ctx.source;
    if (!parent || !range || src === undefined || parent.operands.length !== v.nodes.length) return;
    const conditions = v.nodes.filter((n): n is Extract<Filter, { kind: 'condition' }> => n.kind === 'condition');
    const eqs = conditions.length === v.nodes.length && conditions.every((c) => c.test.kind === 'compare' && c.test.op === 'eq' && rangeOf(c.test));
    // Only where "either" is the likely intent: two values (`x = 1 and x = 2`) or two ends of a range (`x > 50 and x < 10`).
    const ends = conditions.length === v.nodes.length && conditions.every((c) => c.test.kind === 'compare' && ['gt', 'gte', 'lt', 'lte'].includes(c.test.op));
    if (!eqs && !ends) return;
    const first = conditions[0];
    let text: string;
    if (eqs && first && first.test.kind === 'compare' && rangeOf(first) && rangeOf(first.test)) {
      const lhs = src.slice(rangeOf(first)!.start.offset, rangeOf(first.test)!.start.offset).trimEnd();
      text = `${lhs} in (${conditions.map((c) => this.text((c.test as { value: Literal }).value)).join(', ')})`;
    } else {
      const parts = v.nodes.map((n) => this.outer(n, range));
      if (parts.some((p) => !p)) return;
      text = parts.map((p) => src.slice(p![0], p![1])).join(' or ');
    }
    fixes.push({ message: formatMessage('never-matches', 'fixEither', { text }), replacement: text, range });
  }

  private always(v: Verdict): Diagnostic {
    const column = this.column(v);
    const abs = v.abs!;
    const condition = v.nodes.length > 1 ? this.name({ range: this.location(v.nodes).range }, 'These conditions') : this.name(v.nodes[0]);
    const at = this.location(v.nodes);
    if (v.list) {
      const variant = abs.onNull === true ? 'everyElement' : v.list.quantifier === 'all' ? 'all' : 'any';
      return report('always-true-where-known', variant, { condition, column }, at);
    }
    const fixes: Suggestion[] = [];
    const node = v.nodes[0]!;
    // The part judged: one node, or a whole and/or judged by its operands (the `together` verdicts).
    const whole = v.nodes.length === 1 ? node : v.parent && v.parent.operands.length === v.nodes.length ? (v.parent as Node) : undefined;
    const everyRow = abs.onNull === true || !v.subject.column.nullable;
    if (everyRow && whole && v.container?.kind === 'and' && (!v.negated || (abs.onNull === true && abs.onOdd === true))) {
      const fix = this.removal(formatMessage('always-true-where-known', 'fixRemove', {}), v.container as Verdict['parent'], whole);
      if (fix) fixes.push(fix);
    }
    if (!everyRow && !v.negated && node.kind === 'condition' || (!everyRow && !v.negated && v.nodes.length > 1)) {
      const field = v.nodes.map((n) => (n.kind === 'condition' ? this.text(n.field) : n.kind === 'not' && n.operand.kind === 'condition' ? this.text(n.operand.field) : undefined)).find((t) => t !== undefined);
      const at = whole && rangeOf(whole);
      if (field && at) {
        const text = `${field} is not null`;
        fixes.push({ message: formatMessage('always-true-where-known', 'fixNotNull', { text: `\`${text}\`` }), replacement: text, range: at });
      }
    }
    // Directly under a `not`: false wherever the column is known, and never true where it is null.
    const negation = v.negated && v.container?.kind === 'not' ? formatMessage('always-true-where-known', 'negated', {}) : '';
    if (abs.onNull === true) return report('always-true-where-known', 'everyRow', { condition, column, negation }, at, fixes);
    if (!v.subject.column.nullable) return report('always-true-where-known', 'notNull', { condition, column, negation }, at, fixes);
    return report('always-true-where-known', 'nullable', { condition, column, nullValue: abs.onNull === false ? 'false' : 'unknown', negation }, at, fixes);
  }

  private redundant(v: Verdict): Diagnostic {
    const node = v.nodes[0]!;
    if (v.value) {
      const test = node.kind === 'condition' || node.kind === 'test' ? node.test : undefined;
      const fixes: Suggestion[] = [];
      if (test?.kind === 'in' && this.ctx.source !== undefined) {
        const seen = new Set<string>();
        const kept = test.values.filter((l) => {
          const key = JSON.stringify([l.kind, (l as { value?: unknown }).value]);
          return seen.has(key) ? false : (seen.add(key), true);
        });
        const first = rangeOf(test.values[0]);
        const last = rangeOf(test.values[test.values.length - 1]);
        const texts = kept.map((l) => this.text(l));
        if (kept.length >= 2 && first && last && texts.every((t) => t !== undefined)) {
          fixes.push({ message: formatMessage('redundant-condition', 'fix', {}), replacement: texts.join(', '), range: { start: first.start, end: last.end } });
        }
      }
      return report('redundant-condition', 'value', { value: this.text(v.value) ?? show(v.value) }, this.location([v.value, node]), fixes);
    }
    const fix = this.removal(formatMessage('redundant-condition', 'fix', {}), v.parent, node);
    return report('redundant-condition', 'operand', { condition: this.name(node), other: this.name(v.nodes[1], 'an earlier operand'), connective: v.parent?.kind ?? 'and' },
      this.location(v.nodes), fix ? [fix] : []);
  }

  private subsumed(v: Verdict): Diagnostic {
    const node = v.nodes[0]!;
    const others = v.nodes.slice(1);
    const other = others.length === 1 ? this.name(others[0], 'another operand') : `the other conditions on ${this.column(v)}`;
    const condition = this.name(node);
    const fix = this.removal(formatMessage('subsumed-condition', 'fix', { condition }), v.parent, node);
    const variant = v.parent?.kind === 'or' ? 'or' : 'and';
    // The range covers the operands the verdict rests on, so that an editor checking one part at a time can tell it spans several.
    return report('subsumed-condition', variant, { condition, other, connective: variant }, this.location(v.nodes), fix ? [fix] : []);
  }
}

/** Positions in `source` by offset (1-based lines and columns; lines end at \n, \r\n or \r, as the lexer counts), from one scan. */
export function lineIndex(source: string): (offset: number) => SourceRange['start'] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\n' || (c === '\r' && source[i + 1] !== '\n')) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

function show(l: Literal): string {
  return l.kind === 'null' ? 'null' : typeof l.value === 'string' ? quoteString(l.value) : String(l.value);
}

/** A `between` whose low end is above its high end (compared as the abstraction compares: numbers, instants, code points). */
function reversed(low: Literal, high: Literal, dates: boolean): boolean {
  if (low.kind === 'number' && high.kind === 'number') return low.value > high.value;
  if (low.kind === 'null' || high.kind === 'null' || typeof low.value !== 'string' || typeof high.value !== 'string') return false;
  if (dates) {
    const a = parseInstant(low.value);
    const b = parseInstant(high.value);
    return a !== null && b !== null && a > b;
  }
  return compareCodePoints(low.value, high.value) > 0;
}

export { neverTrue };
