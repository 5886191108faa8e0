/**
 * Writes one section of docs/performance.md, between
 * `<!-- NAME:start -->` and `<!-- NAME:end -->`, keeping the other sections.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = 'docs/performance.md';
const HEADER = `# Performance

Every number here comes from a benchmark in \`bench/\` (\`npm run bench\`, or the
script named in each section), run on the machine and date it states. Tests
never assert on time.
`;

export function writeSection(name: string, body: string, title?: string): void {
  const text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${title ? `## ${title}\n\n` : ''}${body.trim()}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  const next = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, next);
}
