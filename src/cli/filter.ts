/**
 * `ahrefs-where filter`: streams JSON Lines through a compiled predicate and
 * writes the rows that match, byte for byte, in input order.
 *
 * The input is read chunk by chunk and split on `\n` as bytes (a `\r` before
 * it is part of the line ending), so memory stays flat whatever the file
 * size: at any time only the current chunk, a partial last line and the
 * batch of matches being written are held. Writes respect backpressure.
 */
import { once } from 'node:events';
import { check } from '../api/compile.js';
import { CompileError, predicate } from '../api/predicate.js';
import type { Catalogue } from '../catalogue/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { escapeForTerminal, renderDiagnostic } from '../diagnostics/render.js';

/** What {@link runFilterCommand} needs: the query, the streams, and the flags. */
export interface FilterCommandOptions {
  /** The filter, as query text. */
  readonly where: string;
  /** JSON Lines: one row (a JSON object) per line. */
  readonly input: NodeJS.ReadableStream;
  /** Receives the matching lines (or, with `count`, their number). */
  readonly stdout: NodeJS.WritableStream;
  /** Receives diagnostics, malformed-line errors and progress. */
  readonly stderr: NodeJS.WritableStream;
  /** Stop at the first malformed line, with exit code 1. */
  readonly strict: boolean;
  /** Print only the number of matching rows. */
  readonly count: boolean;
  /** Show a throttled progress line on stderr (the caller passes `stderr.isTTY`). */
  readonly progress: boolean;
  /** The endpoint's columns. Default: all-backlinks. */
  readonly catalogue?: Catalogue;
  /** Names the input in messages: a file name, or `<stdin>`. */
  readonly fileLabel: string;
}

const NEWLINE = 0x0a;
const CR = 0x0d;
const LF_BUFFER = Buffer.from('\n');
/** Minimum time between two progress updates. */
const PROGRESS_MS = 250;
const CLEAR_LINE = '\r\x1b[K';

type Row = Record<string, unknown>;

/** Wraps an exception of the predicate itself, so that it is not mistaken for a read error. */
class PredicateFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('the predicate failed');
  }
}

/** A line is blank when it holds only spaces, tabs and carriage returns. */
function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c !== 0x20 && c !== 0x09 && c !== CR) return false;
  }
  return true;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** Writes the query's diagnostics; true when one of them is an error. */
function reportQuery(o: FilterCommandOptions, diagnostics: readonly Diagnostic[]): boolean {
  for (const d of diagnostics) o.stderr.write(`${renderDiagnostic(d, { file: '<query>', source: o.where })}\n`);
  return diagnostics.some((d) => d.severity === 'error');
}

/** Compiles the query; undefined (with diagnostics written) when it cannot be. */
function compileQuery(o: FilterCommandOptions): ((row: Row) => boolean) | undefined {
  const options = o.catalogue ? { catalogue: o.catalogue } : {};
  const diagnostics = check(o.where, options);
  if (reportQuery(o, diagnostics)) return undefined;
  try {
    return predicate(o.where, options) as (row: Row) => boolean;
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    // Errors the checker does not raise (a filter-only column): only those are new.
    const seen = new Set(diagnostics.map((d) => `${d.code}:${d.message}`));
    reportQuery(o, error.diagnostics.filter((d) => d.severity === 'error' && !seen.has(`${d.code}:${d.message}`)));
    return undefined;
  }
}

/**
 * Runs `filter`: compiles `where` once, then reads `input` as JSON Lines and
 * writes every line whose row matches to `stdout`, unchanged (its original
 * bytes, line ending included; a last line without one gets `\n`), in input
 * order. Blank lines are skipped. A malformed line (invalid JSON, or not an
 * object) is reported on stderr as `FILE:LINE: error invalid-row: …` and
 * skipped; with `strict` the run stops there.
 *
 * @returns the exit code: 0 done (malformed lines skipped without `strict`
 *   included), 1 the query does not compile or a malformed line under
 *   `strict`, 2 the input cannot be read.
 * @example
 * const code = await runFilterCommand({
 *   where: 'traffic > 1000', input: createReadStream('rows.jsonl'),
 *   stdout: process.stdout, stderr: process.stderr, strict: false,
 *   count: false, progress: process.stderr.isTTY, fileLabel: 'rows.jsonl',
 * });
 */
