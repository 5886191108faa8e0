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
import { check, PredicateError, predicate } from '../api/index.js';
import type { Catalogue } from '../catalogue/index.js';
import { escapeForTerminal, renderDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import { parseRow, type Row } from './rows.js';

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
  /** The clock for the progress line's throttle and rate, in milliseconds. Default: `performance.now`; tests pass their own. */
  readonly now?: () => number;
}

const NEWLINE = 0x0a;
const CR = 0x0d;
const LF_BUFFER = Buffer.from('\n');
/** Minimum time between two progress updates. */
const PROGRESS_MS = 250;
const CLEAR_LINE = '\r\x1b[K';

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

/** Writes the query's diagnostics; true when one of them is an error. */
function reportQuery(o: FilterCommandOptions, diagnostics: readonly Diagnostic[]): boolean {
  for (const d of diagnostics) o.stderr.write(`${renderDiagnostic(d, { file: '--where', source: o.where })}\n`);
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
    if (!(error instanceof PredicateError)) throw error;
    // Errors the checker does not raise (a filter-only column): only those are new.
    const seen = new Set(diagnostics.map((d) => `${d.code}:${d.message}`));
    reportQuery(o, error.diagnostics.filter((d) => d.severity === 'error' && !seen.has(`${d.code}:${d.message}`)));
    return undefined;
  }
}

/**
 * Everything one run keeps between lines and chunks: counters, the partial
 * line, the batch being written, and whether to stop. One object, passed to
 * each step, instead of closures over loose variables.
 */
interface FilterRun {
  readonly o: FilterCommandOptions;
  readonly matches: (row: Row) => boolean;
  lineNo: number;
  /** Lines that are not blank: the rows, malformed ones included. */
  read: number;
  matched: number;
  /** Malformed lines reported and skipped (without `strict`). */
  skipped: number;
  bytes: number;
  /** The start of a line that continues in the next chunk. */
  pending: Buffer[];
  /** Matching lines of the current chunk, written once per chunk. */
  out: Buffer[];
  /** A malformed line under `strict`: stop, exit 1. */
  failed: boolean;
  /** The output went away (EPIPE when piped into `head`): stop reading, quietly. */
  outputClosed: boolean;
  readonly now: () => number;
  readonly started: number;
  lastProgress: number;
  progressShown: boolean;
}

/** `1 row`, `2,000 rows`. */
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function clearProgress(run: FilterRun): void {
  if (run.progressShown) run.o.stderr.write(CLEAR_LINE);
  run.progressShown = false;
}

/** The throttled progress line: lines, matches, megabytes read and the rate. */
function showProgress(run: FilterRun): void {
  const now = run.now();
  if (now - run.lastProgress < PROGRESS_MS) return;
  run.lastProgress = now;
  const mb = run.bytes / 1e6;
  const rate = mb / Math.max((now - run.started) / 1000, 1e-3);
  run.o.stderr.write(`${CLEAR_LINE}${plural(run.lineNo, 'line')}, ${plural(run.matched, 'match', 'matches')}, ${mb.toFixed(1)} MB, ${rate.toFixed(1)} MB/s`);
  run.progressShown = true;
}

/** Reports a malformed line as `FILE:LINE: error invalid-row: …`; under `strict` the run stops. */
function malformed(run: FilterRun, d: Diagnostic): void {
  clearProgress(run);
  // JSON.parse's message quotes the line: escaped, so that a row cannot drive the terminal.
  run.o.stderr.write(`${escapeForTerminal(`${run.o.fileLabel}:${run.lineNo}: error ${d.code}: ${d.message}`)}\n`);
  if (run.o.strict) run.failed = true;
  else run.skipped++;
}

/**
 * Handles one line: `buf[start, end)` without its `\n`, `buf[start, wholeEnd)` with it (a last
 * line without one has `wholeEnd === end` and gets one added in the output).
 */
