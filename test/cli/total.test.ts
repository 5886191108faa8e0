/**
 * Any input to any command: the CLI answers with a documented exit code
 * (0, 1 or 2), never rejects (which would be an internal error), writes
 * nothing a terminal acts on to stderr, and its `--json` output parses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS } from '../../src/arbitraries/index.js';
import { runs } from '../laws/runs.js';
import { runCli } from '../support/cli.js';

const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

const pieces = fc.constantFrom('anchor', 'DR', ' = ', ' > ', '"', '`', '(', ')', ' and ', ' or ', 'not ', '5', '/a+/', '{', '}', '[', ']', ':', ',',
  '"field"', '"is"', '["eq",1]', '\u001b[31m', '\u0007', '\u009b', '\u202e', '\u2066', '\n', '\r', '\t', '\u0000', '\ud800', ...HOSTILE_STRINGS);
const input = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(pieces, { maxLength: 12 }).map((a) => a.join('')));

async function expectClean(args: string[], stdin = ''): Promise<void> {
  const r = await runCli(args, stdin);
  expect([0, 1, 2]).toContain(r.code);
  expect(r.stderr).not.toMatch(UNSAFE);
  if (args.includes('--json') && r.code !== 2) {
    expect(r.stdout).not.toMatch(JSON_UNSAFE);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  }
}

describe('the CLI on any input', () => {
  for (const command of ['compile', 'check', 'fmt', 'decompile']) {
    it(`${command}, text and --json`, async () => {
      await fc.assert(fc.asyncProperty(input, async (text) => {
        await expectClean([command, text]);
        await expectClean([command, '--json', text]);
      }), runs(80));
    }, 120_000);
  }

  it('sql, in every dialect, text and --json', async () => {
    await fc.assert(fc.asyncProperty(input, fc.constantFrom('duckdb', 'postgres', 'clickhouse', 'nope'), async (text, dialect) => {
      await expectClean(['sql', '--dialect', dialect, text]);
      await expectClean(['sql', '--json', '--dialect', dialect, text]);
    }), runs(60));
  }, 120_000);

  it('explain, with any query and any row text', async () => {
    await fc.assert(fc.asyncProperty(input, input, async (query, row) => {
      await expectClean(['explain', query, row]);
      await expectClean(['explain', '--json', query, row]);
    }), runs(80));
  }, 120_000);

  it('explain on a row nested 50,000 levels: text and --json', async () => {
    const row = `{"anchor": ${'['.repeat(50_000)}1${']'.repeat(50_000)}}`;
    for (const args of [['explain', 'anchor = "x"', row], ['explain', '--json', 'anchor = "x"', row], ['explain', '--json', 'any(languages) = "en"', `{"languages": [${row}]}`]]) {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      if (args.includes('--json')) {
        const node = JSON.parse(r.stdout).explanation.root;
        expect(node.readTooDeep).toBe(true);
        expect(node.readText).toMatch(/^[[{].*…$/);
        expect(node.readText.length).toBeLessThanOrEqual(60);
      }
    }
  });

  it('filter, with any line', async () => {
    await fc.assert(fc.asyncProperty(input, fc.array(input, { maxLength: 4 }), async (where, lines) => {
      await expectClean(['filter', '--where', where], lines.join('\n'));
    }), runs(60));
  }, 120_000);

  it('command names and options', async () => {
    await fc.assert(fc.asyncProperty(input, input, async (a, b) => {
      await expectClean([a, b]);
      await expectClean(['compile', `--${a}`, b]);
      await expectClean(['compile', '--catalogue', a, b]);
    }), runs(60));
  }, 120_000);
});
