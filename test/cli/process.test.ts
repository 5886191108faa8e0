/**
 * The CLI as a process (src/cli/bin.ts bundled once, then `node <bundle> …`
 * per case: test/support/bundle-entry.ts): what a shell sees.
 * Output into a reader that goes away (`| head`), unreadable files and
 * hostile input: never a stack trace, exit codes as documented (0 ok,
 * 1 invalid input, 2 usage or an input that cannot be read).
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledEntry } from '../support/bundle-entry.js';

let CLI: string;
beforeAll(async () => {
  CLI = await bundledEntry('src/cli/bin.ts');
}, 60_000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI. `close` says when our end of its stdout goes away:
 * `immediately` (before it writes anything), `after-first-chunk` (as `head -c`
 * does), or never.
 */
function cli(args: string[], stdin: string | { readonly fd: number }, close: 'immediately' | 'after-first-chunk' | 'never' = 'never'): Promise<Run> {
  return new Promise((resolve, reject) => {
    // stdin is a pipe, or a descriptor of ours (`< path`).
    const input = typeof stdin === 'string' ? 'pipe' : stdin.fd;
    const child = spawn(process.execPath, [CLI, ...args], { cwd: process.cwd(), stdio: [input, 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    // Piped (stdio 'pipe'), so both exist.
    const out = child.stdout!;
    if (close === 'immediately') out.destroy();
    else {
      out.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (close === 'after-first-chunk') out.destroy();
      });
    }
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    if (typeof stdin === 'string') {
      child.stdin!.on('error', () => undefined); // the CLI may exit before reading all of its input (a usage error)
      child.stdin!.end(stdin);
    }
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Lines of a Node stack trace, or Node's report of an unhandled error event. */
const STACK = /^\s+at |Unhandled 'error' event|node:internal|^Node\.js v/m;

const LONG = 'x'.repeat(90_000);
const LONG_QUERY = `anchor = "${LONG}"`;
const LONG_JSON = JSON.stringify({ field: 'anchor', is: ['eq', LONG] });
/** 700 conditions: an explanation of about 100 KB, more than a pipe holds. */
const MANY = Array.from({ length: 700 }, (_, i) => `anchor = "${String(i).padStart(100, 'y')}"`).join(' or ');

const dir = mkdtempSync(join(tmpdir(), 'aw-cli-'));
const rows = join(dir, 'rows.jsonl');
writeFileSync(rows, `${Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ traffic: i, anchor: 'a'.repeat(20) })).join('\n')}\n`);

/** Each command with input whose output is larger than a pipe's buffer. */
const COMMANDS: readonly [string, string[], string][] = [
  ['compile', ['compile', '-'], LONG_QUERY],
  ['compile --json', ['compile', '--json', '-'], LONG_QUERY],
  ['fmt', ['fmt', '-'], LONG_QUERY],
  ['decompile', ['decompile', '-'], LONG_JSON],
  ['explain', ['explain', MANY, '{"anchor": "z"}'], ''],
  ['filter', ['filter', '--where', 'traffic >= 0', rows], ''],
  ['filter --engine duckdb', ['filter', '--engine', 'duckdb', '--where', 'traffic >= 0', rows], ''],
];

describe('output into a reader that goes away (| head)', () => {
  it.each(COMMANDS)('%s: no EPIPE stack, exit 0, after the first chunk', async (_name, args, stdin) => {
    const r = await cli(args, stdin, 'after-first-chunk');
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
  }, 60_000);

  it.each([
    ['explain --json', ['explain', '--json', MANY, '{"anchor": "z"}'], ''],
    ['check --json', ['check', '--json', 'domain_ratng > 5'], ''],
    ['sql', ['sql', '--dialect', 'postgres', 'DR > 5 and anchor = "x"'], ''],
    ['catalogues', ['catalogues'], ''],
    ['--help', ['--help'], ''],
  ] as [string, string[], string][])('%s: no stack when stdout is closed before the first write', async (name, args, stdin) => {
    const r = await cli(args, stdin, 'immediately');
    expect(r.stderr).not.toMatch(STACK);
    // The command's own result stands: check reports an unknown column (1), the rest succeed (0).
    expect(r.code).toBe(name === 'check --json' ? 1 : 0);
  }, 60_000);
});

describe('inputs that cannot be read', () => {
  it('filter on a missing file: a one-line message, exit 2', async () => {
    const r = await cli(['filter', '--where', 'traffic > 1', join(dir, 'missing.jsonl')], '');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('missing.jsonl');
    expect(r.stderr).toContain('ENOENT');
  }, 60_000);

  it('filter on a directory: exit 2', async () => {
    const r = await cli(['filter', '--where', 'traffic > 1', dir], '');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
  }, 60_000);

  it('a directory on standard input (< dir): a one-line message, exit 2, for every command that reads it', async () => {
    // Node's stdin stream reads a directory as empty input; without the check a query would be "empty" (1) and filter would match nothing (0).
    const fd = openSync(dir, 'r');
    try {
      for (const args of [['compile'], ['decompile', '-'], ['check', '--json'], ['sql', '--dialect', 'duckdb'], ['filter', '--where', 'traffic > 1'], ['filter', '--where', 'traffic > 1', '-']]) {
        const r = await cli(args, { fd });
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr).not.toMatch(STACK);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toContain('standard input');
        expect(r.stdout).toBe('');
      }
    } finally {
      closeSync(fd);
    }
  }, 120_000);

  it('a missing catalogue file: a usage error, exit 2', async () => {
    const r = await cli(['compile', '--catalogue', join(dir, 'nope.json'), 'x > 1'], '');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
  }, 60_000);
});

describe('hostile input reaches the terminal escaped', () => {
  it('control characters in a query, a row and a command name', async () => {
    for (const args of [['compile', 'anchor = "\u001b[2J" and \u001b[31mbad > 1'], ['explain', 'anchor = "x"', '{"anchor": "\u009b2J\u202e"'], ['\u001b]0;title\u0007']]) {
      const r = await cli(args, '');
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      expect([1, 2]).toContain(r.code);
    }
  }, 60_000);
});
