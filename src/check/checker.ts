/**
 * The type checker (spec §3): resolves every column reference against the
 * endpoint's catalogue and checks each test's operator and value against the
 * typing table in ./rules.ts. It reports every problem it finds, not the
 * first. Its input is a well-typed tree: the parser's (with recovery gaps),
 * the decompiler's, or one built in code and validated at the API entry
 * (src/ast/validate.ts); on such trees it does not throw.
 */
import type { FieldRef, Filter, ListNode, ConditionNode, ModifierRef } from '../ast/nodes.js';
import { isBranch, isInvalid, type BoolTree } from '../ast/tree.js';
import { findModifier, resolveField, suggestColumns } from '../catalogue/resolve.js';
import type { Catalogue, Column, ResolvedField } from '../catalogue/types.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatMessage, report } from '../diagnostics/messages.js';
import { suggestNames } from '../diagnostics/suggest.js';
import { OPERATOR_TEXT, quoteName } from '../vocabulary/index.js';
import { analyzeFilter } from './analysis/index.js';
import { orList, Reporter, type Located } from './reporter.js';
import { isUnchecked, TYPE_RULES, typeKeyOf, type TypeKey } from './rules.js';
import { TestChecker, type Target } from './tests.js';

/** Options of {@link checkFilter}. */
export interface CheckOptions {
  /** JSON paths of nodes built by the decompiler (keys are AST objects: nodes, FieldRefs, Tests, Literals), so diagnostics on JSON input carry `path` instead of `range`. */
  readonly paths?: ReadonlyMap<object, string>;
  /** The text the ranges point into, for the static analysis's fixes (./analysis). */
  readonly source?: string;
  /** False skips the static analysis (never-matches, …); default true. */
  readonly analysis?: boolean;
  /** The tree was parsed, decompiled or validated at the entry (src/ast/validate.ts): the analysis need not validate it again. */
  readonly trusted?: boolean;
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

/**
 * Visits every leaf of a boolean tree, row or element level alike (one walk
 * for both), left to right, telling each whether its parent is a `not` (a
 * null test there reads `is not null`). Not `foldTree`: the checker promises
 * not to throw or loop on any tree handed to it, even an unvalidated one
 * (very deep, cyclic, `operands` not an array; see test/check/properties),
 * so it walks with an explicit stack (depth costs heap, never call stack),
 * skips what is not a node, and enters each branch once.
 */
function visitLeaves<L extends object>(root: BoolTree<L>, visit: (leaf: L, negated: boolean) => void): void {
  const entered = new Set<object>();
  const stack: { node: unknown; negated: boolean }[] = [{ node: root, negated: false }];
  while (stack.length > 0) {
    const { node, negated } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    const n = node as BoolTree<L>;
    if (isBranch(n)) {
      if (entered.has(n)) continue;
      entered.add(n);
      // Reversed, so that operands are visited left to right and `columns` keeps first-use order.
      if (n.kind === 'not') stack.push({ node: n.operand, negated: true });
      else if (Array.isArray(n.operands)) for (let i = n.operands.length - 1; i >= 0; i--) stack.push({ node: n.operands[i], negated: false });
    } else if (!isInvalid(n)) visit(n as L, negated); // `invalid`: its syntax error is already reported
  }
}

/**
 * Distinct unknown names per check that get a did-you-mean search (about half
 * a millisecond each against a catalogue's hundred names): later ones are
 * reported without suggestions, so that a `where` object of 40,000 unknown
 * columns (1 MB of JSON) costs milliseconds, not 20 s. A name repeated is
 * searched once.
 */
export const MAX_SUGGESTED_NAMES = 100;

class Checker {
  readonly references = new Map<FieldRef, ResolvedField>();
  /** Unknown name → its did-you-mean names, for the first {@link MAX_SUGGESTED_NAMES} distinct names. */
  private readonly suggested = new Map<string, string[]>();
  readonly columns: Column[] = [];
  private readonly used = new Set<Column>();
  /** Leaves already checked: a subtree shared by two parents is reported once. */
  private readonly visited = new Set<object>();
  private readonly tests: TestChecker;

