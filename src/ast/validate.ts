/**
 * Validation of a filter tree built in code (or read from another tool's
 * JSON): the AST's types are promises TypeScript cannot keep at run time, so
 * every entry point that accepts a tree checks it here, once, before any
 * stage walks it. After this, every stage may trust the node types.
 *
 * Problems come back as plain data (`{ path, variant, args }`, the path a
 * JSON Pointer into the tree such as `/operands/1/test/value`, the variant
 * one of the `invalid-ast` templates of src/diagnostics/messages.ts, which
 * this layer sits below); the API layer turns them into diagnostics. Nothing here throws, recurses or loops: the walk uses
 * an explicit stack, counts every node each time it is reached (a node shared
 * twice at each of 30 levels is reached 2^30 times by any stage that expands
 * it, so it counts that often), stops at the node and depth limits, and
 * reports a node that contains itself as cyclic.
 */
import { dateLiteralKind, describeValue } from '../vocabulary/index.js';
import { COMPARE_OPS } from './where-json.js';

/**
 * What is wrong with a node: the name of its `invalid-ast` message template
 * (src/diagnostics/messages.ts) and the template's arguments.
 */
export type ShapeProblem =
  | { readonly variant: 'notNode' | 'badKind'; readonly args: { readonly what: string; readonly kinds: string; readonly found: string } }
  | { readonly variant: 'cyclic' | 'recoveryGap'; readonly args: Readonly<Record<never, never>> }
  | { readonly variant: 'operands'; readonly args: { readonly kind: string; readonly found: string } }
  | { readonly variant: 'quantifier' | 'range' | 'field' | 'modifier' | 'values' | 'bare'; readonly args: { readonly found: string } }
  | { readonly variant: 'test' | 'literal'; readonly args: { readonly kinds: string; readonly found: string } }
  | { readonly variant: 'op'; readonly args: { readonly ops: string; readonly found: string } }
  | { readonly variant: 'literalValue'; readonly args: { readonly kind: string; readonly expected: string; readonly found: string } }
  | { readonly variant: 'unreadable'; readonly args: { readonly reason: string } };

/**
 * One problem of a tree: where (a JSON Pointer into the tree) and what is
 * wrong: a shape (`invalid-ast`) or a limit passed (`nesting-too-deep`,
 * `too-many-nodes`, with the limit).
 */
export type TreeProblem =
  | ({ readonly path: string; readonly limit?: undefined } & ShapeProblem)
  | { readonly path: string; readonly limit: 'depth' | 'nodes'; readonly max: number };

/** Limits of {@link validateFilterTree}. */
export interface TreeLimits {
  /** Deepest accepted nesting, counted as `measureFilter` counts it (the root is level 1). */
  readonly maxDepth: number;
  /** Most nodes (boolean nodes, column tests, element tests and values), each counted every time it is reached. */
  readonly maxNodes: number;
}

/**
 * Default of the `maxNodes` option: more nodes than any text within the
 * default `maxLength` (100,000 characters) can produce, since every node and
 * every value takes at least one character and a separator.
 */
export const DEFAULT_MAX_NODES = 100_000;

/** Default of the `maxListLength` option: most values of one `in (…)` list, for text and for JSON alike. */
export const DEFAULT_MAX_LIST_LENGTH = 1000;

const ROW_KINDS = ['and', 'or', 'not', 'condition', 'list'] as const;
const ELEMENT_KINDS = ['and', 'or', 'not', 'test'] as const;
const TEST_KINDS = ['compare', 'empty', 'null', 'in', 'between'] as const;
const LITERAL_KINDS = ['string', 'number', 'boolean', 'date', 'datetime', 'regex', 'null'] as const;
const OPS: ReadonlySet<string> = new Set(COMPARE_OPS);

type Role = 'row' | 'element';

/** A node to visit; `parent` and `key` give its path without building strings for valid nodes. */
interface Entry {
  readonly value: unknown;
  readonly parent: Entry | undefined;
  readonly key: string | number;
  readonly role: Role;
  readonly depth: number;
  /** Set on the marker that takes the node off the current path once its subtree is done. */
  readonly exit?: true;
}

