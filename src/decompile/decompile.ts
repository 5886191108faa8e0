/**
 * The decompiler: untrusted `where` JSON → the typed AST, with the JSON path
 * of every node built.
 *
 * The law it keeps: for canonical JSON J (what the emitter produces),
 * `stringifyWhere(emitWhere(decompileTree(J).filter))` is J again, byte for
 * byte. So sugar is brought back only where its expansion is exact (`in` from
 * an `or` of `eq`, `between` from an `and` of `gte` then `lte`), and literal
 * kinds are chosen from the catalogue only where they print back to the same
 * JSON value. The one documented exception: `1` / `0` on a boolean column
 * become `true` / `false` (spec §2), with an info diagnostic.
 */
import type { BoolTree, CompareOp, ElementTest, FieldRef, Filter, Literal, ModifierRef, RowTest, Test } from '../ast/nodes.js';
import { tree } from '../ast/tree.js';
import type { WhereValue } from '../ast/where-json.js';
import { allBacklinks } from '../catalogue/builtin.js';
import { resolveField } from '../catalogue/resolve.js';
import type { Catalogue, ValueType } from '../catalogue/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { report, reportJsonInput, formatJsonInput } from '../diagnostics/messages.js';
import { DEFAULT_MAX_LIST_LENGTH, DEFAULT_MAX_NODES } from '../ast/validate.js';
import { jsonErrorOffset } from '../diagnostics/json-position.js';
import { scanJsonText } from '../diagnostics/json-scan.js';
import {
  DEFAULT_MAX_DEPTH, validateWhere,
  type ValidCondition, type ValidElementCondition, type ValidIs, type ValidListIs, type ValidTree,
} from './validate.js';
import { isInvalidPart, isValidBranch } from './valid-tree.js';
import { dateLiteralKind, isBareValue } from '../vocabulary/index.js';
import { quote } from './wording.js';

/**
 * Options for {@link decompileTree}, the stage itself. (The public
 * `decompile`'s `DecompileOptions` adds the printer's layout and checks each
 * value first.)
 */
export interface DecompileStageOptions {
  /** Columns of the endpoint, used to choose literal kinds and to read `1`/`0` on boolean columns. Default all-backlinks. */
  readonly catalogue?: Catalogue;
  /** Deepest accepted nesting of `and` / `or` / `not` / `list_is`. Default 128; deeper input gives `nesting-too-deep`. */
  readonly maxDepth?: number;
  /** Longest accepted string input, in UTF-16 code units. Default 1,000,000; longer gives `input-too-long`. */
  readonly maxLength?: number;
  /**
   * Most values of one `in (…)` list (default 1,000). An `or` of more `eq`
   * conditions stays an `or` chain in the text, so that it compiles back.
   */
  readonly maxListLength?: number;
  /**
   * Most nodes of the input, each counted every time it is reached (an object
   * shared by two parents counts twice). Default 100,000; more gives
   * `too-many-nodes`. JSON text within `maxLength` never has that many.
   */
  readonly maxNodes?: number;
}

/** The result of {@link decompileTree}. */
export interface DecompileTreeResult {
  /** The filter, or undefined when the JSON is malformed (then diagnostics has errors). */
  readonly filter: Filter | undefined;
  /**
   * When the JSON is malformed: the filter with an `invalid` node in place of
   * each malformed part, so that the checker can report type errors in the
   * rest (an unknown column beside a bad operator). Never emitted.
   */
  readonly partial?: Filter | undefined;
  /** Every problem found, each with `path` (a JSON Pointer such as `/and/2/is/0`) and no `range`. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * JSON path of every AST object built (Filter nodes, FieldRef, ModifierRef,
   * Test, Literal, ElementFilter nodes), so the checker can report type
   * errors with paths.
   */
  readonly paths: ReadonlyMap<object, string>;
}

/** Default limit on string input. */
export const DEFAULT_MAX_JSON_LENGTH = 1_000_000;