  constructor(private readonly r: Reporter) {
    this.tests = new TestChecker(r);
  }

  private get catalogue(): Catalogue {
    return this.r.catalogue;
  }

  private once(node: object): boolean {
    if (this.visited.has(node)) return false;
    this.visited.add(node);
    return true;
  }

  run(root: Filter): void {
    visitLeaves(root, (node, negated) => {
      if (!this.once(node)) return;
      if (node.kind === 'condition') this.condition(node, negated);
      else if (node.kind === 'list') this.list(node);
    });
  }

  // ------------------------------------------------------------ columns and modifiers

  private suggestions(name: string): string[] {
    let names = this.suggested.get(name);
    if (names === undefined) {
      names = this.suggested.size < MAX_SUGGESTED_NAMES ? suggestColumns(this.catalogue, name) : [];
      if (this.suggested.size < MAX_SUGGESTED_NAMES) this.suggested.set(name, names);
    }
    return names;
  }

  private resolve(field: FieldRef | undefined, owner: Located): ResolvedField | undefined {
    if (!field || typeof field.name !== 'string') return undefined;
    const resolved = resolveField(this.catalogue, field.name);
    if (!resolved) {
      const names = this.suggestions(field.name);
      const args = { column: field.name, endpoint: this.catalogue.name };
      // In text the replacement is written as a name must be (backticks for `and`, `a b`); JSON keeps the bare API name.
      const fixes = names.map((n) => ({
        message: formatMessage('unknown-column', 'fix', { name: n }),
        replacement: field.range ? quoteName(n) : n,
        ...(field.range ? { range: field.range } : {}),
      }));
      const where = this.r.where([field, owner]);
      this.r.push(names.length === 0 ? report('unknown-column', 'default', args, where, fixes)
        : report('unknown-column', 'suggest', { ...args, names: orList(names) }, where, fixes));
      return undefined;
    }
    this.references.set(field, resolved);
    if (!this.used.has(resolved.column)) {
      this.used.add(resolved.column);
      this.columns.push(resolved.column);
    }
    return resolved;
  }

  /** The `unchecked-column-type` warning when the catalogue cannot type `key`. */
  private unchecked(key: TypeKey, resolved: ResolvedField, path: boolean, elements: boolean, nodes: readonly Located[]): void {
    if (!isUnchecked(key)) return;
    const column = resolved.column.name;
    const where = this.r.where(nodes);
    this.r.push(path ? report('unchecked-column-type', 'path', { field: resolved.apiName, column }, where)
      : report('unchecked-column-type', elements ? 'elements' : 'object', { column }, where));
  }

  /** Checks a modifier; returns false when it cannot apply (then the test is still checked as if it were absent). */
  private modifier(ref: ModifierRef, resolved: ResolvedField | undefined, path: boolean, owner: Located): boolean {
    if (typeof ref.name !== 'string') return false;
    const modifier = findModifier(this.catalogue, ref.name);
    const where = this.r.where([ref, owner]);
    if (!modifier) {
      const known = this.catalogue.modifiers.map((m) => m.name);
      const fixes = suggestNames(ref.name, known).map((n) => this.r.replace('value-type-mismatch', n, ref));
      const cased = known.find((k) => k.toLowerCase() === ref.name.toLowerCase());
      const args = { modifier: ref.name, accepted: known.join(', ') };
      this.r.push(known.length === 0 ? report('unknown-modifier', 'none', { modifier: ref.name }, where, fixes)
        : cased ? report('unknown-modifier', 'cased', { ...args, cased }, where, fixes)
          : report('unknown-modifier', 'default', args, where, fixes));
      return false;
    }
    if (!resolved) return false;
    const column = resolved.column;
    if (path) return true; // an untyped object field may well be a string
    if (column.array || !modifier.appliesTo.includes(column.type)) {
      const article = TYPE_RULES[typeKeyOf(column.type, column.enumValues)].article;
      this.r.push(column.array ? report('modifier-not-allowed', 'array', { modifier: modifier.name, column: column.name }, where)
        : report('modifier-not-allowed', 'default', { modifier: modifier.name, column: column.name, article }, where));
      return false;
    }
    return true;
  }

