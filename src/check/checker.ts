/**
 * The type checker (spec §3): resolves every column reference against the
 * endpoint's catalogue and checks each test's operator and value against the
 * typing table in ./rules.ts. It reports every problem it finds, not the
 * first. Its input is a well-typed tree: the parser's (with recovery gaps),
 * the decompiler's, or one built in code and validated at the API entry
 * (src/ast/validate.ts); on such trees it does not throw.
 */
import type { CompareOp, ElementFilter, FieldRef, Filter, Literal, ModifierRef, SourceRange, Test } from '../ast/nodes.js';
import { COMPARE_OPS } from '../ast/where-json.js';
import { findModifier, resolveField, suggestColumns } from '../catalogue/resolve.js';
import type { Catalogue, Column, ResolvedField } from '../catalogue/types.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { diagnostic, sortDiagnostics, type Diagnostic, type Location, type Suggestion } from '../diagnostics/diagnostic.js';
import { suggestNames } from '../diagnostics/suggest.js';
import { quoteEnumValue, quoteName } from '../vocabulary/index.js';
import { validateRegex } from './re2-syntax.js';
import { allowedTests, isUnchecked, OP_TEXT, TYPE_RULES, typeKeyOf, type TypeKey, type ValueKind } from './rules.js';
import { dateKind, describeLiteral, numberProblem, quoted } from './values.js';

/** Options of {@link checkFilter}. */
export interface CheckOptions {
  /** JSON paths of nodes built by the decompiler (keys are AST objects: nodes, FieldRefs, Tests, Literals), so diagnostics on JSON input carry `path` instead of `range`. */
  readonly paths?: ReadonlyMap<object, string>;
}

/** What {@link checkFilter} learns about a filter. */
export interface CheckResult {
  /** Every problem found, sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The column each field reference resolved to; unresolved references are absent. */
  readonly references: ReadonlyMap<FieldRef, ResolvedField>;
  /** Distinct columns used, in first-use order (for unit costs and `select`). */
  readonly columns: readonly Column[];
}

/** What a test is applied to: a column's value, or one element of an array column. */
interface Target {
  /** The name as the API knows it (a dotted path for object fields). */
  readonly name: string;
  readonly key: TypeKey;
  readonly enumValues: readonly string[] | undefined;
  /** False only when the catalogue says the value is never null (then `is null` is always false). */
  readonly nullable: boolean;
  readonly element: boolean;
}

const COMPARE_SET: ReadonlySet<string> = new Set(COMPARE_OPS);
const NUMERIC_TEXT = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;

type Located = object | undefined;

/** Whether the typing table lets a value of `key` be written as `kind`. */
function accepts(key: TypeKey, kind: ValueKind): boolean {
  return (TYPE_RULES[key].values as readonly ValueKind[]).includes(kind);
}

class Checker {
  readonly diagnostics: Diagnostic[] = [];
  readonly references = new Map<FieldRef, ResolvedField>();
  readonly columns: Column[] = [];
  private readonly used = new Set<Column>();
  /** Nodes already checked: a shared subtree is reported once, and a cyclic hand-built tree cannot loop. */
  private readonly visited = new Set<object>();
  /** Nodes whose parent is a `not`: a null test there reads `is not null`, which is worded as such. */
  private readonly negated = new Set<object>();

  constructor(
    private readonly catalogue: Catalogue,
    private readonly paths: ReadonlyMap<object, string> | undefined,
  ) {}

  // ------------------------------------------------------------ locations and reporting

  /** The first of `nodes` that has a range or a path: the most precise place the parser or decompiler recorded. */
  private where(nodes: readonly Located[]): Location {
    for (const node of nodes) {
      if (!node) continue;
      const range = (node as { range?: SourceRange }).range;
      const path = this.paths?.get(node);
      if (range || path !== undefined) return { range, path };
    }
    return {};
  }

  /** JSON input gets messages in JSON words (`"eq"`, `"is_null"`); text input in the language's (`=`, `is null`). */
  private isJson(nodes: readonly Located[]): boolean {
    const at = this.where(nodes);
    return at.range === undefined && at.path !== undefined;
  }

  private report(code: DiagnosticCode, message: string, nodes: readonly Located[], suggestions?: readonly Suggestion[]): void {
    this.diagnostics.push(diagnostic(code, message, this.where(nodes), suggestions));
  }

  private replace(text: string, node: Located): Suggestion {
    const range = (node as { range?: SourceRange } | undefined)?.range;
    return range ? { message: `Replace with ${text}`, replacement: text, range } : { message: `Replace with ${text}`, replacement: text };
  }