/** What the catalogue says about the values a test compares with. */
interface ValueInfo {
  readonly type: ValueType | undefined;
  readonly enumValues: readonly string[] | undefined;
  /** Whether `1` / `0` may be read as booleans: only where the test is well-formed for a boolean column. */
  readonly booleanColumn: boolean;
}

class Builder {
  readonly paths = new Map<object, string>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly catalogue: Catalogue, private readonly maxListLength: number) {}

  private at<T extends object>(node: T, path: string): T {
    this.paths.set(node, path);
    return node;
  }

  /**
   * The column reference of a condition. JSON goes to the API, which knows
   * columns by their API names only: an alias of the query language (`DR`)
   * is an error there, with the API name to use.
   */
  private field(name: string, path: string): FieldRef {
    const resolved = resolveField(this.catalogue, name);
    if (resolved?.viaAlias) {
      const apiName = resolved.apiName;
      this.diagnostics.push(reportJsonInput('json-field-alias', 'default', { name: quote(name), quotedApiName: quote(apiName), apiName }, { path },
        [{ message: formatJsonInput('json-field-alias', 'fix', { apiName }), replacement: apiName }]));
    }
    return this.at({ name }, path);
  }

  /** Value facts for a column, for `is` (the value itself) or `list_is` (its elements). */
  private info(field: string, list: boolean): ValueInfo {
    const resolved = resolveField(this.catalogue, field);
    if (!resolved) return { type: undefined, enumValues: undefined, booleanColumn: false };
    const isPath = resolved.type === 'unknown';
    return {
      type: resolved.type,
      enumValues: isPath ? undefined : resolved.column.enumValues,
      booleanColumn: !isPath && resolved.type === 'boolean' && resolved.column.array === list,
    };
  }

  private literal(value: WhereValue, op: CompareOp, info: ValueInfo, path: string): Literal {
    if (typeof value === 'boolean') return this.at({ kind: 'boolean', value }, path);
    if (typeof value === 'number') {
      if (info.booleanColumn && (op === 'eq' || op === 'neq') && (value === 1 || value === 0)) {
        this.diagnostics.push(reportJsonInput('json-boolean-as-number', 'default', { value, boolean: String(value === 1) }, { path }));
        return this.at({ kind: 'boolean', value: value === 1 }, path);
      }
      // Which numbers a column takes is the checker's rule (src/check/values.ts), the same for text and JSON.
      // -0 prints as 0 in JSON; keep the AST equal to what the JSON says.
      return this.at({ kind: 'number', value: value === 0 ? 0 : value }, path);
    }
    if (op === 'regex') return this.at({ kind: 'regex', value }, path);
    if (info.type === 'date' || info.type === 'datetime') {
      // Only forms the text language writes unquoted; the space-separated datetime stays a string so its bytes survive.
      const kind = dateLiteralKind(value);
      if (kind) return this.at({ kind, value }, path);
    }
    // An enum value spelled like a keyword, or not one plain word, stays quoted, or it would not parse back.
    const bare = info.enumValues !== undefined && isBareValue(value);
    return this.at({ kind: 'string', value, bare }, path);
  }

  private test(condition: ValidCondition, info: ValueInfo): Test {
    switch (condition.kind) {
      case 'empty':
        return this.at({ kind: 'empty' }, condition.path);
      case 'is_null':
        return this.at({ kind: 'null' }, condition.path);
      case 'compare':
        return this.at({ kind: 'compare', op: condition.op, value: this.literal(condition.value, condition.op, info, `${condition.path}/1`) }, condition.path);
    }
  }

  /** `in` from ≥2 `eq` conditions (already known to share field and modifier), in order. */
  private inTest(conditions: readonly ValidCondition[], info: ValueInfo, path: string): Test {
    const values = conditions.flatMap((c) => (c.kind === 'compare' ? [this.literal(c.value, c.op, info, `${c.path}/1`)] : []));
    return this.at({ kind: 'in', values }, path);
  }

  private betweenTest(low: ValidCondition, high: ValidCondition, info: ValueInfo, path: string): Test {
    if (low.kind !== 'compare' || high.kind !== 'compare') throw new Error('unreachable: between needs two comparisons');
    return this.at({
      kind: 'between',
      low: this.literal(low.value, low.op, info, `${low.path}/1`),
      high: this.literal(high.value, high.op, info, `${high.path}/1`),
    }, path);
  }

  /** A column condition, possibly sugared: `first` gives the field and modifier (and their paths). */
  private condition(first: ValidIs, test: (info: ValueInfo) => Test, path: string): RowTest {
    const field = this.field(first.field, `${first.path}/field`);
    const info = this.info(first.field, false);
    if (first.modifier === undefined) return this.at({ kind: 'condition', field, test: test(info) }, path);
    const modifier: ModifierRef = this.at({ name: first.modifier }, `${first.path}/modifier`);
    return this.at({ kind: 'condition', field, modifier, test: test(info) }, path);
  }

  /**
   * A one-operand `and` / `or` means its operand. The language has no way to
   * write the wrapper, so it is dropped here, with a note: the JSON compiled
   * back from the text lacks it (the emitter never produces one).
   */
  private single<T>(node: { kind: string; path: string; operands: readonly T[] }): T | undefined {
    if (node.operands.length !== 1) return undefined;
    this.diagnostics.push(reportJsonInput('json-single-operand', 'default', { kind: node.kind }, { path: node.path }));
    return node.operands[0];
  }

  /**
   * Either level of the validated tree into the AST's tree: `and` / `or` /
   * `not` here, with `in` and `between` brought back where an `or` / `and`
   * is exactly their expansion; the leaves and what "one column" means by
   * the level.
   */
  private tree<L, R>(node: ValidTree<L>, level: Level<L, R>): BoolTree<R> {
    if (isInvalidPart(node)) return this.at(tree.invalid(), node.path);
    if (!isValidBranch(node)) return level.leaf(node);
    if (node.kind === 'not') return this.at(tree.not(this.tree(node.operand, level)), node.path);
    const only = this.single(node);
    if (only) return this.tree(only, level);
    const { conditionOf, sameColumn } = level;
    if (node.kind === 'and') {
      const pair = betweenPair(node.operands, conditionOf, sameColumn);
      if (pair) return level.sugar(pair[0], (info) => this.betweenTest(conditionOf(pair[0])!, conditionOf(pair[1])!, info, node.path), node.path);
      return this.at(tree.and(node.operands.map((o) => this.tree(o, level))), node.path);
    }
    const eqs = inOperands(node.operands, conditionOf, sameColumn, this.maxListLength);
    if (eqs) return level.sugar(eqs[0]!, (info) => this.inTest(eqs.map((o) => conditionOf(o)!), info, node.path), node.path);
    return this.at(tree.or(node.operands.map((o) => this.tree(o, level))), node.path);
  }

  /** The top level: leaves are `is` and `list_is` conditions; sugar needs one field and modifier. */
  private readonly rows: Level<ValidIs | ValidListIs, RowTest> = {
    conditionOf: (o) => (o.kind === 'is' ? o.condition : undefined),
    sameColumn: (a, b) => a.kind === 'is' && b.kind === 'is' && a.field === b.field && a.modifier === b.modifier,
    sugar: (first, test, path) => this.condition(first as ValidIs, test, path),
    leaf: (node) => {
      if (node.kind === 'is') return this.condition(node, (info) => this.test(node.condition, info), node.path);
      const field = this.field(node.field, `${node.path}/field`);
      const element = this.tree(node.element, this.elements(this.info(node.field, true)));
      return this.at({ kind: 'list', quantifier: node.quantifier, field, element }, node.path);
    },
  };

  /** Inside `list_is`: every condition is on the one element, whose value facts are `info`. */
  private elements(info: ValueInfo): Level<ValidElementCondition, ElementTest> {
    return {
      conditionOf: (o) => (o.kind === 'condition' ? o.condition : undefined),
      sameColumn: () => true,
      sugar: (_first, test, path) => this.at({ kind: 'test', test: test(info) }, path),
      leaf: (node) => this.at({ kind: 'test', test: this.test(node.condition, info) }, node.path),
    };
  }

  /** The whole validated filter. */
  filter(node: ValidTree<ValidIs | ValidListIs>): Filter {
    return this.tree(node, this.rows);
  }
}