export async function runFilterCommand(o: FilterCommandOptions): Promise<number> {
  const matches = compileQuery(o);
  if (!matches) return 1;

  let lineNo = 0;
  let matched = 0;
  let bytes = 0;
  let pending: Buffer[] = []; // the start of a line that continues in the next chunk
  let out: Buffer[] = []; // matching lines of the current chunk, written once per chunk
  let failed = false;
  let outputClosed = false;
  const started = performance.now();
  let lastProgress = started;
  let progressShown = false;

  const onOutputError = () => {
    outputClosed = true; // e.g. EPIPE when piped into `head`: stop reading, quietly
  };
  o.stdout.on('error', onOutputError);

  const clearProgress = () => {
    if (progressShown) o.stderr.write(CLEAR_LINE);
    progressShown = false;
  };
  const showProgress = (now: number) => {
    lastProgress = now;
    const mb = bytes / 1e6;
    const rate = mb / Math.max((now - started) / 1000, 1e-3);
    o.stderr.write(`${CLEAR_LINE}${lineNo.toLocaleString('en-US')} lines, ${matched.toLocaleString('en-US')} matches, ${mb.toFixed(1)} MB, ${rate.toFixed(1)} MB/s`);
    progressShown = true;
  };
  const malformed = (message: string): void => {
    clearProgress();
    // JSON.parse's message quotes the line: escaped, so that a row cannot drive the terminal.
    o.stderr.write(`${escapeForTerminal(`${o.fileLabel}:${lineNo}: error invalid-row: ${message}`)}\n`);
    if (o.strict) failed = true;
  };

  /**
   * Handles one line: `buf[start, end)` without its `\n`, `buf[start, wholeEnd)` with it (a last
   * line without one has `wholeEnd === end` and gets one added in the output).
   */
  const handleLine = (buf: Buffer, start: number, end: number, wholeEnd: number): void => {
    const lineStart = start;
    lineNo++;
    let contentEnd = end;
    if (contentEnd > start && buf[contentEnd - 1] === CR) contentEnd--;
    if (isBlank(buf, start, contentEnd)) return;
    // A UTF-8 byte order mark on the first line is not part of the JSON.
    if (lineNo === 1 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3;
    let row: unknown;
    try {
      row = JSON.parse(buf.toString('utf8', start, contentEnd));
    } catch (error) {
      malformed(`not valid JSON (${(error as Error).message})`);
      return;
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      malformed(`expected a JSON object, got ${describe(row)}`);
      return;
    }
    let selected: boolean;
    try {
      selected = matches(row as Row);
    } catch (error) {
      throw new PredicateFailure(error); // a bug, not an input problem: not reported as one
    }
    if (selected) {
      matched++;
      if (!o.count) {
        out.push(buf.subarray(lineStart, wholeEnd));
        if (wholeEnd === end) out.push(LF_BUFFER);
      }
    }
  };

  /** Writes this chunk's matches; waits while the output is full. */
  const flush = async (): Promise<void> => {
    if (out.length === 0) return;
    const data = out.length === 1 ? out[0]! : Buffer.concat(out);
    out = [];
    if (!o.stdout.write(data) && !outputClosed) {
      try {
        await once(o.stdout as unknown as NodeJS.EventEmitter, 'drain');
      } catch { // expected: `once` rejects when the output fails while full (EPIPE); the reader is gone, stop quietly
        outputClosed = true;
      }
    }
  };

  try {
    for await (const piece of o.input as AsyncIterable<Buffer | string>) {
      const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      bytes += chunk.length;
      let start = 0;
      let nl = chunk.indexOf(NEWLINE, 0);
      if (nl >= 0 && pending.length > 0) {
        // The line began in an earlier chunk.
        const line = Buffer.concat([...pending, chunk.subarray(0, nl + 1)]);
        pending = [];
        handleLine(line, 0, line.length - 1, line.length);
        start = nl + 1;
        nl = failed ? -1 : chunk.indexOf(NEWLINE, start);
      }
      while (nl >= 0) {
        handleLine(chunk, start, nl, nl + 1);
        if (failed) break;
        start = nl + 1;
        nl = chunk.indexOf(NEWLINE, start);
      }
      await flush(); // under `strict`, the matches before the malformed line are still written
      if (failed) break;
      if (start < chunk.length) pending.push(chunk.subarray(start));
      if (outputClosed) break;
      if (o.progress) {
        const now = performance.now();
        if (now - lastProgress >= PROGRESS_MS) showProgress(now);
      }
    }
    if (!failed && !outputClosed && pending.length > 0) {
      // The last line has no line break: give it one in the output.
      const line = Buffer.concat(pending);
      pending = [];
      handleLine(line, 0, line.length, line.length);
      await flush();
    }
  } catch (error) {
    clearProgress();
    o.stdout.removeListener('error', onOutputError);
    if (error instanceof PredicateFailure) throw error.cause;
    o.stderr.write(`${escapeForTerminal(`${o.fileLabel}: error: cannot read the input: ${(error as Error).message}`)}\n`);
    return 2;
  }
  clearProgress();
  o.stdout.removeListener('error', onOutputError);
  if (failed) return 1;
  if (o.count && !outputClosed) o.stdout.write(`${matched}\n`);
  return 0;
}
