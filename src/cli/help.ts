/** The CLI's --help text and version. */
import pkg from '../../package.json';

export const VERSION: string = pkg.version;

export const HELP = `ahrefs-where ${VERSION}: compile readable filters into the Ahrefs API v3 \`where\` JSON

Usage:
  ahrefs-where compile   [--catalogue C] [--json] [--pretty] QUERY|-
  ahrefs-where decompile [--catalogue C] [--json] WHERE_JSON|-
  ahrefs-where check     [--catalogue C] [--json] QUERY|-
  ahrefs-where fmt       [--json] QUERY|-
  ahrefs-where explain   [--catalogue C] [--json] QUERY ROW_JSON
  ahrefs-where filter    [--catalogue C] --where QUERY [--strict] [--count] [FILE|-]
  ahrefs-where filter    [--catalogue C] --engine duckdb --where QUERY [--count] FILE
  ahrefs-where sql       [--catalogue C] --dialect D [--table T] [--params named|positional] [--json] QUERY|-
  ahrefs-where catalogues
  ahrefs-where lsp       (a language server on stdin/stdout)

Commands:
  compile     print the \`where\` JSON for a query
  decompile   print the query for a \`where\` JSON
  check       report every problem in a query; prints nothing when it is fine
  fmt         print a query in canonical form
  explain     show how a query evaluates on one row, node by node
  filter      read JSON Lines (one row per line), print the rows that match
  sql         print the SQL condition (DuckDB, PostgreSQL, ClickHouse) and its values
  catalogues  list the built-in endpoint catalogues

Options:
  -c, --catalogue C   a built-in endpoint (site-explorer/organic-keywords) or a
                      catalogue JSON file; default site-explorer/all-backlinks
      --json          machine-readable output: one JSON object with diagnostics
      --pretty        indent JSON output
  -w, --where QUERY   the filter for \`filter\`
      --strict        \`filter\`: stop at the first malformed line (exit 1)
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

Examples:
  ahrefs-where compile 'domain_rating_source >= 50 and is_dofollow'
  ahrefs-where compile --pretty 'DR >= 50 and any(languages) in ("en", "de")'
  ahrefs-where decompile '{"field":"is_spam","is":["eq",false]}'
  ahrefs-where check 'domain_ratng > 5'
  ahrefs-where fmt 'not(is_spam)AND  DR>=50'
  ahrefs-where explain 'alt is null or alt contains "seo"' '{"alt": null}'
  ahrefs-where filter --where 'traffic > 1000' backlinks.jsonl > popular.jsonl
  ahrefs-where sql --dialect duckdb 'DR >= 50 and any(languages) = "en"'
  ahrefs-where compile -c keywords-explorer/overview 'volume > 100'
`;
