/**
 * Strict structural validation of untrusted `where` JSON (spec §1).
 *
 * The input may be anything a caller hands us: the output of `JSON.parse`, or
 * an arbitrary object with cycles, throwing getters, proxies or keys such as
 * `__proto__`. So this module reads only own enumerable properties, never
 * recurses deeper than the configured limit, and copies what it validates
 * into a small typed tree ({@link ValidFilter}) so that later stages never
 * touch the untrusted object again. Every problem is reported, with the JSON
 * Pointer of the offending node and the field it is about, and validation
 * keeps going into siblings: the tree comes back with an `invalid` node in
 * place of each bad one, so that the checker can still report type errors in
 * the good parts.
 *
 * An object may share sub-objects (one object referenced twice at each of 30
 * levels is a 30-object input that every stage would expand 2^30 times), so
 * each node counts every time it is reached, against `maxNodes`.
 */
import type { CompareOp } from '../ast/nodes.js';
import type { InvalidPart, ValidCondition, ValidConditionFilter, ValidFilter } from './valid-tree.js';
import { COMPARE_OPS, type WhereValue } from '../ast/where-json.js';
import { DEFAULT_MAX_NODES } from '../ast/validate.js';
import { pointerSegment, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatMessage, report } from '../diagnostics/messages.js';
import { suggestNames } from '../diagnostics/suggest.js';
import { about, capital, describeValue, didYouMean, EXPR_ALIASES, OPERATOR_ALIASES, orList, QUANTIFIER_ALIASES, quote, reasonOf, safeJson } from './wording.js';

export type { InvalidPart, ValidCondition, ValidConditionFilter, ValidFilter } from './valid-tree.js';

/** Options for {@link validateWhere}. */
export interface ValidateOptions {
  /** Deepest accepted nesting of `and` / `or` / `not` / `list_is` levels. Default 128. */
  readonly maxDepth?: number;
  /**
   * Most nodes (filter objects, element conditions and conditions), each
   * counted every time it is reached. Default {@link DEFAULT_MAX_NODES}
   * (100,000); more gives `too-many-nodes`. An `and` / `or` array longer than
   * what is left is refused before any of it is read.
   */
  readonly maxNodes?: number;
}

/** The result of {@link validateWhere}. */
export interface ValidateResult {
  /** The tree, only when there is no error (then it holds no `invalid` node). */
  readonly tree: ValidFilter | undefined;
  /** The tree with an `invalid` node in place of each node with errors, for checking what is well-formed. */
  readonly partial: ValidFilter | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Default nesting limit, the same as the text parser's. */
export const DEFAULT_MAX_DEPTH = 128;

const BOOL_KEYS = ['and', 'or', 'not'] as const;
const EXPR_KEYS = ['field', 'modifier', 'is', 'list_is'] as const;
const QUANTIFIERS = ['any', 'all'] as const;
const OPS: ReadonlySet<string> = new Set(COMPARE_OPS);

type Kind = 'and' | 'or' | 'not';

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Marks a property that could not be read (a throwing getter or proxy trap); already reported. */
const UNREADABLE: unique symbol = Symbol('unreadable');

class Validator {
  readonly diagnostics: Diagnostic[] = [];
  private tooDeepReported = false;
  private tooManyReported = false;
  get overNodeLimit(): boolean {
    return this.tooManyReported;
  }
  private nodes = 0;

  constructor(private readonly maxDepth: number, private readonly maxNodes: number) {}

  private invalid(path: string): InvalidPart {
    return { kind: 'invalid', path };
  }

  /** Counts `count` more nodes; false (and reported, once) when that passes the limit. */
  private count(path: string, count = 1): boolean {
    this.nodes += count;
    if (this.nodes <= this.maxNodes) return true;
    if (!this.tooManyReported) {
      this.tooManyReported = true;
      this.push(report('too-many-nodes', 'default', { limit: this.maxNodes }, { path }));
    }
    return false;
  }

  push(diagnostic: Diagnostic): void {
    this.diagnostics.push(diagnostic);
  }

  /** True (and reported, once) when entering one more level would pass the limit. */
  private tooDeep(depth: number, path: string): boolean {
    if (depth < this.maxDepth) return false;
    if (!this.tooDeepReported) {
      this.tooDeepReported = true;
      this.push(report('nesting-too-deep', 'default', { limit: this.maxDepth }, { path }));
    }
    return true;
  }

