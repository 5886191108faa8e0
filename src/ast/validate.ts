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
import { describeValue } from '../vocabulary/index.js';
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
  const kind = value['kind'];
  return kind === undefined ? 'an object without "kind"' : `an object of kind ${describeValue(kind)}`;
}

/** The `found` of a node whose `kind` is wrong: no kind, or which one. */
function describeKind(kind: unknown): string {
  return kind === undefined ? 'no "kind"' : `kind ${describeValue(kind)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NO_KEYS: readonly (string | number)[] = [];

const isCount = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0;

/** A source position: `{offset, line, column}`, whole numbers ≥ 0. */
function isPosition(p: unknown): boolean {
  return isRecord(p) && isCount(p['offset']) && isCount(p['line']) && isCount(p['column']);
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
    const kind = value['kind'];
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
        const operands = value['operands'];
        if (!Array.isArray(operands) || operands.length === 0) {
          this.problem(e, ['operands'], { variant: 'operands', args: { kind, found: describeValue(operands) } });
          return;
        }
        for (let i = operands.length - 1; i >= 0; i--) this.push(e, `operands/${i}`, operands[i], role, true);
        return;
      }
      case 'not':
        this.push(e, 'operand', value['operand'], role, true);
        return;
      case 'condition':
        this.nameRef(e, 'field', value['field']);
        if (value['modifier'] !== undefined) this.nameRef(e, 'modifier', value['modifier']);
        this.test(e, value['test']);
        return;
      case 'list': {
        const quantifier = value['quantifier'];
        if (quantifier !== 'any' && quantifier !== 'all') {
          this.problem(e, ['quantifier'], { variant: 'quantifier', args: { found: describeValue(quantifier) } });
        }
        this.nameRef(e, 'field', value['field']);
        this.push(e, 'element', value['element'], 'element', true);
        return;
      }
      case 'test':
        this.test(e, value['test']);
        return;
    }
  }

  private range(e: Entry, node: Record<string, unknown>, extra: readonly (string | number)[] = NO_KEYS): void {
    const range = node['range'];
    if (range === undefined) return;
    if (!isRecord(range) || !isPosition(range['start']) || !isPosition(range['end'])) {
      this.problem(e, [...extra, 'range'], { variant: 'range', args: { found: describeValue(range) } });
    }
  }

  /** A `field` or `modifier` reference: `{name}` with a string name (a column, an alias or a dotted path; a modifier's name). */
  private nameRef(e: Entry, key: 'field' | 'modifier', ref: unknown): void {
    if (!isRecord(ref) || typeof ref['name'] !== 'string') {
      const found = isRecord(ref) ? `a name that is ${describeValue(ref['name'])}` : describeValue(ref);
      this.problem(e, isRecord(ref) ? [key, 'name'] : [key], { variant: key, args: { found } });
      return;
    }
    this.range(e, ref, [key]);
  }

  private test(e: Entry, test: unknown): void {
    if (!isRecord(test) || typeof test['kind'] !== 'string' || !(TEST_KINDS as readonly string[]).includes(test['kind'])) {
      const found = isRecord(test) && test['kind'] !== undefined ? describeKind(test['kind']) : describeNode(test);
      this.problem(e, isRecord(test) && test['kind'] !== undefined ? ['test', 'kind'] : ['test'], { variant: 'test', args: { kinds: oneOf(TEST_KINDS), found } });
      return;
    }
    this.range(e, test, ['test']);
    switch (test['kind']) {
      case 'compare': {
        const op = test['op'];
        if (typeof op !== 'string' || !OPS.has(op)) {
          this.problem(e, ['test', 'op'], { variant: 'op', args: { ops: oneOf(COMPARE_OPS), found: describeValue(op) } });
        }
        this.literal(e, ['test', 'value'], test['value']);
        return;
      }
      case 'in': {
        const values = test['values'];
        if (!Array.isArray(values)) {
          this.problem(e, ['test', 'values'], { variant: 'values', args: { found: describeValue(values) } });
          return;
        }
        for (let i = 0; i < values.length && !this.stopped; i++) this.literal(e, ['test', 'values', i], values[i]);
        return;
      }
      case 'between':
        this.literal(e, ['test', 'low'], test['low']);
        this.literal(e, ['test', 'high'], test['high']);
        return;
      default:
        return; // `empty` and `null` have nothing more
    }
  }

  private literal(e: Entry, at: readonly (string | number)[], literal: unknown): void {
    if (!this.counted(e, at)) return;
    if (!isRecord(literal) || typeof literal['kind'] !== 'string' || !(LITERAL_KINDS as readonly string[]).includes(literal['kind'])) {
      const found = isRecord(literal) && literal['kind'] !== undefined ? describeKind(literal['kind']) : describeNode(literal);
      this.problem(e, at, { variant: 'literal', args: { kinds: oneOf(LITERAL_KINDS), found } });
      return;
    }
    this.range(e, literal, at);
    const kind = literal['kind'];
    const value = literal['value'];
    const expected =
      kind === 'number' ? (typeof value === 'number' ? undefined : 'a number')
        : kind === 'boolean' ? (typeof value === 'boolean' ? undefined : 'a boolean')
          : kind === 'null' ? undefined
            : typeof value === 'string' ? undefined : 'a string';
    if (expected) this.problem(e, [...at, 'value'], { variant: 'literalValue', args: { kind, expected, found: describeValue(value) } });
    if (kind === 'string' && literal['bare'] !== undefined && typeof literal['bare'] !== 'boolean') {
      this.problem(e, [...at, 'bare'], { variant: 'bare', args: { found: describeValue(literal['bare']) } });
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
