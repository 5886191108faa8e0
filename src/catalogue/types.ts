/**
 * The catalogue model: what an endpoint's `where` columns are. A catalogue is
 * data; the checker and the emitters read it and never special-case a column.
 */

/**
 * The value type of a column (of each element, for array columns).
 * `url` and `domain` are strings that the API documents separately;
 * `object` is a column whose sub-fields are reached with dots (`intents.informational`);
 * `unknown` is a type the source does not give (for example `array(null)`).
 */
export type ValueType =
  | 'integer'
  | 'float'
  | 'string'
  | 'url'
  | 'domain'
  | 'boolean'
  | 'datetime'
  | 'date'
  | 'object'
  | 'unknown';

/** How the endpoint reads the value of a `regex` condition. */
export type RegexDialect =
  /** RE2 syntax (Site Explorer, Rank Tracker, …). */
  | 're2'
  /** Only `*` is special, matching any run of characters (Keywords Explorer). */
  | 'wildcard';

/** One `where` column. */
export interface Column {
  /** The name the API knows (`domain_rating_source`). */
  readonly name: string;
  /** Value type; for an array column, the type of its elements. */
  readonly type: ValueType;
  /** True for `array(T)` columns. */
  readonly array: boolean;
  /** Whether the column (the array itself, for array columns) can be null. Unknown nullability counts as nullable. */
  readonly nullable: boolean;
  /** False when the source does not say whether the column is nullable. */
  readonly nullabilityKnown: boolean;
  /** Allowed values, for enum columns (or the elements of an array column). */
  readonly enumValues?: readonly string[];
  /** API units per row when the column is used (1 unless the catalogue says otherwise). */
  readonly units: number;
  /** Other names accepted in queries, for example `DR` (matched case-insensitively). */
  readonly aliases: readonly string[];
  /** A short description for hover and docs. */
  readonly description?: string;
  /** False for filter-only columns: the API filters on them but never returns them in rows. */
  readonly returned: boolean;
}

/** A modifier the API documents, applied to a column's value before the test. */
export interface Modifier {
  readonly name: string;
  /** The value types it applies to (and produces). */
  readonly appliesTo: readonly ValueType[];
  readonly description: string;
}

/** The `where` columns of one endpoint, indexed for lookup. Build one with {@link defineCatalogue}. */
export interface Catalogue {
  /** The endpoint, for example `site-explorer/all-backlinks`. */
  readonly name: string;
  readonly regexDialect: RegexDialect;
  /** Columns in catalogue order. */
  readonly columns: readonly Column[];
  /** Modifiers this endpoint accepts (the API documents `uppercase` only). */
  readonly modifiers: readonly Modifier[];
  /** Column by exact name. */
  readonly byName: ReadonlyMap<string, Column>;
  /** Column by lower-cased alias. */
  readonly byAlias: ReadonlyMap<string, Column>;
}

/** A column reference resolved against a catalogue. */
export interface ResolvedField {
  readonly column: Column;
  /** The name to send to the API: the column's name, plus a dotted path into an object column. */
  readonly apiName: string;
  /** The type of the value tested: the column's, or `unknown` for a path into an object column. */
  readonly type: ValueType;
  /** True when an alias was used. */
  readonly viaAlias: boolean;
}

/**
 * The columns an endpoint's `select` and `order_by` parameters take, where
 * the API reference says (today: all-backlinks, from its response schema).
 * They are not the `where` columns: filter-only columns cannot be selected,
 * and `order_by` may leave out some of `select`'s (`link_group_count`).
 */
export interface RequestColumns {
  /** The endpoint, as {@link Catalogue.name}. */
  readonly endpoint: string;
  /** Every column `select` takes, with its API units per row. */
  readonly select: ReadonlyMap<string, number>;
  /** Every column `order_by` takes. */
  readonly orderBy: ReadonlySet<string>;
}
