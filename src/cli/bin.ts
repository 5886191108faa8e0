#!/usr/bin/env node
// The executable behind `ahrefs-where` (dist/cli.js): runs the CLI on this process.
import { main } from './main.js';

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    // Exit explicitly: a pending stdin read must not keep the process alive.
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ahrefs-where: internal error: ${(error as Error)?.stack ?? String(error)}\nPlease report it, with the input that caused it.\n`);
    process.exitCode = 70;
  },
);