  /** Own enumerable string keys only: inherited names such as `toString` are never looked at. */
  private keys(obj: object, path: string): string[] | undefined {
    try {
      return Object.keys(obj);
    } catch (error) {
      this.push(report('json-invalid-node', 'unreadableKeys', { reason: reasonOf(error) }, { path }));
      return undefined;
    }
  }

  /** An own property's value; a getter that throws is reported, not propagated. */
  private read(obj: object, key: string | number, path: string): unknown {
    try {
      return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string | number, unknown>)[key] : undefined;
    } catch (error) {
      this.push(report('json-invalid-node', 'unreadableValue', { reason: reasonOf(error) }, { path }));
      return UNREADABLE;
    }
  }

  private items(value: unknown[], path: string): unknown[] {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(this.read(value, i, `${path}/${i}`));
    return out;
  }

  private unknownKey(key: string, path: string, where: string, candidates: readonly string[], aliases: Readonly<Record<string, string>> = {}): void {
    const alias = Object.prototype.hasOwnProperty.call(aliases, key.toLowerCase()) ? aliases[key.toLowerCase()] : undefined;
    const names = alias ? [alias] : suggestNames(key, candidates);
    const args = { key: quote(key), where, allowed: candidates.map((c) => `"${c}"`).join(', ') };
    const at = { path: `${path}/${pointerSegment(key)}` };
    this.push(names.length === 0 ? report('json-unknown-key', 'default', args, at, [])
      : report('json-unknown-key', 'suggest', { ...args, names: orList(names) }, at, didYouMean(names)));
  }

  /**
   * The shared part of `and` / `or` / `not` nodes, for filters and for
   * condition filters alike: one kind per object, non-empty operand arrays.
   */
  private boolean<T>(obj: object, keys: readonly string[], path: string, depth: number, where: string, others: readonly string[],
    child: (value: unknown, path: string, depth: number) => T): { kind: Kind; operands: T[] } | { kind: 'not'; operand: T } | undefined {
    const present = keys.filter((k): k is Kind => (BOOL_KEYS as readonly string[]).includes(k));
    let ok = true;
    if (present.length > 1) {
      this.push(report('json-ambiguous-node', 'kinds', { kinds: present.map((k) => `"${k}"`).join(' and ') }, { path }));
      ok = false;
    }
    const mixed = keys.filter((k) => others.includes(k));
    if (mixed.length > 0) {
      this.push(report('json-ambiguous-node', 'mixed', { kind: present[0]!, keys: mixed.map(quote).join(', ') }, { path }));
      ok = false;
    }
    for (const key of keys) {
      if ((BOOL_KEYS as readonly string[]).includes(key) || others.includes(key)) continue;
      this.unknownKey(key, path, `${where} "${present[0]!}" node`, BOOL_KEYS);
      ok = false;
    }
    if (this.tooDeep(depth, path)) return undefined;
    let result: { kind: Kind; operands: T[] } | { kind: 'not'; operand: T } | undefined;
    for (const kind of present) {
      const at = `${path}/${kind}`;
      const value = this.read(obj, kind, at);
      if (value === UNREADABLE) { ok = false; continue; }
      if (kind === 'not') {
        const operand = child(value, at, depth + 1); // read even when another kind came first, to report what is inside
        result ??= { kind, operand };
        continue;
      }
      if (!Array.isArray(value)) {
        this.push(report('json-invalid-node', 'notArray', { kind, what: where, found: describeValue(value) }, { path: at }));
        ok = false;
        continue;
      }
      if (value.length === 0) {
        this.push(report('json-empty-list', 'default', { kind }, { path: at }));
        ok = false;
        continue;
      }
      // Checked before the items are read, so a sparse `new Array(1e9)` costs nothing.
      if (value.length > this.maxNodes - this.nodes) {
        this.count(at, value.length);
        ok = false;
        continue;
      }
      const operands: T[] = [];
      this.items(value, at).forEach((item, i) => {
        operands.push(item === UNREADABLE ? (this.invalid(`${at}/${i}`) as T) : child(item, `${at}/${i}`, depth + 1));
      });
      result ??= { kind, operands };
    }
    return ok ? result : undefined;
  }

