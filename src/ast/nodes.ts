/**
 * The typed AST of a filter: one discriminated union per level.
 *
 * A filter is a boolean tree (`and` / `or` / `not`) over column tests. Column
 * tests come in two shapes, mirroring the two shapes of the API's `expr`:
 * `condition` (the JSON `is`) and `list` (the JSON `list_is`). Sugar that the
 * language offers (`in (…)`, `between … and …`, `is not null`, bare booleans)
 * is kept in the AST only where it changes nothing in the emitted JSON, so that
 * every AST has exactly one `where` JSON and `decompile(emit(ast))` can return
 * the very same tree.
 *
 * Every node carries the source range it was parsed from. Nodes made by the
 * decompiler (from JSON, which has no text) carry `range: undefined`.
 */

import type { SourceRange } from './range.js';
import type { AndOf, BoolTree, NotOf, OrOf } from './tree.js';

export type { Position, SourceRange } from './range.js';
export type { AndOf, BoolTree, BranchOf, InvalidNode, NotOf, OrOf } from './tree.js';

/** Comparison operators of the API, by their JSON names (the vocabulary defines them). */
import type { CompareOp } from '../vocabulary/words.js';

export type { CompareOp };

// ---------------------------------------------------------------- literals

/** A quoted string, or a bare word (allowed only for enum values). */
export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
  /** True when written without quotes (`link_type = text`). */
  readonly bare: boolean;
  readonly range?: SourceRange;
}

export interface NumberLiteral {
  readonly kind: 'number';
  readonly value: number;
  readonly range?: SourceRange;
}

export interface BooleanLiteral {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly range?: SourceRange;
}

/** An unquoted `YYYY-MM-DD`. Emitted as a JSON string. */
export interface DateLiteral {
  readonly kind: 'date';
  readonly value: string;
  readonly range?: SourceRange;
}

/** An unquoted ISO 8601 datetime such as `2024-01-01T10:00:00Z`. Emitted as a JSON string. */
export interface DateTimeLiteral {
  readonly kind: 'datetime';
  readonly value: string;
  readonly range?: SourceRange;
}

/** A `/pattern/` literal; the value is the RE2 pattern itself (no slashes). */
export interface RegexLiteral {
  readonly kind: 'regex';
  readonly value: string;
  readonly range?: SourceRange;
}

/** `null` written as a value: never valid (use `is null`), kept so the checker can say so. */
export interface NullLiteral {
  readonly kind: 'null';
  readonly range?: SourceRange;
}

export type Literal =
  | StringLiteral
  | NumberLiteral
  | BooleanLiteral
  | DateLiteral
  | DateTimeLiteral
  | RegexLiteral
  | NullLiteral;

// ---------------------------------------------------------------- tests

/**
 * What is asserted of one value (a column's, or an array element's).
 * Maps one to one to the API's `condition`, except for `in` and `between`,
 * which are sugar for an `or` of `eq` and an `and` of `gte`/`lte`.
 */
export type Test =
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly value: Literal; readonly range?: SourceRange }
  | { readonly kind: 'empty'; readonly range?: SourceRange }
  | { readonly kind: 'null'; readonly range?: SourceRange }
  /** `in (a, b, …)`: two or more values; emits `{"or": [eq a, eq b, …]}`. */
  | { readonly kind: 'in'; readonly values: readonly Literal[]; readonly range?: SourceRange }
  /** `between low and high`: emits `{"and": [gte low, lte high]}`. */
  | { readonly kind: 'between'; readonly low: Literal; readonly high: Literal; readonly range?: SourceRange };

/** A column reference as written: a name, an alias, or a dotted path into an object column. */
export interface FieldRef {
  /** The name as written (may be an alias such as `DR`). */
  readonly name: string;
  readonly range?: SourceRange;
}

/** A modifier applied to the column before the test, such as `uppercase(anchor)`. */
export interface ModifierRef {
  readonly name: string;
  readonly range?: SourceRange;
}

// ---------------------------------------------------------------- element filters (inside any/all)

/** One test of an array element, the leaf of an {@link ElementFilter}. */
export interface ElementTest {
  readonly kind: 'test';
  readonly test: Test;
  readonly range?: SourceRange;
}

/** The boolean tree inside `any(col) …` / `all(col) …`: tests on one array element. */
export type ElementFilter = BoolTree<ElementTest>;

// ---------------------------------------------------------------- filters

/** `a and b …` over row conditions. */
export type AndNode = AndOf<RowTest>;
/** `a or b …` over row conditions. */
export type OrNode = OrOf<RowTest>;
/** `not a` over row conditions. */
export type NotNode = NotOf<RowTest>;

/** `{"field": …, "modifier"?: …, "is": …}` */
export interface ConditionNode {
  readonly kind: 'condition';
  readonly field: FieldRef;
  readonly modifier?: ModifierRef;
  readonly test: Test;
  readonly range?: SourceRange;
}

/** `{"field": …, "list_is": {"any" | "all": …}}` */
export interface ListNode {
  readonly kind: 'list';
  readonly quantifier: 'any' | 'all';
  readonly field: FieldRef;
  readonly element: ElementFilter;
  readonly range?: SourceRange;
}

/** A leaf of a {@link Filter}: one column's test. */
export type RowTest = ConditionNode | ListNode;

/** A whole filter: the boolean tree over column tests. */
export type Filter = BoolTree<RowTest>;

/** A `#` comment, kept so that the formatter can put it back. */
export interface Comment {
  /** The text after `#`, without the line break. */
  readonly text: string;
  readonly range: SourceRange;
}

/** A parsed document: the filter (absent for empty input) and its comments. */
export interface Document {
  readonly filter: Filter | undefined;
  readonly comments: readonly Comment[];
}