/** What differs between the two levels of the tree for the builder; the boolean structure is shared. */
interface Level<L, R> {
  /** The condition of an operand that is a plain leaf condition (the material of `in` and `between`). */
  readonly conditionOf: (node: ValidTree<L>) => ValidCondition | undefined;
  /** Whether two operands test one column (with one modifier), so that sugar may join them. */
  readonly sameColumn: (a: ValidTree<L>, b: ValidTree<L>) => boolean;
  /** The leaf that replaces an `in` / `between` expansion whose first operand is `first`. */
  readonly sugar: (first: ValidTree<L>, test: (info: ValueInfo) => Test, path: string) => R;
  /** A leaf as it is. */
  readonly leaf: (node: L) => R;
}

/**
 * The operands of an `or` that is exactly the expansion of `in`: two or more
 * `eq` on one column, and no more than an `in (…)` list may hold (a longer
 * `or` is what `compile` emits for a long `or` chain; it stays one).
 */
function inOperands<T>(operands: readonly T[], conditionOf: (o: T) => ValidCondition | undefined, same: (a: T, b: T) => boolean,
  maxListLength: number): readonly T[] | undefined {
  if (operands.length < 2 || operands.length > maxListLength) return undefined; // a one-operand `or` is not what `in` emits
  for (const o of operands) {
    const c = conditionOf(o);
    if (c?.kind !== 'compare' || c.op !== 'eq' || !same(operands[0]!, o)) return undefined;
  }
  return operands;
}