  /** `bool_filter` of spec §1. */
  filter(value: unknown, path: string, depth: number): ValidFilter {
    if (!this.count(path)) return this.invalid(path);
    if (!isObject(value)) {
      this.push(report('json-invalid-node', 'notFilter', { found: describeValue(value) }, { path }));
      return this.invalid(path);
    }
    const keys = this.keys(value, path);
    if (keys === undefined) return this.invalid(path);
    if (keys.some((k) => (BOOL_KEYS as readonly string[]).includes(k))) {
      const node = this.boolean(value, keys, path, depth, 'filter', EXPR_KEYS, (v, p, d) => this.filter(v, p, d));
      if (!node) return this.invalid(path);
      return 'operand' in node ? { kind: 'not', operand: node.operand, path } : { kind: node.kind as 'and' | 'or', operands: node.operands, path };
    }
    if (keys.some((k) => (EXPR_KEYS as readonly string[]).includes(k))) return this.expr(value, keys, path, depth) ?? this.invalid(path);
    if (keys.length === 0) {
      this.push(report('json-invalid-node', 'emptyFilter', {}, { path }));
    }
    for (const key of keys) this.unknownKey(key, path, 'a filter', [...BOOL_KEYS, ...EXPR_KEYS], EXPR_ALIASES);
    return this.invalid(path);
  }

  /** `{"field", "modifier"?, "is"}` or `{"field", "list_is"}`; undefined when it has errors. */
  private expr(obj: object, keys: readonly string[], path: string, depth: number): ValidFilter | undefined {
    let ok = true;
    const has = (k: string) => keys.includes(k);
    // The field is read first, so that every message can name it.
    const fieldValue = has('field') ? this.read(obj, 'field', `${path}/field`) : undefined;
    const field = typeof fieldValue === 'string' && fieldValue !== '' ? fieldValue : undefined;
    const subject = about(field, false);
    for (const key of keys) {
      if ((EXPR_KEYS as readonly string[]).includes(key)) continue;
      this.unknownKey(key, path, subject, EXPR_KEYS, EXPR_ALIASES);
      ok = false;
    }
    if (!has('field')) {
      this.push(report('json-invalid-node', 'noField', {}, { path }));
      ok = false;
    } else if (field === undefined && fieldValue !== UNREADABLE) {
      this.push(report('json-invalid-node', 'badField', { found: describeValue(fieldValue) }, { path: `${path}/field` }));
    }
    let modifier: string | undefined;
    if (has('modifier')) {
      const value = this.read(obj, 'modifier', `${path}/modifier`);
      if (has('list_is') && !has('is')) {
        this.push(report('json-unknown-key', 'modifierWithList', { subject: capital(subject) }, { path: `${path}/modifier` }));
        ok = false;
      } else if (typeof value === 'string' && value !== '') modifier = value;
      else if (value !== UNREADABLE) {
        this.push(report('json-invalid-node', 'badModifier', { subject, found: describeValue(value) }, { path: `${path}/modifier` }));
        ok = false;
      } else ok = false;
    }
    if (has('is') && has('list_is')) {
      this.push(report('json-ambiguous-node', 'isAndListIs', { subject: capital(subject) }, { path }));
      ok = false;
    } else if (!has('is') && !has('list_is')) {
      this.push(report('json-invalid-node', 'noTest', { subject: capital(subject) }, { path }));
      ok = false;
    }
    let condition: ValidCondition | undefined;
    let list: { quantifier: 'any' | 'all'; element: ValidConditionFilter } | undefined;
    if (has('is')) {
      const value = this.read(obj, 'is', `${path}/is`);
      if (value !== UNREADABLE) condition = this.condition(value, `${path}/is`, subject);
    }
    if (has('list_is')) {
      const value = this.read(obj, 'list_is', `${path}/list_is`);
      if (value !== UNREADABLE) list = this.listIs(value, `${path}/list_is`, depth, field);
    }
    if (!ok || field === undefined) return undefined;
    if (condition) return modifier === undefined ? { kind: 'is', field, condition, path } : { kind: 'is', field, modifier, condition, path };
    if (list) return { kind: 'list_is', field, quantifier: list.quantifier, element: list.element, path };
    return undefined;
  }

