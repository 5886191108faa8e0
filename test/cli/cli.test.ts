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
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('ahrefs-where compile');
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
