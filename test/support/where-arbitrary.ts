/**
 * fast-check arbitraries of canonical `where` JSON, well-typed against a
 * catalogue (all-backlinks by default): real columns, operators their type
 * allows (spec §3), values of the right JSON type, keys in canonical order
 * (`field`, `modifier`, `is` / `list_is`), and the exact shapes that the
 * `in` / `between` sugar expands to. Values never include `1`/`0` for boolean
 * columns, unsafe integers or `-0`: those are the documented normalisations,
 * so canonical JSON never holds them.
 */
import fc from 'fast-check';
import type { CompareOp } from '../../src/ast/nodes.js';
import type { WhereCondition, WhereConditionFilter, WhereFilter, WhereValue } from '../../src/ast/where-json.js';
import { operatorsOf } from '../../src/arbitraries/ast.js';
import { allBacklinks, type Catalogue, type Column } from '../../src/catalogue/index.js';

// The operator table is the exported arbitraries' (src/arbitraries), re-exported for the decompiler's tests.
export { operatorsOf };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Dates in every form the spec names: `YYYY-MM-DD`, `T` datetimes with and without zone, and the space form. */
const dateText: fc.Arbitrary<string> = fc
  .record({ t: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2035, 11, 31) }), form: fc.integer({ min: 0, max: 4 }) })
  .map(({ t, form }) => {
    const d = new Date(t);
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    return [date, `${date}T${time}Z`, `${date}T${time}`, `${date} ${time}`, `${date}T${time}.${pad(d.getUTCMilliseconds(), 3)}+02:00`][form]!;
  });

/** Words that look like enum values, keywords and plain text, so bare and quoted strings both occur. */
const text: fc.Arbitrary<string> = fc.oneof(fc.string(), fc.constantFrom('text', 'and', 'Not', 'two words', '1st', 'a"b\\c', '', 'é💥'));

/** A value of the right JSON type for a column (for an array column: for one element). */
export function valueFor(column: Column, op: CompareOp): fc.Arbitrary<WhereValue> {
  if (column.enumValues && column.enumValues.length > 0) return fc.constantFrom(...column.enumValues);
  switch (column.type) {
    case 'integer': return fc.integer({ min: -1_000_000, max: Number.MAX_SAFE_INTEGER }).map((n) => (n === 0 ? 0 : n));
    case 'float': return fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
      // Integral doubles beyond 2^53 are reported as invalid-number (they cannot be told from lossy input).
      .filter((n) => !Number.isInteger(n) || Number.isSafeInteger(n))
      .map((n) => (n === 0 ? 0 : n));
    case 'boolean': return fc.boolean();
    case 'date': case 'datetime': return dateText;
    default: return op === 'regex' ? fc.constantFrom('^a', 'b+$', '(?i)x.y', '[0-9]{2,}', '') : text;
  }
}

function conditionFor(column: Column, isArrayElement: boolean): fc.Arbitrary<WhereCondition> {
  const options: fc.Arbitrary<WhereCondition>[] = [
    fc.constantFrom(...operatorsOf(column)).chain((op) => valueFor(column, op).map((v): WhereCondition => [op, v])),
  ];
  const stringLike = column.type === 'string' || column.type === 'url' || column.type === 'domain';
  if (stringLike && !column.enumValues) options.push(fc.constant('empty'));
  // Array elements may be null (spec §3); a column only when nullable.
  if (isArrayElement || column.nullable) options.push(fc.constant('is_null'));
  return fc.oneof(...options);
}

const orderable = (c: Column) => operatorsOf(c).includes('gte');

/** The tree inside `list_is`, including the exact `in` / `between` expansions. */
function conditionFilterFor(column: Column, maxDepth: number): fc.Arbitrary<WhereConditionFilter> {
  const leaf = conditionFor(column, true);
  const sugar: fc.Arbitrary<WhereConditionFilter>[] = [
    fc.array(valueFor(column, 'eq'), { minLength: 2, maxLength: 4 }).map((vs) => ({ or: vs.map((v): WhereCondition => ['eq', v]) })),
  ];
  if (orderable(column)) {
    sugar.push(fc.tuple(valueFor(column, 'gte'), valueFor(column, 'lte')).map(([a, b]) => ({ and: [['gte', a], ['lte', b]] as WhereCondition[] })));
  }
  const { tree } = fc.letrec<{ tree: WhereConditionFilter }>((tie) => ({
    tree: fc.oneof(
      { maxDepth, depthIdentifier: 'cond' },
      leaf as fc.Arbitrary<WhereConditionFilter>,
      ...sugar,
      fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map((operands) => ({ and: operands })),
      fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map((operands) => ({ or: operands })),
      tie('tree').map((operand) => ({ not: operand })),
    ),
  }));
  return tree;
}

