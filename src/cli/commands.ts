/**
 * The query commands of the CLI: compile, decompile, check, fmt, explain.
 * Results go to stdout; diagnostics to stderr as `file:line:col: error CODE:
 * message` with the source line and a caret, or, with `--json`, everything
 * as one JSON object on stdout. Everything printed is safe for a terminal
 * (see output.ts): no input reaches it with raw control characters.
 */
import { check, compile, decompile } from '../api/compile.js';
import { CompileError, explain } from '../api/predicate.js';
import type { Catalogue } from '../catalogue/types.js';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { renderDiagnostic } from '../diagnostics/render.js';
import { renderExplanation, type ExplainNode, type Explanation } from '../emit/explain.js';
import { valueText } from '../emit/value-text.js';
import { formatWithDiagnostics } from '../api/format-text.js';
import { MAX_JSON_DEPTH, nestsAtMost, stringifyForOutput, terminalSafeJson, writeText } from './output.js';

/** The streams a CLI run reads and writes (process streams, or test doubles). */
export interface CliIO {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
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

/** Runs one query command; returns the exit code. */
export function runQueryCommand(command: 'compile' | 'decompile' | 'check' | 'fmt' | 'explain', o: QueryCommandOptions): number {
  const options = { catalogue: o.catalogue };
  switch (command) {
    case 'compile': {
      const r = compile(o.input, options);
      if (o.json) writeJson(o, { ok: r.ok, where: r.where ?? null, json: r.json ?? null, fields: r.fields, diagnostics: r.diagnostics });
      else {
        writeDiagnostics(o, r.diagnostics, o.input);
        if (r.where) o.io.stdout.write(`${o.pretty ? stringifyForOutput(r.where, true) : terminalSafeJson(r.json!)}\n`);
      }
      return exitCode(r.diagnostics);
    }
    case 'decompile': {
      const r = decompile(o.input, options);
      if (o.json) writeJson(o, { ok: r.ok, text: r.text ?? null, diagnostics: r.diagnostics });
      else {
        writeDiagnostics(o, r.diagnostics);
        if (r.text !== undefined && r.ok) writeText(o.io.stdout, o.io.stderr, r.text);
      }
      return exitCode(r.diagnostics);
    }
    case 'check': {
      const diagnostics = check(o.input, options);
      if (o.json) writeJson(o, { ok: !hasErrors(diagnostics), diagnostics });
      else writeDiagnostics(o, diagnostics, o.input);
      return exitCode(diagnostics);
    }
    case 'fmt': {
      const r = formatWithDiagnostics(o.input);
      if (o.json) writeJson(o, { ok: !hasErrors(r.diagnostics), text: r.text, diagnostics: r.diagnostics });
      else {
        writeDiagnostics(o, r.diagnostics, o.input);
        if (!hasErrors(r.diagnostics)) writeText(o.io.stdout, o.io.stderr, r.text);
      }
      return exitCode(r.diagnostics);
    }
    case 'explain': {
      let row: unknown;
      try {
        row = JSON.parse(o.row ?? '');
      } catch (error) {
        const d = diagnostic('invalid-row', `ROW_JSON is not valid JSON: ${(error as Error).message}`, { path: '' });
        if (o.json) writeJson(o, { ok: false, diagnostics: [d] });
        else writeDiagnostics({ ...o, label: '<row>' }, [d]);
        return 1;
      }
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        const d = diagnostic('invalid-row', 'ROW_JSON must be a JSON object, one row as the API returns it.', { path: '' });
        if (o.json) writeJson(o, { ok: false, diagnostics: [d] });
        else writeDiagnostics({ ...o, label: '<row>' }, [d]);
        return 1;
      }
      try {
        const tree = explain(o.input, row as Record<string, unknown>, options);
        if (o.json) writeJson(o, { ok: true, explanation: explanationJson(tree) });
        else o.io.stdout.write(`${renderExplanation(tree)}\n`);
        return 0;
      } catch (error) {
        if (!(error instanceof CompileError)) throw error;
        if (o.json) writeJson(o, { ok: false, diagnostics: error.diagnostics });
        else writeDiagnostics(o, error.diagnostics, o.input);
        return 1;
      }
    }
  }
}
