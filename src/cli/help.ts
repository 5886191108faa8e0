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

export const HELP = `ahrefs-where ${VERSION}: compile readable filters into the Ahrefs API v3 \`where\` JSON

Usage:
${COMMAND_NAMES.flatMap((c) => USAGE[c]).map((line) => `  ahrefs-where ${line}`).join('\n')}

Commands:
  compile     print the \`where\` JSON for a query
  decompile   print the query for a \`where\` JSON
  check       report every problem in a query; prints nothing when it is fine
  fmt         print a query in canonical form
  explain     show how a query evaluates on one row, node by node
  filter      read JSON Lines (one row per line), print the rows that match
  sql         print the SQL condition (DuckDB, PostgreSQL, ClickHouse) and its values
  cost        what a request costs in API units: max(50, units per row × rows)
  catalogues  list the built-in endpoint catalogues

Options (each command takes only those its usage shows):
  -c, --catalogue C   a built-in endpoint (site-explorer/organic-keywords) or a
                      catalogue JSON file; default: the query's first-line
                      directive \`# endpoint: NAME\` if any, else
                      site-explorer/all-backlinks (an explicit -c wins)
      --json          machine-readable output: one JSON object with diagnostics
      --pretty        indent JSON output
  -w, --where QUERY   the filter for \`filter\` and \`cost\`
      --select COLS   \`cost\`: the select parameter (url_from,traffic), checked
                      against the endpoint's response schema where it is known
      --order-by O    \`cost\`: the order_by parameter (traffic:desc,url_from)
      --rows N        \`cost\`: rows the request returns (default 1000, the API's
                      default limit)
      --strict        \`filter\`: stop at the first malformed line (exit 1);
                      without it a malformed line is reported on stderr and
                      skipped (exit 0); either way \`filter\` ends with a
                      summary on stderr (rows read, matched, skipped; not with
                      --engine duckdb), and shows progress there on a terminal
      --count         \`filter\`: print only the number of matching rows
      --engine E      \`filter\`: memory (default), or duckdb: SQL run by DuckDB on a
                      .jsonl, .csv or .parquet FILE (needs @duckdb/node-api)
      --dialect D     \`sql\`: duckdb, postgres or clickhouse
      --table T       \`sql\`: qualify columns with a table name
      --params P      \`sql\`: positional ($1; DuckDB, PostgreSQL) or named ($p1;
                      ClickHouse's {p1:Type} is its only style)
  -h, --help          this help
  -v, --version       the version

A QUERY of - (or none) is read from standard input. Diagnostics go to stderr
as FILE:LINE:COL: SEVERITY CODE: MESSAGE, control characters escaped. Exit
status: 0 ok, 1 invalid input, 2 usage error or an input that cannot be read.

Examples (as written, they run in a project that installed ahrefs-where, or in
a clone after \`npm ci && npm run build\`; examples/backlinks.jsonl is the
clone's sample):
  npx ahrefs-where compile 'domain_rating_source >= 50 and is_dofollow'
  npx ahrefs-where compile --pretty 'DR >= 50 and any(languages) in ("en", "de")'
  npx ahrefs-where decompile '{"field":"is_spam","is":["eq",false]}'
  npx ahrefs-where check 'domain_ratng > 5'
  npx ahrefs-where fmt 'not(is_spam)AND  DR>=50'
  npx ahrefs-where explain 'alt is null or alt contains "seo"' '{"alt": null}'
  npx ahrefs-where filter --where 'traffic > 1000' examples/backlinks.jsonl > popular.jsonl
  npx ahrefs-where sql --dialect duckdb 'DR >= 50 and any(languages) = "en"'
  npx ahrefs-where compile -c keywords-explorer/overview 'volume > 100'
  npx ahrefs-where filter --count --where 'any(languages) = "de"' examples/backlinks.jsonl
  npx ahrefs-where cost --select url_from,traffic --where 'DR >= 50' --rows 100
  npx ahrefs-where catalogues
`;
