import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('ahrefs-where compile', () => {
  it('prints the where JSON', async () => {
    const r = await runCli(['compile', 'domain_rating_source >= 50 and is_dofollow']);
    expect(r).toEqual({
      code: 0,
      stdout: '{"and":[{"field":"domain_rating_source","is":["gte",50]},{"field":"is_dofollow","is":["eq",true]}]}\n',
      stderr: '',
    });
  });

  it('reads the query from standard input with -', async () => {
    const r = await runCli(['compile', '-'], 'is_spam = false\n');
    expect(r.stdout).toBe('{"field":"is_spam","is":["eq",false]}\n');
  });

  it('reports errors as file:line:col with a caret, exit 1', async () => {
    const r = await runCli(['compile', 'is_dofollow and\n  domain_ratng_source > 5']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('<query>:2:3: error unknown-column:');
    // The source line is shown indented by two, with a caret under the whole column name.
    expect(r.stderr).toContain(`    domain_ratng_source > 5\n    ^${'~'.repeat('domain_ratng_source'.length - 1)}\n`);
    expect(r.stderr).toContain('help: Replace with "domain_rating_source"');
  });

  it('gives machine-readable output with --json', async () => {
    const r = await runCli(['compile', '--json', 'traffic > 10 and DR > 1 and dr < 90']);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.fields).toEqual([
      { name: 'traffic', units: 10, returned: true },
      { name: 'domain_rating_source', units: 1, returned: true },
    ]);
    const bad = JSON.parse((await runCli(['compile', '--json', 'DR >'])).stdout);
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics[0].code).toMatch(/^unexpected-/);
  });

  it('uses another endpoint with --catalogue', async () => {
    const ok = await runCli(['compile', '-c', 'site-explorer/organic-keywords', 'volume > 100']);
    expect(ok.code).toBe(0);
    const wrong = await runCli(['compile', 'volume > 100']);
    expect(wrong.code).toBe(1);
  });

  it('loads a catalogue file and reports a broken one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ name: 'shop', columns: { price: { type: 'float', nullable: false } } }));
    expect((await runCli(['compile', '--catalogue', good, 'price < 3'])).stdout).toBe('{"field":"price","is":["lt",3]}\n');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'shop', columns: { price: { type: 'money' } } }));
    const r = await runCli(['compile', '--catalogue', bad, 'price < 3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:/columns/price/type: error catalogue-unknown-type`);
  });
});