/** The operands of an `and` that is exactly the expansion of `between`: `gte` then `lte` on one column. */
function betweenPair<T>(operands: readonly T[], conditionOf: (o: T) => ValidCondition | undefined, same: (a: T, b: T) => boolean): readonly [T, T] | undefined {
  if (operands.length !== 2) return undefined;
  const [a, b] = operands as [T, T];
  const low = conditionOf(a);
  const high = conditionOf(b);
  if (low?.kind !== 'compare' || low.op !== 'gte' || high?.kind !== 'compare' || high.op !== 'lte' || !same(a, b)) return undefined;
  return [a, b];
}

/** Line and column (1-based) of a UTF-16 offset, for the `json-syntax` message. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) { line++; start = i + 1; }
  }
  return { line, column: offset - start + 1 };
}

function failure(diagnostics: readonly Diagnostic[], partial?: Filter, paths: ReadonlyMap<object, string> = new Map()): DecompileTreeResult {
  return { filter: undefined, partial, diagnostics, paths };
}

/**
 * The `field` of the condition a JSON Pointer leads into, so that a message
 * about a number or a key inside it can name the column (spec §3).
 */
function fieldAt(root: unknown, path: string): string | undefined {
  let node = root;
  let field: string | undefined;
  for (const segment of ['', ...path.split('/').slice(1)]) {
    if (segment !== '') {
      const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
      if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) break;
      node = (node as Record<string, unknown>)[key];
    }
    const own = typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as Record<string, unknown>)['field'] : undefined;
    if (typeof own === 'string') field = own;
  }
  return field;
}

