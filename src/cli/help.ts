/** The CLI's --help text, each command's usage, and the version. */
import pkg from '../../package.json';

export const VERSION: string = pkg.version;

/** The names of the CLI's commands, in the order --help lists them. */
export const COMMAND_NAMES = ['compile', 'decompile', 'check', 'fmt', 'explain', 'filter', 'sql', 'cost', 'catalogues', 'lsp'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Each command's usage lines (without the program name): shown by --help, and with a usage error of that command. */
export const USAGE: Readonly<Record<CommandName, readonly string[]>> = {
  compile: ['compile   [--catalogue C] [--json] [--pretty] QUERY|-'],
  decompile: ['decompile [--catalogue C] [--json] [--pretty] WHERE_JSON|-'],
  check: ['check     [--catalogue C] [--json] [--pretty] QUERY|-'],
  fmt: ['fmt       [--json] [--pretty] QUERY|-'],
  explain: ['explain   [--catalogue C] [--json] [--pretty] QUERY ROW_JSON'],
  filter: [
    'filter    [--catalogue C] --where QUERY [--strict] [--count] [FILE|-]',
    'filter    [--catalogue C] --engine duckdb --where QUERY [--count] FILE',
  ],
  sql: ['sql       [--catalogue C] --dialect D [--table T] [--params named|positional] [--json] [--pretty] QUERY|-'],
  cost: ['cost      [--catalogue C] --select COLS [--where QUERY] [--order-by O] [--rows N] [--json] [--pretty]'],
  catalogues: ['catalogues'],
  lsp: ['lsp       (a language server on stdin/stdout)'],
};

/** The usage lines of one command, as printed after its usage error. */
export function usageOf(command: CommandName): string {
  return `Usage:\n${USAGE[command].map((line) => `  ahrefs-where ${line}\n`).join('')}`;
}

/** Each command's line in the command list of --help. */
const SUMMARY: Readonly<Partial<Record<CommandName, string>>> = {
  compile: `  compile     print the \`where\` JSON for a query`,
  decompile: `  decompile   print the query for a \`where\` JSON`,
  check: `  check       report every problem in a query; silent when it is fine (but on a terminal)`,
  fmt: `  fmt         print a query in canonical form`,
  explain: `  explain     show how a query evaluates on one row, node by node`,
  filter: `  filter      read JSON Lines (one row per line), print the rows that match`,
  sql: `  sql         print the SQL condition (DuckDB, PostgreSQL, ClickHouse) and its values`,
  cost: `  cost        what a request costs in API units: max(50, units per row × rows)`,
  catalogues: `  catalogues  list the built-in endpoint catalogues`,
};

/** The option list of --help: each option's name (as the command table names it) and its lines. */
const OPTION_HELP: readonly (readonly [string, string])[] = [
  ['catalogue', `  -c, --catalogue C   a built-in endpoint (site-explorer/organic-keywords) or a
                      catalogue JSON file; default: the query's first-line
                      directive \`# endpoint: NAME\` if any, else
                      site-explorer/all-backlinks (an explicit -c wins)`],
  ['json', `      --json          machine-readable output: one JSON object with diagnostics`],
  ['pretty', `      --pretty        indent JSON output`],
  ['where', `  -w, --where QUERY   the filter for \`filter\` and \`cost\``],
  ['select', `      --select COLS   \`cost\`: the select parameter (url_from,traffic), checked
                      against the endpoint's response schema where it is known`],
  ['order-by', `      --order-by O    \`cost\`: the order_by parameter (traffic:desc,url_from)`],
  ['rows', `      --rows N        \`cost\`: rows the request returns (default 1000, the API's
                      default limit)`],
  ['strict', `      --strict        \`filter\`: stop at the first malformed line (exit 1);
                      without it a malformed line is reported on stderr and
                      skipped (exit 0); either way \`filter\` ends with a
                      summary on stderr (rows read, matched, skipped; not with
                      --engine duckdb), and shows progress there on a terminal`],
  ['count', `      --count         \`filter\`: print only the number of matching rows`],
  ['engine', `      --engine E      \`filter\`: memory (default), or duckdb: SQL run by DuckDB on a
                      .jsonl, .csv or .parquet FILE (needs @duckdb/node-api)`],
  ['dialect', `      --dialect D     \`sql\`: duckdb, postgres or clickhouse`],
  ['table', `      --table T       \`sql\`: qualify columns with a table name`],
  ['params', `      --params P      \`sql\`: positional ($1; DuckDB, PostgreSQL) or named ($p1;
                      ClickHouse's {p1:Type} is its only style)`],
  ['help', `  -h, --help          this help`],
  ['version', `  -v, --version       the version`],
];

const NOTES = `A QUERY of - (or none) is read from standard input. Diagnostics go to stderr
as FILE:LINE:COL: SEVERITY CODE: MESSAGE, control characters escaped. Exit
status: 0 ok, 1 invalid input, 2 usage error or an input that cannot be read.`;

const EXAMPLES_HEAD = `Examples (as written, they run in a project that installed ahrefs-where, or in
a clone after \`npm ci && npm run build\`; examples/backlinks.jsonl is the
clone's sample):`;

/** The examples of --help: each runs as written (test/readme.test.ts runs them). */
export const EXAMPLES: readonly string[] = [
  `npx ahrefs-where compile 'domain_rating_source >= 50 and is_dofollow'`,
  `npx ahrefs-where compile --pretty 'DR >= 50 and any(languages) in ("en", "de")'`,
  `npx ahrefs-where decompile '{"field":"is_spam","is":["eq",false]}'`,
  `npx ahrefs-where check 'domain_ratng > 5'`,
  `npx ahrefs-where fmt 'not(is_spam)AND  DR>=50'`,
  `npx ahrefs-where explain 'alt is null or alt contains "seo"' '{"alt": null}'`,
  `npx ahrefs-where filter --where 'traffic > 1000' examples/backlinks.jsonl > popular.jsonl`,
  `npx ahrefs-where sql --dialect duckdb 'DR >= 50 and any(languages) = "en"'`,
  `npx ahrefs-where compile -c keywords-explorer/overview 'volume > 100'`,
  `npx ahrefs-where filter --count --where 'any(languages) = "de"' examples/backlinks.jsonl`,
  `npx ahrefs-where cost --select url_from,traffic --where 'DR >= 50' --rows 100`,
  `npx ahrefs-where catalogues`,
];

export const HELP = `ahrefs-where ${VERSION}: compile readable filters into the Ahrefs API v3 \`where\` JSON

Usage:
${COMMAND_NAMES.flatMap((c) => USAGE[c]).map((line) => `  ahrefs-where ${line}`).join('\n')}

Commands:
${Object.values(SUMMARY).join('\n')}

Options (each command takes only those its usage shows):
${OPTION_HELP.map(([, text]) => text).join('\n')}

${NOTES}

${EXAMPLES_HEAD}
${EXAMPLES.map((e) => `  ${e}`).join('\n')}
`;

/**
 * \`ahrefs-where COMMAND --help\`: the command's usage, what it does, the
 * options it takes (\`options\`, from the command table, so the help cannot
 * list one it rejects) and its examples.
 */
export function commandHelp(command: CommandName, options: readonly string[]): string {
  const summary = SUMMARY[command]?.trim().replace(/^\S+\s+/, '') ?? 'a language server on stdin/stdout, for editors (docs/editor.md)';
  const taken = new Set([...options, 'help']);
  const optionText = OPTION_HELP.filter(([name]) => taken.has(name)).map(([, text]) => text).join('\n');
  const examples = EXAMPLES.filter((e) => e.split(' ')[2] === command).map((e) => `  ${e}`);
  return `${usageOf(command)}\n${summary}\n\nOptions:\n${optionText}\n${examples.length > 0 ? `\nExamples:\n${examples.join('\n')}\n` : ''}`;
}