describe('ahrefs-where decompile, check, fmt', () => {
  it('decompiles JSON to text', async () => {
    const r = await runCli(['decompile', '{"and":[{"field":"domain_rating_source","is":["gte",50]},{"field":"is_dofollow","is":["eq",true]}]}']);
    expect(r).toEqual({ code: 0, stdout: 'domain_rating_source >= 50 and is_dofollow\n', stderr: '' });
  });

  it('reports malformed JSON with its path', async () => {
    const r = await runCli(['decompile', '{"and":[{"field":"is_spam","is":["equals",true]}]}']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('<query>:/and/0/is/0: error json-unknown-operator');
  });

  it('check is silent on a good query and exits 1 on a bad one', async () => {
    expect(await runCli(['check', 'is_dofollow'])).toEqual({ code: 0, stdout: '', stderr: '' });
    const r = await runCli(['check', 'link_type = txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error unknown-enum-value');
  });

  it('formats', async () => {
    expect((await runCli(['fmt', 'NOT is_spam AND  DR>=50'])).stdout).toBe('not is_spam and DR >= 50\n');
  });
});

describe('ahrefs-where usage', () => {
  it('prints help with examples', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nExamples (');
    expect(r.stdout).toContain('  npx ahrefs-where compile');
  });

  it('exits 2 on usage errors', async () => {
    expect((await runCli([])).code).toBe(2);
    expect((await runCli(['compil', 'x'])).code).toBe(2);
    expect((await runCli(['compile', '--nope', 'x'])).code).toBe(2);
    expect((await runCli(['compile', 'a', 'b'])).code).toBe(2);
    expect((await runCli(['compile', '--catalogue', '/no/such/file', 'x'])).code).toBe(2);
    expect((await runCli(['filter', 'x'])).code).toBe(2);
  });

  it('lists the built-in catalogues', async () => {
    const r = await runCli(['catalogues']);
    expect(r.stdout.trim().split('\n')).toHaveLength(66);
  });
});

describe('ahrefs-where explain', () => {
  it('shows why a row matched', async () => {
    const r = await runCli(['explain', 'alt is null or alt contains "seo"', '{"alt": null}']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/alt is null/);
  });

  it('rejects a row that is not a JSON object', async () => {
    const r = await runCli(['explain', 'is_spam', '[1]']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error invalid-row');
  });
});

describe('terminal safety of the output', () => {
  async function runTo(args: string[], tty: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
    const { PassThrough, Readable } = await import('node:stream');
    const { main } = await import('../../src/cli/main.js');
    const stdout = Object.assign(new PassThrough(), { isTTY: tty });
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await main(args, { stdin: Readable.from(['']), stdout, stderr });
    return { code, stdout: out, stderr: err };
  }

  it('check says it found nothing on a terminal, and stays silent into a pipe', async () => {
    expect(await runTo(['check', 'DR > 5'], true)).toEqual({ code: 0, stdout: '', stderr: '<query>: no problems found on site-explorer/all-backlinks.\n' });
    expect(await runTo(['check', 'DR > 5'], false)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await runTo(['check', '--json', 'DR > 5'], true)).stderr).toBe('');
  });

  // A comment and a /…/ pattern are printed verbatim by the formatter: the places raw controls can reach stdout.
  const query = '# title\u001b]0;pwned\u0007 \u202e\nanchor matches /a\u001b[2Jb/';

  it('fmt into a pipe writes the exact text', async () => {
    const r = await runTo(['fmt', query], false);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${query}\n`);
    expect(r.stderr).toBe('');
  });

  it('fmt and decompile to a terminal escape control characters, with a note', async () => {
    const r = await runTo(['fmt', query], true);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(r.stdout).toContain('\\u{1B}]0;pwned\\u{7}');
    expect(r.stderr).toContain('shown escaped');
    const d = await runTo(['decompile', JSON.stringify({ field: 'anchor', is: ['regex', 'a\u001b[2Jb'] })], true);
    expect(d.stdout).not.toMatch(/\u001b/);
    expect((await runTo(['fmt', 'anchor = "x"'], true)).stderr).toBe('');
  });

  it('JSON output escapes DEL, C1 and bidirectional controls as \\u escapes: the same JSON value', async () => {
    const value = 'a\u007f\u0085\u009b\u202e\u2066\u2028b';
    const r = await runTo(['compile', `anchor = ${JSON.stringify(value)}`], false);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u007f-\u009f\u202e\u2066\u2028]/);
    expect(JSON.parse(r.stdout)).toEqual({ field: 'anchor', is: ['eq', value] });
    const j = await runTo(['check', '--json', `\`${value}\` = 1`], false);
    expect(j.stdout).not.toMatch(/[\u007f-\u009f\u202e\u2066\u2028]/);
    expect(JSON.parse(j.stdout).diagnostics[0].message).toContain(value);
  });
});

