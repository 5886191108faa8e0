/** The CLI reads a query's first-line `# endpoint: NAME` directive; an explicit --catalogue wins over it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const KEYWORDS = '# endpoint: keywords-explorer/overview\nvolume > 1000';

describe('the endpoint directive in the CLI', () => {
  it('chooses the catalogue of compile, check, explain and sql', async () => {
    expect(await runCli(['compile', KEYWORDS])).toEqual({ code: 0, stdout: '{"field":"volume","is":["gt",1000]}\n', stderr: '' });
    expect((await runCli(['check', KEYWORDS])).code).toBe(0);
    // all-backlinks' DR is no column of keywords-explorer/overview.
    const wrong = await runCli(['check', `${KEYWORDS} and DR > 5`]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('<query>:2:19: error unknown-column:');
    expect((await runCli(['explain', KEYWORDS, '{"volume": 2000}'])).stdout).toContain('true');
    expect((await runCli(['sql', '--dialect', 'duckdb', KEYWORDS])).code).toBe(0);
    expect((await runCli(['compile', '-'], `${KEYWORDS}\n`)).stdout).toBe('{"field":"volume","is":["gt",1000]}\n');
  });

  it('chooses the catalogue of filter --where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aw-directive-'));
    const rows = join(dir, 'rows.jsonl');
    writeFileSync(rows, '{"volume": 5000}\n{"volume": 10}\n');
    const r = await runCli(['filter', '--count', '--where', KEYWORDS, rows]);
    expect(r).toMatchObject({ code: 0, stdout: '1\n' });
  });

  it('reports an unknown endpoint at its name with did-you-mean, exit 1', async () => {
    const r = await runCli(['compile', '# endpoint: keywords-explorer/overveiw\nvolume > 1000']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('<query>:1:13: error unknown-catalogue: No built-in catalogue is named "keywords-explorer/overveiw"; did you mean "keywords-explorer/overview"?');
    expect(r.stderr).toContain('help: Use "keywords-explorer/overview"');
  });

  it('lets an explicit --catalogue win, with a note when the directive names another endpoint', async () => {
    const r = await runCli(['check', '--catalogue', 'site-explorer/all-backlinks', `${KEYWORDS.replace('volume > 1000', 'DR > 5')}`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('ahrefs-where: note: --catalogue site-explorer/all-backlinks overrides the endpoint directive of <query> ("keywords-explorer/overview").\n');
    // No note when they agree, and a misspelt directive is no error under an explicit --catalogue.
    expect(await runCli(['compile', '-c', 'keywords-explorer/overview', KEYWORDS])).toMatchObject({ code: 0, stderr: '' });
    expect((await runCli(['compile', '-c', 'keywords-explorer/overview', KEYWORDS.replace('overview', 'overveiw')])).code).toBe(0);
  });

  it('is kept by fmt, which checks nothing against a catalogue', async () => {
    expect(await runCli(['fmt', '# endpoint: keywords-explorer/overveiw\nvolume>1000   and KD<3'])).toEqual({
      code: 0,
      stdout: '# endpoint: keywords-explorer/overveiw\nvolume > 1000 and KD < 3\n',
      stderr: '',
    });
  });
});
