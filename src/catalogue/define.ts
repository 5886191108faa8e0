/**
 * Catalogue definitions from outside the library (a file, a caller's code):
 * validated, every problem reported as a diagnostic with the JSON path of
 * the offending value, then built by ./build.ts. The validation is kept apart
 * from the construction so that bundles which only use the built-in
 * catalogues do not carry it (issue 11).
 */
import { hasErrors, pointerSegment, type Diagnostic } from '../diagnostics/diagnostic.js';
import { scanJsonText } from '../diagnostics/json-scan.js';
import { reportJsonInput, reportCatalogue } from '../diagnostics/messages.js';
import { isNameSegment } from '../vocabulary/index.js';
import { buildCatalogue, type CatalogueSpec, type ColumnSpec } from './build.js';
import type { Catalogue, Modifier, RegexDialect, ValueType } from './types.js';

// The definition types and the default modifiers live with the construction (./build.ts), which the built-in catalogues use without this validator.
export { DEFAULT_MODIFIERS, type CatalogueSpec, type ColumnSpec } from './build.js';

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

/**
 * Checks one column definition. Returns a plain copy of the values read
 * (each property is read once, so a getter or proxy cannot answer the check
 * and the construction differently), or undefined when the column cannot be
 * built at all; problems go to `out`.
 */