describe('options per command', () => {
  it.each([
    [['fmt', '--catalogue', 'site-explorer/all-backlinks', 'DR > 5'], 'fmt does not take --catalogue.', 'ahrefs-where fmt '],
    [['compile', '--count', 'DR > 5'], 'compile does not take --count.', 'ahrefs-where compile '],
    [['compile', '--where', 'x', 'DR > 5'], 'compile does not take --where.', 'ahrefs-where compile '],
    [['explain', '--rows', '5', 'DR > 5', '{}'], 'explain does not take --rows.', 'ahrefs-where explain '],
    [['cost', '--strict', '--select', 'url_from'], 'cost does not take --strict.', 'ahrefs-where cost '],
    [['lsp', '--json'], 'lsp does not take --json.', 'ahrefs-where lsp '],
    [['check', '--dialect', 'duckdb', '--strict', 'DR > 5'], 'check does not take --dialect, --strict.', 'ahrefs-where check '],
    [['sql', '--dialect', 'duckdb', '--count', 'DR > 5'], 'sql does not take --count.', 'ahrefs-where sql '],
    [['catalogues', '--json'], 'catalogues does not take --json.', 'ahrefs-where catalogues'],
    [['filter', '--engine', 'duckdb', '--strict', '--where', 'DR > 5', 'rows.jsonl'], 'filter --engine duckdb does not take --strict.', 'ahrefs-where filter '],
  ])('%j is a usage error with the command\'s usage', async (args, message, usage) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`ahrefs-where: ${message}\nUsage:\n`);
    expect(r.stderr).toContain(usage);
  });

  it('keeps the options a command takes', async () => {
    expect((await runCli(['fmt', '--json', '--pretty', 'DR>5'])).code).toBe(0);
    expect((await runCli(['decompile', '--pretty', '--json', '{"field":"is_spam","is":["eq",false]}'])).code).toBe(0);
  });
});

describe('help per command', () => {
  it.each([
    [['filter', '--help']],
    [['help', 'filter']],
  ])('%j prints the usage, the options filter takes and its examples', async (args) => {
    const r = await runCli(args);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('Usage:\n  ahrefs-where filter ')).toBe(true);
    expect(r.stdout).toContain('--strict');
    expect(r.stdout).toContain('  npx ahrefs-where filter --count');
    // Only filter's options, and only filter's examples.
    expect(r.stdout).not.toContain('--dialect');
    expect(r.stdout).not.toContain('npx ahrefs-where compile');
  });

  it('lists, for every command, exactly the options it accepts', async () => {
    for (const command of ['compile', 'fmt', 'sql', 'cost', 'catalogues'] as const) {
      const help = (await runCli([command, '--help'])).stdout;
      const listed = [...help.matchAll(/^ {2}(?:-\w, | {4})--([\w-]+)/gm)].map((m) => m[1]!).filter((o) => o !== 'help');
      for (const option of listed) {
        const r = await runCli([command, `--${option}`, ...(option === 'json' || option === 'pretty' ? [] : ['x'])]);
        expect(r.stderr, `${command} --${option}`).not.toContain('does not take');
      }
      expect(listed.includes('strict')).toBe(false);
    }
  });

  it('help with an unknown command is a usage error', async () => {
    const r = await runCli(['help', 'compil']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "compil"');
  });

  it('says it reads standard input when it waits on a terminal', async () => {
    const { PassThrough, Readable } = await import('node:stream');
    const { main } = await import('../../src/cli/main.js');
    const stdin = Object.assign(Readable.from(['DR > 5']), { isTTY: true });
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const stdout = new PassThrough();
    stdout.resume();
    expect(await main(['compile'], { stdin, stdout, stderr })).toBe(0);
    expect(err).toContain('reading the query from standard input; end it with Ctrl-D');
    expect((await runCli(['compile'], 'DR > 5')).stderr).toBe('');
  });
});

describe('usage mistakes an analyst makes', () => {
  it('a misspelt --catalogue name gets a did-you-mean, exit 2', async () => {
    const r = await runCli(['compile', '-c', 'keywords-explorer/overveiw', 'volume > 5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "keywords-explorer/overview"?');
    expect(r.stderr).toContain("'ahrefs-where catalogues' lists the built-in names");
    const file = await runCli(['compile', '-c', 'missing-catalogue.json', 'volume > 5']);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('ENOENT');
    expect(file.stderr).not.toContain('did you mean');
  });

  it('explain without ROW_JSON is a usage error with its usage, not an invalid row', async () => {
    const r = await runCli(['explain', 'DR > 5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('explain takes QUERY and ROW_JSON');
    expect(r.stderr).toContain('ahrefs-where explain ');
    expect(r.stderr).not.toContain('invalid-row');
  });
});
