import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('ahrefs-where cost', () => {
  it('prints each column with its units, share and parameters, then the figure', async () => {
    // url_from 1 + traffic 10 (select and where: once) + domain_rating_source 1 = 12 per row × 100 rows.
    const r = await runCli(['cost', '--select', 'url_from,traffic', '--where', 'DR >= 50 and traffic > 100', '--rows', '100']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe([
      'column                units   share  in',
      'url_from                  1    8.3%  select',
      'traffic                  10   83.3%  select, where',
      'domain_rating_source      1    8.3%  where',
      '12 units per row × 100 rows = 1,200 units',
      '',
    ].join('\n'));
  });

  it('says when the 50-unit minimum decides, and takes 1000 rows by default', async () => {
    const few = await runCli(['cost', '--select', 'url_from,anchor', '--rows', '10']);
    expect(few.stdout.split('\n').at(-2)).toBe('2 units per row × 10 rows = 20, below the minimum: 50 units per request');
    const r = await runCli(['cost', '--select', 'traffic', '--order-by', 'traffic:desc,url_rating_source']);
    expect(r.stdout.split('\n').at(-2)).toBe('11 units per row × 1,000 rows = 11,000 units');
  });

  it('prints the estimate as JSON with --json', async () => {
    const r = await runCli(['cost', '--json', '--select', 'class_c', '--where', '{"field":"traffic_domain","is":["gt",0]}', '--rows', '2']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: true, perRow: 15, rows: 2, total: 50, minimumApplied: true, exact: true, diagnostics: [],
      columns: [
        { name: 'class_c', units: 5, unitsKnown: true, usedIn: ['select'], share: 5 / 15 },
        { name: 'traffic_domain', units: 10, unitsKnown: true, usedIn: ['where'], share: 10 / 15 },
      ],
    });
  });

  it('exits 1 with diagnostics labelled by option, with a caret under the entry', async () => {
    const r = await runCli(['cost', '--select', 'url_from,is_homepage_link', '--order-by', 'link_group_count']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain('--select:1:10: error unknown-select-column: "is_homepage_link" is a filter-only column');
    expect(r.stderr).toContain('  url_from,is_homepage_link\n           ^~~~~~~~~~~~~~~~\n');
    expect(r.stderr).toContain('--order-by:1:1: error unknown-order-by-column:');
    const where = await runCli(['cost', '--select', 'url_from', '--where', 'domain_ratng_source > 1']);
    expect(where.code).toBe(1);
    expect(where.stderr).toContain('--where:1:1: error unknown-column:');
    const json = await runCli(['cost', '--select', 'url_from', '--where', '{"not":{"field":"x","is":["eq",1]}}']);
    expect(json.stderr).toContain('--where:/not/field: error unknown-column:');
  });

  it('reads the endpoint from --catalogue or a # endpoint: directive, and says when select is not checked', async () => {
    const directive = await runCli(['cost', '--select', 'keyword,country', '--where', '# endpoint: keywords-explorer/overview\nvolume > 10', '--rows', '3']);
    expect(directive.code).toBe(0);
    expect(directive.stderr).toContain('info request-columns-unknown');
    // keyword 1 + country (unknown, 1) + volume 10 = 12 per row × 3 = 36: below the minimum, and a lower bound.
    expect(directive.stdout).toContain('country     1?    8.3%  select');
    expect(directive.stderr).toMatch(/^--select: info request-columns-unknown: /);
    expect(directive.stdout).toContain('12 units per row × 3 rows = 36, below the minimum: at least 50 units per request');
    const option = await runCli(['cost', '-c', 'keywords-explorer/overview', '--select', 'keyword', '--where', 'volume > 10', '--json']);
    expect(JSON.parse(option.stdout)).toMatchObject({ ok: true, perRow: 11 });
    const both = await runCli(['cost', '-c', 'keywords-explorer/overview', '--select', 'keyword', '--where', '# endpoint: site-explorer/all-backlinks\nvolume > 10']);
    expect(both.code).toBe(0); // --catalogue wins, with a note
    expect(both.stderr).toContain('ahrefs-where: note: --catalogue keywords-explorer/overview overrides the endpoint directive of --where');
    const unknown = await runCli(['cost', '--select', 'keyword', '--where', '# endpoint: keywords-explorer/overveiw\nvolume > 10']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('did you mean "keywords-explorer/overview"?');
  });

  it('is a usage error (exit 2) without --select, with a bad --rows, an argument or a foreign option', async () => {
    for (const args of [['cost', '--where', 'DR > 1'], ['cost', '--select', 'url_from', '--rows', 'ten'], ['cost', '--select', 'url_from', 'extra'], ['cost', '--select', 'url_from', '--strict']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('ahrefs-where cost ');
    }
    expect((await runCli(['compile', '--select', 'url_from', 'DR > 1'])).code).toBe(2);
  });
});

describe('the README example of ahrefs-where cost', () => {
  it('prints what the README shows', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /```console\n\$ (?:npx )?ahrefs-where (cost [^\n]+)\n([^`]+)```/.exec(readme)!;
    const args = block[1]!.match(/'[^']*'|\S+/g)!.map((a) => a.replace(/^'|'$/g, ''));
    const r = await runCli(args);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(block[2]);
  });
});
