/**
 * Well-typed, canonical filter ASTs for any catalogue.
 *
 * "Canonical" is the form the decompiler produces from the JSON the emitter
 * writes, so that `decompileTree(emitWhere(a)).filter` deep-equals `a`
 * (ranges aside). The rules below mirror src/decompile/decompile.ts:
 * - columns by their API name, never an alias; modifiers in lower case;
 * - `and` / `or` with two or more operands (one operand is unwrapped);
 * - an `or` of ≥2 `eq` on one column (and modifier) is an `in`, and an `and`
 *   of exactly `gte` then `lte` on one column is a `between`: generated trees
 *   are re-sugared the same way (see {@link canonicalFilter});
 * - `in` has ≥2 values; literals get the kind the decompiler gives their JSON
 *   value (see {@link canonicalLiteral}): `regex` for the `regex` operator,
 *   `date` / `datetime` for the unquoted ISO forms on date columns, bare
 *   strings only for identifier-like enum values that are not keywords.
 */
import fc from 'fast-check';
import type { CompareOp, ElementFilter, Filter, Literal, Test } from '../ast/nodes.js';
import type { Catalogue, Column, RegexDialect } from '../catalogue/types.js';
import { dateLiteralKind } from '../ast/dates.js';
import { isStringType, whereValueFor } from './values.js';

/** Options of {@link filterAst}. */
export interface FilterAstOptions {
  /** Deepest nesting of `and` / `or` / `not` (and of the tree inside `any`/`all`). Default 3. */
  readonly maxDepth?: number;
  /** Most operands of one `and` / `or`. Default 3 (at least 2). */
  readonly maxOperands?: number;
  /** Most values of one `in (…)`. Default 4 (at least 2). */
  readonly maxListValues?: number;
  /**
   * Only columns a local predicate can evaluate: leaves out filter-only
   * columns (never returned in rows). Default false.
   */
  readonly evaluable?: boolean;
  /** Restricts the columns used (after the built-in exclusions). */
  readonly columns?: (column: Column) => boolean;
}

/**
 * Words of the query language. A string spelled like one prints quoted, so
 * the decompiler never marks it bare. Mirrors KEYWORDS in
 * src/decompile/decompile.ts (test/laws/roundtrip.test.ts catches drift).
 */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'not', 'in', 'between', 'is', 'null', 'empty', 'true', 'false', 'contains', 'icontains',
  'phrase', 'starts', 'ends', 'with', 'matches', 'any', 'all',
]);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

const ORDERED: readonly CompareOp[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'];
const STRING_OPS: readonly CompareOp[] = [...ORDERED, 'substring', 'isubstring', 'phrase_match', 'iphrase_match', 'prefix', 'suffix', 'regex'];

/** The operators spec §3 allows on a column's values (an array column's elements). */
export function operatorsFor(column: Column): readonly CompareOp[] {
  if (column.enumValues) return ['eq', 'neq'];
  switch (column.type) {
    case 'integer': case 'float': case 'date': case 'datetime': return ORDERED;
    case 'boolean': return ['eq', 'neq'];
    case 'string': case 'url': case 'domain': return STRING_OPS;
    default: return [];
  }
}

/** Whether `between` applies (the column's values are ordered). */
export function isOrdered(column: Column): boolean {
  return operatorsFor(column).includes('gte');
}

/** Columns whose type the checker knows fully (object paths and `array(null)` only get a warning). */
export function isCheckable(column: Column): boolean {
  return column.type !== 'object' && column.type !== 'unknown';
}

/** The literal the decompiler builds for a JSON value compared with `op` on `column` (mirrors `Builder.literal`). */
export function canonicalLiteral(value: string | number | boolean, op: CompareOp, column: Column): Literal {
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'number') return { kind: 'number', value: value === 0 ? 0 : value };
  if (op === 'regex') return { kind: 'regex', value };
  if (column.type === 'date' || column.type === 'datetime') {
    const kind = dateLiteralKind(value);
    if (kind) return { kind, value };
  }
  const bare = column.enumValues !== undefined && IDENTIFIER.test(value) && !KEYWORDS.has(value.toLowerCase());
  return { kind: 'string', value, bare };
}

function literal(column: Column, op: CompareOp, dialect: RegexDialect): fc.Arbitrary<Literal> {
  return whereValueFor(column, op, dialect).map((v) => canonicalLiteral(v, op, column));
}

