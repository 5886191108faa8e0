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
import type {
  ValidCondition, ValidConditionFilter, ValidElementCondition, ValidFilter, ValidIs, ValidListIs, ValidTree,
} from './valid-tree.js';
import { COMPARE_OPS, type WhereValue } from '../ast/where-json.js';
import { DEFAULT_MAX_NODES } from '../ast/validate.js';
import { pointerSegment, type Diagnostic } from '../diagnostics/diagnostic.js';
import { report, reportJsonInput, formatJsonInput } from '../diagnostics/messages.js';
import { suggestNames } from '../diagnostics/suggest.js';
import { isObject, JsonReader, UNREADABLE } from './json-reader.js';
import { describeValue } from '../vocabulary/index.js';
import { about, capital, didYouMean, EXPR_ALIASES, OPERATOR_ALIASES, orList, QUANTIFIER_ALIASES, quote, safeJson } from './wording.js';

export type {
  InvalidPart, ValidCondition, ValidConditionFilter, ValidElementCondition, ValidFilter, ValidIs, ValidListIs, ValidTree,
} from './valid-tree.js';

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

const isBoolKey = (key: string): key is Kind => (BOOL_KEYS as readonly string[]).includes(key);
const isExprKey = (key: string): boolean => (EXPR_KEYS as readonly string[]).includes(key);

/**
 * What differs between the grammar's two boolean levels (`bool_filter` over
 * column conditions, `cond_filter` over element conditions): everything
 * else, `and` / `or` / `not` and the limits, is {@link Validator.tree}.
 */
interface Level<L> {
  /** What the level's nodes are called in messages (`filter`, `element condition of "x"`). */
  readonly what: string;
  /** The keys of a leaf object, which an `and` / `or` / `not` object must not hold beside its kind. */
  readonly leafKeys: readonly string[];
  /** A value that is not an object: a leaf of its own (`["eq", …]` in a cond_filter) or an error. */
  notObject(value: unknown, path: string): ValidTree<L>;
  /** An object without `and` / `or` / `not`: the leaf, or the place of one with its errors reported. */
  leaf(obj: object, keys: readonly string[], path: string, depth: number): ValidTree<L>;
}

class Validator extends JsonReader {
  /** The top level: `bool_filter` of spec §1. */
  readonly filters: Level<ValidIs | ValidListIs> = {
    what: 'filter',
    leafKeys: EXPR_KEYS,
    notObject: (value, path) => {
      this.push(reportJsonInput('json-invalid-node', 'notFilter', { found: describeValue(value) }, { path }));
      return this.invalid(path);
    },
    leaf: (obj, keys, path, depth) => {
      if (keys.some(isExprKey)) return this.expr(obj, keys, path, depth) ?? this.invalid(path);
      if (keys.length === 0) this.push(reportJsonInput('json-invalid-node', 'emptyFilter', {}, { path }));
      for (const key of keys) this.unknownKey(key, path, 'a filter', [...BOOL_KEYS, ...EXPR_KEYS], EXPR_ALIASES);
      return this.invalid(path);
    },
  };

  /** The level inside `list_is`: `cond_filter`, conditions on one element of `field`. */
  private elements(field: string | undefined): Level<ValidElementCondition> {
    const subject = about(field, true);
    const of = field === undefined ? '' : ` of ${quote(field)}`;
    return {
      what: `element condition${of}`,
      leafKeys: [],
      notObject: (value, path) => {
        if (Array.isArray(value) || typeof value === 'string') {
          const condition = this.condition(value, path, subject);
          return condition ? { kind: 'condition', condition, path } : this.invalid(path);
        }
        this.push(reportJsonInput('json-invalid-node', 'notCondition', { subject: capital(subject), found: describeValue(value) }, { path }));
        return this.invalid(path);
      },
      leaf: (_obj, keys, path) => {
        if (keys.length === 0) this.push(reportJsonInput('json-invalid-node', 'emptyCondition', { subject: capital(subject) }, { path }));
        for (const key of keys) {
          if (isExprKey(key)) this.push(reportJsonInput('json-unknown-key', 'inElement', { key: quote(key), of }, { path: `${path}/${pointerSegment(key)}` }));
          else this.unknownKey(key, path, subject, BOOL_KEYS);
        }
        return this.invalid(path);
      },
    };
  }

