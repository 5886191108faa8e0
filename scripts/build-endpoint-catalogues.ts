/**
 * Turns `../shared/catalogues/where-fields.json` (the `where` columns of all 66
 * API v3 endpoints, collected from the public API reference and the official
 * Python SDK's docs) into `src/catalogue/data/endpoints.json`, the data behind
 * the `ahrefs-where/catalogues` export.
 *
 *   npx tsx scripts/build-endpoint-catalogues.ts ../shared/catalogues/where-fields.json
 *
 * Facts are kept as they are (types, nullability with `null` for "unknown",
 * enum values, units); the source's notes are dropped. all-backlinks is taken
 * from the API reference page instead (src/catalogue/data/all-backlinks.ts),
 * which is the primary source for it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** Endpoints whose `regex` takes only `*` wildcards (the Keywords Explorer ones). */
const WILDCARD_ENDPOINTS = new Set([
  'keywords_explorer_overview',
  'keywords_explorer_matching_terms',
  'keywords_explorer_related_terms',
  'keywords_explorer_search_suggestions',
]);

type SourceColumn = { type: string; nullable: boolean | null; enum?: string[]; units?: number; note?: string };

const source = JSON.parse(readFileSync(process.argv[2] ?? '../shared/catalogues/where-fields.json', 'utf8')) as Record<string, Record<string, SourceColumn>>;
const lines: string[] = ['{'];
const endpoints = Object.keys(source).filter((e) => e !== 'site_explorer_all_backlinks').sort();
endpoints.forEach((endpoint, i) => {
  const name = endpoint.replace(/^(site_explorer|keywords_explorer|rank_tracker|site_audit|brand_radar|web_analytics)_/, (_, tool: string) => `${tool.replace(/_/g, '-')}/`).replace(/_/g, '-');
  lines.push(` ${JSON.stringify(endpoint)}: {"name": ${JSON.stringify(name)}, "regexDialect": ${JSON.stringify(WILDCARD_ENDPOINTS.has(endpoint) ? 'wildcard' : 're2')}, "columns": {`);
  const columns = Object.keys(source[endpoint]!).sort();
  columns.forEach((column, j) => {
    const { type, nullable, enum: values, units } = source[endpoint]![column]!;
    const spec: Record<string, unknown> = { type, nullable };
    if (values) spec['enum'] = values;
    if (units !== undefined && units !== 1) spec['units'] = units;
    lines.push(`  ${JSON.stringify(column)}: ${JSON.stringify(spec)}${j < columns.length - 1 ? ',' : ''}`);
  });
  lines.push(` }}${i < endpoints.length - 1 ? ',' : ''}`);
});
lines.push('}');
writeFileSync('src/catalogue/data/endpoints.json', `${lines.join('\n')}\n`);
console.log(`wrote ${endpoints.length} endpoints`);