function pathOf(entry: Entry | undefined, extra: readonly (string | number)[] = []): string {
  const keys: (string | number)[] = [...extra].reverse();
  for (let e = entry; e && e.parent; e = e.parent) keys.push(e.key);
  // Every key is one of this file's fixed property names or an index, so none needs JSON Pointer escaping.
  return keys.reverse().map((k) => `/${k}`).join('');
}

/**
 * A value as a message names it; an AST node also by its `kind` (read only
 * from a plain record: a getter that throws is caught by the walk).
 */
function describeNode(value: unknown): string {
  if (!isRecord(value)) return describeValue(value);
  const kind = own(value, 'kind');
  return kind === undefined ? 'an object without "kind"' : `an object of kind ${describeValue(kind)}`;
}

/** The `found` of a node whose `kind` is wrong: no kind, or which one. */
function describeKind(kind: unknown): string {
  return kind === undefined ? 'no "kind"' : `kind ${describeValue(kind)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A node's field, read only when it is the node's own property: the stages
 * copy nodes with spreads and `Object.entries`, which drop inherited fields,
 * so a field inherited from a prototype (`Object.create(node)`) would be seen
 * here and lost there (explain threw a TypeError on such a tree). JSON and
 * the parser only ever build own properties.
 */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** What a date or datetime value must hold, as the lexer reads it: a real calendar date (and time) in the unquoted form. */
const DATE_CONTENT = {
  date: 'a real calendar date YYYY-MM-DD',
  datetime: 'a real date and time YYYY-MM-DDThh:mm[:ss[.fff]] with an optional Z or ±hh:mm',
} as const;

const NO_KEYS: readonly (string | number)[] = [];

const isCount = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0;

/** A source position: `{offset, line, column}`, whole numbers ≥ 0. */
function isPosition(p: unknown): boolean {
  return isRecord(p) && isCount(own(p, 'offset')) && isCount(own(p, 'line')) && isCount(own(p, 'column'));
}

function oneOf(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}

class Validator {
  readonly problems: TreeProblem[] = [];
  private readonly stack: Entry[] = [];
  /** Nodes on the path from the root to the node being visited: meeting one again is a cycle. */
  private readonly open = new Set<object>();
  private count = 0;
  private stopped = false;

  constructor(private readonly limits: TreeLimits) {}

  private problem(at: Entry | undefined, extra: readonly (string | number)[], problem: ShapeProblem): void {
    this.problems.push({ path: pathOf(at, extra), ...problem });
  }

  private limitPassed(at: Entry | undefined, extra: readonly (string | number)[], limit: 'depth' | 'nodes', max: number): void {
    this.stopped = true;
    this.problems.push({ path: pathOf(at, extra), limit, max });
  }

  /** Counts a node; false (and one problem) once the budget is spent. */
  private counted(at: Entry | undefined, extra: readonly (string | number)[] = NO_KEYS): boolean {
    if (this.stopped) return false;
    if (++this.count > this.limits.maxNodes) {
      this.limitPassed(at, extra, 'nodes', this.limits.maxNodes);
      return false;
    }
    return true;
  }

  run(root: unknown, role: Role, prefix: Entry | undefined): void {
    this.stack.push({ value: root, parent: prefix, key: prefix ? 'filter' : '', role, depth: 1 });
    let current: Entry | undefined;
    try {
      while (this.stack.length > 0 && !this.stopped) {
        current = this.stack.pop()!;
        if (current.exit) {
          this.open.delete(current.value as object);
          continue;
        }
        this.node(current);
      }
    } catch (error) {
      // A getter or proxy trap of a tree built in code threw: the tree cannot be read, so it is invalid there.
      this.problem(current, [], { variant: 'unreadable', args: { reason: error instanceof Error ? error.message : String(error) } });
    }
  }

  private push(parent: Entry, key: string | number, value: unknown, role: Role, deeper: boolean): void {
    this.stack.push({ value, parent, key, role, depth: deeper ? parent.depth + 1 : parent.depth });
  }

  private node(e: Entry): void {
    const { value, role } = e;
    const kinds = role === 'row' ? ROW_KINDS : ELEMENT_KINDS;
    const what = role === 'row' ? 'a filter node' : 'an element filter node (inside any/all)';
    if (!isRecord(value)) {
      this.problem(e, [], { variant: 'notNode', args: { what, kinds: oneOf(kinds), found: describeValue(value) } });
      return;
    }
    if (this.open.has(value)) {
      this.problem(e, [], { variant: 'cyclic', args: {} });
      return;
    }
    if (e.depth > this.limits.maxDepth) {
      this.limitPassed(e, [], 'depth', this.limits.maxDepth);
      return;
    }
    if (!this.counted(e)) return;
    this.range(e, value);
    const kind = own(value, 'kind');
    if (kind === 'invalid') {
      this.problem(e, ['kind'], { variant: 'recoveryGap', args: {} });
      return;
    }
    if (typeof kind !== 'string' || !(kinds as readonly string[]).includes(kind)) {
      this.problem(e, kind === undefined ? [] : ['kind'], { variant: 'badKind', args: { what, kinds: oneOf(kinds), found: describeKind(kind) } });
      return;
    }
    // The node is open (on the current path) until the marker pushed here is popped after its children.
    this.open.add(value);
    this.stack.push({ value, parent: e.parent, key: e.key, role, depth: e.depth, exit: true });
    switch (kind) {
      case 'and':
      case 'or': {
        const operands = own(value, 'operands');
        if (!Array.isArray(operands) || operands.length === 0) {
          this.problem(e, ['operands'], { variant: 'operands', args: { kind, found: describeValue(operands) } });
          return;
        }
        for (let i = operands.length - 1; i >= 0; i--) this.push(e, `operands/${i}`, operands[i], role, true);
        return;
      }
      case 'not':
        this.push(e, 'operand', own(value, 'operand'), role, true);
        return;
      case 'condition': {
        this.nameRef(e, 'field', own(value, 'field'));
        const modifier = own(value, 'modifier');
        if (modifier !== undefined) this.nameRef(e, 'modifier', modifier);
        this.test(e, own(value, 'test'));
        return;
      }
      case 'list': {
        const quantifier = own(value, 'quantifier');
        if (quantifier !== 'any' && quantifier !== 'all') {
          this.problem(e, ['quantifier'], { variant: 'quantifier', args: { found: describeValue(quantifier) } });
        }
        this.nameRef(e, 'field', own(value, 'field'));
        this.push(e, 'element', own(value, 'element'), 'element', true);
        return;
      }
      case 'test':
        this.test(e, own(value, 'test'));
        return;
    }
  }

  private range(e: Entry, node: Record<string, unknown>, extra: readonly (string | number)[] = NO_KEYS): void {
    const range = own(node, 'range');
    if (range === undefined) return;
    if (!isRecord(range) || !isPosition(own(range, 'start')) || !isPosition(own(range, 'end'))) {
      this.problem(e, [...extra, 'range'], { variant: 'range', args: { found: describeValue(range) } });
    }
  }

  /** A `field` or `modifier` reference: `{name}` with a string name (a column, an alias or a dotted path; a modifier's name). */
  private nameRef(e: Entry, key: 'field' | 'modifier', ref: unknown): void {
    if (!isRecord(ref) || typeof own(ref, 'name') !== 'string') {
      const found = isRecord(ref) ? `a name that is ${describeValue(own(ref, 'name'))}` : describeValue(ref);
      this.problem(e, isRecord(ref) ? [key, 'name'] : [key], { variant: key, args: { found } });
      return;
    }
    this.range(e, ref, [key]);
  }

  private test(e: Entry, test: unknown): void {
    const kind = isRecord(test) ? own(test, 'kind') : undefined;
    if (!isRecord(test) || typeof kind !== 'string' || !(TEST_KINDS as readonly unknown[]).includes(kind)) {
      const found = kind !== undefined ? describeKind(kind) : describeNode(test);
      this.problem(e, kind !== undefined ? ['test', 'kind'] : ['test'], { variant: 'test', args: { kinds: oneOf(TEST_KINDS), found } });
      return;
    }
    this.range(e, test, ['test']);
    switch (kind) {
      case 'compare': {
        const op = own(test, 'op');
        if (typeof op !== 'string' || !OPS.has(op)) {
          this.problem(e, ['test', 'op'], { variant: 'op', args: { ops: oneOf(COMPARE_OPS), found: describeValue(op) } });
        }
        this.literal(e, ['test', 'value'], own(test, 'value'));
        return;
      }
      case 'in': {
        const values = own(test, 'values');
        // `in ()` is not in the grammar (the emitter would write `{"or":[]}`, the printer text that does not parse).
        if (!Array.isArray(values) || values.length === 0) {
          this.problem(e, ['test', 'values'], { variant: 'values', args: { found: describeValue(values) } });
          return;
        }
        for (let i = 0; i < values.length && !this.stopped; i++) this.literal(e, ['test', 'values', i], values[i]);
        return;
      }
      case 'between':
        this.literal(e, ['test', 'low'], own(test, 'low'));
        this.literal(e, ['test', 'high'], own(test, 'high'));
        return;
      default:
        return; // `empty` and `null` have nothing more
    }
  }

  private literal(e: Entry, at: readonly (string | number)[], literal: unknown): void {
    if (!this.counted(e, at)) return;
    if (!isRecord(literal) || typeof own(literal, 'kind') !== 'string' || !(LITERAL_KINDS as readonly unknown[]).includes(own(literal, 'kind'))) {
      const found = isRecord(literal) && own(literal, 'kind') !== undefined ? describeKind(own(literal, 'kind')) : describeNode(literal);
      this.problem(e, at, { variant: 'literal', args: { kinds: oneOf(LITERAL_KINDS), found } });
      return;
    }
    this.range(e, literal, at);
    const kind = own(literal, 'kind') as string; // checked above to be one of LITERAL_KINDS
    const value = own(literal, 'value');
    const expected =
      // No number literal of the language is NaN or infinite (`1e999` is invalid-number); JSON has neither.
      kind === 'number' ? (typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number that is finite')
        : kind === 'boolean' ? (typeof value === 'boolean' ? undefined : 'a boolean')
          : kind === 'null' ? undefined
            : typeof value !== 'string' ? 'a string'
              // The lexer reads only real dates as date / datetime values (`2024-02-30` is invalid-date), so a tree may hold only those.
              : (kind === 'date' || kind === 'datetime') && dateLiteralKind(value) !== kind ? DATE_CONTENT[kind] : undefined;
    if (expected) this.problem(e, [...at, 'value'], { variant: 'literalValue', args: { kind, expected, found: describeValue(value) } });
    if (kind === 'string' && own(literal, 'bare') !== undefined && typeof own(literal, 'bare') !== 'boolean') {
      this.problem(e, [...at, 'bare'], { variant: 'bare', args: { found: describeValue(own(literal, 'bare')) } });
    }
  }
}

/**
 * Every problem of a filter tree built in code, in walk order (empty when the
 * tree is valid). Checks each node's kind and fields against the AST types
 * (src/ast/nodes.ts), refuses `invalid` nodes (recovery gaps belong to text,
 * which reports them), cycles, and trees past the depth or node limit. Never
 * throws.
 *
 * @param prefix `'filter'` when the tree is a Document's `filter`, so paths start `/filter`.
 * @example
 * validateFilterTree({ kind: 'and', operands: [] }, { maxDepth: 128, maxNodes: 100_000 });
 * // [{ path: '/operands', variant: 'operands', args: { kind: 'and', found: 'an empty array' } }]
 */
export function validateFilterTree(tree: unknown, limits: TreeLimits, prefix?: 'filter'): TreeProblem[] {
  const validator = new Validator(limits);
  const root: Entry | undefined = prefix ? { value: undefined, parent: undefined, key: '', role: 'row', depth: 0 } : undefined;
  validator.run(tree, 'row', root);
  return validator.problems;
}

/**
 * What is wrong with a Document's `comments`, as the `found` of the
 * `invalid-ast` comments template, or undefined when it is an array of
 * comments: own `text` strings of one line (the printer writes `#text` and a
 * line break, so a break inside would turn the rest into code) and valid
 * ranges (the printer places comments by offset).
 */
export function commentsProblem(comments: unknown): string | undefined {
  if (!Array.isArray(comments)) return describeValue(comments);
  for (let i = 0; i < comments.length; i++) {
    const c: unknown = comments[i];
    const text = isRecord(c) ? own(c, 'text') : undefined;
    const range = isRecord(c) ? own(c, 'range') : undefined;
    if (typeof text !== 'string' || /[\n\r]/.test(text) || !isRecord(range) || !isPosition(own(range, 'start')) || !isPosition(own(range, 'end'))) {
      return `an array whose item ${i} is not a comment ({text, range}, the text one line without its #)`;
    }
  }
  return undefined;
}