  /** A node of either level: counted, then `and` / `or` / `not` here and the rest by the level. */
  tree<L>(value: unknown, path: string, depth: number, level: Level<L>): ValidTree<L> {
    if (!this.count(path)) return this.invalid(path);
    if (!isObject(value)) return level.notObject(value, path);
    const keys = this.keys(value, path);
    if (keys === undefined) return this.invalid(path);
    if (!keys.some(isBoolKey)) return level.leaf(value, keys, path, depth);
    return this.boolean(value, keys, path, depth, level) ?? this.invalid(path);
  }

  /**
   * An `and` / `or` / `not` object of either level: one kind per object,
   * non-empty operand arrays; undefined when it has errors (all reported,
   * the operands' too).
   */
  private boolean<L>(obj: object, keys: readonly string[], path: string, depth: number, level: Level<L>): ValidTree<L> | undefined {
    const present = keys.filter(isBoolKey);
    const others = level.leafKeys;
    let ok = true;
    if (present.length > 1) {
      this.push(reportJsonInput('json-ambiguous-node', 'kinds', { kinds: present.map((k) => `"${k}"`).join(' and ') }, { path }));
      ok = false;
    }
    const mixed = keys.filter((k) => others.includes(k));
    if (mixed.length > 0) {
      this.push(reportJsonInput('json-ambiguous-node', 'mixed', { kind: present[0]!, keys: mixed.map(quote).join(', ') }, { path }));
      ok = false;
    }
    for (const key of keys) {
      if (isBoolKey(key) || others.includes(key)) continue;
      this.unknownKey(key, path, `${level.what} "${present[0]!}" node`, BOOL_KEYS);
      ok = false;
    }
    if (this.tooDeep(depth, path)) return undefined;
    let result: ValidTree<L> | undefined;
    for (const kind of present) {
      const at = `${path}/${kind}`;
      const value = this.read(obj, kind, at);
      if (value === UNREADABLE) { ok = false; continue; }
      if (kind === 'not') {
        const operand = this.tree(value, at, depth + 1, level); // read even when another kind came first, to report what is inside
        result ??= { kind, operand, path };
        continue;
      }
      if (!Array.isArray(value)) {
        this.push(reportJsonInput('json-invalid-node', 'notArray', { kind, what: level.what, found: describeValue(value) }, { path: at }));
        ok = false;
        continue;
      }
      if (value.length === 0) {
        this.push(reportJsonInput('json-empty-list', 'default', { kind }, { path: at }));
        ok = false;
        continue;
      }
      // Checked before the items are read, so a sparse `new Array(1e9)` costs nothing.
      if (!this.fits(value.length)) {
        this.count(at, value.length);
        ok = false;
        continue;
      }
      const operands = this.items(value, at).map((item, i) => (item === UNREADABLE ? this.invalid(`${at}/${i}`) : this.tree(item, `${at}/${i}`, depth + 1, level)));
      result ??= { kind, operands, path };
    }
    return ok ? result : undefined;
  }