/** `{"field", "modifier"?, "is"}`, `{"field", "list_is"}`, or the expansions of `in` and `between`. */
function exprFor(column: Column, maxDepth: number): fc.Arbitrary<WhereFilter> {
  const field = column.name;
  if (column.array) {
    return fc.oneof(
      fc.record({ q: fc.constantFrom('any', 'all'), element: conditionFilterFor(column, maxDepth) })
        .map(({ q, element }): WhereFilter => ({ field, list_is: q === 'any' ? { any: element } : { all: element } })),
      fc.constant<WhereFilter>({ field, is: 'empty' }),
    );
  }
  const modifiable = (column.type === 'string' || column.type === 'url' || column.type === 'domain') && !column.enumValues;
  const modifier = modifiable ? fc.option(fc.constant('uppercase'), { nil: undefined, freq: 3 }) : fc.constant(undefined);
  const leaf = (m: string | undefined, is: WhereCondition): WhereFilter => (m ? { field, modifier: m, is } : { field, is });
  const options: fc.Arbitrary<WhereFilter>[] = [
    fc.tuple(modifier, conditionFor(column, false)).map(([m, is]) => leaf(m, is)),
    fc.tuple(modifier, fc.array(valueFor(column, 'eq'), { minLength: 2, maxLength: 4 }))
      .map(([m, vs]) => ({ or: vs.map((v) => leaf(m, ['eq', v])) })),
  ];
  if (orderable(column)) {
    options.push(fc.tuple(modifier, valueFor(column, 'gte'), valueFor(column, 'lte'))
      .map(([m, a, b]) => ({ and: [leaf(m, ['gte', a]), leaf(m, ['lte', b])] })));
  }
  return fc.oneof(...options);
}

/** Options for {@link whereFilter}. */
export interface WhereArbitraryOptions {
  readonly catalogue?: Catalogue;
  /** Deepest nesting of and/or/not generated (default 4). */
  readonly maxDepth?: number;
}

/** Canonical, well-typed `where` filters (objects; `JSON.stringify` gives the canonical string). */
export function whereFilter(options: WhereArbitraryOptions = {}): fc.Arbitrary<WhereFilter> {
  const catalogue = options.catalogue ?? allBacklinks;
  const maxDepth = options.maxDepth ?? 4;
  const columns = catalogue.columns.filter((c) => c.type !== 'object' && c.type !== 'unknown');
  const expr = fc.constantFrom(...columns).chain((column) => exprFor(column, 2));
  const { tree } = fc.letrec<{ tree: WhereFilter }>((tie) => ({
    tree: fc.oneof(
      { maxDepth, depthIdentifier: 'filter' },
      expr,
      fc.array(tie('tree'), { minLength: 2, maxLength: 4 }).map((operands) => ({ and: operands })),
      fc.array(tie('tree'), { minLength: 2, maxLength: 4 }).map((operands) => ({ or: operands })),
      tie('tree').map((operand) => ({ not: operand })),
    ),
  }));
  return tree;
}

const KEYS = ['and', 'or', 'not', 'field', 'modifier', 'is', 'list_is', 'any', 'all', 'fields', '__proto__', 'toString', 'a/b~c'];

/**
 * Near-misses: objects built from the grammar's own keys with values of any
 * shape, so that random input reaches deep into the validator.
 */
export const whereish: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 5, depthIdentifier: 'whereish' },
    fc.oneof(fc.constantFrom('empty', 'is_null', 'eq', 'contains', 'anchor', 'languages', 'is_spam', 'first_seen', ''), fc.jsonValue({ maxDepth: 1 })),
    fc.tuple(fc.constantFrom('eq', 'gte', 'lte', 'regex', 'nope'), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.double())),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 3 }),
    whereFilter({ maxDepth: 2 }),
  ),
})).node;
