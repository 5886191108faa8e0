/**
 * Emits the canonical `where` JSON of spec §2 from a checked AST.
 *
 * Canonical means: one JSON for one AST, keys in the order `field`,
 * `modifier`, `is` / `list_is`, literals as their JSON types (dates and
 * datetimes as strings), and no whitespace in the string form. Sugar expands
 * here and only here: `in` to an `or` of `eq`, `between` to an `and` of
 * `gte` and `lte`.
 */
import type { ElementTest, FieldRef, Filter, Literal, ModifierRef, RowTest, Test } from '../ast/nodes.js';
import { foldTree, type BoolTree } from '../ast/tree.js';
import type { WhereCondition, WhereConditionFilter, WhereFilter, WhereValue } from '../ast/where-json.js';

/** How the emitter names columns: by default the name as written. */
export interface EmitOptions {
  /** The API name of a column reference (the checker resolves aliases such as `DR`). */
  readonly fieldName?: (ref: FieldRef) => string;
}

/** Thrown only for trees the checker would have rejected (an `invalid` node or a `null` value). */
export class EmitError extends Error {
  override name = 'EmitError';
}

function literalValue(literal: Literal): WhereValue {
  if (literal.kind === 'null') throw new EmitError('`null` is not a value; the checker reports it as null-value.');
  return literal.value;
}

type Leaf = (condition: WhereCondition) => WhereFilter | WhereConditionFilter;

/** Expands one test into conditions, wrapping each with `leaf` (a column expr, or nothing inside list_is). */
function emitTest(test: Test, leaf: Leaf): WhereFilter | WhereConditionFilter {
  switch (test.kind) {
    case 'compare':
      return leaf([test.op, literalValue(test.value)]);
    case 'empty':
      return leaf('empty');
    case 'null':
      return leaf('is_null');
    case 'in':
      if (test.values.length === 1) return leaf(['eq', literalValue(test.values[0]!)]);
      return { or: test.values.map((v) => leaf(['eq', literalValue(v)])) } as WhereFilter;
    case 'between':
      return { and: [leaf(['gte', literalValue(test.low)]), leaf(['lte', literalValue(test.high)])] } as WhereFilter;
  }
}

/** The boolean structure is the same at both levels; only the leaves differ. */
function emitTree<L, W>(node: BoolTree<L>, leaf: (leaf: L) => W): W {
  return foldTree<L, W>(node, {
    and: (operands) => ({ and: operands }) as W,
    or: (operands) => ({ or: operands }) as W,
    not: (operand) => ({ not: operand }) as W,
    leaf,
    invalid: () => {
      throw new EmitError('Cannot emit a tree with syntax errors.');
    },
  });
}

function columnLeaf(field: string, modifier: ModifierRef | undefined): Leaf {
  return (condition) => (modifier ? { field, modifier: modifier.name.toLowerCase(), is: condition } : { field, is: condition });
}

/**
 * The `where` object for a filter. Call it on a tree that checked without
 * errors; for anything else it throws {@link EmitError}.
 */
export function emitWhere(filter: Filter, options: EmitOptions = {}): WhereFilter {
  const name = options.fieldName ?? ((ref: FieldRef) => ref.name);
  return emitTree<RowTest, WhereFilter>(filter, (node) => {
    if (node.kind === 'condition') return emitTest(node.test, columnLeaf(name(node.field), node.modifier)) as WhereFilter;
    const element = emitTree<ElementTest, WhereConditionFilter>(node.element, (e) => emitTest(e.test, (c) => c) as WhereConditionFilter);
    return { field: name(node.field), list_is: node.quantifier === 'any' ? { any: element } : { all: element } };
  });
}

/** The compact string form that goes into the `where` query parameter. */
export function stringifyWhere(where: WhereFilter): string {
  return JSON.stringify(where);
}
