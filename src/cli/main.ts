/**
 * The `ahrefs-where` command line. Node-only code lives under src/cli; the
 * library itself runs in browsers.
 *
 * Exit codes: 0 success, 1 invalid input (the query, the JSON, a row), 2 usage,
 * or an input that cannot be read (or an output that cannot be written).
 * No input makes the CLI print a stack trace.
 */
import { createReadStream, readFileSync, type ReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { allBacklinks, loadCatalogue, type Catalogue } from '../catalogue/index.js';
import { catalogueNames, getCatalogue } from '../catalogue/endpoints.js';
import { escapeForTerminal, renderDiagnostic } from '../diagnostics/render.js';
import { HELP, VERSION } from './help.js';
import { runQueryCommand, type CliIO } from './commands.js';

/** Thrown for bad command lines; becomes exit code 2. */
export class UsageError extends Error {}

/** Thrown when an input (a FILE, standard input) cannot be read; becomes exit code 2, with no usage hint. */
class InputError extends Error {}

/** Standard input as text; a read error is an {@link InputError}. */
async function readStdin(io: CliIO): Promise<string> {
  try {
    return await readAll(io.stdin);
  } catch (error) {
    throw new InputError(`cannot read standard input: ${(error as Error).message}`);
  }
}

/** Opens FILE for `filter`; waits for the open, so that a missing file is a message, not an unhandled stream error. */
function openInput(file: string): Promise<ReadStream> {
  return new Promise((resolve, reject) => {
    const stream = createReadStream(file);
    stream.once('open', () => resolve(stream));
    stream.once('error', (error) => reject(new InputError(`cannot read ${file}: ${error.message}`)));
  });
}

function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer | string) => chunks.push(typeof c === 'string' ? Buffer.from(c) : c));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

/** `--catalogue` takes a built-in endpoint name (`site-explorer/organic-keywords`) or a JSON file. */
function loadCatalogueOption(value: string | undefined, io: CliIO): Catalogue | undefined {
  if (value === undefined) return allBacklinks;
  const builtIn = getCatalogue(value);
  if (builtIn) return builtIn;
  let text: string;
  try {
    text = readFileSync(value, 'utf8');
  } catch (error) {
    throw new UsageError(`--catalogue ${value}: no such built-in catalogue or readable file (${(error as Error).message}). Built-in names: ahrefs-where catalogues`);
  }
  const result = loadCatalogue(text);
  for (const d of result.diagnostics) io.stderr.write(`${renderDiagnostic(d, { file: value })}\n`);
  return result.ok ? result.catalogue : undefined;
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        catalogue: { type: 'string', short: 'c' },
        json: { type: 'boolean' },
        pretty: { type: 'boolean' },
        where: { type: 'string', short: 'w' },
        strict: { type: 'boolean' },
        count: { type: 'boolean' },
        engine: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        stdio: { type: 'boolean' },
        dialect: { type: 'string' },
        table: { type: 'string' },
        params: { type: 'string' },
      },
    });
  } catch (error) {
    io.stderr.write(`ahrefs-where: ${escapeForTerminal((error as Error).message)}\nRun 'ahrefs-where --help' for usage.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (values.help || command === undefined || command === 'help') {
    io.stdout.write(HELP);
    return command === undefined && !values.help ? 2 : 0;
  }
  try {
    if (command === 'catalogues') {
      io.stdout.write(`${catalogueNames.join('\n')}\n`);
      return 0;
    }
    if (command === 'lsp') {
      const { runLanguageServer } = await import('./lsp.js');
      runLanguageServer();
      return await new Promise<number>(() => {});
    }
    const catalogue = loadCatalogueOption(values.catalogue, io);
    if (!catalogue) return 1;
    if (command === 'filter') {
      if (values.where === undefined) throw new UsageError('filter needs --where QUERY.');
      if (rest.length > 1) throw new UsageError('filter takes at most one FILE (or - for standard input).');
      const file = rest[0] ?? '-';
      if (values.engine !== undefined && values.engine !== 'memory') {
        if (values.engine !== 'duckdb') throw new UsageError('--engine is "memory" (the default) or "duckdb".');
        if (file === '-') throw new UsageError('filter --engine duckdb reads a FILE (DuckDB reads it itself), not standard input.');
        const { runEngineFilter } = await import('./filter-engine.js');
        return await runEngineFilter({ where: values.where, file, stdout: io.stdout, stderr: io.stderr, count: values.count ?? false, progress: Boolean((io.stderr as { isTTY?: boolean }).isTTY), catalogue });
      }
      const input = file === '-' ? io.stdin : await openInput(file);
      const { runFilterCommand } = await import('./filter.js');
      return await runFilterCommand({
        where: values.where,
        input,
        stdout: io.stdout,
        stderr: io.stderr,
        strict: values.strict ?? false,
        count: values.count ?? false,
        progress: Boolean((io.stderr as { isTTY?: boolean }).isTTY),
        catalogue,
        fileLabel: file === '-' ? '<stdin>' : file,
      });
    }
    if (command === 'sql') {
      if (rest.length > 1) throw new UsageError('sql takes one QUERY (or - for standard input); quote the query so the shell passes it as one argument.');
      if (values.dialect === undefined) throw new UsageError('sql needs --dialect duckdb, postgres or clickhouse.');
      const fromStdin = rest.length === 0 || rest[0] === '-';
      const input = fromStdin ? await readStdin(io) : rest[0]!;
      const { runSqlCommand } = await import('./sql-command.js');
      return runSqlCommand({ input, label: fromStdin ? '<stdin>' : '<query>', catalogue, dialect: values.dialect, table: values.table, params: values.params, json: values.json ?? false, pretty: values.pretty ?? false, io });
    }
    if (!['compile', 'decompile', 'check', 'fmt', 'explain'].includes(command)) {
      throw new UsageError(`unknown command "${command}".`);
    }
    const expected = command === 'explain' ? 2 : 1;
    if (rest.length > expected) throw new UsageError(`${command} takes ${expected === 2 ? 'QUERY and ROW_JSON' : 'one QUERY (or - for standard input)'}; quote the query so the shell passes it as one argument.`);
    const fromStdin = rest.length === 0 || rest[0] === '-';
    const input = fromStdin ? await readStdin(io) : rest[0]!;
    return runQueryCommand(command as 'compile' | 'decompile' | 'check' | 'fmt' | 'explain', {
      input,
      row: rest[1],
      label: fromStdin ? '<stdin>' : '<query>',
      catalogue,
      json: values.json ?? false,
      pretty: values.pretty ?? false,
      io,
    });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`ahrefs-where: ${escapeForTerminal(error.message)}\nRun 'ahrefs-where --help' for usage.\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr.write(`ahrefs-where: error: ${escapeForTerminal(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}
