/**
 * The query commands of the CLI: compile, decompile, check, fmt, explain.
 * Results go to stdout; diagnostics to stderr as `file:line:col: error CODE:
 * message` with the source line and a caret, or, with `--json`, everything
 * as one JSON object on stdout. Everything printed is safe for a terminal
 * (see output.ts): no input reaches it with raw control characters.
 */
import { check, compile, decompile, PredicateError, explain, formatWithDiagnostics, renderExplanation, valueText, type ExplainNode, type Explanation } from '../api/index.js';
import type { Catalogue } from '../catalogue/index.js';
import { escapeForTerminal, hasErrors, renderDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import { isTerminal, MAX_JSON_DEPTH, nestsAtMost, stringifyForOutput, terminalSafeJson, writeText } from './output.js';
import { parseRow, type Row } from './rows.js';

/** The streams a CLI run reads and writes (process streams, or test doubles). */
export interface CliIO {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** The clock (ms) for progress lines; default `performance.now`. Tests pass one that advances without waiting. */
  readonly now?: () => number;
}

export interface QueryCommandOptions {
  readonly input: string;
  /** explain only: the row, as JSON text. */
  readonly row?: string | undefined;
  /** Shown before positions: `<query>` or `<stdin>`. */
  readonly label: string;
  readonly catalogue: Catalogue;
  readonly json: boolean;
  readonly pretty: boolean;
  readonly io: CliIO;
}

function writeDiagnostics(o: QueryCommandOptions, diagnostics: readonly Diagnostic[], source?: string): void {
  for (const d of diagnostics) o.io.stderr.write(`${renderDiagnostic(d, { file: o.label, ...(source !== undefined ? { source } : {}) })}\n`);
}

function writeJson(o: QueryCommandOptions, value: unknown): void {
  o.io.stdout.write(`${stringifyForOutput(value, o.pretty)}\n`);
}

function exitCode(diagnostics: readonly Diagnostic[]): number {
  return hasErrors(diagnostics) ? 1 : 0;
}

/** A node for `explain --json`: `readText` as the text output shows it, and `read` unless it nests too deep to write as JSON. */
type ExplainNodeJson = Omit<ExplainNode, 'children'> & { readonly readText?: string; readonly readTooDeep?: true; readonly children: readonly ExplainNodeJson[] };

function nodeJson(node: ExplainNode): ExplainNodeJson {
  const { read, children, ...rest } = node;
  const shown = node.absent || !('read' in node) ? {} : nestsAtMost(read, MAX_JSON_DEPTH) ? { read, readText: valueText(read) } : { readText: valueText(read), readTooDeep: true as const };
  return { ...rest, ...shown, children: children.map(nodeJson) };
}

function explanationJson(e: Explanation): { value: Explanation['value']; matches: boolean; root: ExplainNodeJson } {
  return { value: e.value, matches: e.matches, root: nodeJson(e.root) };
}

/** The query commands, by name. */
export type QueryCommand = 'compile' | 'decompile' | 'check' | 'fmt' | 'explain';

function runCompile(o: QueryCommandOptions): number {
  const r = compile(o.input, { catalogue: o.catalogue });
  if (o.json) writeJson(o, { ok: r.ok, where: r.where ?? null, json: r.json ?? null, fields: r.fields, diagnostics: r.diagnostics });
  else {
    writeDiagnostics(o, r.diagnostics, o.input);
    if (r.ok) o.io.stdout.write(`${o.pretty ? stringifyForOutput(r.where, true) : terminalSafeJson(r.json)}\n`);
  }
  return exitCode(r.diagnostics);
}

function runDecompile(o: QueryCommandOptions): number {
  const r = decompile(o.input, { catalogue: o.catalogue });
  if (o.json) writeJson(o, { ok: r.ok, text: r.text ?? null, diagnostics: r.diagnostics });
  else {
    writeDiagnostics(o, r.diagnostics);
    if (r.ok) writeText(o.io.stdout, o.io.stderr, r.text);
  }
  return exitCode(r.diagnostics);
}

function runCheck(o: QueryCommandOptions): number {
  const diagnostics = check(o.input, { catalogue: o.catalogue });
  if (o.json) writeJson(o, { ok: !hasErrors(diagnostics), diagnostics });
  else writeDiagnostics(o, diagnostics, o.input);
  // Silence is the answer for scripts; a person at a terminal gets a word that the check ran.
  if (!o.json && diagnostics.length === 0 && isTerminal(o.io.stdout)) o.io.stderr.write(`${escapeForTerminal(`${o.label}: no problems found on ${o.catalogue.name}.`)}\n`);
  return exitCode(diagnostics);
}

function runFmt(o: QueryCommandOptions): number {
  const r = formatWithDiagnostics(o.input);
  if (o.json) writeJson(o, { ok: !hasErrors(r.diagnostics), text: r.text, diagnostics: r.diagnostics });
  else {
    writeDiagnostics(o, r.diagnostics, o.input);
    if (!hasErrors(r.diagnostics)) writeText(o.io.stdout, o.io.stderr, r.text);
  }
  return exitCode(r.diagnostics);
}

/** Writes the diagnostics of a command that failed before it had output (the row, or the query, of explain). */
function writeFailure(o: QueryCommandOptions, diagnostics: readonly Diagnostic[], source?: string): number {
  if (o.json) writeJson(o, { ok: false, diagnostics });
  else writeDiagnostics(o, diagnostics, source);
  return 1;
}

function runExplain(o: QueryCommandOptions): number {
  const parsed = parseRow(o.row ?? '', 'ROW_JSON');
  if ('problem' in parsed) return writeFailure({ ...o, label: '<row>' }, [parsed.problem]);
  let tree: Explanation;
  try {
    tree = explain(o.input, parsed.row satisfies Row, { catalogue: o.catalogue });
  } catch (error) {
    if (!(error instanceof PredicateError)) throw error;
    return writeFailure(o, error.diagnostics, o.input);
  }
  if (o.json) writeJson(o, { ok: true, explanation: explanationJson(tree) });
  else o.io.stdout.write(`${renderExplanation(tree)}\n`);
  return 0;
}

const RUN: Readonly<Record<QueryCommand, (o: QueryCommandOptions) => number>> = {
  compile: runCompile,
  decompile: runDecompile,
  check: runCheck,
  fmt: runFmt,
  explain: runExplain,
};

/** Runs one query command; returns the exit code. */
export function runQueryCommand(command: QueryCommand, o: QueryCommandOptions): number {
  return RUN[command](o);
}