  /** `condition`: `[op, value]`, `"empty"` or `"is_null"`; `subject` names its column in messages. */
  condition(value: unknown, path: string, subject: string): ValidCondition | undefined {
    if (!this.count(path)) return undefined;
    if (value === 'empty' || value === 'is_null') return { kind: value, path };
    const args = { subject: capital(subject), found: describeValue(value) };
    if (typeof value === 'string') {
      const names = suggestNames(value, ['empty', 'is_null'], 1);
      this.push(report('json-invalid-condition', 'default', args, { path }, didYouMean(names)));
      return undefined;
    }
    if (!Array.isArray(value)) {
      const variant = isObject(value) ? 'object' : value === null ? 'null' : 'default';
      this.push(report('json-invalid-condition', variant, args, { path }));
      return undefined;
    }
    if (value.length !== 2) {
      this.push(value.length === 1 ? report('json-invalid-condition', 'oneItem', args, { path })
        : report('json-invalid-condition', 'items', { subject: args.subject, count: value.length }, { path }));
      return undefined;
    }
    const [op, operand] = this.items(value, path);
    const ok = this.operator(op, `${path}/0`, subject);
    const valueOk = this.value(operand, `${path}/1`, subject);
    return ok && valueOk ? { kind: 'compare', op: op as CompareOp, value: operand as WhereValue, path } : undefined;
  }

  private operator(op: unknown, path: string, subject: string): boolean {
    if (op === UNREADABLE) return false;
    if (typeof op !== 'string') {
      this.push(report('json-invalid-condition', 'operator', { subject, found: describeValue(op) }, { path }));
      return false;
    }
    if (OPS.has(op)) return true;
    const lower = op.toLowerCase();
    const alias = OPS.has(lower) ? lower : Object.prototype.hasOwnProperty.call(OPERATOR_ALIASES, lower) ? OPERATOR_ALIASES[lower] : undefined;
    const names = alias ? [alias] : suggestNames(op, COMPARE_OPS);
    const args = { op: quote(op), subject, ops: COMPARE_OPS.join(', ') };
    this.push(names.length === 0 ? report('json-unknown-operator', 'default', args, { path }, [])
      : report('json-unknown-operator', 'suggest', { ...args, names: orList(names) }, { path }, didYouMean(names)));
    return false;
  }

  private value(value: unknown, path: string, subject: string): boolean {
    if (value === UNREADABLE) return false;
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return true;
    if (typeof value === 'number' && !Number.isNaN(value)) {
      // JSON text such as `1e999` parses to Infinity.
      this.push(report('invalid-number', 'infinite', { subject, value }, { path }));
      return false;
    }
    const variant = value === null ? 'valueNull' : Array.isArray(value) ? 'valueArray' : 'value';
    this.push(report('json-invalid-condition', variant, { subject, found: describeValue(value) }, { path }));
    return false;
  }

  /** `list_condition`: `{"any": cond_filter}` or `{"all": cond_filter}`. */
  private listIs(value: unknown, path: string, depth: number, field: string | undefined): { quantifier: 'any' | 'all'; element: ValidConditionFilter } | undefined {
    if (this.tooDeep(depth, path)) return undefined;
    const of = field === undefined ? '' : ` of ${quote(field)}`;
    const keys = isObject(value) ? this.keys(value, path) : [];
    if (keys === undefined) return undefined;
    const quantifiers = keys.filter((k): k is 'any' | 'all' => (QUANTIFIERS as readonly string[]).includes(k));
    const bare = Array.isArray(value) || typeof value === 'string' || (isObject(value) && quantifiers.length === 0 && keys.some((k) => (BOOL_KEYS as readonly string[]).includes(k)));
    if (bare) {
      // The official docs write `"list_is": {"and": […]}`; their prose means "every element", hence `all`.
      const json = safeJson(value);
      this.push(report('json-missing-quantifier', 'default', { of }, { path },
        [{ message: formatMessage('json-missing-quantifier', 'fix', {}), replacement: json === undefined ? '{"all": …}' : `{"all":${json}}` }]));
      this.conditionFilter(value, path, depth + 1, field); // report what else is wrong inside, too
      return undefined;
    }
    if (!isObject(value)) {
      this.push(report('json-invalid-node', 'listIs', { of, found: describeValue(value) }, { path }));
      return undefined;
    }
    let ok = true;
    if (keys.length === 0) {
      this.push(report('json-invalid-node', 'listIsEmpty', { of }, { path }));
      ok = false;
    }
    if (quantifiers.length > 1) {
      this.push(report('json-ambiguous-node', 'quantifiers', { of }, { path }));
      ok = false;
    }
    for (const key of keys) {
      if ((QUANTIFIERS as readonly string[]).includes(key)) continue;
      this.unknownKey(key, path, `"list_is"${of}`, QUANTIFIERS, QUANTIFIER_ALIASES);
      ok = false;
    }
    let result: { quantifier: 'any' | 'all'; element: ValidConditionFilter } | undefined;
    for (const quantifier of quantifiers) {
      const at = `${path}/${quantifier}`;
      const inner = this.read(value, quantifier, at);
      if (inner === UNREADABLE) { ok = false; continue; }
      const element = this.conditionFilter(inner, at, depth + 1, field);
      result ??= { quantifier, element };
    }
    return ok ? result : undefined;
  }

