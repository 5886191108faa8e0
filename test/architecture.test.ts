/**
 * The pipeline of docs/architecture.md, enforced: reads the import graph of
 * src/ and fails on any import against the stage order, on a file cycle, on
 * a top-level tool reaching past a stage's entry, and on a Node-only import
 * in browser code. The layer list below is also the one the doc states.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

/**
 * Stages from the bottom up. A file may import from its own folder and from
 * any earlier layer; folders in one layer do not import each other.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['vocabulary'],
  ['ast'],
  ['diagnostics'],
  ['catalogue'],
  ['semantics'],
  ['syntax', 'decompile'],
  ['check'],
  ['emit'],
  ['api'],
  ['editor', 'arbitraries'],
  ['codemirror', 'cli'],
  ['.'],
];

/** Tools built on top of the stages: they reach a stage only through its `index.ts` entry or the public API. */
const TOOLS = new Set(['editor', 'arbitraries', 'codemirror', 'cli']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

interface Edge { readonly from: string; readonly to: string; readonly spec: string }

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of files(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      const from = relative(SRC, file);
      if (!spec.startsWith('.')) {
        out.push({ from, to: spec, spec });
        continue;
      }
      const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
      out.push({ from, to: relative(SRC, target), spec });
    }
  }
  return out;
}

/** The stage of a file: its top folder under src/ (subfolders such as `catalogue/data` belong to it), `.` for the entry files. */
function folder(path: string): string {
  const dir = dirname(path);
  return dir === '.' || dir === '' ? '.' : dir.split('/')[0]!;
}

function layerOf(dir: string): number {
  const i = LAYERS.findIndex((layer) => layer.includes(dir));
  if (i < 0) throw new Error(`src/${dir} is in no layer of test/architecture.test.ts: add it (and to docs/architecture.md)`);
  return i;
}

describe('architecture', () => {
  const graph = edges();
  // Imports inside src/ (package.json, read by the CLI for its version, is outside the pipeline).
  const local = graph.filter((e) => e.spec.startsWith('.') && !e.to.startsWith('..'));

  it('every import follows the stage order', () => {
    const wrong = local.filter((e) => {
      const a = folder(e.from);
      const b = folder(e.to);
      return a !== b && layerOf(a) <= layerOf(b);
    });
    expect(wrong.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('tools reach a stage only through its index.ts or the public API', () => {
    const wrong = local.filter((e) => {
      const a = folder(e.from);
      const b = folder(e.to);
      return TOOLS.has(a) && a !== b && !TOOLS.has(b) && !e.to.endsWith('/index.ts');
    });
    expect(wrong.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('has no file cycles', () => {
    const next = new Map<string, string[]>();
    for (const e of local) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (f: string) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].join(' -> '));
        return;
      }
      state.set(f, 'open');
      path.push(f);
      for (const t of next.get(f) ?? []) visit(t);
      path.pop();
      state.set(f, 'done');
    };
    for (const f of next.keys()) visit(f);
    expect(cycles).toEqual([]);
  });

  it('imports nothing Node-only outside the CLI', () => {
    const wrong = graph.filter((e) => e.to.startsWith('node:') && folder(e.from) !== 'cli');
    expect(wrong.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('docs/architecture.md states the same layers', () => {
    const doc = readFileSync(resolve(SRC, '../docs/architecture.md'), 'utf8');
    const line = LAYERS.map((layer) => layer.filter((d) => !d.includes('/')).map((d) => (d === '.' ? 'src/*.ts' : `src/${d}`)).join(' · ')).join(' → ');
    expect(doc).toContain(line);
  });
});
