/**
 * Catalogue construction, without validation: turns a definition already
 * known to be valid into a {@link Catalogue}. The built-in catalogues
 * (./builtin.ts, ./endpoints.ts) are our own data, checked by tests against
 * {@link loadCatalogue}, so they use this directly and every bundle is spared
 * the validator, its diagnostics and its JSON scanning (issue 11: about
 * 2 KB min+gzip of `{ compile }`). Untrusted definitions go through
 * ./define.ts, which validates and then calls {@link buildCatalogue}, so both
 * paths build the same objects.
 *
 * Internal: not exported from the package entries. It imports nothing from
 * the diagnostics stage, on purpose; keep it that way.
 */
import { markCatalogue } from './brand.js';
import type { Catalogue, Column, Modifier, RegexDialect, ValueType } from './types.js';

/** One column as written in a catalogue definition (the shape of `where-fields.json`, plus our extras). */
export interface ColumnSpec {
  /** `integer`, `float`, `string`, `url`, `domain`, `boolean`, `datetime`, `date`, `object`, or `array(T)` of those (`array(null)` for unknown elements). */
  readonly type: string;
  /** `null` or absent: the source does not say (treated as nullable). */
  readonly nullable?: boolean | null;
  readonly enum?: readonly string[];
  /** API units per row (default 1). */
  readonly units?: number;
  readonly aliases?: readonly string[];
  readonly description?: string;
  /** False for filter-only columns, never returned in rows (default true). */
  readonly returned?: boolean;
}

/** A catalogue definition: plain data, for {@link defineCatalogue} or {@link loadCatalogue}. */
export interface CatalogueSpec {
  readonly name: string;
  readonly regexDialect?: RegexDialect;
  readonly columns: Readonly<Record<string, ColumnSpec>>;
  /** Defaults to the modifiers the API documents ({@link DEFAULT_MODIFIERS}). */
  readonly modifiers?: readonly Modifier[];
}

/** The modifiers the API documents. Kept as data so that one can be added when the API documents it. */
export const DEFAULT_MODIFIERS: readonly Modifier[] = Object.freeze([
  Object.freeze({
    name: 'uppercase',
    appliesTo: Object.freeze(['string', 'url', 'domain'] as ValueType[]),
    description: 'Upper-cases the value (Unicode-aware) before the test.',
  }),
]);

/**
 * Splits a valid type text (`integer`, `array(string)`, `array(null)`) into
 * the element type and the array flag. It does not check that the type is
 * one the model knows: ./define.ts does, before calling here.
 */
function columnType(text: string): { type: ValueType; array: boolean } {
  const m = /^array\((\w+)\)$/.exec(text);
  if (!m) return { type: text as ValueType, array: false };
  return { type: (m[1] === 'null' ? 'unknown' : m[1]) as ValueType, array: true };
}

/**
 * The frozen {@link Column} of a valid column definition. The defaults
 * (nullable unless `false`, 1 unit, returned unless `false`) are decided
 * here, once, for both the trusted and the validated path.
 */
function buildColumn(name: string, spec: ColumnSpec): Column {
  const { type, array } = columnType(spec.type);
  const nullable = spec.nullable;
  const column: Column = {
    name,
    type,
    array,
    nullable: nullable !== false,
    nullabilityKnown: typeof nullable === 'boolean',
    ...(spec.enum !== undefined ? { enumValues: Object.freeze([...spec.enum]) } : {}),
    units: spec.units ?? 1,
    aliases: Object.freeze(spec.aliases !== undefined ? [...spec.aliases] : []),
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    returned: spec.returned !== false,
  };
  return Object.freeze(column);
}

/**
 * Builds a {@link Catalogue} from a definition that is already valid, and
 * records it as built here (so the entry points do not check its shape
 * again). Nothing is checked: an invalid definition gives a catalogue that
 * breaks later, not a diagnostic. Use {@link defineCatalogue} or
 * {@link loadCatalogue} for any definition that is not the library's own.
 * The arrays of the definition are copied, so freezing them never freezes
 * the caller's data.
 */
export function buildCatalogue(spec: CatalogueSpec): Catalogue {
  const columns: Column[] = [];
  for (const key of Object.keys(spec.columns)) columns.push(buildColumn(key, spec.columns[key]!));
  const byName = new Map<string, Column>();
  const byAlias = new Map<string, Column>();
  for (const column of columns) byName.set(column.name, column);
  for (const column of columns) {
    for (const alias of column.aliases) byAlias.set(alias.toLowerCase(), column);
  }
  const modifiers: readonly Modifier[] =
    spec.modifiers === undefined
      ? DEFAULT_MODIFIERS
      : Object.freeze(
          spec.modifiers.map((m) => Object.freeze({ name: m.name, appliesTo: Object.freeze([...m.appliesTo]), description: m.description })),
        );
  const catalogue: Catalogue = Object.freeze({
    name: spec.name,
    regexDialect: spec.regexDialect ?? 're2',
    columns: Object.freeze(columns),
    modifiers,
    byName,
    byAlias,
  });
  return markCatalogue(catalogue);
}
