/**
 * Throughput of `ahrefs-where filter` (src/cli/filter.ts) on a JSON Lines
 * file of generated rows, against the floor any such tool has: a bare loop
 * that reads the same file line by line and `JSON.parse`s every line.
 * Used by bench/run.ts.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { runFilterCommand } from '../src/cli/filter.js';
import { median } from './measure.js';

type Row = Record<string, unknown>;

/** Writes rows as JSON Lines to a new temporary directory; returns the file and a clean-up function. */
export async function writeJsonl(rows: readonly Row[]): Promise<{ file: string; bytes: number; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'ahrefs-where-bench-'));
  const file = join(dir, 'rows.jsonl');
  const out = createWriteStream(file);
  let batch = '';
  for (const row of rows) {
    batch += `${JSON.stringify(row)}\n`;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
  return { file, bytes: statSync(file).size, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A sink that accepts everything at once and keeps nothing. */
function discard(): Writable {
  return new Writable({ write: (_chunk, _enc, callback) => callback() });
}

/** The baseline: `readline` over a file stream, `JSON.parse` per line, nothing else. */
async function bareLoop(file: string): Promise<number> {
  let lines = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line.length === 0) continue;
    JSON.parse(line);
    lines++;
  }
  return lines;
}

/**
 * The tighter floor: the CLI's own way of reading (file chunks split on `\n`
 * as bytes, each line decoded and parsed), with no predicate and no output.
 */
async function bareChunkLoop(file: string): Promise<number> {
  let lines = 0;
  let rest: Buffer | undefined;
  for await (const piece of createReadStream(file)) {
    const chunk: Buffer = rest ? Buffer.concat([rest, piece as Buffer]) : (piece as Buffer);
    let start = 0;
    let nl = chunk.indexOf(10, 0);
    while (nl >= 0) {
      if (nl > start) {
        JSON.parse(chunk.toString('utf8', start, nl));
        lines++;
      }
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    rest = start < chunk.length ? chunk.subarray(start) : undefined;
  }
  if (rest) {
    JSON.parse(rest.toString('utf8'));
    lines++;
  }
  return lines;
}

/** One CLI run: returns the exit code (must be 0). */
async function cliRun(file: string, where: string, count: boolean): Promise<number> {
  return runFilterCommand({ where, input: createReadStream(file), stdout: discard(), stderr: discard(), strict: true, count, progress: false, fileLabel: file });
}

/** One line of the CLI throughput table. */
export interface CliMeasurement {
  readonly label: string;
  readonly medianMs: number;
  readonly mbPerSecond: number;
  readonly linesPerSecond: number;
}

/**
 * Measures the two bare loops and the CLI (each query writing its matches to a
 * discarding sink, and one with `--count`) on the same file. Median of `runs`
 * runs after a warm-up run, interleaved.
 */
export async function measureCli(file: string, bytes: number, lineCount: number, queries: readonly { label: string; where: string; count?: boolean }[], runs = 5): Promise<CliMeasurement[]> {
  const configs: { label: string; run: () => Promise<unknown> }[] = [
    { label: 'bare loop: `readline` + `JSON.parse` per line', run: () => bareLoop(file) },
    { label: 'bare loop: chunks split on `\\n` + `JSON.parse` per line', run: () => bareChunkLoop(file) },
    ...queries.map((q) => ({
      label: q.label,
      run: async () => {
        const code = await cliRun(file, q.where, q.count ?? false);
        if (code !== 0) throw new Error(`filter --where '${q.where}' exited with ${code}`);
      },
    })),
  ];
  // A warm-up run of each (JIT, and the file in the page cache), then the runs in turn, round-robin,
  // so that a passing load on the machine weighs on every configuration alike.
  for (const c of configs) await c.run();
  const times: number[][] = configs.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < configs.length; i++) {
      const t0 = performance.now();
      await configs[i]!.run();
      times[i]!.push(performance.now() - t0);
    }
  }
  return configs.map((c, i) => {
    const ms = median(times[i]!);
    return { label: c.label, medianMs: ms, mbPerSecond: bytes / 1e6 / (ms / 1000), linesPerSecond: lineCount / (ms / 1000) };
  });
}