  // ------------------------------------------------------------ walking

  /** Walks the boolean tree with an explicit stack: depth costs heap, never call stack. */
  run(root: Filter): void {
    const stack: unknown[] = [root];
    while (stack.length > 0) {
      const node = stack.pop();
      if (typeof node !== 'object' || node === null || this.visited.has(node)) continue;
      this.visited.add(node);
      const n = node as Filter;
      switch (n.kind) {
        case 'and':
        case 'or':
          // Reversed, so that operands are visited left to right and `columns` keeps first-use order.
          if (Array.isArray(n.operands)) for (let i = n.operands.length - 1; i >= 0; i--) stack.push(n.operands[i]);
          break;
        case 'not':
          stack.push(n.operand);
          this.negated.add(n.operand);
          break;
        case 'condition':
          this.condition(n);
          break;
        case 'list':
          this.list(n);
          break;
        default:
          // `invalid` (its syntax error is already reported) and anything unknown: nothing to type.
          break;
      }
    }
  }

  private elements(root: ElementFilter, target: Target | undefined, owner: Located): void {
    const stack: unknown[] = [root];
    while (stack.length > 0) {
      const node = stack.pop();
      if (typeof node !== 'object' || node === null || this.visited.has(node)) continue;
      this.visited.add(node);
      const n = node as ElementFilter;
      if ((n.kind === 'and' || n.kind === 'or') && Array.isArray(n.operands)) {
        for (let i = n.operands.length - 1; i >= 0; i--) stack.push(n.operands[i]);
      } else if (n.kind === 'not') {
        stack.push(n.operand);
        this.negated.add(n.operand);
      } else if (n.kind === 'test' && n.test) {
        if (target) this.test(n.test, target, [n.test, n, owner]);
        else this.untypedTest(n.test);
      }
    }
  }

  // ------------------------------------------------------------ columns and modifiers

  private resolve(field: FieldRef | undefined, owner: Located): ResolvedField | undefined {
    if (!field || typeof field.name !== 'string') return undefined;
    const resolved = resolveField(this.catalogue, field.name);
    if (!resolved) {
      const names = suggestColumns(this.catalogue, field.name);
      const hint = names.length > 0 ? `; did you mean ${names.map((n) => `"${n}"`).join(' or ')}?` : '.';
      this.report('unknown-column', `Unknown column "${field.name}" on ${this.catalogue.name}${hint}`, [field, owner],
        // In text the replacement is written as a name must be (backticks for `and`, `a b`); JSON keeps the bare API name.
        names.map((n) => ({ message: `Replace with "${n}"`, replacement: field.range ? quoteName(n) : n, ...(field.range ? { range: field.range } : {}) })));
      return undefined;
    }
    this.references.set(field, resolved);
    if (!this.used.has(resolved.column)) {
      this.used.add(resolved.column);
      this.columns.push(resolved.column);
    }
    return resolved;
  }

  private unchecked(what: string, nodes: readonly Located[]): void {
    this.report('unchecked-column-type', `${what}: the catalogue does not give its value type, so values and operators are not checked here.`, nodes);
  }

  /** Checks a modifier; returns false when it cannot apply (then the test is still checked as if it were absent). */
  private modifier(ref: ModifierRef, resolved: ResolvedField | undefined, path: boolean, owner: Located): boolean {
    if (typeof ref.name !== 'string') return false;
    const modifier = findModifier(this.catalogue, ref.name);
    if (!modifier) {
      const known = this.catalogue.modifiers.map((m) => m.name);
      const names = suggestNames(ref.name, known);
      const accepted = known.length > 0 ? `; this endpoint accepts ${known.join(', ')}` : '; this endpoint accepts none';
      const cased = known.find((k) => k.toLowerCase() === ref.name.toLowerCase());
      const hint = cased ? ` (modifier names are case-sensitive: write "${cased}")` : '';
      this.report('unknown-modifier', `Unknown modifier "${ref.name}"${accepted}${hint}.`, [ref, owner],
        names.map((n) => this.replace(n, ref)));
      return false;
    }
    if (!resolved) return false;
    const column = resolved.column;
    if (path) return true; // an untyped object field may well be a string
    if (column.array || !modifier.appliesTo.includes(column.type)) {
      const kind = column.array ? 'an array column' : `${TYPE_RULES[typeKeyOf(column.type, column.enumValues)].article} column`;
      this.report('modifier-not-allowed', `${modifier.name} applies to string columns only; ${column.name} is ${kind}.`, [ref, owner]);
      return false;
    }
    return true;
  }

  // ------------------------------------------------------------ filters