function handleLine(run: FilterRun, buf: Buffer, start: number, end: number, wholeEnd: number): void {
  const lineStart = start;
  run.lineNo++;
  let contentEnd = end;
  if (contentEnd > start && buf[contentEnd - 1] === CR) contentEnd--;
  if (isBlank(buf, start, contentEnd)) return;
  run.read++;
  // A UTF-8 byte order mark on the first line is not part of the JSON.
  if (run.lineNo === 1 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3;
  const parsed = parseRow(buf.toString('utf8', start, contentEnd), 'This line');
  if ('problem' in parsed) return malformed(run, parsed.problem);
  let selected: boolean;
  try {
    selected = run.matches(parsed.row);
  } catch (error) {
    throw new PredicateFailure(error); // a bug, not an input problem: not reported as one
  }
  if (!selected) return;
  run.matched++;
  if (run.o.count) return;
  run.out.push(buf.subarray(lineStart, wholeEnd));
  if (wholeEnd === end) run.out.push(LF_BUFFER);
}

/** Handles the whole lines of a chunk (the first completing a pending line), keeping its unfinished end as pending. */
function handleChunk(run: FilterRun, chunk: Buffer): void {
  run.bytes += chunk.length;
  let start = 0;
  let nl = chunk.indexOf(NEWLINE, 0);
  if (nl >= 0 && run.pending.length > 0) {
    // The line began in an earlier chunk.
    const line = Buffer.concat([...run.pending, chunk.subarray(0, nl + 1)]);
    run.pending = [];
    handleLine(run, line, 0, line.length - 1, line.length);
    start = nl + 1;
    nl = run.failed ? -1 : chunk.indexOf(NEWLINE, start);
  }
  while (nl >= 0) {
    handleLine(run, chunk, start, nl, nl + 1);
    if (run.failed) return;
    start = nl + 1;
    nl = chunk.indexOf(NEWLINE, start);
  }
  if (start < chunk.length) run.pending.push(chunk.subarray(start));
}

/** Writes this chunk's matches; waits while the output is full. */
async function flush(run: FilterRun): Promise<void> {
  if (run.out.length === 0) return;
  const data = run.out.length === 1 ? run.out[0]! : Buffer.concat(run.out);
  run.out = [];
  if (!run.o.stdout.write(data) && !run.outputClosed) {
    try {
      await once(run.o.stdout as unknown as NodeJS.EventEmitter, 'drain');
    } catch { // expected: `once` rejects when the output fails while full (EPIPE); the reader is gone, stop quietly
      run.outputClosed = true;
    }
  }
}

/** Reads the input to its end (or until the run stops); read errors propagate. */
async function readRows(run: FilterRun): Promise<void> {
  for await (const piece of run.o.input as AsyncIterable<Buffer | string>) {
    handleChunk(run, typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece);
    await flush(run); // under `strict`, the matches before the malformed line are still written
    if (run.failed || run.outputClosed) return;
    if (run.o.progress) showProgress(run);
  }
  if (run.pending.length > 0) {
    // The last line has no line break: give it one in the output.
    const line = Buffer.concat(run.pending);
    run.pending = [];
    handleLine(run, line, 0, line.length, line.length);
    await flush(run);
  }
}

/**
 * Runs `filter`: compiles `where` once, then reads `input` as JSON Lines and
 * writes every line whose row matches to `stdout`, unchanged (its original
 * bytes, line ending included; a last line without one gets `\n`), in input
 * order. Blank lines are skipped. A malformed line (invalid JSON, or not an
 * object) is reported on stderr as `FILE:LINE: error invalid-row: …` and
 * skipped (the exit code stays 0); with `strict` the run stops there. The
 * last line on stderr is a summary: rows read, matched, skipped. With
 * `progress`, a progress line on stderr is updated at most every 250 ms
 * (so a short input shows none) and cleared before anything else is written.
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
  const now = o.now ?? (() => performance.now());
  const started = now();
  const run: FilterRun = {
    o, matches, lineNo: 0, read: 0, matched: 0, skipped: 0, bytes: 0, pending: [], out: [],
    failed: false, outputClosed: false, now, started, lastProgress: started, progressShown: false,
  };
  const onOutputError = () => {
    run.outputClosed = true;
  };
  o.stdout.on('error', onOutputError);
  try {
    await readRows(run);
  } catch (error) {
    clearProgress(run);
    if (error instanceof PredicateFailure) throw error.cause;
    o.stderr.write(`${escapeForTerminal(`${o.fileLabel}: error: cannot read the input: ${(error as Error).message}`)}\n`);
    return 2;
  } finally {
    clearProgress(run);
    o.stdout.removeListener('error', onOutputError);
  }
  if (o.count && !run.outputClosed && !run.failed) o.stdout.write(`${run.matched}\n`);
  o.stderr.write(`${summary(run)}\n`);
  return run.failed ? 1 : 0;
}

/**
 * The last line on stderr: `ahrefs-where filter: 1,200 rows read, 310 matched,
 * 2 skipped (malformed, reported above)`, and why it stopped early if it did.
 * Rows read are the lines that are not blank, malformed ones included.
 */
function summary(run: FilterRun): string {
  const skipped = run.skipped === 0 ? '0 skipped' : `${plural(run.skipped, 'malformed line')} skipped (reported above)`;
  // Every line malformed is most often a file of another format (a CSV export): say what filter reads.
  const stop = run.failed ? `; stopped at line ${run.lineNo} (--strict)`
    : run.outputClosed ? '; stopped: the output was closed'
      : run.read > 0 && run.skipped === run.read ? '; no line was a JSON object: filter reads JSON Lines (for .csv or .parquet: --engine duckdb)' : '';
  return `ahrefs-where filter: ${plural(run.read, 'row')} read, ${run.matched.toLocaleString('en-US')} matched, ${skipped}${stop}`;
}