  /** `{"field", "modifier"?, "is"}` or `{"field", "list_is"}`; undefined when it has errors. */
  private expr(obj: object, keys: readonly string[], path: string, depth: number): ValidIs | ValidListIs | undefined {
    let ok = true;
    const has = (k: string) => keys.includes(k);
    // The field is read first, so that every message can name it.
    const fieldValue = has('field') ? this.read(obj, 'field', `${path}/field`) : undefined;
    const field = typeof fieldValue === 'string' && fieldValue !== '' ? fieldValue : undefined;
    const subject = about(field, false);
    for (const key of keys) {
      if (isExprKey(key)) continue;
      this.unknownKey(key, path, subject, EXPR_KEYS, EXPR_ALIASES);
      ok = false;
    }
    if (!has('field')) {
      this.push(reportJsonInput('json-invalid-node', 'noField', {}, { path }));
      ok = false;
    } else if (field === undefined && fieldValue !== UNREADABLE) {
      this.push(reportJsonInput('json-invalid-node', 'badField', { found: describeValue(fieldValue) }, { path: `${path}/field` }));
    }
    let modifier: string | undefined;
    if (has('modifier')) {
      const value = this.read(obj, 'modifier', `${path}/modifier`);
      if (has('list_is') && !has('is')) {
        this.push(reportJsonInput('json-unknown-key', 'modifierWithList', { subject: capital(subject) }, { path: `${path}/modifier` }));
        ok = false;
      } else if (typeof value === 'string' && value !== '') modifier = value;
      else if (value !== UNREADABLE) {
        this.push(reportJsonInput('json-invalid-node', 'badModifier', { subject, found: describeValue(value) }, { path: `${path}/modifier` }));
        ok = false;
      } else ok = false;
    }
    if (has('is') && has('list_is')) {
      this.push(reportJsonInput('json-ambiguous-node', 'isAndListIs', { subject: capital(subject) }, { path }));
      ok = false;
    } else if (!has('is') && !has('list_is')) {
      this.push(reportJsonInput('json-invalid-node', 'noTest', { subject: capital(subject) }, { path }));
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
      this.push(reportJsonInput('json-invalid-condition', 'default', args, { path }, didYouMean(names)));
      return undefined;
    }
    if (!Array.isArray(value)) {
      const variant = isObject(value) ? 'object' : value === null ? 'null' : 'default';
      this.push(reportJsonInput('json-invalid-condition', variant, args, { path }));
      return undefined;
    }
    if (value.length !== 2) {
      this.push(value.length === 1 ? reportJsonInput('json-invalid-condition', 'oneItem', args, { path })
        : reportJsonInput('json-invalid-condition', 'items', { subject: args.subject, count: value.length }, { path }));
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
      this.push(reportJsonInput('json-invalid-condition', 'operator', { subject, found: describeValue(op) }, { path }));
      return false;
    }
    if (OPS.has(op)) return true;
    const lower = op.toLowerCase();
    const alias = OPS.has(lower) ? lower : Object.prototype.hasOwnProperty.call(OPERATOR_ALIASES, lower) ? OPERATOR_ALIASES[lower] : undefined;
    const names = alias ? [alias] : suggestNames(op, COMPARE_OPS);
    const args = { op: quote(op), subject, ops: COMPARE_OPS.join(', ') };
    this.push(names.length === 0 ? reportJsonInput('json-unknown-operator', 'default', args, { path }, [])
      : reportJsonInput('json-unknown-operator', 'suggest', { ...args, names: orList(names) }, { path }, didYouMean(names)));
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
    this.push(reportJsonInput('json-invalid-condition', variant, { subject, found: describeValue(value) }, { path }));
    return false;
  }

  /** `list_condition`: `{"any": cond_filter}` or `{"all": cond_filter}`. */
  private listIs(value: unknown, path: string, depth: number, field: string | undefined): { quantifier: 'any' | 'all'; element: ValidConditionFilter } | undefined {
    if (this.tooDeep(depth, path)) return undefined;
    const of = field === undefined ? '' : ` of ${quote(field)}`;
    const keys = isObject(value) ? this.keys(value, path) : [];
    if (keys === undefined) return undefined;
    const quantifiers = keys.filter((k): k is 'any' | 'all' => (QUANTIFIERS as readonly string[]).includes(k));
    const bare = Array.isArray(value) || typeof value === 'string' || (isObject(value) && quantifiers.length === 0 && keys.some(isBoolKey));
    if (bare) {
      // The official docs write `"list_is": {"and": […]}`; their prose means "every element", hence `all`.
      const json = safeJson(value);
      this.push(reportJsonInput('json-missing-quantifier', 'default', { of }, { path },
        [{ message: formatJsonInput('json-missing-quantifier', 'fix', {}), replacement: json === undefined ? '{"all": …}' : `{"all":${json}}` }]));
      this.tree(value, path, depth + 1, this.elements(field)); // report what else is wrong inside, too
      return undefined;
    }
    if (!isObject(value)) {
      this.push(reportJsonInput('json-invalid-node', 'listIs', { of, found: describeValue(value) }, { path }));
      return undefined;
    }
    let ok = true;
    if (keys.length === 0) {
      this.push(reportJsonInput('json-invalid-node', 'listIsEmpty', { of }, { path }));
      ok = false;
    }
    if (quantifiers.length > 1) {
      this.push(reportJsonInput('json-ambiguous-node', 'quantifiers', { of }, { path }));
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
      const element = this.tree(inner, at, depth + 1, this.elements(field));
      result ??= { quantifier, element };
    }
    return ok ? result : undefined;
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
    partial = validator.tree(input, '', 0, validator.filters);
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