  private condition(node: Extract<Filter, { kind: 'condition' }>): void {
    const resolved = this.resolve(node.field, node);
    const path = resolved !== undefined && resolved.apiName !== resolved.column.name;
    const modified = node.modifier ? this.modifier(node.modifier, resolved, path, node) : false;
    if (!resolved) {
      this.untypedTest(node.test);
      return;
    }
    const column = resolved.column;
    if (column.array && !path) {
      // An array is tested as a whole only for emptiness and null (spec §3); its values through any/all.
      const test = node.test;
      if (test?.kind === 'null') this.nullTest(column.nullable, column.name, this.negated.has(node), [test, node]);
      else if (test?.kind !== 'empty') {
        this.report('array-needs-quantifier',
          `${column.name} is an array column: test its elements with any(${column.name}) … or all(${column.name}) …, or the array itself with is empty / is null.`,
          [test, node]);
      }
      return;
    }
    // With `uppercase`, an enum column's value is no longer one of its values: check it as a plain string.
    const key = path ? 'unknown' : modified && column.enumValues ? typeKeyOf(column.type, undefined) : typeKeyOf(column.type, column.enumValues);
    if (isUnchecked(key)) {
      this.unchecked(path ? `${resolved.apiName} is a field inside the object column ${column.name}` : `${column.name} is an object column`, [node.field, node]);
    }
    const target: Target = {
      name: resolved.apiName,
      key,
      enumValues: key === 'enum' ? column.enumValues : undefined,
      // A path's own nullability is unknown, and unknown counts as nullable.
      nullable: path || column.nullable,
      element: false,
    };
    if (node.test) this.test(node.test, target, [node.test, node]);
  }

  private list(node: Extract<Filter, { kind: 'list' }>): void {
    const resolved = this.resolve(node.field, node);
    if (!resolved) {
      if (node.element) this.elements(node.element, undefined, node);
      return;
    }
    const column = resolved.column;
    const path = resolved.apiName !== column.name;
    const quantifier = node.quantifier === 'all' ? 'all' : 'any';
    if (!column.array && !path) {
      const rule = TYPE_RULES[typeKeyOf(column.type, column.enumValues)];
      this.report('quantifier-needs-array',
        `${quantifier}(…) applies to array columns only; ${column.name} is ${rule.article} column: test it directly, as in ${column.name} ${OP_TEXT[rule.ops[0]!]} ….`,
        [node.field, node]);
      return;
    }
    const key: TypeKey = path ? 'unknown' : typeKeyOf(column.type, column.enumValues);
    if (isUnchecked(key)) {
      this.unchecked(path ? `${resolved.apiName} is a field inside the object column ${column.name}` : `The elements of ${column.name}`, [node.field, node]);
    }
    // Array elements may be null (spec §3), so `is null` on an element is a real test.
    const target: Target = { name: resolved.apiName, key, enumValues: key === 'enum' ? column.enumValues : undefined, nullable: true, element: true };
    if (node.element) this.elements(node.element, target, node);
  }

  // ------------------------------------------------------------ tests and values

  private subject(t: Target): string {
    const article = TYPE_RULES[t.key].article;
    return t.element ? `Each element of ${t.name} is ${article}` : `${t.name} is ${article} column`;
  }

  /** `negated`: the test sits directly under a `not` (`x is not null`), which makes it always true, not always false. */
  private nullTest(nullable: boolean, name: string, negated: boolean, nodes: readonly Located[]): void {
    if (nullable) return;
    const json = this.isJson(nodes);
    const test = json ? (negated ? `{"not": … "is_null"}` : '"is_null"') : `\`${name} is ${negated ? 'not ' : ''}null\``;
    const verdict = negated ? 'always true: it keeps every row' : 'always false: it keeps no row';
    this.report('null-test-never-true', `${name} is never null (the catalogue says so), so ${test} is ${verdict}.`, nodes);
  }

  private notAllowed(label: string, t: Target, nodes: readonly Located[]): void {
    const allowed = allowedTests(TYPE_RULES[t.key], t.nullable, this.isJson(nodes));
    this.report('operator-not-allowed', `${this.subject(t)}: ${label} is not allowed; allowed: ${allowed.join(', ')}.`, nodes);
  }

  private opLabel(op: string, nodes: readonly Located[]): string {
    return this.isJson(nodes) || !(op in OP_TEXT) ? `"${op}"` : `\`${OP_TEXT[op as CompareOp]}\``;
  }

