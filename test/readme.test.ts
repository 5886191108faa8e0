import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, HELP } from '../src/cli/help.js';
import { compile, decompile, format } from '../src/index.js';
import { runCli } from './support/cli.js';

// The README's examples are the product's shop window: keep them true.
const readme = readFileSync('README.md', 'utf8');
const examples = [...readme.matchAll(/```text\n([^`]+?)\n\s*```\n\s*```json\n([^`]+?)\n\s*```/g)].map((m) => ({
  query: m[1]!.split('\n').map((l) => l.trim()).join(' '),
  json: m[2]!.trim(),
}));

describe('README', () => {
  it('shows at least five examples with their JSON', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples)('$query compiles to the JSON shown', ({ query, json }) => {
    const r = compile(query);
    expect(r.diagnostics).toEqual([]);
    expect(r.json).toBe(json);
    // And the JSON reads back to a query that compiles to the same bytes.
    expect(compile(decompile(json).text!).json).toBe(json);
  });

  it('quick start output is what compile gives', () => {
    expect(readme).toContain(compile('domain_rating_source >= 50 and is_dofollow').json!);
  });

  it('shows format and decompile results that hold', () => {
    expect(format('NOT is_spam AND DR>=50')).toBe('not is_spam and DR >= 50');
    expect(decompile('{"or":[{"field":"link_type","is":["eq","text"]},{"field":"link_type","is":["eq","image"]}]}').text).toBe('link_type in (text, image)');
  });
});

/**
 * Every CLI example of the README and of `--help` runs as written from a
 * clone (issue 12 §1): `npx ahrefs-where ARGS` is the CLI on ARGS. The words
 * are split by bash itself (so the quoting is the shell's), and the CLI runs
 * in-process; a trailing `> FILE` is dropped (the output is checked in memory). A
 * README `console` block's output is what the CLI prints (stdout, then stderr).
 */
const PROGRAM = 'npx ahrefs-where ';

/** The shell words of `text`, as bash splits them (no expansion beyond quoting: the examples use none). */
function shellWords(text: string): string[] {
  const out = execFileSync('bash', ['-c', `printf '%s\\0' ${text}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

interface CliExample {
  readonly line: string;
  readonly argv: string[];
  /** The output shown under it in the README (console blocks), if any. */
  readonly shown?: string;
}

function example(line: string, shown?: string): CliExample {
  const command = line.slice(PROGRAM.length).replace(/\s+>\s*[\w./-]+$/, '');
  return { line, argv: shellWords(command), ...(shown !== undefined ? { shown } : {}) };
}

function readmeExamples(): CliExample[] {
  const found: CliExample[] = [];
  for (const [, lang, body] of readme.matchAll(/```(sh|console)\n([\s\S]*?)```/g)) {
    const lines = body!.replace(/\n$/, '').split('\n');
    if (lang === 'console') {
      const at = lines.findIndex((l) => l.startsWith(`$ ${PROGRAM}`));
      if (at >= 0) found.push(example(lines[at]!.slice(2), lines.slice(at + 1).join('\n')));
    } else for (const l of lines) if (l.startsWith(PROGRAM)) found.push(example(l));
  }
  return found;
}

const helpExamples = HELP.slice(HELP.indexOf('\nExamples')).split('\n').filter((l) => l.startsWith(`  ${PROGRAM}`)).map((l) => example(l.trim()));

/** Examples that show a mistake being caught: exit 1 is what they demonstrate. */
const SHOWS_AN_ERROR = (e: CliExample) => e.argv[0] === 'check' && /ratng/.test(e.argv.at(-1)!);

describe('CLI examples run as written from a clone', () => {
  it('the README and --help have them, every command with one (but lsp, which waits for a client)', () => {
    expect(readmeExamples().length).toBeGreaterThanOrEqual(6);
    const commands = new Set(helpExamples.map((e) => e.argv[0]));
    expect([...COMMAND_NAMES].filter((c) => !commands.has(c))).toEqual(['lsp']);
  });

  it.each([...readmeExamples(), ...helpExamples].map((e) => [e.line, e]))('%s', async (_line, e) => {
    const r = await runCli(e.argv);
    expect(r.code, r.stderr).toBe(SHOWS_AN_ERROR(e) ? 1 : 0);
    if (e.shown !== undefined) expect(`${r.stdout}${r.stderr}`.trimEnd()).toBe(e.shown);
  });

  it('the quick start runs the sources without npm echoing the query', () => {
    expect(readme).toContain("npm start --silent -- 'domain_rating_source >= 50 and is_dofollow'");
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };
    expect(pkg.scripts.start).toBe('tsx src/cli/bin.ts compile');
    // `npx ahrefs-where` in a clone runs the package's own bin, which the build writes.
    expect(pkg.bin['ahrefs-where']).toBe('./dist/cli.js');
  });
});
