/**
 * Timing helpers of bench/run.ts: a warm-up, several measured iterations,
 * the median. Each implementation gets its own copy of the counting loop, so
 * that V8's type feedback for one (an inlined hand-written function) is not
 * shared with, and spoiled by, the others.
 */
import { readFileSync } from 'node:fs';
import type { RowTest } from './queries.js';

type Row = Record<string, unknown>;

/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

let loops = 0;

/**
 * A fresh counting loop: a new function, with new JIT feedback, each call.
 * Its source differs by a comment each time: V8 caches `new Function` by
 * source, and loops of one source share one feedback vector, so after the
 * first implementation their call of `test` would be megamorphic (not
 * inlined) for every later one: the first one measured in a process ran up
 * to 4× faster than the same function measured later.
 */
function freshLoop(): (test: RowTest, rows: readonly Row[]) => number {
  return new Function('test', 'rows', `let c = 0; for (let i = 0; i < rows.length; i++) if (test(rows[i])) c++; return c; // loop ${loops++}`) as (
    test: RowTest,
    rows: readonly Row[],
  ) => number;
}

/** Options of {@link throughput}. */
export interface ThroughputOptions {
  /** Passes before measuring (at least), default 2; warm-up also lasts at least `warmupMs`. */
  readonly warmupPasses?: number;
  readonly warmupMs?: number;
  /** Measured passes over all rows, default `BENCH_ITERATIONS` or 7. */
  readonly iterations?: number;
}

/** The result of {@link throughput}. */
export interface Throughput {
  /** Rows per second, from the median pass. */
  readonly rowsPerSecond: number;
  readonly medianMs: number;
  /** How many rows the test selected (the same every pass). */
  readonly matches: number;
}

/** Measures how many rows per second a test filters: median of several full passes over `rows`. */
export function throughput(test: RowTest, rows: readonly Row[], options: ThroughputOptions = {}): Throughput {
  const loop = freshLoop();
  const iterations = options.iterations ?? (Number(process.env.BENCH_ITERATIONS) > 0 ? Number(process.env.BENCH_ITERATIONS) : 7);
  const warmupStart = performance.now();
  let matches = 0;
  for (let i = 0; i < (options.warmupPasses ?? 2) || performance.now() - warmupStart < (options.warmupMs ?? 150); i++) matches = loop(test, rows);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    const c = loop(test, rows);
    times.push(performance.now() - t0);
    if (c !== matches) throw new Error(`a pass selected ${c} rows, another ${matches}`);
  }
  const medianMs = median(times);
  return { rowsPerSecond: rows.length / (medianMs / 1000), medianMs, matches };
}

/**
 * Median time of one call of `compile`, in microseconds: rounds of calls
 * lasting at least `roundMs` each, after a warm-up round.
 */
export function compileMicros(compile: () => unknown, rounds = 7, roundMs = 25): number {
  const round = (): number => {
    let calls = 0;
    const t0 = performance.now();
    let elapsed = 0;
    do {
      compile();
      calls++;
      elapsed = performance.now() - t0;
    } while (elapsed < roundMs);
    return (elapsed * 1000) / calls;
  };
  round();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) samples.push(round());
  return median(samples);
}

/** `12,345,678` → `12.3 M`; keeps three significant digits. */
export function formatRate(perSecond: number): string {
  if (perSecond >= 1e9) return `${(perSecond / 1e9).toPrecision(3)} G`;
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toPrecision(3)} M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toPrecision(3)} k`;
  return perSecond.toPrecision(3);
}

/** A duration in microseconds, readable: `3.4 µs`, `120 µs`, `2.1 ms`. */
export function formatMicros(us: number): string {
  if (us >= 1000) return `${(us / 1000).toPrecision(3)} ms`;
  return `${us.toPrecision(us < 10 ? 2 : 3)} µs`;
}

/**
 * The share of CPU time the hypervisor took from this virtual machine
 * (`steal` in /proc/stat) while `work` ran, in percent, or `undefined` where
 * there is no /proc/stat. A run with high steal is slow for every program:
 * the benches print it beside their figures so that a slow day is told from
 * a slow build.
 */
export async function withSteal<T>(work: () => T | Promise<T>): Promise<{ result: T; stealPercent: number | undefined }> {
  const before = cpuTimes();
  const result = await work();
  const after = cpuTimes();
  if (!before || !after || after.total === before.total) return { result, stealPercent: undefined };
  return { result, stealPercent: (100 * (after.steal - before.steal)) / (after.total - before.total) };
}

function cpuTimes(): { total: number; steal: number } | undefined {
  let text: string;
  try {
    text = readFileSync('/proc/stat', 'utf8');
  } catch {
    return undefined;
  }
  // "cpu  user nice system idle iowait irq softirq steal guest guest_nice": the machine's sum over its cores.
  const fields = /^cpu\s+([\d ]+)/.exec(text)?.[1]?.trim().split(/\s+/).map(Number);
  if (!fields || fields.length < 8) return undefined;
  return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7]! };
}