/** What `JSON.parse` would silently lose from the text: duplicate keys, numbers it cannot carry exactly. */
function textDiagnostics(text: string, value: unknown): Diagnostic[] {
  return scanJsonText(text).map((finding) => {
    const field = fieldAt(value, finding.path);
    const where = field === undefined ? '' : ` in the condition on ${quote(field)}`;
    if (finding.kind === 'duplicate-key') {
      const key = quote(finding.key);
      return field === undefined ? reportJsonInput('json-duplicate-key', 'default', { key }, { path: finding.path })
        : reportJsonInput('json-duplicate-key', 'condition', { key, field: quote(field) }, { path: finding.path });
    }
    const { printed, text, variant } = finding.problem;
    return report('invalid-number', variant, { text, printed, where }, { path: finding.path });
  });
}

/**
 * Reads untrusted `where` JSON (a parsed value, or the JSON string sent to
 * the API) into the AST. Never throws: malformed input gives `filter:
 * undefined` and diagnostics with the JSON path of each problem. Sugar comes
 * back where it is exact (`in`, `between`), so that emitting the result gives
 * canonical input back byte for byte.
 *
 * @example
 * decompileTree('{"or":[{"field":"link_type","is":["eq","text"]},{"field":"link_type","is":["eq","image"]}]}').filter;
 * // { kind: 'condition', field: { name: 'link_type' }, test: { kind: 'in', values: [text, image] } }
 */
export function decompileTree(input: unknown, options: DecompileStageOptions = {}): DecompileTreeResult {
  const limit = (value: unknown, fallback: number) => (typeof value === 'number' && value >= 0 ? value : fallback);
  const maxLength = limit(options.maxLength, DEFAULT_MAX_JSON_LENGTH);
  const maxDepth = limit(options.maxDepth, DEFAULT_MAX_DEPTH);
  let value = input;
  const early: Diagnostic[] = [];
  if (typeof input === 'string') {
    if (input.length > maxLength) {
      return failure([report('input-too-long', 'default', { what: 'JSON', length: input.length, limit: maxLength, option: 'maxLength' }, { path: '' })]);
    }
    // A byte order mark is how some editors start a UTF-8 file; it is not part of the JSON.
    const bom = input.charCodeAt(0) === 0xfeff ? 1 : 0;
    const text = bom ? input.slice(1) : input;
    try {
      // V8 parses JSON without recursion, so even 100,000 nested objects parse; the validator enforces the depth limit.
      value = JSON.parse(text);
    } catch (error) { // expected: user text that is not JSON; the error's message goes into the diagnostic
      const reason = error instanceof Error ? error.message : String(error);
      const offset = (jsonErrorOffset(text) ?? text.length) + bom;
      const { line, column } = lineColumn(input, offset);
      return failure([reportJsonInput('json-syntax', 'default', { line, column, offset, reason }, { path: '' })]);
    }
    early.push(...textDiagnostics(text, value));
  }
  const validated = validateWhere(value, { maxDepth, maxNodes: limit(options.maxNodes, DEFAULT_MAX_NODES) });
  const diagnostics = [...early, ...validated.diagnostics];
  if (!validated.partial) return failure(diagnostics);
  const builder = new Builder(options.catalogue ?? allBacklinks, limit(options.maxListLength, DEFAULT_MAX_LIST_LENGTH));
  let filter: Filter;
  try {
    filter = builder.filter(validated.partial);
  } catch (error) {
    // The validated tree is no deeper than maxDepth; only an absurd limit can exhaust the stack here.
    if (error instanceof RangeError) return failure([...diagnostics, report('nesting-too-deep', 'stack', { limit: maxDepth }, { path: '' })]);
    throw error;
  }
  const all = [...diagnostics, ...builder.diagnostics];
  if (validated.tree && !all.some((d) => d.severity === 'error')) return { filter, diagnostics: all, paths: builder.paths };
  // Without a filter there is no text, so the builder's notes on how the text reads (json-single-operand, …) are moot.
  return failure(all.filter((d) => d.severity !== 'info'), filter, builder.paths);
}
