/**
 * The language server in a real Neovim (Debian's package; `scripts/e2e.sh`
 * installs it with apt-get). Each Lua snippet of docs/editor.md that the
 * installed Neovim can run (the 0.7 one always; the 0.8+ one from 0.8 on) is
 * the init file, with the built server (`node dist/cli.js lsp`) in place of
 * `npx ahrefs-where lsp`; test/e2e/neovim-driver.lua then opens files, asks
 * what a user would, and writes what arrived to a JSON file read here.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const enabled = process.env.AHREFS_WHERE_E2E === '1';
const NVIM = process.env.NVIM_PATH ?? 'nvim';
const ROOT = resolve(__dirname, '../..');
const SERVER = join(ROOT, 'dist/cli.js');
const DRIVER = join(ROOT, 'test/e2e/neovim-driver.lua');

/** The Lua blocks of docs/editor.md's Neovim section: the one for 0.7 uses start_client, the one for 0.8+ vim.lsp.start. */
function snippets(): { since: [number, number]; lua: string }[] {
  const docs = readFileSync(join(ROOT, 'docs/editor.md'), 'utf8');
  const blocks = [...docs.matchAll(/```lua\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const old = blocks.find((b) => b.includes('vim.lsp.start_client('));
  const current = blocks.find((b) => b.includes('vim.lsp.start({'));
  if (!old || !current) throw new Error('docs/editor.md lost its Neovim snippets');
  return [
    { since: [0, 7], lua: old },
    { since: [0, 8], lua: current },
  ];
}

function nvimVersion(): [number, number] | undefined {
  const r = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
  const m = /NVIM v(\d+)\.(\d+)/.exec(r.stdout ?? '');
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

const FILES: Record<string, string> = {
  'query.where': 'DR >= 50 and link_type = imgae\n',
  'complete.where': 'DR >= 50 and link_type = \n',
  'format.where': 'DR>=50 AND ( is_dofollow )\n',
  'keywords.where': '# endpoint: keywords-explorer/overview\nvolume > 1000 and DR > 5\n',
  'typo.where': '# endpoint: keywords-explorer/overveiw\nvolume > 1000\n',
};

interface Step<T> {
  readonly ok: boolean;
  readonly error?: string;
  readonly value: T;
}
interface NvimDiagnostic {
  readonly lnum: number;
  readonly col: number;
  readonly end_col: number;
  readonly message: string;
  readonly code: string;
}
interface Result {
  readonly messages: { type: number; message: string }[];
  readonly steps: {
    diagnostics_and_fix: Step<{ diagnostics: NvimDiagnostic[]; title: string; lines: string[] }>;
    completion_and_hover: Step<{ labels: string[]; hover: string }>;
    formatting_and_tokens: Step<{ lines: string[]; tokens: number[] }>;
    directive: Step<{ diagnostics: NvimDiagnostic[]; labels: string[] }>;
    unknown_directive: Step<{ diagnostics: NvimDiagnostic[]; title: string; lines: string[] }>;
  };
}

/** Runs Neovim headless with the snippet as init.lua and the driver; resolves with what the driver wrote. */
async function runNeovim(lua: string): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'aw-nvim-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
  const init = lua.replace("{ 'npx', 'ahrefs-where', 'lsp' }", `{ 'node', ${JSON.stringify(SERVER)}, 'lsp' }`);
  expect(init).toContain(SERVER);
  writeFileSync(join(dir, 'init.lua'), init);
  const child = spawn(NVIM, ['--headless', '-n', '-i', 'NONE', '-u', join(dir, 'init.lua'), '-c', `luafile ${DRIVER}`], {
    cwd: dir,
    env: { ...process.env, AW_DIR: dir, XDG_CONFIG_HOME: dir, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.on('data', () => {});
  const code = await new Promise<number | null>((done) => {
    const timer = setTimeout(() => child.kill(), 150_000);
    child.on('exit', (c) => {
      clearTimeout(timer);
      done(c);
    });
  });
  const file = join(dir, 'result.json');
  if (!existsSync(file)) throw new Error(`nvim exited ${code} without a result; stderr: ${stderr}`);
  return JSON.parse(readFileSync(file, 'utf8')) as Result;
}

const version = enabled ? nvimVersion() : undefined;

describe.skipIf(!enabled)('the language server in Neovim (nvim --headless)', () => {
  it('has Neovim and the built server', () => {
    expect(version, `${NVIM} --version`).toBeDefined();
    expect(existsSync(SERVER), `${SERVER}: run npm run build first`).toBe(true);
  });

  const runnable = enabled && version ? snippets().filter((s) => version[0] > s.since[0] || (version[0] === s.since[0] && version[1] >= s.since[1])) : [];
  it.each(runnable.map((s) => [`the docs' snippet for Neovim ${s.since.join('.')}+`, s.lua] as const))('%s: diagnostics, quick fixes, completion, hover, formatting, semantic tokens, the endpoint directive', async (_name, lua) => {
    const result = await runNeovim(lua);
    const { steps } = result;
    for (const [name, step] of Object.entries(steps)) expect(step.error, name).toBeUndefined();

    const fixed = steps.diagnostics_and_fix.value;
    expect(fixed.diagnostics).toMatchObject([{ lnum: 0, col: 25, end_col: 30, code: 'unknown-enum-value' }]);
    expect(fixed.title).toContain('image');
    expect(fixed.lines).toEqual(['DR >= 50 and link_type = image']);

    const { labels, hover } = steps.completion_and_hover.value;
    expect(labels).toEqual(expect.arrayContaining(['text', 'image', 'redirect']));
    expect(hover).toContain('domain_rating_source');

    const formatted = steps.formatting_and_tokens.value;
    expect(formatted.lines).toEqual(['DR >= 50 and is_dofollow']);
    // Five numbers a token; the formatted text has DR, >=, 50, and, is_dofollow.
    expect(formatted.tokens.length).toBe(25);

    const directive = steps.directive.value;
    expect(directive.diagnostics).toMatchObject([{ lnum: 1, col: 18, code: 'unknown-column' }]);
    expect(directive.labels).toContain('keyword');
    expect(directive.labels).not.toContain('domain_rating_source');

    const typo = steps.unknown_directive.value;
    expect(typo.diagnostics).toMatchObject([{ lnum: 0, col: 12, end_col: 38, code: 'unknown-catalogue' }]);
    expect(typo.lines[0]).toBe('# endpoint: keywords-explorer/overview');
    expect(result.messages.map((m) => m.message)).toEqual([expect.stringContaining('did you mean "keywords-explorer/overview"')]);
  }, 180_000);
});
