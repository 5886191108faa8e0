/**
 * `ahrefs-where filter --engine duckdb`: the filter compiled to SQL (toSql)
 * and run by DuckDB over the file itself (JSON Lines, CSV or Parquet, read
 * in parallel by DuckDB), through the loader's conversions
 * (`selectFromFileSql`), so the rows kept are the predicate's.
 *
 * Results are streamed chunk by chunk from DuckDB to the output (with
 * backpressure), never collected. `@duckdb/node-api` is an optional
 * dependency: without it the command says what to install.
 */
import { once } from 'node:events';
import { quoteIdentifier, selectFromFileSql, tableLayout, toSql, type FileFormat } from '../api/index.js';
import type { Catalogue } from '../catalogue/index.js';
import { escapeForTerminal, renderDiagnostic, type Diagnostic } from '../diagnostics/index.js';

export interface EngineFilterOptions {
  readonly where: string;
  /** The file DuckDB reads (standard input is not supported: DuckDB reads files itself). */
  readonly file: string;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly count: boolean;
  /** Show a progress line on stderr (the caller passes `stderr.isTTY`). */
  readonly progress: boolean;
  readonly catalogue: Catalogue;
}

/** The package and version the CLI is tested with (package.json optionalDependencies). */
export const DUCKDB_PACKAGE = '@duckdb/node-api@1.5.6-r.1';
const PROGRESS_MS = 250;
const CLEAR_LINE = '\r\x1b[K';

/** The file's format from its name: `.jsonl`/`.ndjson`/`.json`, `.csv`, `.parquet` (optionally compressed `.gz`/`.zst`). */
export function formatOf(file: string): FileFormat | undefined {
  const name = file.toLowerCase().replace(/\.(gz|zst)$/, '');
  if (/\.(jsonl|ndjson|json)$/.test(name)) return 'jsonl';
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.parquet')) return 'parquet';
  return undefined;
}

function report(o: EngineFilterOptions, diagnostics: readonly Diagnostic[]): boolean {
  for (const d of diagnostics) o.stderr.write(`${renderDiagnostic(d, { file: '--where', source: o.where })}\n`);
  return diagnostics.some((d) => d.severity === 'error');
}

type DuckDb = typeof import('@duckdb/node-api');

async function loadDuckDb(o: EngineFilterOptions): Promise<DuckDb | undefined> {
  try {
    return await import('@duckdb/node-api');
  } catch (error) {
    o.stderr.write(
      `ahrefs-where: --engine duckdb needs the optional package @duckdb/node-api, which is not installed ` +
      `(${(error as Error).message.split('\n')[0]}).\nInstall it next to ahrefs-where: npm install ${DUCKDB_PACKAGE}\n`,
    );
    return undefined;
  }
}

/**
 * Runs the filter through DuckDB. Exit codes as `filter`: 0 done, 1 the query
 * does not compile, 2 the file cannot be read (or DuckDB is missing).
 */
export async function runEngineFilter(o: EngineFilterOptions): Promise<number> {
  const format = formatOf(o.file);
  if (!format) {
    o.stderr.write(`ahrefs-where: --engine duckdb reads .jsonl, .ndjson, .json, .csv or .parquet files; cannot tell the format of ${escapeForTerminal(o.file)}.\n`);
    return 2;
  }
  const emitted = toSql(o.where, { dialect: 'duckdb', catalogue: o.catalogue });
  if (report(o, emitted.diagnostics) || emitted.sql === undefined) return 1;
  // Every column nullable: a row of the file may lack any column (absent counts as null, spec §4).
  const source = selectFromFileSql(o.catalogue, { dialect: 'duckdb', table: 'rows', path: o.file, format, nullable: 'always' });
  if (report(o, source.diagnostics) || !source.ok) return 1;
  const duckdb = await loadDuckDb(o);
  if (!duckdb) return 2;

  const layout = tableLayout(o.catalogue, { dialect: 'duckdb', table: 'rows', nullable: 'always' }).layout!;
  // Datetimes are printed as the API writes them (ISO 8601, UTC), so the output can be filtered again.
  const fields = layout.columns.map((c) => {
    const value = c.kind === 'scalar' && (c.column.type === 'date' || c.column.type === 'datetime')
      ? `strftime(${c.quoted}, '%Y-%m-%dT%H:%M:%S.%gZ')`
      : c.quoted;
    return `${value} AS ${c.quoted}`;
  });
  const filtered = `(${source.sql}) AS ${quoteIdentifier('duckdb', 'rows')} WHERE ${emitted.sql}`;
  const sql = o.count ? `SELECT count(*) AS n FROM ${filtered}` : `SELECT to_json(r)::VARCHAR AS line FROM (SELECT ${fields.join(', ')} FROM ${filtered}) AS r`;

  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  let printed = 0;
  let progressShown = false;
  let outputClosed = false;
  const onOutputError = () => {
    outputClosed = true; // e.g. EPIPE when piped into `head`
  };
  o.stdout.on('error', onOutputError);
  // Rows printed and time elapsed: @duckdb/node-api 1.5.6 reports no query progress (connection.progress stays -1),
  // and DuckDB's own progress bar would be printed on standard output, into the rows.
  const started = performance.now();
  const timer = o.progress
    ? setInterval(() => {
        const seconds = ((performance.now() - started) / 1000).toFixed(0);
        o.stderr.write(`${CLEAR_LINE}${o.count ? 'counting' : `${printed.toLocaleString('en-US')} rows printed`}, ${seconds} s`);
        progressShown = true;
      }, PROGRESS_MS)
    : undefined;
  try {
    await connection.run("SET TimeZone = 'UTC'");
    await connection.run('SET enable_progress_bar = false');
    const result = await connection.stream(sql, emitted.params as never);
    let total = 0;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const values = chunk.getColumnValues(0);
      if (o.count) {
        total += Number(values[0]);
        continue;
      }
      printed += values.length;
      if (!o.stdout.write(`${values.join('\n')}\n`) && !outputClosed) {
        try {
          await once(o.stdout as unknown as NodeJS.EventEmitter, 'drain');
        } catch { // expected: `once` rejects when the output fails while full (EPIPE into `head`); the reader is gone, stop quietly
          outputClosed = true;
        }
      }
      if (outputClosed) break;
    }
    if (timer) clearInterval(timer);
    if (progressShown) o.stderr.write(CLEAR_LINE);
    if (o.count) o.stdout.write(`${total}\n`);
    return 0;
  } catch (error) {
    if (timer) clearInterval(timer);
    if (progressShown) o.stderr.write(CLEAR_LINE);
    // DuckDB's message may quote the file's content: escaped, as every message of the CLI.
    o.stderr.write(`${escapeForTerminal(`${o.file}: error: DuckDB cannot read or filter the file: ${(error as Error).message}`)}\n`);
    return 2;
  } finally {
    o.stdout.removeListener('error', onOutputError);
    connection.closeSync();
    instance.closeSync();
  }
}
