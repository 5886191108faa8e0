import { hasErrors, pointerSegment, type Diagnostic } from '../diagnostics/diagnostic.js';
import { scanJsonText } from '../diagnostics/json-scan.js';
import { report } from '../diagnostics/messages.js';
import { isNameSegment } from '../vocabulary/index.js';
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

/** The result of {@link loadCatalogue}. */
export type LoadCatalogueResult =
  | { readonly ok: true; readonly catalogue: Catalogue; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly catalogue: undefined; readonly diagnostics: readonly Diagnostic[] };

/** Thrown by {@link defineCatalogue} when the definition is invalid; carries every problem found. */
export class CatalogueError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(`Invalid catalogue:\n${diagnostics.map((d) => `  ${d.path ?? ''}: ${d.message}`).join('\n')}`);
    this.name = 'CatalogueError';
    this.diagnostics = diagnostics;
  }
}

/** The modifiers the API documents. Kept as data so that one can be added when the API documents it. */
export const DEFAULT_MODIFIERS: readonly Modifier[] = Object.freeze([
  Object.freeze({
    name: 'uppercase',
    appliesTo: Object.freeze(['string', 'url', 'domain'] as ValueType[]),
    description: 'Upper-cases the value (Unicode-aware) before the test.',
  }),
]);

const SCALAR_TYPES: ReadonlySet<string> = new Set<ValueType>([
  'integer', 'float', 'string', 'url', 'domain', 'boolean', 'datetime', 'date', 'object', 'unknown',
]);
const COLUMN_KEYS = new Set(['type', 'nullable', 'enum', 'units', 'aliases', 'description', 'returned', 'note']);