  /** `cond_filter`: `and` / `or` / `not` over conditions on one element of `field`. */
  conditionFilter(value: unknown, path: string, depth: number, field: string | undefined): ValidConditionFilter {
    if (!this.count(path)) return this.invalid(path);
    const subject = about(field, true);
    if (Array.isArray(value) || typeof value === 'string') {
      const condition = this.condition(value, path, subject);
      return condition ? { kind: 'condition', condition, path } : this.invalid(path);
    }
    if (!isObject(value)) {
      this.push(report('json-invalid-node', 'notCondition', { subject: capital(subject), found: describeValue(value) }, { path }));
      return this.invalid(path);
    }
    const keys = this.keys(value, path);
    if (keys === undefined) return this.invalid(path);
    if (keys.some((k) => (BOOL_KEYS as readonly string[]).includes(k))) {
      const node = this.boolean(value, keys, path, depth, `element condition${field === undefined ? '' : ` of ${quote(field)}`}`, [],
        (v, p, d) => this.conditionFilter(v, p, d, field));
      if (!node) return this.invalid(path);
      return 'operand' in node ? { kind: 'not', operand: node.operand, path } : { kind: node.kind as 'and' | 'or', operands: node.operands, path };
    }
    if (keys.length === 0) this.push(report('json-invalid-node', 'emptyCondition', { subject: capital(subject) }, { path }));
    for (const key of keys) {
      if ((EXPR_KEYS as readonly string[]).includes(key)) {
        this.push(report('json-unknown-key', 'inElement', { key: quote(key), of: field === undefined ? '' : ` of ${quote(field)}` }, { path: `${path}/${pointerSegment(key)}` }));
      } else this.unknownKey(key, path, subject, BOOL_KEYS);
    }
    return this.invalid(path);
  }
}

/**
 * Validates an untrusted `where` value against the grammar of spec §1.
 * Never throws. Returns the validated tree only when there is no error;
 * diagnostics carry JSON Pointer paths into `input`.
 */
export function validateWhere(input: unknown, options: ValidateOptions = {}): ValidateResult {
  const maxDepth = typeof options.maxDepth === 'number' && options.maxDepth >= 0 ? options.maxDepth : DEFAULT_MAX_DEPTH;
  const maxNodes = typeof options.maxNodes === 'number' && options.maxNodes >= 0 ? options.maxNodes : DEFAULT_MAX_NODES;
  const validator = new Validator(maxDepth, maxNodes);
  let partial: ValidFilter | undefined;
  try {
    partial = validator.filter(input, '', 0);
  } catch (error) {
    // Only reachable with a limit too high for the stack, or an object whose traps throw where we did not expect.
    const deep = error instanceof RangeError;
    const reason = error instanceof Error ? error.message : String(error);
    validator.push(deep ? report('nesting-too-deep', 'stack', { limit: maxDepth }, { path: '' }) : report('internal-error', 'input', { reason }, { path: '' }));
    partial = undefined;
  }
  const diagnostics = validator.diagnostics;
  // Past the node limit the partial tree is as big as the limit allows: checking it would only repeat that cost.
  if (validator.overNodeLimit) partial = undefined;
  return { tree: diagnostics.some((d) => d.severity === 'error') ? undefined : partial, partial, diagnostics };
}
