import { suggestNames } from '../diagnostics/suggest.js';
import { isNameSegment } from '../vocabulary/index.js';
import type { Catalogue, ResolvedField } from './types.js';

/**
 * Finds the column a name in a query refers to: an exact column name, an
 * alias (case-insensitive, `DR` or `dr`), or a dotted path into an `object`
 * column (`intents.informational`, whose value type the catalogue does not
 * know). Returns undefined when nothing matches.
 */
export function resolveField(catalogue: Catalogue, name: string): ResolvedField | undefined {
  const exact = catalogue.byName.get(name);
  if (exact) return { column: exact, apiName: exact.name, type: exact.type, viaAlias: false };
  const aliased = catalogue.byAlias.get(name.toLowerCase());
  if (aliased) return { column: aliased, apiName: aliased.name, type: aliased.type, viaAlias: true };
  const dot = name.indexOf('.');
  if (dot > 0) {
    const head = resolveField(catalogue, name.slice(0, dot));
    const rest = name.slice(dot + 1);
    if (head && head.column.type === 'object' && !head.column.array && rest.split('.').every(isNameSegment)) {
      return { column: head.column, apiName: `${head.column.name}.${rest}`, type: 'unknown', viaAlias: head.viaAlias };
    }
  }
  return undefined;
}

/** Column names (and aliases) close to a misspelt name, best first. */
export function suggestColumns(catalogue: Catalogue, name: string, limit = 3): string[] {
  const names: string[] = [];
  for (const column of catalogue.columns) {
    names.push(column.name);
    for (const alias of column.aliases) names.push(alias);
  }
  return suggestNames(name, names, limit);
}

/**
 * The modifier of this name, if the catalogue's endpoint accepts it. Names
 * are case-sensitive, in text as in JSON (`uppercase`, not `Uppercase`), as
 * column names are: the API knows one spelling.
 */
export function findModifier(catalogue: Catalogue, name: string) {
  return catalogue.modifiers.find((m) => m.name === name);
}
