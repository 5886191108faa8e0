/**
 * What the CLI writes, made safe for terminals and pipes.
 *
 * - JSON on stdout: JSON.stringify escapes the C0 controls but leaves DEL,
 *   the C1 controls, the line separators and the bidirectional controls raw;
 *   they are written as `\uXXXX` escapes here, which is the same JSON value
 *   (so the output stays exact for a program and inert for a terminal).
 * - Text on stdout (`fmt`, `decompile`): the exact text when stdout is a
 *   file or a pipe; on a terminal, characters a terminal would act on (from
 *   comments and `/…/` patterns, which the printer keeps verbatim) are shown
 *   escaped, with a note on stderr.
 * - Messages on stderr: always escaped ({@link escapeForTerminal}).
 */
import { escapeForTerminal } from '../diagnostics/index.js';

/** The characters JSON.stringify leaves raw that a terminal acts on (C0 controls it already escapes). */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** JSON text with every terminal-active character written as `\uXXXX` (valid only inside strings, where they can only be). */
export function terminalSafeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `JSON.stringify(value)` (indented with `pretty`), terminal-safe. */
export function stringifyForOutput(value: unknown, pretty: boolean): string {
  return terminalSafeJson(JSON.stringify(value, null, pretty ? 2 : undefined));
}

/** Whether a stream is a terminal (a test double may set `isTTY` too). */
export function isTerminal(stream: NodeJS.WritableStream): boolean {
  return Boolean((stream as { isTTY?: boolean }).isTTY);
}

/**
 * Writes query text to stdout: unchanged into a file or pipe; on a
 * terminal escaped, with a note on stderr when that changed anything.
 */
export function writeText(stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream, text: string): void {
  if (!isTerminal(stdout)) {
    stdout.write(`${text}\n`);
    return;
  }
  const shown = text.split('\n').map(escapeForTerminal).join('\n');
  stdout.write(`${shown}\n`);
  if (shown !== text) stderr.write('ahrefs-where: note: control characters in the output are shown escaped; redirect the output to a file for the exact text.\n');
}

/** Deepest value written as JSON by `explain --json` (deeper ones are shown as text); JSON.stringify recurses. */
export const MAX_JSON_DEPTH = 100;

/** True when `value` (parsed JSON) nests at most `limit` arrays and objects; measured without recursion. */
export function nestsAtMost(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > limit) return false;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}

/** What became of a guarded output stream. */
export interface OutputState {
  /** The reader went away (`EPIPE`): nothing more can be written, and that is not a failure. */
  closed: boolean;
  /** A write failed for another reason (disk full, I/O error): the run must not report success. */
  failure: NodeJS.ErrnoException | undefined;
}

/**
 * Handles a stream's write errors. Without a listener an `EPIPE` (stdout
 * piped into `head`, which exits early) is an uncaught exception with a
 * stack trace. A closed reader is not an error of the command: the command
 * finishes and its own exit code stands. Any other write error is kept in
 * the returned state, for the caller to report.
 */
export function guardOutput(stream: NodeJS.WritableStream): OutputState {
  const state: OutputState = { closed: false, failure: undefined };
  stream.on('error', (error: NodeJS.ErrnoException) => {
    state.closed = true;
    // After an EPIPE, later writes fail with ERR_STREAM_DESTROYED: the same closed reader, not a new failure.
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED' && state.failure === undefined) state.failure = error;
  });
  return state;
}