/** The tests a column's value (or element, when `element`) admits, well-typed. */
function testsFor(column: Column, dialect: RegexDialect, element: boolean, maxValues: number, withModifier: boolean): fc.Arbitrary<Test>[] {
  const ops = operatorsFor(column);
  const tests: fc.Arbitrary<Test>[] = [];
  if (ops.length > 0) {
    tests.push(fc.constantFrom(...ops).chain((op) => literal(column, op, dialect).map((value): Test => ({ kind: 'compare', op, value }))));
    tests.push(fc.array(literal(column, 'eq', dialect), { minLength: 2, maxLength: Math.max(2, maxValues) }).map((values): Test => ({ kind: 'in', values })));
  }
  if (isOrdered(column)) {
    tests.push(fc.tuple(literal(column, 'gte', dialect), literal(column, 'lte', dialect)).map(([low, high]): Test => ({ kind: 'between', low, high })));
  }
  // `empty` and `is null` test the column itself; with a modifier they would test its upper-cased copy.
  if (!withModifier) {
    if (isStringType(column) && !column.enumValues) tests.push(fc.constant<Test>({ kind: 'empty' }));
    // Array elements may always be null (spec §3); a column only when nullable (else a warning).
    if (element || column.nullable) tests.push(fc.constant<Test>({ kind: 'null' }));
  }
  return tests;
}

/** The `any(col) …` / `all(col) …` element tree, re-sugared like the decompiler. */
function elementFilter(column: Column, dialect: RegexDialect, o: Required<Pick<FilterAstOptions, 'maxDepth' | 'maxOperands' | 'maxListValues'>>): fc.Arbitrary<ElementFilter> {
  const leaf = fc.oneof(...testsFor(column, dialect, true, o.maxListValues, false)).map((test): ElementFilter => ({ kind: 'test', test }));
  const { tree } = fc.letrec<{ tree: ElementFilter }>((tie) => ({
    tree: fc.oneof(
      { maxDepth: Math.max(0, o.maxDepth - 1), depthIdentifier: 'element' },
      leaf,
      fc.array(tie('tree'), { minLength: 2, maxLength: o.maxOperands }).map((operands): ElementFilter => ({ kind: 'and', operands })),
      fc.array(tie('tree'), { minLength: 2, maxLength: o.maxOperands }).map((operands): ElementFilter => ({ kind: 'or', operands })),
      tie('tree').map((operand): ElementFilter => ({ kind: 'not', operand })),
    ),
  }));
  return tree.map(canonicalElement);
}

/** One leaf on a column: a condition (possibly with a modifier), or `any`/`all` and `is empty`/`is null` on arrays. */
function leafFor(column: Column, catalogue: Catalogue, o: Required<Pick<FilterAstOptions, 'maxDepth' | 'maxOperands' | 'maxListValues'>>): fc.Arbitrary<Filter> {
  const field = { name: column.name };
  const dialect = catalogue.regexDialect;
  if (column.array) {
    const own: Test[] = [{ kind: 'empty' }, ...(column.nullable ? [{ kind: 'null' } as Test] : [])];
    const options: fc.Arbitrary<Filter>[] = [fc.constantFrom(...own).map((test): Filter => ({ kind: 'condition', field: { ...field }, test }))];
    if (operatorsFor(column).length > 0) {
      options.unshift(fc.tuple(fc.constantFrom<'any' | 'all'>('any', 'all'), elementFilter(column, dialect, o))
        .map(([quantifier, element]): Filter => ({ kind: 'list', quantifier, field: { ...field }, element })));
    }
    return fc.oneof(...options);
  }
  const plain = fc.oneof(...testsFor(column, dialect, false, o.maxListValues, false)).map((test): Filter => ({ kind: 'condition', field: { ...field }, test }));
  const modifiers = column.enumValues ? [] : catalogue.modifiers.filter((m) => m.appliesTo.includes(column.type));
  if (modifiers.length === 0) return plain;
  const modified = fc.tuple(fc.constantFrom(...modifiers), fc.oneof(...testsFor(column, dialect, false, o.maxListValues, true)))
    .map(([m, test]): Filter => ({ kind: 'condition', field: { ...field }, modifier: { name: m.name.toLowerCase() }, test }));
  return fc.oneof({ arbitrary: plain, weight: 3 }, { arbitrary: modified, weight: 1 });
}

/** The columns {@link filterAst} draws from. */
export function usableColumns(catalogue: Catalogue, options: Pick<FilterAstOptions, 'evaluable' | 'columns'> = {}): Column[] {
  return catalogue.columns.filter((c) => isCheckable(c) && (!options.evaluable || c.returned) && (options.columns?.(c) ?? true));
}

