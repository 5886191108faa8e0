/**
 * `npm run fuzz -- --seconds 60 [--seed N] [--workers 2] [--out test/fuzz-crashes]`
 *
 * Feeds random bytes, grammar-aware mutations of valid queries and of valid
 * `where` JSON, and very deep input to every entry point for a set time.
 * Each input runs in a worker thread: one that does not answer within the
 * time budget (2 s) is a hang, and the worker is replaced. Any exception,
 * hang or out-of-range diagnostic is written to `<out>/<hash>.json` as a
 * reproducer (test/fuzz.test.ts replays them all), and the run exits 1.
 * Prints the number of inputs run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { findingHash, fuzzBatch, runOne, type Finding, type FuzzInput } from './fuzz-core.js';

const HANG_MS = 2000;
const BATCH = 200;

interface Args { seconds: number; seed: number; workers: number; out: string }

function parseArgs(argv: readonly string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    seconds: Number(get('seconds') ?? 60),
    seed: Number(get('seed') ?? Math.floor(Math.random() * 2 ** 31)),
    workers: Math.max(1, Number(get('workers') ?? 2)),
    out: get('out') ?? 'test/fuzz-crashes',
  };
}

/** Starts a worker running this very file (tsx registered inside it, so the TypeScript sources load). */
function startWorker(): Worker {
  const url = new URL(import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`, { eval: true });
}

/** One lane: a worker, fed one input at a time, replaced after a hang or a crash of the thread itself. */
class Lane {
  private worker!: Worker;
  private ready!: Promise<void>;
  constructor() { this.spawn(); }

  private spawn(): void {
    this.worker = startWorker();
    this.ready = new Promise((resolve) => this.worker.once('message', () => resolve()));
  }

  async run(input: FuzzInput): Promise<Finding | undefined> {
    await this.ready;
    return new Promise((resolve) => {
      const done = (finding: Finding | undefined) => {
        clearTimeout(timer);
        this.worker.removeAllListeners('message');
        this.worker.removeAllListeners('error');
        resolve(finding);
      };
      const timer = setTimeout(() => {
        void this.worker.terminate();
        this.spawn();
        done({ input, entry: 'all', problem: 'hang', message: `no answer within ${HANG_MS} ms` });
      }, HANG_MS);
      this.worker.on('message', (finding: Finding | null) => done(finding ?? undefined));
      this.worker.on('error', (error: Error) => {
        this.spawn();
        done({ input, entry: 'worker', problem: 'exception', message: `${error.name}: ${error.message}`, ...(error.stack ? { stack: error.stack } : {}) });
      });
      this.worker.postMessage(input);
    });
  }

  close(): Promise<number> { return this.worker.terminate(); }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const deadline = Date.now() + args.seconds * 1000;
  console.log(`fuzz: ${args.seconds} s, seed ${args.seed}, ${args.workers} worker(s), reproducers in ${args.out}/`);
  const lanes = Array.from({ length: args.workers }, () => new Lane());
  let batchNo = 0;
  let queue: FuzzInput[] = [];
  let inputs = 0;
  const findings = new Map<string, Finding>();
  const next = (): FuzzInput => {
    if (queue.length === 0) queue = fuzzBatch(args.seed + batchNo++, BATCH);
    return queue.pop()!;
  };
  await Promise.all(lanes.map(async (lane) => {
    while (Date.now() < deadline) {
      const input = next();
      const finding = await lane.run(input);
      inputs++;
      if (finding) {
        const hash = findingHash(finding);
        if (!findings.has(hash)) {
          findings.set(hash, finding);
          mkdirSync(args.out, { recursive: true });
          writeFileSync(join(args.out, `${hash}.json`), `${JSON.stringify({ seed: args.seed, ...finding }, null, 2)}\n`);
          console.log(`finding ${hash}: ${finding.problem} in ${finding.entry}: ${finding.message}`);
        }
      }
    }
  }));
  await Promise.all(lanes.map((lane) => lane.close()));
  console.log(`fuzz: ${inputs} inputs run in ${args.seconds} s (seed ${args.seed}), ${findings.size} finding(s)`);
  process.exitCode = findings.size > 0 ? 1 : 0;
}

if (isMainThread) {
  void main();
} else {
  // Worker: answer each input with its finding (or null); the first message says "ready".
  parentPort!.on('message', (input: FuzzInput) => parentPort!.postMessage(runOne(input, HANG_MS) ?? null));
  parentPort!.postMessage('ready');
}
