/**
 * The `ahrefs-where` command line. Node-only code lives under src/cli; the
 * library itself runs in browsers.
 *
 * Commands are a table (name → the options it takes, its handler; the usage
 * lines are in help.ts): an option a command does not take is a usage error
 * that shows that command's usage, so a misplaced flag is never ignored.
 *
 * Exit codes: 0 success, 1 invalid input (the query, the JSON, a row), 2 usage,
 * or an input that cannot be read (or an output that cannot be written).
 * No input makes the CLI print a stack trace.
 */
import { createReadStream, fstatSync, readFileSync, type ReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { readEndpointDirective } from '../api/index.js';
import { allBacklinks, catalogueNames, getCatalogue, loadBuiltInCatalogues, loadCatalogue, type Catalogue } from '../catalogue/index.js';
import { escapeForTerminal, renderDiagnostic } from '../diagnostics/index.js';
import { createRequire } from 'node:module';
import { registerRegexEngine, type RegexEngine } from '../api/index.js';
import { COMMAND_NAMES, commandHelp, HELP, usageOf, VERSION, type CommandName } from './help.js';
import { runQueryCommand, type CliIO, type QueryCommand } from './commands.js';

/**
 * `filter` and `explain` evaluate any pattern the checker accepts, so the CLI
 * registers re2js for those a RegExp cannot run, loaded at the first such
 * pattern: its module takes about 20 ms to evaluate, which a start-up that
 * needs no RE2 does not pay. The same flags as `re2jsEngine`
 * (src/semantics/regex-re2js): DOTALL, spec §4.
 */
let re2js: typeof import('re2js').RE2JS | undefined;
const lazyRe2js: RegexEngine = {
  name: 're2js',
  compile(pattern) {
    re2js ??= (createRequire(import.meta.url)('re2js') as typeof import('re2js')).RE2JS;
    return re2js.compile(pattern, re2js.DOTALL);
  },
};
registerRegexEngine(lazyRe2js);
// Every endpoint's name resolves in the CLI (`--catalogue`, directives, the language server), as after `import 'ahrefs-where/catalogues'`.
loadBuiltInCatalogues();

/** Thrown for bad command lines; becomes exit code 2. With a command, its usage is shown. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: CommandName) {
    super(message);
  }
}

/** Thrown when an input (a FILE, standard input) cannot be read; becomes exit code 2, with no usage hint. */
class InputError extends Error {}

/** Every option of the CLI, as node:util parseArgs reads it; each command takes a subset ({@link COMMANDS}). */
const OPTIONS = {
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
  select: { type: 'string' },
  'order-by': { type: 'string' },
  rows: { type: 'string' },
} as const;

type OptionName = keyof typeof OPTIONS;
type Values = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>['values'];

/** What a command's handler gets: the parsed options, its positional arguments, the streams. */
interface Invocation {
  readonly values: Values;
  readonly args: readonly string[];
  readonly io: CliIO;
}

interface Command {
  /** The options it takes, besides --help and --version (which every command takes). */
  readonly options: readonly OptionName[];
  readonly run: (call: Invocation) => Promise<number>;
}

/**
 * Refuses a directory on standard input (`< dir`): Node's stream reads one
 * as empty input, without the EISDIR error that a directory given as FILE
 * gets, so a query or rows would silently be nothing.
 */
function refuseDirectoryStdin(stream: NodeJS.ReadableStream): void {
  const fd = (stream as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return;
  let directory: boolean;
  try {
    directory = fstatSync(fd).isDirectory();
  } catch { // expected: a descriptor that cannot be examined is read as it is; a read error is then reported by the read
    directory = false;
  }
  if (directory) throw new InputError('cannot read standard input: it is a directory (EISDIR).');
}

/** Standard input as text; a read error is an {@link InputError}. */
async function readStdin(io: CliIO): Promise<string> {
  refuseDirectoryStdin(io.stdin);
  // Without a QUERY on a terminal the CLI waits for typed input: say so, or it looks hung.
  if ((io.stdin as { isTTY?: boolean }).isTTY) io.stderr.write('ahrefs-where: reading the query from standard input; end it with Ctrl-D (or pass it as an argument, quoted).\n');
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

/** `--catalogue` takes a built-in endpoint name (`site-explorer/organic-keywords`) or a JSON file; undefined (diagnostics written) when the file is no catalogue. */
function loadCatalogueOption(value: string | undefined, io: CliIO): Catalogue | undefined {
  if (value === undefined) return allBacklinks;
  const builtIn = getCatalogue(value);
  if (builtIn) return builtIn;
  let text: string;
  try {
    text = readFileSync(value, 'utf8');
  } catch (error) {
    // A misspelt endpoint name is the likely case: the directive's did-you-mean (the same ranking) says which was meant.
    const asName = readEndpointDirective(`# endpoint: ${value}`)?.diagnostics[0];
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' && asName?.suggestions?.length ? `${asName.message} No file has that name either.` : `no such built-in catalogue or readable file (${(error as Error).message}).`;
    throw new UsageError(`--catalogue ${value}: ${reason} 'ahrefs-where catalogues' lists the built-in names.`);
  }
  const result = loadCatalogue(text);
  for (const d of result.diagnostics) io.stderr.write(`${renderDiagnostic(d, { file: value })}\n`);
  return result.ok ? result.catalogue : undefined;
}

/**
 * The catalogue for a query: an explicit `--catalogue` wins (with a note on
 * stderr when the query's first-line `# endpoint: NAME` directive names
 * another), else the directive's endpoint, else all-backlinks. An unknown
 * directive is an error at its name (undefined: diagnostics written).
 */
function queryCatalogue(value: string | undefined, query: string, label: string, io: CliIO): Catalogue | undefined {
  const directive = readEndpointDirective(query);
  if (value !== undefined || !directive) {
    const catalogue = loadCatalogueOption(value, io);
    if (catalogue && directive && directive.catalogue !== catalogue) {
      io.stderr.write(`ahrefs-where: note: --catalogue ${escapeForTerminal(catalogue.name)} overrides the endpoint directive of ${label} (${escapeForTerminal(JSON.stringify(directive.name))}).\n`);
    }
    return catalogue;
  }
  if (directive.catalogue) return directive.catalogue;
  for (const d of directive.diagnostics) io.stderr.write(`${renderDiagnostic(d, { file: label, source: query })}\n`);
  return undefined;
}

const isTty = (stream: NodeJS.WritableStream) => Boolean((stream as { isTTY?: boolean }).isTTY);

/** The one QUERY argument (or standard input for none or `-`), with the label diagnostics show. */
async function queryInput(command: CommandName, call: Invocation, expected: number, what: string): Promise<{ input: string; label: string }> {
  if (call.args.length > expected) throw new UsageError(`${command} takes ${what}; quote the query so the shell passes it as one argument.`, command);
  const fromStdin = call.args.length === 0 || call.args[0] === '-';
  return fromStdin ? { input: await readStdin(call.io), label: '<stdin>' } : { input: call.args[0]!, label: '<query>' };
}

/** A query command (compile, decompile, check, fmt, explain) as a table entry. */
function queryCommand(command: QueryCommand, options: readonly OptionName[]): Command {
  const expected = command === 'explain' ? 2 : 1;
  return {
    options,
    run: async (call) => {
      if (command === 'explain' && call.args.length < 2) throw new UsageError('explain takes QUERY and ROW_JSON (a row as a JSON object, e.g. \'{"alt": null}\').', 'explain');
      const { input, label } = await queryInput(command, call, expected, expected === 2 ? 'QUERY and ROW_JSON' : 'one QUERY (or - for standard input)');
      // Commands that take --catalogue also read the query's endpoint directive (fmt checks nothing against a catalogue).
      const catalogue = options.includes('catalogue') ? queryCatalogue(call.values.catalogue, input, label, call.io) : allBacklinks;
      if (!catalogue) return 1;
      const { json = false, pretty = false } = call.values;
      return runQueryCommand(command, { input, row: call.args[1], label, catalogue, json, pretty, io: call.io });
    },
  };
}

async function runFilter(call: Invocation): Promise<number> {
  const { values, args, io } = call;
  if (values.where === undefined) throw new UsageError('filter needs --where QUERY.', 'filter');
  if (args.length > 1) throw new UsageError('filter takes at most one FILE (or - for standard input).', 'filter');
  const file = args[0] ?? '-';
  const engine = values.engine ?? 'memory';
  if (engine !== 'memory' && engine !== 'duckdb') throw new UsageError('--engine is "memory" (the default) or "duckdb".', 'filter');
  if (engine === 'duckdb') {
    if (file === '-') throw new UsageError('filter --engine duckdb reads a FILE (DuckDB reads it itself), not standard input.', 'filter');
    if (values.strict) throw new UsageError('filter --engine duckdb does not take --strict.', 'filter');
  }
  const catalogue = queryCatalogue(values.catalogue, values.where, '--where', io);
  if (!catalogue) return 1;
  const common = { where: values.where, stdout: io.stdout, stderr: io.stderr, count: values.count ?? false, progress: isTty(io.stderr), catalogue, ...(io.now ? { now: io.now } : {}) };
  if (engine === 'duckdb') {
    const { runEngineFilter } = await import('./filter-engine.js');
    return await runEngineFilter({ ...common, file });
  }
  if (file === '-') refuseDirectoryStdin(io.stdin);
  const input = file === '-' ? io.stdin : await openInput(file);
  const { runFilterCommand } = await import('./filter.js');
  return await runFilterCommand({ ...common, input, strict: values.strict ?? false, fileLabel: file === '-' ? '<stdin>' : file });
}

async function runSql(call: Invocation): Promise<number> {
  const { values, io } = call;
  if (values.dialect === undefined) throw new UsageError('sql needs --dialect duckdb, postgres or clickhouse.', 'sql');
  const { input, label } = await queryInput('sql', call, 1, 'one QUERY (or - for standard input)');
  const catalogue = queryCatalogue(values.catalogue, input, label, io);
  if (!catalogue) return 1;
  const { runSqlCommand } = await import('./sql-command.js');
  return runSqlCommand({ input, label, catalogue, dialect: values.dialect, table: values.table, params: values.params, json: values.json ?? false, pretty: values.pretty ?? false, io });
}

async function runCost(call: Invocation): Promise<number> {
  const { values, io } = call;
  noArguments('cost', call);
  if (values.select === undefined) throw new UsageError('cost needs --select COLS (the API requires select).', 'cost');
  const rows = values.rows;
  if (rows !== undefined && !/^\d+$/.test(rows)) throw new UsageError('--rows takes a whole number ≥ 0 (the rows the request returns).', 'cost');
  // As for the other commands: --catalogue, else the endpoint directive of --where, else all-backlinks.
  const catalogue = values.where === undefined ? loadCatalogueOption(values.catalogue, io) : queryCatalogue(values.catalogue, values.where, '--where', io);
  if (!catalogue) return 1;
  const { runCostCommand } = await import('./cost-command.js');
  return runCostCommand({
    select: values.select, where: values.where, orderBy: values['order-by'], rows: rows === undefined ? undefined : Number(rows),
    catalogue, json: values.json ?? false, pretty: values.pretty ?? false, io,
  });
}

function noArguments(command: CommandName, call: Invocation): void {
  if (call.args.length > 0) throw new UsageError(`${command} takes no arguments.`, command);
}

/** The commands: the options each takes and its handler. Usage lines: help.ts `USAGE`. */
const COMMANDS: Readonly<Record<CommandName, Command>> = {
  compile: queryCommand('compile', ['catalogue', 'json', 'pretty']),
  decompile: queryCommand('decompile', ['catalogue', 'json', 'pretty']),
  check: queryCommand('check', ['catalogue', 'json', 'pretty']),
  fmt: queryCommand('fmt', ['json', 'pretty']),
  explain: queryCommand('explain', ['catalogue', 'json', 'pretty']),
  filter: { options: ['catalogue', 'where', 'strict', 'count', 'engine'], run: runFilter },
  sql: { options: ['catalogue', 'dialect', 'table', 'params', 'json', 'pretty'], run: runSql },
  cost: { options: ['catalogue', 'select', 'where', 'order-by', 'rows', 'json', 'pretty'], run: runCost },
  catalogues: {
    options: [],
    run: async (call) => {
      noArguments('catalogues', call);
      call.io.stdout.write(`${catalogueNames.join('\n')}\n`);
      return 0;
    },
  },
  lsp: {
    // --stdio: what LSP clients pass by convention; stdin/stdout is the only transport.
    options: ['stdio'],
    run: async (call) => {
      noArguments('lsp', call);
      const { runLanguageServer } = await import('./lsp.js');
      runLanguageServer();
      return await new Promise<number>(() => {});
    },
  },
};

function isCommand(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

/** The options given that `command` does not take, as written on the command line (`--where`). */
function foreignOptions(command: CommandName, values: Values): string[] {
  const allowed = new Set<string>([...COMMANDS[command].options, 'help', 'version']);
  return Object.keys(values).filter((name) => !allowed.has(name)).map((name) => `--${name}`);
}

function usageFailure(io: CliIO, message: string, command: CommandName | undefined): number {
  const hint = command ? usageOf(command) : "Run 'ahrefs-where --help' for usage.\n";
  io.stderr.write(`ahrefs-where: ${escapeForTerminal(message)}\n${hint}`);
  return 2;
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (error) {
    return usageFailure(io, (error as Error).message, undefined);
  }
  const { values, positionals } = parsed;
  const [name, ...args] = positionals;
  if (values.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  // `ahrefs-where COMMAND --help` and `ahrefs-where help COMMAND`: that command's help; otherwise the whole help.
  const helpFor = name === 'help' ? args[0] : values.help ? name : undefined;
  if (helpFor !== undefined && isCommand(helpFor)) {
    io.stdout.write(commandHelp(helpFor, COMMANDS[helpFor].options));
    return 0;
  }
  if (name === 'help' && helpFor !== undefined) return usageFailure(io, `unknown command "${helpFor}".`, undefined);
  if (values.help || name === undefined || name === 'help') {
    io.stdout.write(HELP);
    return name === undefined && !values.help ? 2 : 0;
  }
  if (!isCommand(name)) return usageFailure(io, `unknown command "${name}".`, undefined);
  const foreign = foreignOptions(name, values);
  if (foreign.length > 0) return usageFailure(io, `${name} does not take ${foreign.join(', ')}.`, name);
  try {
    return await COMMANDS[name].run({ values, args, io });
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(io, error.message, error.command);
    if (error instanceof InputError) {
      io.stderr.write(`ahrefs-where: error: ${escapeForTerminal(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}
