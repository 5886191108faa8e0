/**
 * The packed package, unpacked into a node_modules as `npm install` would
 * put it: what is in the tarball, CommonJS and ESM loading of every subpath
 * with one shared instance per module system, the library working from the
 * minified code, the CLI and its bundled language server, and real `tsc`
 * projects under each module resolution. Runs only on a tarball
 * (scripts/check-package.sh packs the built dist and sets
 * AHREFS_WHERE_TARBALL; .ci/run calls it after `npm run build`).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lsp from 'vscode-languageserver/node.js';
import type * as L from 'vscode-languageserver/node.js';
import { LIBRARY_ENTRIES } from '../../tsup.config.js';

const TARBALL = process.env['AHREFS_WHERE_TARBALL'];
const ROOT = resolve(import.meta.dirname, '../..');
// Inside the repository's node_modules, so that the peers a consumer brings
// (@codemirror/*, fast-check) and re2js resolve from the parent folders.
const BASE = join(ROOT, 'node_modules/.cache/ahrefs-where-tarball');
const PKG = join(BASE, 'node_modules/ahrefs-where');
const SPECIFIERS = Object.keys(LIBRARY_ENTRIES).map((n) => (n === 'index' ? 'ahrefs-where' : `ahrefs-where/${n}`));

/** Runs a script file in BASE with Node and parses the JSON it prints. */
function run(file: string, source: string): any {
  writeFileSync(join(BASE, file), source);
  return JSON.parse(execFileSync(process.execPath, [join(BASE, file)], { cwd: BASE, encoding: 'utf8' }));
}

let files: string[] = [];

