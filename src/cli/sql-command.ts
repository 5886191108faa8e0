/**
 * `ahrefs-where sql --dialect D [--table T] [--params named|positional] [--json] QUERY|-`:
 * prints the SQL condition of a query (or of `where` JSON) and its bound
 * values. Text output is the condition on one line, then one line per value
 * (`$1 = 50`, `p1 = "seo"`, each value as JSON); `--json` prints
 * `{ ok, sql, params, paramList, diagnostics }`. Diagnostics go to stderr.
 */
import { toSql, type SqlOptions } from '../api/index.js';
import type { Catalogue } from '../catalogue/index.js';
import { renderDiagnostic } from '../diagnostics/index.js';
import type { CliIO } from './commands.js';
import { stringifyForOutput, terminalSafeJson, writeText } from './output.js';

export interface SqlCommandOptions {
  readonly input: string;
  readonly label: string;
  readonly catalogue: Catalogue;
  /** Validated by toSql (an unknown dialect or style is an `invalid-option` diagnostic, exit 1). */
  readonly dialect: string | undefined;
  readonly table: string | undefined;
  readonly params: string | undefined;
  readonly json: boolean;
  readonly pretty: boolean;
  readonly io: CliIO;
}

/** Runs `sql`; returns the exit code (0 ok, 1 invalid query or option). */
export function runSqlCommand(o: SqlCommandOptions): number {
  const options = {
    catalogue: o.catalogue,
    dialect: o.dialect,
    ...(o.table !== undefined ? { table: o.table } : {}),
    ...(o.params !== undefined ? { params: o.params } : {}),
  } as unknown as SqlOptions;
  const r = toSql(o.input, options);
  if (o.json) {
    o.io.stdout.write(`${stringifyForOutput({ ok: r.ok, sql: r.sql ?? null, params: r.params, paramList: r.paramList, diagnostics: r.diagnostics }, o.pretty)}\n`);
    return r.ok ? 0 : 1;
  }
  for (const d of r.diagnostics) o.io.stderr.write(`${renderDiagnostic(d, { file: o.label, source: o.input })}\n`);
  if (!r.ok || r.sql === undefined) return 1;
  writeText(o.io.stdout, o.io.stderr, r.sql);
  const positional = Array.isArray(r.params);
  r.paramList.forEach((p, i) => o.io.stdout.write(`${positional ? `$${i + 1}` : p.name} = ${terminalSafeJson(JSON.stringify(p.value))}\n`));
  return 0;
}
