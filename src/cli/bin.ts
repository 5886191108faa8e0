#!/usr/bin/env node
// The executable behind `ahrefs-where` (dist/cli.js): runs the CLI on this process.
import { escapeForTerminal } from '../diagnostics/index.js';
import { main } from './main.js';
import { guardOutput } from './output.js';

// Before anything is written: a reader that goes away (`| head`) must not become an uncaught EPIPE with a stack trace.
const stdout = guardOutput(process.stdout);
const stderr = guardOutput(process.stderr);

/** Exit code of a run whose output could not be written (disk full, I/O error); as for an input that cannot be read. */
const OUTPUT_FAILED = 2;

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    if (stdout.failure && !stderr.closed) process.stderr.write(`ahrefs-where: error: cannot write the output: ${escapeForTerminal(stdout.failure.message)}\n`);
    // Exit explicitly: a pending stdin read must not keep the process alive.
    process.exitCode = stdout.failure ? OUTPUT_FAILED : code;
  },
  (error: unknown) => {
    // A bug, never an input problem: the message, not a stack trace (AHREFS_WHERE_DEBUG=1 shows the stack for a report).
    const e = error instanceof Error ? error : new Error(String(error));
    const detail = process.env.AHREFS_WHERE_DEBUG ? `\n${e.stack ?? ''}` : '';
    process.stderr.write(`ahrefs-where: internal error: ${escapeForTerminal(`${e.name}: ${e.message}`)}${detail}\nPlease report it, with the input that caused it (AHREFS_WHERE_DEBUG=1 adds the details).\n`);
    process.exitCode = 70;
  },
);
