import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runFilterCommand, type FilterCommandOptions } from '../../src/cli/filter.js';
import { main } from '../../src/cli/main.js';
import { runCli } from '../support/cli.js';

interface Run {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs the command on the given input chunks with in-memory streams. */
async function run(input: Iterable<string | Buffer> | AsyncIterable<string | Buffer>, where: string, flags: Partial<FilterCommandOptions> = {}): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  let err = '';
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runFilterCommand({
    where,
    input: Readable.from(input, { objectMode: false }),
    stdout,
    stderr,
    strict: false,
    count: false,
    progress: false,
    fileLabel: 'rows.jsonl',
    ...flags,
  });
  return { code, stdout: Buffer.concat(out), stderr: err };
}

/** Splits text into byte chunks of `size`, cutting through lines and UTF-8 sequences. */
function chunked(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

const LINES = [
  '{"traffic": 5000, "anchor": "café ☕"}',
  '{"traffic":10}',
  '{  "anchor" : "x",   "traffic" : 2000.0 }',
  '{"traffic": null}',
  '{"traffic":1001,"title":"\\u00e9\\n"}',
];
const MATCHING = [LINES[0], LINES[2], LINES[4]];

describe('filter', () => {
  it('writes matching lines unchanged, in input order', async () => {
    const r = await run([`${LINES.join('\n')}\n`], 'traffic > 1000');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('ahrefs-where filter: 5 rows read, 3 matched, 0 skipped\n');
    expect(r.stdout.toString('utf8')).toBe(`${MATCHING.join('\n')}\n`);
  });

  it('splits lines across chunk boundaries, even inside a UTF-8 character', async () => {
    const text = `${LINES.join('\n')}\n`;
    for (const size of [1, 2, 3, 7, 64]) {
      const r = await run(chunked(text, size), 'traffic > 1000');
      expect(r.stdout.toString('utf8')).toBe(`${MATCHING.join('\n')}\n`);
    }
  });

  it('keeps CRLF line endings and parses the lines', async () => {
    const r = await run(chunked(`${LINES.join('\r\n')}\r\n`, 5), 'traffic > 1000');
    expect(r.code).toBe(0);
    expect(r.stdout.toString('utf8')).toBe(`${MATCHING.join('\r\n')}\r\n`);
  });

  it('reads a last line without a line break, and ends it with one', async () => {
    const r = await run([LINES.join('\n')], 'traffic > 1000');
    expect(r.stdout.toString('utf8')).toBe(`${MATCHING.join('\n')}\n`);
  });

  it('skips blank lines but counts them in line numbers', async () => {
    const r = await run(['\n  \n{"traffic": 2000}\n\r\n\t\n[1]\n'], 'traffic > 1000');
    expect(r.stdout.toString()).toBe('{"traffic": 2000}\n');
    expect(r.stderr).toBe('rows.jsonl:6: error invalid-row: This line must be a JSON object, one row as the API returns it; found an array.\n'
      + 'ahrefs-where filter: 2 rows read, 1 matched, 1 malformed line skipped (reported above)\n');
  });

  it('reports malformed lines with their line numbers and goes on', async () => {
    const input = ['{"traffic": 2000}', '{"traffic": ', 'null', '42', '"text"', '{"traffic": 3000}'].join('\n');
    const r = await run([input], 'traffic > 1000');
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe('{"traffic": 2000}\n{"traffic": 3000}\n');
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(5);
    expect(errors[4]).toBe('ahrefs-where filter: 6 rows read, 2 matched, 4 malformed lines skipped (reported above)');
    expect(errors[0]).toMatch(/^rows\.jsonl:2: error invalid-row: This line is not valid JSON \(/);
    expect(errors[1]).toBe('rows.jsonl:3: error invalid-row: This line must be a JSON object, one row as the API returns it; found null.');
    expect(errors[2]).toBe('rows.jsonl:4: error invalid-row: This line must be a JSON object, one row as the API returns it; found a number.');
    expect(errors[3]).toBe('rows.jsonl:5: error invalid-row: This line must be a JSON object, one row as the API returns it; found a string.');
  });

  it('says what it reads when no line is a row (a CSV given by mistake)', async () => {
    const r = await run(['url_from,traffic\nhttps://a.example/,10\n'], 'traffic > 1');
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('ahrefs-where filter: 2 rows read, 0 matched, 2 malformed lines skipped (reported above); no line was a JSON object: filter reads JSON Lines (for .csv or .parquet: --engine duckdb)');
  });

  it('stops at the first malformed line under --strict, with exit code 1', async () => {
    const input = ['{"traffic": 2000}', '{oops}', '{"traffic": 3000}', 'nope'].join('\n');
    const r = await run([input], 'traffic > 1000', { strict: true });
    expect(r.code).toBe(1);
    expect(r.stdout.toString()).toBe('{"traffic": 2000}\n');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^rows\.jsonl:2: error invalid-row: /);
    expect(lines[1]).toBe('ahrefs-where filter: 2 rows read, 1 matched, 0 skipped; stopped at line 2 (--strict)');
  });

  it('prints only the number of matches with --count', async () => {
    const r = await run([`${LINES.join('\n')}\n`], 'traffic > 1000', { count: true });
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe('3\n');
    expect((await run([''], 'traffic > 1000', { count: true })).stdout.toString()).toBe('0\n');
  });

  it('applies SQL null semantics: not (x = v) does not match a null x', async () => {
    const input = ['{"alt": null}', '{}', '{"alt": "logo"}', '{"alt": "photo"}'].join('\n');
    const r = await run([input], 'not (alt = "logo")');
    expect(r.stdout.toString()).toBe('{"alt": "photo"}\n');
    expect((await run([input], 'alt is null', { count: true })).stdout.toString()).toBe('2\n');
  });

  it('ignores a UTF-8 byte order mark on the first line, and keeps it in the output', async () => {
    const r = await run([Buffer.from('\ufeff{"traffic": 2000}\n', 'utf8')], 'traffic > 1000');
    expect(r.stderr).toBe('ahrefs-where filter: 1 row read, 1 matched, 0 skipped\n');
    expect(r.stdout.toString('utf8')).toBe('\ufeff{"traffic": 2000}\n');
  });

  it('reports a query that does not compile, with exit code 1 and no output', async () => {
    const r = await run(['{"traffic": 2000}\n'], 'trafic > 1000');
    expect(r.code).toBe(1);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toMatch(/^--where:1:1: error unknown-column/); // labelled with the option the query came in, as cost does
  });

  it('rejects columns the API never returns in rows', async () => {
    const r = await run(['{"traffic": 2000}\n'], 'is_homepage_link');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('filter-only-column');
  });

  it('reports an unreadable input with exit code 2', async () => {
    const input = new Readable({ read() { this.destroy(new Error('EIO: boom')); } });
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await runFilterCommand({ where: 'traffic > 1', input, stdout, stderr, strict: false, count: false, progress: false, fileLabel: 'f.jsonl' });
    expect(code).toBe(2);
    expect(err).toContain('f.jsonl: error: cannot read the input: EIO: boom');
  });

  it('streams a large input in order, waiting for a slow output (backpressure)', async () => {
    const N = 100_000;
    async function* lines() {
      // 1,000 lines per chunk, as a file stream would deliver them.
      for (let i = 0; i < N; i += 1000) {
        let chunk = '';
        for (let j = i; j < i + 1000; j++) chunk += `{"i":${j},"traffic":${j % 7}}\n`;
        largestChunk = Math.max(largestChunk, Buffer.byteLength(chunk));
        yield chunk;
      }
    }
    let received = 0;
    let next = 0;
    let ordered = true;
    let pending = '';
    let maxBuffered = 0;
    let largestWrite = 0;
    let largestChunk = 0;
    const stdout = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, callback) {
        // Measured at every write, not by a timer: what the command has queued beyond this chunk, and the chunk itself.
        maxBuffered = Math.max(maxBuffered, stdout.writableLength - chunk.length);
        largestWrite = Math.max(largestWrite, chunk.length);
        pending += chunk.toString();
        const parts = pending.split('\n');
        pending = parts.pop()!;
        for (const p of parts) {
          const { i } = JSON.parse(p) as { i: number };
          if (i < next) ordered = false;
          next = i + 1;
          received++;
        }
        setImmediate(callback); // a slow consumer
      },
    });
    let drains = 0;
    stdout.on('drain', () => drains++);
    const stderr = new PassThrough();
    const input = Readable.from(lines());
    const code = await runFilterCommand({ where: 'traffic >= 5', input, stdout, stderr, strict: false, count: false, progress: false, fileLabel: 'big' });
    await new Promise<void>((resolve) => stdout.end(resolve));
    expect(code).toBe(0);
    let expected = 0;
    for (let j = 0; j < N; j++) if (j % 7 >= 5) expected++;
    expect(received).toBe(expected);
    expect(ordered).toBe(true);
    expect(drains).toBeGreaterThan(0); // the output did fill up, and the command waited for it
    // Backpressure: the command waits for the output, so at most one batch (one chunk's matches) is queued behind it.
    expect(maxBuffered).toBeLessThanOrEqual(16 * 1024 + largestChunk);
    // Memory stays flat: what is held at a time is one input chunk's matches, written at once, never the whole input.
    expect(largestWrite).toBeLessThanOrEqual(largestChunk);
  });

  /** A clock that advances `step` ms at each reading: the throttle sees time pass without the test waiting. */
  function clock(step: number): () => number {
    let t = 0;
    return () => (t += step);
  }

  /** Each row its own chunk, as a long input arrives. */
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `{"traffic": ${i * 1000}}\n`);

  it('on a terminal, shows a progress line for a long input, updated at most every 250 ms, cleared before the summary', async () => {
    const r = await run(rows(6), 'traffic > 1000', { progress: true, now: clock(100) });
    expect(r.code).toBe(0);
    const updates = r.stderr.split('\r\x1b[K').filter((p) => /lines, /.test(p));
    // The start reads 100, each chunk after it 200, 300, …, 700: updates at 400 (≥ 250 ms since the last) and 700.
    expect(updates).toHaveLength(2);
    expect(updates[0]).toMatch(/^3 lines, 1 match, [\d.]+ MB, [\d.]+ MB\/s$/);
    expect(updates[1]).toMatch(/^6 lines, 4 matches, /);
    expect(r.stderr.endsWith('\r\x1b[Kahrefs-where filter: 6 rows read, 4 matched, 0 skipped\n')).toBe(true);
    expect(r.stdout.toString()).toBe(rows(6).slice(2).join(''));
  });

  it('shows no progress line for a short input, nor without a terminal', async () => {
    const quick = await run(rows(6), 'traffic > 1000', { progress: true, now: clock(1) });
    expect(quick.stderr).toBe('ahrefs-where filter: 6 rows read, 4 matched, 0 skipped\n');
    const piped = await run(rows(6), 'traffic > 1000', { progress: false, now: clock(1000) });
    expect(piped.stderr).toBe('ahrefs-where filter: 6 rows read, 4 matched, 0 skipped\n');
  });

  it('the CLI shows progress only when stderr is a terminal', async () => {
    const input = rows(2000).join('');
    for (const tty of [false, true]) {
      const stdout = new PassThrough();
      const stderr = Object.assign(new PassThrough(), { isTTY: tty });
      let err = '';
      stdout.resume();
      stderr.on('data', (c: Buffer) => (err += c.toString()));
      const code = await main(['filter', '--count', '--where', 'traffic > 1000'], { stdin: Readable.from(chunked(input, 64)), stdout, stderr, now: clock(1000) });
      expect(code).toBe(0);
      expect(err.includes('\r\x1b[K')).toBe(tty);
      expect(err.endsWith('ahrefs-where filter: 2,000 rows read, 1,998 matched, 0 skipped\n')).toBe(true);
    }
  });

  it('is what `ahrefs-where filter` runs', async () => {
    const r = await runCli(['filter', '--where', 'traffic > 1000', '--count'], `${LINES.join('\n')}\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('3\n');
  });
});
