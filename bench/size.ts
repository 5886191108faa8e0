/**
 * Bundle size (issue 11, target 6): what a browser app pays for the library.
 * esbuild bundles each case as an app would (ESM, minified, browser
 * platform, tree-shaken) and prints its minified and min+gzip sizes, with
 * the minified bytes split by where they come from (our stages, Chevrotain,
 * lodash-es, re2js, catalogue data).
 *
 *   npm run bench:size            # from src/ (no build needed)
 *   npm run bench:size -- --dist  # from the built dist/ (npm run build first), as a package user bundles it
 *
 * From src/ the bundle is built with the library build's plugins
 * (scripts/chevrotain-parser-only.ts, scripts/chevrotain-native-lodash.ts,
 * scripts/chevrotain-production.ts, scripts/json-as-parse.ts), so both
 * modes measure the code the package ships.
 *
 * Budgets: `{ compile }` ≤ 60 KB and `{ compile, predicate }` ≤ 75 KB min+gzip.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { chevrotainNativeLodash } from '../scripts/chevrotain-native-lodash.js';
import { chevrotainParserOnly } from '../scripts/chevrotain-parser-only.js';
import { chevrotainProduction } from '../scripts/chevrotain-production.js';
import { jsonAsParse } from '../scripts/json-as-parse.js';

const ROOT = resolve(import.meta.dirname, '..');
const fromDist = process.argv.includes('--dist');
const root = fromDist ? './dist/index.js' : './src/index.ts';
const re2 = fromDist ? './dist/re2.js' : './src/re2.ts';

const CASES: Array<{ name: string; code: string; budget?: number }> = [
  { name: '{ compile }', code: `export { compile } from '${root}';`, budget: 60 },
  { name: '{ compile, predicate }', code: `export { compile, predicate } from '${root}';`, budget: 75 },
  { name: "{ compile, predicate } + 'ahrefs-where/re2'", code: `import '${re2}';\nexport { compile, predicate } from '${root}';` },
];

/** Where an input file's bytes come from, for the breakdown. */
function origin(path: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1]!;
  if (/catalogue\/data\//.test(path)) return 'catalogue data';
  const stage = /^src\/([^/]+)\//.exec(path);
  if (stage) return `src/${stage[1]}`;
  return path.startsWith('dist/') ? 'dist (ours, bundled)' : path;
}

function breakdown(metafile: Metafile): string {
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      bytes.set(origin(path), (bytes.get(origin(path)) ?? 0) + input.bytesInOutput);
    }
  }
  return [...bytes]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${(n / 1024).toFixed(1)}`)
    .join(', ');
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  if (fromDist && !existsSync(resolve(ROOT, 'dist/index.js'))) {
    console.error('bench:size --dist: dist/ is missing; run npm run build first');
    process.exitCode = 1;
    return;
  }
  console.log(`Bundle size from ${fromDist ? 'dist/' : 'src/'} (esbuild ${(await import('esbuild')).version}, ESM, minified, platform browser; gzip level 9)\n`);
  console.log('| entry | min | min+gzip | budget | minified KB by origin |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const { name, code, budget } of CASES) {
    const result = await build({
      stdin: { contents: code, resolveDir: ROOT, loader: 'ts', sourcefile: 'app.ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'error',
      // From src/, the plugins of the library's build (tsup.config.ts), so that the bundle is the code the package ships.
      plugins: fromDist ? [] : [jsonAsParse, chevrotainNativeLodash, chevrotainParserOnly, chevrotainProduction],
    });
    const out = result.outputFiles[0]!.contents;
    const gzip = gzipSync(out, { level: 9 }).length;
    const verdict = budget === undefined ? '' : `${budget} KB ${gzip <= budget * 1024 ? 'met' : 'missed'}`;
    console.log(`| \`${name}\` | ${kb(out.length)} | ${kb(gzip)} | ${verdict} | ${breakdown(result.metafile)} |`);
  }
}

await main();
