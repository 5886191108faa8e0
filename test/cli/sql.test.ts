import { describe, expect, it } from 'vitest';
import { toSql } from '../../src/sql.js';
import { runCli } from '../support/cli.js';

describe('ahrefs-where sql', () => {
  it('prints the condition, then each value by placeholder', async () => {
    const r = await runCli(['sql', '--dialect', 'postgres', 'DR >= 50 and anchor contains "seo"']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const expected = toSql('DR >= 50 and anchor contains "seo"', { dialect: 'postgres' });
    expect(r.stdout).toBe(`${expected.sql}\n$1 = 50\n$2 = "seo"\n`);
  });

  it('names values in named style, and reads the query from standard input', async () => {
    const r = await runCli(['sql', '--dialect', 'duckdb', '--params', 'named', '--table', 'b', '-'], 'anchor = "x"');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('(("b"."anchor" COLLATE "binary") = CAST($p1 AS VARCHAR))\np1 = "x"\n');
  });

  it('prints one JSON object with --json, for where JSON input too', async () => {
    const r = await runCli(['sql', '--dialect', 'clickhouse', '--json', '{"field":"anchor","is":["eq","x"]}']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: true, sql: '(`anchor` = {p1:String})', params: { p1: 'x' }, paramList: [{ name: 'p1', value: 'x', type: 'text' }], diagnostics: [],
    });
  });

  it('exits 1 with diagnostics for a bad query or option, 2 without --dialect', async () => {
    const bad = await runCli(['sql', '--dialect', 'postgres', 'anchor matches /(?i)seo/']);
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toContain('sql-regex-unsupported');
    const option = await runCli(['sql', '--dialect', 'mysql', 'DR > 1']);
    expect(option.code).toBe(1);
    expect(option.stderr).toContain('invalid-option');
    expect((await runCli(['sql', 'DR > 1'])).code).toBe(2);
  });
});
