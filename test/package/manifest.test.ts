/**
 * package.json against the build and the sources, without building: every
 * entry of tsup.config.ts is a subpath of `exports` with the four files the
 * build writes, resolves under TypeScript's `node10` (`typesVersions`) and is
 * an entry point of the API reference (typedoc.json); every package the
 * published code imports is a dependency or peer, every bundled one is not;
 * the tarball's `files` hold what `exports` points at and leave the
 * playground out; every install script is covered by `allowScripts`.
 * test/package/tarball.test.ts checks the built, packed result.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BUNDLED, CLI_BUNDLED, LIBRARY_ENTRIES } from '../../tsup.config.js';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string): any => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const pkg = read('package.json');
const names = Object.keys(LIBRARY_ENTRIES);
const subpath = (name: string): string => (name === 'index' ? '.' : `./${name}`);

/** The npm package a bare specifier names (`@scope/name/x` → `@scope/name`). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Bare packages imported by src/ (comments ignored), split into the CLI's and the library's. */
function importedPackages(): { library: Set<string>; cli: Set<string> } {
  const library = new Set<string>();
  const cli = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const inCli = relative(ROOT, file).startsWith(join('src', 'cli'));
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (fileName.startsWith('.') || fileName.startsWith('node:')) continue;
      (inCli ? cli : library).add(packageOf(fileName));
    }
  }
  return { library, cli };
}

describe('package.json against tsup.config.ts', () => {
  it('exports each build entry with its ESM and CommonJS files and types', () => {
    for (const name of names) {
      expect(pkg.exports[subpath(name)], subpath(name)).toEqual({
        import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
        require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
      });
    }
    const others = Object.keys(pkg.exports).filter((key) => !names.map(subpath).includes(key));
    expect(others.sort()).toEqual(['./grammar/ahrefs-where.tmLanguage.json', './package.json']);
    expect([pkg.main, pkg.module, pkg.types]).toEqual(['./dist/index.cjs', './dist/index.js', './dist/index.d.ts']);
  });

  it('maps every subpath in typesVersions, for TypeScript with node10 resolution', () => {
    const expected = Object.fromEntries(names.filter((n) => n !== 'index').map((n) => [n, [`./dist/${n}.d.ts`]]));
    expect(pkg.typesVersions).toEqual({ '*': expected });
  });

  it('documents every entry in the API reference (typedoc.json)', () => {
    expect([...read('typedoc.json').entryPoints].sort()).toEqual(Object.values(LIBRARY_ENTRIES).sort());
  });

  it('runs the CLI from the built file', () => {
    expect(pkg.bin).toEqual({ 'ahrefs-where': './dist/cli.js' });
  });
});

describe('dependencies', () => {
  const { library, cli } = importedPackages();
  const deps = Object.keys(pkg.dependencies ?? {});
  const peers = Object.keys(pkg.peerDependencies ?? {});
  const dev = Object.keys(pkg.devDependencies ?? {});
  const optional = Object.keys(pkg.optionalDependencies ?? {});

  it('lists bundled packages as devDependencies only: users never install them', () => {
    for (const name of CLI_BUNDLED) {
      expect(dev, name).toContain(name);
      expect([...deps, ...peers, ...optional], name).not.toContain(name);
    }
  });

  it('lists every package the library leaves external as a dependency or a peer', () => {
    for (const name of library) {
      if (name === pkg.name || BUNDLED.includes(name)) continue;
      expect([...deps, ...peers], name).toContain(name);
    }
  });

  it('lists what only the CLI loads at run time as a dependency or an optional dependency', () => {
    for (const name of cli) {
      if (name === pkg.name || CLI_BUNDLED.includes(name) || library.has(name)) continue;
      expect([...deps, ...optional], name).toContain(name);
    }
  });

  it('has no dependency or peer that the published code does not import', () => {
    const imported = new Set([...library, ...cli]);
    for (const name of [...deps, ...peers, ...optional]) expect(imported.has(name), name).toBe(true);
  });
});

describe('the tarball and the install', () => {
  it('has repository, homepage and bugs', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/ahrefs-where/ahrefs-where.git' });
    expect(pkg.homepage).toBe('https://github.com/ahrefs-where/ahrefs-where#readme');
    expect(pkg.bugs).toEqual({ url: 'https://github.com/ahrefs-where/ahrefs-where/issues' });
  });

  it('ships dist, the grammar, the Markdown docs and the changelog, not the playground', () => {
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'grammar', 'docs/*.md', 'docs/api-reference', 'CHANGELOG.md']));
    expect(pkg.files).not.toContain('docs');
    expect(pkg.files.some((f: string) => f.includes('playground'))).toBe(false);
  });

  it('covers every install script of the lockfile with allowScripts (a clean first screen of npm ci)', () => {
    const lock = read('package-lock.json');
    const withScripts = new Set(
      Object.entries<any>(lock.packages)
        .filter(([path, entry]) => path !== '' && entry.hasInstallScript)
        .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)),
    );
    expect(withScripts.size).toBeGreaterThan(0);
    expect(Object.keys(pkg.allowScripts).sort()).toEqual([...withScripts].sort());
  });
});
