/**
 * Extracts which columns the `select` and `order_by` parameters of an
 * endpoint take, with each column's unit cost, from the API reference page
 * of GET /v3/site-explorer/all-backlinks as saved in
 * `../shared/seeds/all-backlinks.txt`. Facts only: names and units, no prose.
 *
 *   npx tsx scripts/extract-request-columns.ts ../shared/seeds/all-backlinks.txt > src/catalogue/data/request-columns.json
 *
 * - `select` takes the columns of the response schema ("See response schema
 *   for valid column identifiers"): the lines after `backlinksarray`, each a
 *   name glued to its type (`alt` + `string or null`), the unit cost in the
 *   description below it (`(5 units) …`; 1 when it says none).
 * - `order_by` takes the same columns "except for link_group_count": the
 *   exceptions are read from the parameter's own sentence, not typed here.
 *
 * The test `test/api/cost-data.test.ts` re-runs this extractor on the seed
 * (when present) and compares its output with the committed JSON.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The request-parameter facts of one endpoint. */
export interface RequestColumnFacts {
  /** Every column `select` takes, with its units per row. */
  select: Record<string, number>;
  /** Every column `order_by` takes. */
  orderBy: string[];
}

const TYPE_WORDS = /^(integer|number|string|boolean|array)( or null)?$/;

/** A response-schema line `nameTYPE`: the name, or undefined for another line. */
function responseName(line: string): string | undefined {
  const match = /^([a-z_][a-z0-9_]*?)(integer|number|string|boolean|array)( or null)?$/.exec(line);
  if (!match) return undefined;
  // The lazy match stops at the first type word; a name that itself ends in one (none today) would be cut short.
  return TYPE_WORDS.test(line.slice(match[1]!.length)) ? match[1] : undefined;
}

export function extractRequestColumns(page: string): RequestColumnFacts {
  const lines = page.split(/\r?\n/).map((l) => l.trim());
  const orderStart = lines.indexOf('order_bystring');
  const responseStart = lines.indexOf('backlinksarray');
  if (orderStart < 0 || responseStart < 0) throw new Error('The page does not have an order_by parameter and a response schema.');
  const select: Record<string, number> = {};
  let current: string | undefined;
  for (const line of lines.slice(responseStart + 1)) {
    const name = responseName(line);
    if (name !== undefined) {
      current = name;
      select[name] = 1;
      continue;
    }
    const units = /^\((\d+) units\)/.exec(line);
    if (units && current !== undefined) select[current] = Number(units[1]);
    if (line !== '') current = undefined; // units appear only in the first line of a description
  }
  if (Object.keys(select).length === 0) throw new Error('The response schema lists no columns.');
  // "A column to order results by. See the response schema …, except for link_group_count, which is not supported in order_by …"
  const sentence = lines.slice(orderStart + 1).find((l) => l !== '') ?? '';
  if (!/response schema/.test(sentence)) throw new Error(`The order_by parameter does not refer to the response schema: ${sentence}`);
  const except = /except for (.+?)(?:, which|\.|$)/.exec(sentence);
  const excluded = new Set(except ? except[1]!.split(/, (?:and )?| and /) : []);
  for (const name of excluded) if (!(name in select)) throw new Error(`order_by excludes ${name}, which the response schema does not list.`);
  return { select, orderBy: Object.keys(select).filter((name) => !excluded.has(name)) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2] ?? '../shared/seeds/all-backlinks.txt';
  const facts = { 'site-explorer/all-backlinks': extractRequestColumns(readFileSync(file, 'utf8')) };
  process.stdout.write(`${JSON.stringify(facts, null, 1)}\n`);
}