describe.runIf(TARBALL)('the packed package', () => {
  beforeAll(() => {
    rmSync(BASE, { recursive: true, force: true });
    mkdirSync(PKG, { recursive: true });
    execFileSync('tar', ['-xzf', TARBALL!, '-C', PKG, '--strip-components=1']);
    writeFileSync(join(BASE, 'package.json'), '{ "private": true, "type": "commonjs" }\n');
    files = execFileSync('tar', ['-tzf', TARBALL!], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));
  });

  afterAll(() => rmSync(BASE, { recursive: true, force: true }));

  it('holds what users run and the docs, not the playground, sources or source maps', () => {
    const pkg = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
    const leaves = (value: unknown): string[] => (typeof value === 'string' ? [value] : Object.values(value as object).flatMap(leaves));
    const targets = leaves(pkg.exports).map((t) => t.slice(2));
    for (const target of targets) expect(files, target).toContain(target);
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('CHANGELOG.md');
    // The API reference: an index and one page per entry.
    expect(files.filter((f) => f.startsWith('docs/api-reference/')).length).toBe(Object.keys(LIBRARY_ENTRIES).length + 1);
    const unwanted = files.filter((f) => /\.map$|^src\/|^test\/|^bench\/|^scripts\/|^docs\/playground|\.png$|tsconfig|\.ts$/.test(f) && !/\.d\.c?ts$/.test(f));
    expect(unwanted).toEqual([]);
  });

  it('ships minified code with no sourceMappingURL to a file it leaves out', () => {
    for (const file of files.filter((f) => /^dist\/.*\.c?js$/.test(f))) {
      const text = readFileSync(join(PKG, file), 'utf8');
      expect(text, file).not.toContain('sourceMappingURL');
      if (text.length > 20_000) expect(text.length / text.split('\n').length, `${file}: characters per line`).toBeGreaterThan(1000);
    }
  });

  it('loads every subpath with require and import, with the same names', () => {
    const list = JSON.stringify(SPECIFIERS);
    const cjs = run('names.cjs', `const out = {}; for (const s of ${list}) out[s] = Object.keys(require(s)).sort(); console.log(JSON.stringify(out));`);
    const esm = run('names.mjs', `const out = {}; for (const s of ${list}) out[s] = Object.keys(await import(s)).filter((k) => k !== 'default' && k !== 'module.exports').sort(); console.log(JSON.stringify(out));`);
    for (const s of SPECIFIERS) {
      expect(cjs[s].length, s).toBeGreaterThan(0);
      expect(esm[s], s).toEqual(cjs[s]);
    }
  });

  // One instance per module system: the subpaths share chunks (issue 12 §2).
  const identity = (load: (specifier: string) => string): string => `
    const root = ${load('ahrefs-where')};
    const catalogues = ${load('ahrefs-where/catalogues')};
    const sql = ${load('ahrefs-where/sql')};
    const editor = ${load('ahrefs-where/editor')};
    const same = root.allBacklinks === catalogues.getCatalogue('site-explorer/all-backlinks');
    const names = catalogues.catalogueNames.length;
    console.log(JSON.stringify({ same, names, sql: sql.toSql('DR >= 50', { dialect: 'duckdb' }).ok, hover: typeof editor.hover }));`;

  it('gives one instance of each module to every CommonJS subpath', () => {
    expect(run('identity.cjs', identity((s) => `require('${s}')`))).toEqual({ same: true, names: 66, sql: true, hover: 'function' });
  });

  it('gives one instance of each module to every ESM subpath', () => {
    expect(run('identity.mjs', identity((s) => `await import('${s}')`))).toEqual({ same: true, names: 66, sql: true, hover: 'function' });
  });

  const library = (load: (specifier: string) => string): string => `
    const w = ${load('ahrefs-where')};
    const rows = JSON.parse(JSON.stringify([
      { domain_rating_source: 60, is_dofollow: true, anchor: 'xxxy', first_seen: '2024-01-02T00:00:00Z' },
      { domain_rating_source: 10, is_dofollow: true, anchor: 'xx', first_seen: '2020-01-02T00:00:00Z' },
      { domain_rating_source: 70, is_dofollow: null, anchor: null, first_seen: null },
    ]));
    const compiled = w.compile('DR >= 50 and is_dofollow');
    const keep = w.predicate('DR >= 50 and is_dofollow and first_seen >= 2023-01-01');
    let missing;
    try { w.predicate('anchor matches /(x+x+)+y/'); } catch (e) { missing = e instanceof w.PredicateError && e.diagnostics[0].code; }
    ${load('ahrefs-where/re2')};
    const regex = rows.map(w.predicate('anchor matches /(x+x+)+y/'));
    const notLoaded = w.compile('volume > 1', { catalogue: 'keywords-explorer/overview' }).diagnostics[0].code;
    ${load('ahrefs-where/catalogues')};
    const named = w.compile('volume > 1', { catalogue: 'keywords-explorer/overview' }).json;
    console.log(JSON.stringify({
      json: compiled.json,
      back: w.decompile(compiled.json).text,
      kept: rows.map(keep),
      unknown: w.evaluate('is_dofollow', rows[2]),
      missing, regex, notLoaded, named,
      unknownColumn: w.check('domain_ratng_source > 5')[0].code,
    }));`;
  const expected = {
    json: '{"and":[{"field":"domain_rating_source","is":["gte",50]},{"field":"is_dofollow","is":["eq",true]}]}',
    back: 'domain_rating_source >= 50 and is_dofollow',
    kept: [true, false, false],
    unknown: null,
    missing: 'regex-engine-missing',
    regex: [true, false, false],
    notLoaded: 'catalogue-not-loaded',
    named: '{"field":"volume","is":["gt",1]}',
    unknownColumn: 'unknown-column',
  };

  it('compiles, decompiles and filters rows from the minified CommonJS build', () => {
    expect(run('library.cjs', library((s) => `require('${s}')`))).toEqual(expected);
  });

  it('compiles, decompiles and filters rows from the minified ESM build', () => {
    expect(run('library.mjs', library((s) => `await import('${s}')`))).toEqual(expected);
  });

  it('registers the catalogues once for both module systems (an app that loads the package both ways)', () => {
    const source = `await import('ahrefs-where/catalogues'); const root = require('ahrefs-where');
      console.log(JSON.stringify(root.compile('volume > 1', { catalogue: 'keywords-explorer/overview' }).json));`;
    expect(run('both.mjs', `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); ${source}`)).toBe('{"field":"volume","is":["gt",1]}');
  });

  it("keeps a bare import 'ahrefs-where/catalogues' in a bundle (package.json sideEffects), and leaves the data out without it", async () => {
    const { build } = await import('esbuild');
    const bundle = async (contents: string) => {
      const result = await build({ stdin: { contents, resolveDir: BASE, loader: 'js' }, bundle: true, format: 'esm', platform: 'browser', write: false, minify: true, logLevel: 'error' });
      return result.outputFiles[0]!.text;
    };
    const use = "import { compile } from 'ahrefs-where'; console.log(JSON.stringify(compile('volume > 1', { catalogue: 'keywords-explorer/overview' }).diagnostics.map((d) => d.code)));";
    const withData = await bundle(`import 'ahrefs-where/catalogues'; ${use}`);
    const without = await bundle(use);
    writeFileSync(join(BASE, 'with.mjs'), withData);
    writeFileSync(join(BASE, 'without.mjs'), without);
    const out = (file: string) => JSON.parse(execFileSync(process.execPath, [join(BASE, file)], { cwd: BASE, encoding: 'utf8' }));
    expect(out('with.mjs')).toEqual([]);
    expect(out('without.mjs')).toEqual(['catalogue-not-loaded']);
    expect(without.length).toBeLessThan(withData.length - 100_000);
  });

  it('leaves the words of codes compile cannot report out of a bundle of compile, and keeps them for DIAGNOSTIC_CODES', async () => {
    const { build } = await import('esbuild');
    const bundle = async (contents: string) =>
      (await build({ stdin: { contents, resolveDir: BASE, loader: 'js' }, bundle: true, format: 'esm', platform: 'browser', write: false, minify: true, logLevel: 'error' })).outputFiles[0]!.text;
    const compileOnly = await bundle("import { compile } from 'ahrefs-where'; console.log(compile('traffic >').diagnostics[0].message);");
    const withCodes = await bundle("import { DIAGNOSTIC_CODES } from 'ahrefs-where'; console.log(Object.keys(DIAGNOSTIC_CODES).length);");
    // A decompile (JSON input) template, an SQL summary and the filter's own summary of unexpected-token.
    const elsewhere = ['must be an array of {what}s', 'SQL cannot test it', 'The parser expected something else at this point.'];
    for (const words of elsewhere) {
      expect(compileOnly, words).not.toContain(words);
      expect(withCodes, words).toContain(words);
    }
    expect(compileOnly).toContain('Expected `and`, `or` or the end of the filter');
  });

  it('bundles { compile } within 60 KB and { compile, predicate } within 75 KB min+gzip, as a browser app does (issue 11)', async () => {
    const { build } = await import('esbuild');
    const { gzipSync } = await import('node:zlib');
    const gzipped = async (contents: string) => {
      const result = await build({ stdin: { contents, resolveDir: BASE, loader: 'js' }, bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, minify: true, logLevel: 'error' });
      return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
    };
    // The budgets of docs/performance.md (bench/size.ts prints the sizes and where the bytes come from).
    expect(await gzipped("export { compile } from 'ahrefs-where';")).toBeLessThanOrEqual(60 * 1024);
    expect(await gzipped("export { compile, predicate } from 'ahrefs-where';")).toBeLessThanOrEqual(75 * 1024);
  });

  it('runs the CLI from the tarball', () => {
    const out = execFileSync(process.execPath, [join(PKG, 'dist/cli.js'), 'compile', 'domain_rating_source >= 50'], { encoding: 'utf8' });
    expect(out.trim()).toBe('{"field":"domain_rating_source","is":["gte",50]}');
  });

  it('serves the language server from the bundled vscode-languageserver', async () => {
    const child = spawn(process.execPath, [join(PKG, 'dist/cli.js'), 'lsp'], { cwd: BASE, stdio: 'pipe' });
    const connection = lsp.createMessageConnection(new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));
    const published = new Promise<L.PublishDiagnosticsParams>((done) => connection.onNotification('textDocument/publishDiagnostics', done));
    connection.listen();
    const init = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as L.InitializeResult;
    expect(init.serverInfo?.name).toBe('ahrefs-where');
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///q.where', languageId: 'ahrefs-where', version: 1, text: 'domain_ratng_source > 5' } });
    expect((await published).diagnostics.map((d) => d.code)).toEqual(['unknown-column']);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    connection.dispose();
    expect(code).toBe(0);
  });

  // What attw checks by resolution, as a user's compiler sees it: every
  // subpath and its types resolve and type-check (TS2307 under node10 before
  // typesVersions).
  const consumer = [
    ...Object.keys(LIBRARY_ENTRIES).map((n, i) => `import * as m${i} from '${n === 'index' ? 'ahrefs-where' : `ahrefs-where/${n}`}';`),
    `import { compile, type CompileResult } from 'ahrefs-where';`,
    `import { getCatalogue } from 'ahrefs-where/catalogues';`,
    `const result: CompileResult = compile('DR > 5', { catalogue: getCatalogue('site-explorer/all-backlinks') });`,
    `export const used = [result.ok, ${Object.keys(LIBRARY_ENTRIES).map((_, i) => `m${i}`).join(', ')}];`,
    '',
  ].join('\n');
  const projects: Array<[string, Record<string, string>, string]> = [
    ['node10 (CommonJS)', { module: 'commonjs', moduleResolution: 'node10' }, 'consumer.ts'],
    ['node16 from CommonJS', { module: 'node16', moduleResolution: 'node16' }, 'consumer.ts'],
    ['node16 from ESM', { module: 'node16', moduleResolution: 'node16' }, 'consumer.mts'],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }, 'consumer.ts'],
  ];
  it.each(projects)('type-checks a TypeScript project importing every subpath under %s', (label, options, file) => {
    writeFileSync(join(BASE, file), consumer);
    const config = `tsconfig.${label.replace(/\W+/g, '-')}.json`;
    const compilerOptions = { ...options, target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] };
    writeFileSync(join(BASE, config), JSON.stringify({ compilerOptions, files: [file] }));
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', join(BASE, config)], { cwd: BASE, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    // Errors of the consumer or of this package's declarations; a peer's own
    // declarations may not support a resolution (fast-check's under node10).
    const ours = output.split('\n').filter((line) => /error TS/.test(line) && /^(consumer|node_modules\/ahrefs-where\/)/.test(line));
    expect(ours).toEqual([]);
    if (!label.startsWith('node10')) expect(output).toBe('');
  }, 180_000);
});
