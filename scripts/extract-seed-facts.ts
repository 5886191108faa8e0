/**
 * Extracts the facts (names, types, nullability, enum values, unit costs and
 * whether a column is returned in rows) of the `where` columns from the API
 * reference page of GET /v3/site-explorer/all-backlinks, as saved in
 * `../shared/seeds/all-backlinks.txt`. No prose is kept.
 *
 *   npx tsx scripts/extract-seed-facts.ts ../shared/seeds/all-backlinks.txt > test/fixtures/all-backlinks-seed-facts.json
 *
 * The test `test/catalogue/all-backlinks.test.ts` compares the built-in
 * catalogue against the committed output, and re-runs this extractor when the
 * seed is present to prove the fixture is still what the page says.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface SeedColumnFacts {
  type: string;
  nullable: boolean;
  enum?: string[];
  units: number;
  returned: boolean;
}

export function extractSeedFacts(page: string): Record<string, SeedColumnFacts> {
  const lines = page.split(/\r?\n/);
  const whereStart = lines.findIndex((l) => l.trim() === 'wherestring');
  const whereEnd = lines.findIndex((l, i) => i > whereStart && l.trim().startsWith('selectstring'));
  const responseStart = lines.findIndex((l) => l.trim() === 'backlinksarray');
  if (whereStart < 0 || whereEnd < 0 || responseStart < 0) throw new Error('The page does not have the expected sections.');
  const facts: Record<string, SeedColumnFacts> = {};
  let current: string | undefined;
  for (const raw of lines.slice(whereStart + 1, whereEnd)) {
    const line = raw.trim();
    const header = /^([a-z_][a-z0-9_]*)(?: \((\d+) units\))?:/.exec(line);
    const type = /^type: (\S+)( nullable)?$/.exec(line);
    const enumLine = /^enum: (.*)$/.exec(line);
    if (header && !type && !enumLine) {
      current = header[1]!;
      facts[current] = { type: '', nullable: false, units: header[2] ? Number(header[2]) : 1, returned: false };
    } else if (type && current) {
      facts[current]!.type = type[1]!;
      facts[current]!.nullable = type[2] !== undefined;
    } else if (enumLine && current) {
      facts[current]!.enum = [...enumLine[1]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    }
  }
  // The response schema lists each returned column as its name glued to its type ("alt" + "string or null").
  const responseNames = new Set<string>();
  const typeWords = /^(integer|number|string|boolean|array)( or null)?$/;
  for (const raw of lines.slice(responseStart + 1)) {
    const line = raw.trim();
    for (const name of Object.keys(facts)) {
      if (line.startsWith(name) && typeWords.test(line.slice(name.length))) responseNames.add(name);
    }
  }
  for (const name of Object.keys(facts)) facts[name]!.returned = responseNames.has(name);
  return facts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2] ?? '../shared/seeds/all-backlinks.txt';
  const sorted = extractSeedFacts(readFileSync(file, 'utf8'));
  process.stdout.write(`${JSON.stringify(sorted, null, 1)}\n`);
}