/**
 * Well-typed canonical filter ASTs over a catalogue's columns: they check
 * without diagnostics, emit `where` JSON, and decompile back to themselves.
 * Shrinks towards a single leaf on the first usable column.
 */
export function filterAst(catalogue: Catalogue, options: FilterAstOptions = {}): fc.Arbitrary<Filter> {
  const o = {
    maxDepth: options.maxDepth ?? 3,
    maxOperands: Math.max(2, options.maxOperands ?? 3),
    maxListValues: Math.max(2, options.maxListValues ?? 4),
  };
  const columns = usableColumns(catalogue, options);
  if (columns.length === 0) throw new Error(`filterAst: catalogue "${catalogue.name}" has no column to filter on with these options.`);
  const leaf = fc.constantFrom(...columns).chain((c) => leafFor(c, catalogue, o));
  const { tree } = fc.letrec<{ tree: Filter }>((tie) => ({
    tree: fc.oneof(
      { maxDepth: o.maxDepth, depthIdentifier: 'filter' },
      leaf,
      fc.array(tie('tree'), { minLength: 2, maxLength: o.maxOperands }).map((operands): Filter => ({ kind: 'and', operands })),
      fc.array(tie('tree'), { minLength: 2, maxLength: o.maxOperands }).map((operands): Filter => ({ kind: 'or', operands })),
      tie('tree').map((operand): Filter => ({ kind: 'not', operand })),
    ),
  }));
  return tree.map(canonicalFilter);
}

// ------------------------------------------------------------------ re-sugaring

type Condition = Extract<Filter, { kind: 'condition' }>;
const isCompare = (f: Filter, op: CompareOp): f is Condition & { test: Extract<Test, { kind: 'compare' }> } =>
  f.kind === 'condition' && f.test.kind === 'compare' && f.test.op === op;
const sameColumn = (a: Condition, b: Condition) => a.field.name === b.field.name && a.modifier?.name === b.modifier?.name;

/**
 * Brings back the sugar the decompiler would: the shapes whose JSON is
 * exactly that of `in` / `between` become `in` / `between` (node by node,
 * top-down, as the decompiler reads JSON).
 */
export function canonicalFilter(node: Filter): Filter {
  switch (node.kind) {
    case 'and': {
      const [a, b] = node.operands;
      if (node.operands.length === 2 && a && b && isCompare(a, 'gte') && isCompare(b, 'lte') && sameColumn(a, b)) {
        return { ...a, test: { kind: 'between', low: a.test.value, high: b.test.value } };
      }
      return { kind: 'and', operands: node.operands.map(canonicalFilter) };
    }
    case 'or': {
      const first = node.operands[0];
      if (first && isCompare(first, 'eq') && node.operands.every((x) => isCompare(x, 'eq') && sameColumn(first, x))) {
        return { ...first, test: { kind: 'in', values: node.operands.map((x) => ((x as Condition).test as Extract<Test, { kind: 'compare' }>).value) } };
      }
      return { kind: 'or', operands: node.operands.map(canonicalFilter) };
    }
    case 'not':
      return { kind: 'not', operand: canonicalFilter(node.operand) };
    default:
      return node;
  }
}

const elementCompare = (e: ElementFilter, op: CompareOp): Literal | undefined =>
  e.kind === 'test' && e.test.kind === 'compare' && e.test.op === op ? e.test.value : undefined;

/** {@link canonicalFilter} for the element tree inside `any` / `all` (one column, so no column check). */
export function canonicalElement(node: ElementFilter): ElementFilter {
  switch (node.kind) {
    case 'and': {
      const [a, b] = node.operands;
      const low = a && elementCompare(a, 'gte');
      const high = b && elementCompare(b, 'lte');
      if (node.operands.length === 2 && low && high) return { kind: 'test', test: { kind: 'between', low, high } };
      return { kind: 'and', operands: node.operands.map(canonicalElement) };
    }
    case 'or': {
      const values = node.operands.map((x) => elementCompare(x, 'eq'));
      if (values.every((v) => v !== undefined)) return { kind: 'test', test: { kind: 'in', values: values as Literal[] } };
      return { kind: 'or', operands: node.operands.map(canonicalElement) };
    }
    case 'not':
      return { kind: 'not', operand: canonicalElement(node.operand) };
    default:
      return node;
  }
}
