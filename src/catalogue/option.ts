/**
 * The `catalogue` option of every entry point: a built {@link Catalogue}, an
 * endpoint name (`'keywords-explorer/overview'`), or absent (all-backlinks).
 * Names other than all-backlinks resolve once `ahrefs-where/catalogues` is
 * imported (./named.ts).
 * Anything else is a diagnostic: a plain definition object (forgetting
 * `defineCatalogue`), a misspelt name or a wrong type would otherwise switch
 * checking off or check against the wrong endpoint without a word.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatMessage, report } from '../diagnostics/messages.js';
import { suggestNames } from '../diagnostics/suggest.js';
import { isKnownCatalogue, markCatalogue } from './brand.js';
import { allBacklinks } from './builtin.js';
import { catalogueNames, namedCatalogue } from './named.js';
import type { Catalogue } from './types.js';
import { clipText, describeValue } from '../vocabulary/index.js';

/** The catalogue an option names, or the diagnostics saying why there is none. */
export type CatalogueOption =
  | { readonly catalogue: Catalogue; readonly diagnostics: readonly [] }
  | { readonly catalogue: undefined; readonly diagnostics: readonly Diagnostic[] };

const VALUE_TYPES: ReadonlySet<unknown> = new Set(['integer', 'float', 'string', 'url', 'domain', 'boolean', 'datetime', 'date', 'object', 'unknown']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isStrings = (value: unknown): boolean => Array.isArray(value) && value.every((v) => typeof v === 'string');
const isMap = (value: unknown): boolean => isRecord(value) && typeof (value as { get?: unknown }).get === 'function';

/** What is wrong with an object offered as a built catalogue, or undefined when it has the shape the checker reads. */
function shapeProblem(value: Record<string, unknown>): string | undefined {
  if (isRecord(value['columns'])) {
    return 'it is a catalogue definition, not a built catalogue: pass defineCatalogue(definition) (or loadCatalogue(data) for untrusted data) instead';
  }
  if (typeof value['name'] !== 'string') return 'it has no "name" string';
  if (value['regexDialect'] !== 're2' && value['regexDialect'] !== 'wildcard') return '"regexDialect" is neither "re2" nor "wildcard"';
  if (!Array.isArray(value['columns'])) return 'it has no "columns" array';
  for (const column of value['columns'] as unknown[]) {
    const ok = isRecord(column) && typeof column['name'] === 'string' && VALUE_TYPES.has(column['type'])
      && typeof column['array'] === 'boolean' && typeof column['nullable'] === 'boolean' && typeof column['returned'] === 'boolean'
      && typeof column['units'] === 'number' && isStrings(column['aliases'])
      && (column['enumValues'] === undefined || isStrings(column['enumValues']));
    if (!ok) return `the column ${isRecord(column) && typeof column['name'] === 'string' ? `"${column['name']}"` : 'entry'} does not have the shape of a built column`;
  }
  const modifiers = value['modifiers'];
  if (!Array.isArray(modifiers) || !modifiers.every((m) => isRecord(m) && typeof m['name'] === 'string' && isStrings(m['appliesTo']))) {
    return 'it has no "modifiers" array of {name, appliesTo, description}';
  }
  if (!isMap(value['byName']) || !isMap(value['byAlias'])) return 'it has no "byName" / "byAlias" maps';
  return undefined;
}

/**
 * Resolves the `catalogue` option. Never throws: a value that cannot be read
 * as a catalogue gives `invalid-option`, an unknown endpoint name
 * `unknown-catalogue` with the closest names, and a built-in endpoint's name
 * whose columns are not loaded `catalogue-not-loaded`.
 *
 * @example
 * catalogueOption('keywords-explorer/overview').catalogue?.name; // 'keywords-explorer/overview'
 * catalogueOption('keywords-explorer/overveiw').diagnostics[0].message; // '… did you mean "keywords-explorer/overview"?'
 */
export function catalogueOption(value: unknown): CatalogueOption {
  if (value === undefined) return { catalogue: allBacklinks, diagnostics: [] };
  if (isKnownCatalogue(value)) return { catalogue: value, diagnostics: [] };
  if (typeof value === 'string') {
    const named = namedCatalogue(value);
    if (named.status === 'loaded') return { catalogue: named.catalogue, diagnostics: [] };
    if (named.status === 'not-loaded') {
      return { catalogue: undefined, diagnostics: [report('catalogue-not-loaded', 'default', { name: JSON.stringify(named.name) })] };
    }
    const names = suggestNames(value.replace(/^\/?v3\//, ''), catalogueNames);
    const name = JSON.stringify(clipText(value, 81));
    const fixes = names.map((n) => ({ message: formatMessage('unknown-catalogue', 'fix', { name: n }), replacement: n }));
    const d = names.length > 0
      ? report('unknown-catalogue', 'suggest', { name, names: names.map((n) => `"${n}"`).join(' or ') }, {}, fixes)
      : report('unknown-catalogue', 'default', { name });
    return { catalogue: undefined, diagnostics: [d] };
  }
  let problem: string | undefined;
  if (isRecord(value)) {
    try {
      problem = shapeProblem(value);
    } catch (error) {
      // A getter or proxy trap of an object built in code threw: it cannot be read as a catalogue.
      problem = `reading it failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (problem === undefined) return { catalogue: markCatalogue(value as unknown as Catalogue), diagnostics: [] };
  }
  const found = problem ?? `it is ${describeValue(value, 'type')}`;
  return {
    catalogue: undefined,
    diagnostics: [report('invalid-option', 'catalogue', { found })],
  };
}