function validateColumn(name: string, spec: unknown, path: string, out: Diagnostic[]): ColumnSpec | undefined {
  if (!isNameSegment(name)) {
    out.push(reportCatalogue('catalogue-invalid', 'columnName', { name }, { path }));
    return undefined;
  }
  if (!isRecord(spec)) {
    out.push(reportCatalogue('catalogue-invalid', 'columnShape', { name }, { path }));
    return undefined;
  }
  for (const key of Object.keys(spec)) {
    if (!COLUMN_KEYS.has(key)) {
      out.push(reportCatalogue('catalogue-invalid', 'columnKey', { name, key, allowed: [...COLUMN_KEYS].join(', ') }, { path: `${path}/${pointerSegment(key)}` }));
    }
  }
  const typeText = spec['type'];
  const parsed = typeof typeText === 'string' ? parseType(typeText) : undefined;
  if (!parsed) {
    const type = typeof typeText === 'string' ? JSON.stringify(typeText) : `of kind ${Array.isArray(typeText) ? 'array' : typeText === null ? 'null' : typeof typeText}`;
    const types = [...SCALAR_TYPES].filter((t) => t !== 'unknown').join(', ');
    out.push(reportCatalogue('catalogue-unknown-type', 'default', { name, type, types }, { path: typeText === undefined ? path : `${path}/type` }));
    return undefined;
  }
  const nullable = spec['nullable'];
  if (nullable !== undefined && nullable !== null && typeof nullable !== 'boolean') {
    out.push(reportCatalogue('catalogue-invalid', 'nullable', { name }, { path: `${path}/nullable` }));
  }
  const enumData = spec['enum'];
  const enumValues = Array.isArray(enumData) ? [...(enumData as unknown[])] : enumData;
  if (enumValues !== undefined) {
    if (!Array.isArray(enumValues) || enumValues.length === 0 || !enumValues.every((v) => typeof v === 'string')) {
      out.push(reportCatalogue('catalogue-invalid', 'enumShape', { name }, { path: `${path}/enum` }));
    } else if (!['string', 'url', 'domain'].includes(parsed.type)) {
      out.push(reportCatalogue('catalogue-invalid', 'enumType', { name, type: typeText as string }, { path: `${path}/enum` }));
    }
  }
  const units = spec['units'];
  if (units !== undefined && (typeof units !== 'number' || !Number.isInteger(units) || units < 0)) {
    out.push(reportCatalogue('catalogue-invalid', 'units', { name }, { path: `${path}/units` }));
  }
  const aliasData = spec['aliases'];
  const aliases = Array.isArray(aliasData) ? [...(aliasData as unknown[])] : aliasData;
  if (aliases !== undefined && (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string' && isNameSegment(a)))) {
    out.push(reportCatalogue('catalogue-invalid', 'aliases', { name }, { path: `${path}/aliases` }));
  }
  const description = spec['description'];
  if (description !== undefined && typeof description !== 'string') {
    out.push(reportCatalogue('catalogue-invalid', 'description', { name }, { path: `${path}/description` }));
  }
  const returned = spec['returned'];
  if (returned !== undefined && typeof returned !== 'boolean') {
    out.push(reportCatalogue('catalogue-invalid', 'returned', { name }, { path: `${path}/returned` }));
  }
  // Built only when `out` ends with no errors, that is when every value above passed its check.
  return { type: typeText as string, nullable, enum: enumValues, units, aliases, description, returned } as ColumnSpec;
}

/** A copy of one valid modifier definition, or undefined. Stops reading at the first bad property. */
function readModifier(m: unknown): Modifier | undefined {
  if (!isRecord(m)) return undefined;
  const name = m['name'];
  if (typeof name !== 'string' || !isNameSegment(name)) return undefined;
  const appliesTo = m['appliesTo'];
  const types = Array.isArray(appliesTo) ? [...(appliesTo as unknown[])] : undefined;
  if (types === undefined || !types.every((t) => typeof t === 'string' && SCALAR_TYPES.has(t))) return undefined;
  const description = m['description'];
  if (typeof description !== 'string') return undefined;
  return { name, appliesTo: types as ValueType[], description };
}

/** Checks the `modifiers` of a definition; returns a copy of them (undefined when absent: the construction uses the defaults). */
function validateModifiers(value: unknown, out: Diagnostic[]): Modifier[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    out.push(reportCatalogue('catalogue-invalid', 'modifiers', {}, { path: '/modifiers' }));
    return undefined;
  }
  const result: Modifier[] = [];
  // forEach, as before: a hole in a sparse array is skipped, not reported.
  (value as unknown[]).forEach((m: unknown, i) => {
    const modifier = readModifier(m);
    if (modifier) result.push(modifier);
    else out.push(reportCatalogue('catalogue-invalid', 'modifier', {}, { path: `/modifiers/${i}` }));
  });
  return result;
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
    const d = reportCatalogue('catalogue-invalid', 'unreadable', { reason: error instanceof Error ? error.message : 'a property access failed' }, { path: '' });
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
      out.push(reportJsonInput('json-syntax', 'catalogue', { reason: (error as Error).message }, { path: '' }));
      return { ok: false, catalogue: undefined, diagnostics: out };
    }
    // JSON.parse keeps the last of two equal keys: a second column (or option) of one name would silently replace the first.
    for (const finding of scanJsonText(text)) {
      if (finding.kind === 'duplicate-key') out.push(reportJsonInput('json-duplicate-key', 'catalogue', { key: JSON.stringify(finding.key) }, { path: finding.path }));
    }
    if (out.length > 0) return { ok: false, catalogue: undefined, diagnostics: out };
  }
  if (!isRecord(data)) {
    out.push(reportCatalogue('catalogue-invalid', 'shape', {}, { path: '' }));
    return { ok: false, catalogue: undefined, diagnostics: out };
  }
  for (const key of Object.keys(data)) {
    if (!['name', 'regexDialect', 'columns', 'modifiers'].includes(key)) {
      out.push(reportCatalogue('catalogue-invalid', 'key', { key }, { path: `/${pointerSegment(key)}` }));
    }
  }
  const name = data['name'];
  if (typeof name !== 'string' || name.length === 0) {
    out.push(reportCatalogue('catalogue-invalid', 'name', {}, { path: name === undefined ? '' : '/name' }));
  }
  const dialect = data['regexDialect'] ?? 're2';
  if (dialect !== 're2' && dialect !== 'wildcard') {
    out.push(reportCatalogue('catalogue-invalid', 'dialect', {}, { path: '/regexDialect' }));
  }
  const columnsData = data['columns'];
  // No prototype: a column named `__proto__` is an own key here, as it is in the definition.
  const columns: Record<string, ColumnSpec> = Object.create(null);
  if (!isRecord(columnsData) || Object.keys(columnsData).length === 0) {
    out.push(reportCatalogue('catalogue-invalid', 'columns', {}, { path: columnsData === undefined ? '' : '/columns' }));
  } else {
    for (const key of Object.keys(columnsData)) {
      const column = validateColumn(key, columnsData[key], `/columns/${pointerSegment(key)}`, out);
      if (column) columns[key] = column;
    }
  }
  const modifiers = validateModifiers(data['modifiers'], out);
  // Aliases are matched case-insensitively and must not take another column's name or alias.
  const names = new Set(Object.keys(columns));
  const aliasOwner = new Map<string, string>();
  for (const column of names) {
    const aliases = columns[column]!.aliases;
    // Not narrowed to strings, as before: a non-string alias (already reported) throws here and is reported as unreadable.
    for (const alias of Array.isArray(aliases) ? aliases : []) {
      const key = alias.toLowerCase();
      const other = names.has(alias) ? alias : aliasOwner.get(key);
      if (other !== undefined) {
        out.push(reportCatalogue('catalogue-duplicate-name', 'default', { alias, column, other }, { path: `/columns/${pointerSegment(column)}/aliases` }));
      } else {
        aliasOwner.set(key, column);
      }
    }
  }
  if (hasErrors(out)) return { ok: false, catalogue: undefined, diagnostics: out };
  const spec: CatalogueSpec = { name: name as string, regexDialect: dialect as RegexDialect, columns, ...(modifiers !== undefined ? { modifiers } : {}) };
  return { ok: true, catalogue: buildCatalogue(spec), diagnostics: out };
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