  // ------------------------------------------------------------ row tests

  private condition(node: ConditionNode, negated: boolean): void {
    const resolved = this.resolve(node.field, node);
    const path = resolved !== undefined && resolved.apiName !== resolved.column.name;
    const modified = node.modifier ? this.modifier(node.modifier, resolved, path, node) : false;
    if (!resolved) {
      this.tests.untypedTest(node.test);
      return;
    }
    const column = resolved.column;
    if (column.array && !path) {
      // An array is tested as a whole only for emptiness and null (spec §3); its values through any/all.
      const test = node.test;
      if (test?.kind === 'null') this.tests.nullTest(column.nullable, column.name, negated, [test, node]);
      else if (test?.kind !== 'empty') this.r.push(report('array-needs-quantifier', 'default', { column: column.name }, this.r.where([test, node])));
      return;
    }
    // With `uppercase`, an enum column's value is no longer one of its values: check it as a plain string.
    const key = path ? 'unknown' : modified && column.enumValues ? typeKeyOf(column.type, undefined) : typeKeyOf(column.type, column.enumValues);
    this.unchecked(key, resolved, path, false, [node.field, node]);
    const target: Target = {
      name: resolved.apiName,
      key,
      enumValues: key === 'enum' ? column.enumValues : undefined,
      // A path's own nullability is unknown, and unknown counts as nullable.
      nullable: path || column.nullable,
      element: false,
    };
    if (node.test) this.tests.test(node.test, target, [node.test, node], negated);
  }

  private list(node: ListNode): void {
    const resolved = this.resolve(node.field, node);
    let target: Target | undefined;
    if (resolved) {
      const column = resolved.column;
      const path = resolved.apiName !== column.name;
      if (!column.array && !path) {
        const rule = TYPE_RULES[typeKeyOf(column.type, column.enumValues)];
        this.r.push(report('quantifier-needs-array', 'default', {
          quantifier: node.quantifier === 'all' ? 'all' : 'any', column: column.name, article: rule.article, operator: OPERATOR_TEXT[rule.ops[0]!],
        }, this.r.where([node.field, node])));
        return;
      }
      const key: TypeKey = path ? 'unknown' : typeKeyOf(column.type, column.enumValues);
      this.unchecked(key, resolved, path, true, [node.field, node]);
      // Array elements may be null (spec §3), so `is null` on an element is a real test.
      target = { name: resolved.apiName, key, enumValues: key === 'enum' ? column.enumValues : undefined, nullable: true, element: true };
    }
    if (!node.element) return;
    visitLeaves(node.element, (leaf, negated) => {
      if (!this.once(leaf) || leaf.kind !== 'test' || !leaf.test) return;
      if (target) this.tests.test(leaf.test, target, [leaf.test, leaf, node], negated);
      else this.tests.untypedTest(leaf.test);
    });
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
  const reporter = new Reporter(catalogue, options.paths);
  const checker = new Checker(reporter);
  checker.run(filter);
  // The analysis judges meaning, so only a tree without type errors: its warnings come after them (never-matches, …).
  if (options.analysis !== false && !hasErrors(reporter.diagnostics)) {
    reporter.diagnostics.push(...analyzeFilter(filter, checker.references, { source: options.source, paths: options.paths, trusted: options.trusted }));
  }
  return { diagnostics: sortDiagnostics(reporter.diagnostics), references: checker.references, columns: checker.columns };
}

export { validateRegex } from './re2-syntax.js';