  private test(test: Test, t: Target, nodes: readonly Located[]): void {
    const rule = TYPE_RULES[t.key];
    switch (test.kind) {
      case 'null': {
        // nodes[1] is the condition or element-test node that holds the test.
        const holder = nodes[1];
        this.nullTest(t.nullable, t.name, holder !== undefined && this.negated.has(holder), nodes);
        return;
      }
      case 'empty':
        if (!rule.empty) this.notAllowed(this.isJson(nodes) ? '"empty"' : '`is empty`', t, nodes);
        return;
      case 'compare':
        if (!COMPARE_SET.has(test.op) || !(rule.ops as readonly string[]).includes(test.op)) {
          this.notAllowed(this.opLabel(test.op, nodes), t, nodes);
          return;
        }
        this.value(test.value, test.op, t, test, nodes);
        return;
      case 'in':
        if (!Array.isArray(test.values)) return;
        if (test.values.length < 2) {
          this.report('list-too-short', `\`in (…)\` on ${t.name} needs at least two values; for one value write = instead.`, nodes);
        }
        for (const value of test.values) this.value(value, 'eq', t, test, nodes);
        return;
      case 'between':
        if (!(rule.ops as readonly string[]).includes('gte')) {
          this.notAllowed('`between`', t, nodes);
          return;
        }
        this.value(test.low, 'gte', t, test, nodes);
        this.value(test.high, 'lte', t, test, nodes);
        return;
    }
  }

  /** A test on a column that did not resolve: only what needs no type (`null` as a value, regex syntax). */
  private untypedTest(test: Test | undefined): void {
    if (!test) return;
    const values = test.kind === 'compare' ? [test.value] : test.kind === 'in' && Array.isArray(test.values) ? test.values : test.kind === 'between' ? [test.low, test.high] : [];
    for (const value of values) if (value?.kind === 'null') this.nullValue(value, test, '?');
  }

  private nullValue(value: Literal, test: Test, name: string, at: readonly Located[] = [value, test]): void {
    const op = test.kind === 'compare' ? test.op : undefined;
    const fix = op === 'eq' ? 'is null' : op === 'neq' ? 'is not null' : undefined;
    const how = name === '?' ? '`is null` / `is not null`' : `"${name} is null" / "${name} is not null"`;
    // The suggestion replaces the operator and the value; the test's range spans exactly those when the parser gives one.
    const suggestions: Suggestion[] = fix && test.range ? [{ message: `Replace with ${fix}`, replacement: fix, range: test.range }] : [];
    this.report('null-value', `null is not a value that can be compared; test for it with ${how}.`, at, suggestions);
  }

  private mismatch(t: Target, value: Literal, expected: string, at: readonly Located[], suggestion?: Suggestion): void {
    this.report('value-type-mismatch', `${this.subject(t)}: expected ${expected}, found ${describeLiteral(value)}.`, at, suggestion ? [suggestion] : undefined);
  }

  private value(value: Literal | undefined, op: CompareOp, t: Target, test: Test, outer: readonly Located[]): void {
    const at: readonly Located[] = [value, ...outer];
    if (typeof value !== 'object' || value === null) return;
    if (value.kind === 'null') {
      this.nullValue(value, test, t.name, at);
      return;
    }
    if (op === 'regex') {
      if (value.kind !== 'regex' && !(value.kind === 'string' && !value.bare)) {
        this.mismatch(t, value, 'a /regex/ pattern', at);
        return;
      }
      this.pattern(value.value, t, at);
      return;
    }
    if (value.kind === 'regex') {
      this.mismatch(t, value, `${TYPE_RULES[t.key].expected}: a /regex/ goes only with matches`, at);
      return;
    }
    const rule = TYPE_RULES[t.key];
    if (isUnchecked(t.key)) return;
    const kind: ValueKind = value.kind === 'string' && value.bare ? 'bare' : value.kind;
    if (!accepts(t.key, kind)) {
      this.wrongKind(t, value, kind, at);
      return;
    }
    switch (t.key) {
      case 'integer':
      case 'float':
        if (value.kind === 'number') {
          const problem = numberProblem(value.value, t.key);
          if (problem === 'a safe integer') {
            this.report('invalid-number', `${this.subject(t)}: ${describeLiteral(value)} is beyond ±(2^53 − 1) = ±9007199254740991, `
              + 'where not every integer has a number of its own, so it could stand for its neighbours; use a value within that range.', at);
          } else if (problem) this.mismatch(t, value, problem, at);
        }
        return;
      case 'enum':
        if (value.kind === 'string' && !(t.enumValues ?? []).includes(value.value)) {
          const names = suggestNames(value.value, t.enumValues ?? []);
          const hint = names.length > 0 ? `; did you mean ${names.map((n) => `"${n}"`).join(' or ')}?` : '.';
          this.report('unknown-enum-value',
            `"${value.value}" is not a value of ${t.element ? `the elements of ${t.name}` : t.name}; expected one of ${(t.enumValues ?? []).join(', ')}${hint}`,
            // In text a value spelled like a keyword or not a plain word must be quoted (`country = "IN"`), as completion does.
            at, names.map((n) => this.replace(value.range ? quoteEnumValue(n) : n, value)));
        }
        return;
      case 'date':
      case 'datetime':
        this.date(t, value, at);
        return;
      default:
        return;
    }
  }