/** Parses `integer` / `array(string)` / `array(null)` into an element type and an array flag. */
function parseType(type: string): { type: ValueType; array: boolean } | undefined {
  const m = /^array\((\w+)\)$/.exec(type);
  const inner = m ? m[1]! : type;
  if (m && inner === 'null') return { type: 'unknown', array: true };
  if (!SCALAR_TYPES.has(inner) || inner === 'unknown') return undefined;
  return { type: inner as ValueType, array: m !== null };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validateColumn(name: string, spec: unknown, path: string, out: Diagnostic[]): Column | undefined {
  if (!isNameSegment(name)) {
    out.push(report('catalogue-invalid', 'columnName', { name }, { path }));
    return undefined;
  }
  if (!isRecord(spec)) {
    out.push(report('catalogue-invalid', 'columnShape', { name }, { path }));
    return undefined;
  }
  for (const key of Object.keys(spec)) {
    if (!COLUMN_KEYS.has(key)) {
      out.push(report('catalogue-invalid', 'columnKey', { name, key, allowed: [...COLUMN_KEYS].join(', ') }, { path: `${path}/${pointerSegment(key)}` }));
    }
  }
  const typeText = spec['type'];
  const parsed = typeof typeText === 'string' ? parseType(typeText) : undefined;
  if (!parsed) {
    const type = typeof typeText === 'string' ? JSON.stringify(typeText) : `of kind ${Array.isArray(typeText) ? 'array' : typeText === null ? 'null' : typeof typeText}`;
    const types = [...SCALAR_TYPES].filter((t) => t !== 'unknown').join(', ');
    out.push(report('catalogue-unknown-type', 'default', { name, type, types }, { path: typeText === undefined ? path : `${path}/type` }));
    return undefined;
  }
  const nullable = spec['nullable'];
  if (nullable !== undefined && nullable !== null && typeof nullable !== 'boolean') {
    out.push(report('catalogue-invalid', 'nullable', { name }, { path: `${path}/nullable` }));
  }
  const enumValues = spec['enum'];
  if (enumValues !== undefined) {
    if (!Array.isArray(enumValues) || enumValues.length === 0 || !enumValues.every((v) => typeof v === 'string')) {
      out.push(report('catalogue-invalid', 'enumShape', { name }, { path: `${path}/enum` }));
    } else if (!['string', 'url', 'domain'].includes(parsed.type)) {
      out.push(report('catalogue-invalid', 'enumType', { name, type: typeText as string }, { path: `${path}/enum` }));
    }
  }
  const units = spec['units'];
  if (units !== undefined && (typeof units !== 'number' || !Number.isInteger(units) || units < 0)) {
    out.push(report('catalogue-invalid', 'units', { name }, { path: `${path}/units` }));
  }
  const aliases = spec['aliases'];
  if (aliases !== undefined && (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string' && isNameSegment(a)))) {
    out.push(report('catalogue-invalid', 'aliases', { name }, { path: `${path}/aliases` }));
  }
  const description = spec['description'];
  if (description !== undefined && typeof description !== 'string') {
    out.push(report('catalogue-invalid', 'description', { name }, { path: `${path}/description` }));
  }
  const returned = spec['returned'];
  if (returned !== undefined && typeof returned !== 'boolean') {
    out.push(report('catalogue-invalid', 'returned', { name }, { path: `${path}/returned` }));
  }
  const column: Column = {
    name,
    type: parsed.type,
    array: parsed.array,
    nullable: nullable !== false,
    nullabilityKnown: typeof nullable === 'boolean',
    ...(Array.isArray(enumValues) ? { enumValues: Object.freeze([...(enumValues as string[])]) } : {}),
    units: typeof units === 'number' ? units : 1,
    aliases: Object.freeze(Array.isArray(aliases) ? [...(aliases as string[])] : []),
    ...(typeof description === 'string' ? { description } : {}),
    returned: returned !== false,
  };
  return Object.freeze(column);
}

function validateModifiers(value: unknown, out: Diagnostic[]): readonly Modifier[] {
  if (value === undefined) return DEFAULT_MODIFIERS;
  if (!Array.isArray(value)) {
    out.push(report('catalogue-invalid', 'modifiers', {}, { path: '/modifiers' }));
    return DEFAULT_MODIFIERS;
  }
  const result: Modifier[] = [];
  value.forEach((m: unknown, i) => {
    const ok =
      isRecord(m) &&
      typeof m['name'] === 'string' &&
      isNameSegment(m['name']) &&
      Array.isArray(m['appliesTo']) &&
      (m['appliesTo'] as unknown[]).every((t) => typeof t === 'string' && SCALAR_TYPES.has(t)) &&
      typeof m['description'] === 'string';
    if (!ok) {
      out.push(report('catalogue-invalid', 'modifier', {}, { path: `/modifiers/${i}` }));
      return;
    }
    result.push(Object.freeze({ name: m['name'] as string, appliesTo: Object.freeze([...(m['appliesTo'] as ValueType[])]), description: m['description'] as string }));
  });
  return Object.freeze(result);
}

/**
 * Validates untrusted catalogue data (for example parsed from a file) and
 * builds a {@link Catalogue}. Never throws: every problem comes back as a
 * diagnostic with the JSON path of the offending value.
 */
export function loadCatalogue(input: unknown): LoadCatalogueResult {
  try {
    return loadUnguarded(input);
  } catch (error) {
    // Objects handed in by code (not parsed JSON) can have throwing getters or proxy traps.
    const d = report('catalogue-invalid', 'unreadable', { reason: error instanceof Error ? error.message : 'a property access failed' }, { path: '' });
    return { ok: false, catalogue: undefined, diagnostics: [d] };
  }
}

function loadUnguarded(input: unknown): LoadCatalogueResult {
  const out: Diagnostic[] = [];
  let data = input;
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input; // a UTF-8 byte order mark is not part of the JSON
    try {
      data = JSON.parse(text);
    } catch (error) {
      out.push(report('json-syntax', 'catalogue', { reason: (error as Error).message }, { path: '' }));
      return { ok: false, catalogue: undefined, diagnostics: out };
    }
    // JSON.parse keeps the last of two equal keys: a second column (or option) of one name would silently replace the first.
    for (const finding of scanJsonText(text)) {
      if (finding.kind === 'duplicate-key') out.push(report('json-duplicate-key', 'catalogue', { key: JSON.stringify(finding.key) }, { path: finding.path }));
    }
    if (out.length > 0) return { ok: false, catalogue: undefined, diagnostics: out };
  }
  if (!isRecord(data)) {
    out.push(report('catalogue-invalid', 'shape', {}, { path: '' }));
    return { ok: false, catalogue: undefined, diagnostics: out };
  }
  for (const key of Object.keys(data)) {
    if (!['name', 'regexDialect', 'columns', 'modifiers'].includes(key)) {
      out.push(report('catalogue-invalid', 'key', { key }, { path: `/${pointerSegment(key)}` }));
    }
  }
  const name = data['name'];
  if (typeof name !== 'string' || name.length === 0) {
    out.push(report('catalogue-invalid', 'name', {}, { path: name === undefined ? '' : '/name' }));
  }
  const dialect = data['regexDialect'] ?? 're2';
  if (dialect !== 're2' && dialect !== 'wildcard') {
    out.push(report('catalogue-invalid', 'dialect', {}, { path: '/regexDialect' }));
  }
  const columnsData = data['columns'];
  const columns: Column[] = [];
  if (!isRecord(columnsData) || Object.keys(columnsData).length === 0) {
    out.push(report('catalogue-invalid', 'columns', {}, { path: columnsData === undefined ? '' : '/columns' }));
  } else {
    for (const key of Object.keys(columnsData)) {
      const column = validateColumn(key, columnsData[key], `/columns/${pointerSegment(key)}`, out);
      if (column) columns.push(column);
    }
  }
  const modifiers = validateModifiers(data['modifiers'], out);
  const byName = new Map<string, Column>();
  const byAlias = new Map<string, Column>();
  for (const column of columns) byName.set(column.name, column);
  for (const column of columns) {
    for (const alias of column.aliases) {
      const key = alias.toLowerCase();
      const clash = byName.get(alias) ?? byAlias.get(key);
      if (clash) {
        out.push(report('catalogue-duplicate-name', 'default', { alias, column: column.name, other: clash.name }, { path: `/columns/${pointerSegment(column.name)}/aliases` }));
      } else {
        byAlias.set(key, column);
      }
    }
  }
  if (hasErrors(out)) return { ok: false, catalogue: undefined, diagnostics: out };
  const catalogue: Catalogue = Object.freeze({
    name: name as string,
    regexDialect: dialect as RegexDialect,
    columns: Object.freeze(columns),
    modifiers,
    byName,
    byAlias,
  });
  // Recorded as built here, so that the entry points accept it without checking its shape again.
  return { ok: true, catalogue: markCatalogue(catalogue), diagnostics: out };
}

/**
 * Builds a catalogue from a definition written in code.
 *
 * @throws {@link CatalogueError} with every problem found, when the definition is invalid.
 * @example
 * const shop = defineCatalogue({
 *   name: 'my-shop/products',
 *   columns: {
 *     price: { type: 'float', nullable: false },
 *     tags: { type: 'array(string)', nullable: false },
 *     status: { type: 'string', enum: ['draft', 'live'], nullable: false },
 *   },
 * });
 */
export function defineCatalogue(spec: CatalogueSpec): Catalogue {
  const result = loadCatalogue(spec);
  if (!result.ok) throw new CatalogueError(result.diagnostics);
  return result.catalogue;
}