  /** A value of a kind the type's row does not list. */
  private wrongKind(t: Target, value: Literal, kind: ValueKind, at: readonly Located[]): void {
    const rule = TYPE_RULES[t.key];
    const text = String((value as { value?: unknown }).value);
    const textual = accepts(t.key, 'string') && t.key !== 'date' && t.key !== 'datetime';
    if (kind === 'bare' && textual) {
      this.report('bare-word-value', `${this.subject(t)}: only enum values may be written without quotes; write ${quoted(value)}.`,
        at, [this.replace(quoted(value), value)]);
      return;
    }
    let suggestion: Suggestion | undefined;
    if (textual && t.key !== 'enum') suggestion = this.replace(quoted(value), value);
    else if ((t.key === 'integer' || t.key === 'float') && value.kind === 'string' && NUMERIC_TEXT.test(value.value.trim())) {
      suggestion = this.replace(value.value.trim(), value);
    } else if (t.key === 'boolean' && (text === '1' || text === '0' || /^(true|false)$/i.test(text))) {
      suggestion = this.replace(String(text === '1' || /^true$/i.test(text)), value);
    }
    const expected = t.key === 'enum' ? `one of ${(t.enumValues ?? []).join(', ')}` : rule.expected;
    this.mismatch(t, value, expected, at, suggestion);
  }

  private date(t: Target, value: Literal, at: readonly Located[]): void {
    const found = value.kind === 'string' ? dateKind(value.value) : value.kind === 'datetime' ? 'datetime' : 'date';
    if (found === undefined) {
      this.mismatch(t, value, `${TYPE_RULES[t.key].expected} in ISO 8601 form`, at);
    } else if (t.key === 'date' && found === 'datetime') {
      this.mismatch(t, value, 'a date without a time (YYYY-MM-DD)', at, this.replace(String((value as { value: string }).value).slice(0, 10), value));
    }
  }

  private pattern(pattern: string, t: Target, at: readonly Located[]): void {
    if (typeof pattern !== 'string') return;
    const result = validateRegex(pattern, this.catalogue.regexDialect);
    if (result.ok) return;
    const offset = result.offset !== undefined ? ` (at offset ${result.offset} of the pattern)` : '';
    const lead = result.code === 'wildcard-pattern-only'
      ? `${this.catalogue.name} matches ${t.name} against wildcard patterns, not regexes`
      : result.code === 'unsupported-regex-feature' ? `The regex for ${t.name} uses a feature RE2 lacks`
        : result.code === 'regex-too-large' ? `The regex for ${t.name} is too large`
          : result.code === 'internal-error' ? `The regex for ${t.name} could not be checked` : `The regex for ${t.name} is not valid RE2`;
    this.report(result.code, `${lead}: ${result.message}${offset}.`, at);
  }
}

/**
 * Type-checks a filter against an endpoint's catalogue (spec §3). Reports
 * every problem (unknown columns and modifiers with "did you mean"
 * suggestions, operators the type does not allow, values of the wrong type,
 * enum values, RE2 syntax, array quantifiers), sorted by position.
 * `invalid` nodes are skipped (the parser reported them). Expects a tree of
 * the AST's types: validate trees from elsewhere with `validateFilterTree`.
 *
 * @example
 * checkFilter(parse('DR >= "50"').document.filter!, allBacklinks).diagnostics[0].message;
 * // 'domain_rating_source is a float column: expected a number, found the string "50".'
 */
export function checkFilter(filter: Filter, catalogue: Catalogue, options: CheckOptions = {}): CheckResult {
  // No try/catch here: trees reach the checker validated (src/ast/validate.ts), and an exception would be a
  // bug that the API layer reports as `internal-error` rather than one to hide behind partial results.
  const checker = new Checker(catalogue, options.paths);
  checker.run(filter);
  return { diagnostics: sortDiagnostics(checker.diagnostics), references: checker.references, columns: checker.columns };
}

export { validateRegex } from './re2-syntax.js';
