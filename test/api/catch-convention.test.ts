/**
 * No `catch` in src/ discards an exception (issue 8, item 6): each one either
 * binds the error and uses it (rethrows it, or turns it into a diagnostic or
 * a message carrying it), or says on its own line, in a comment starting
 * `// expected:`, why the exception is the expected outcome of the call.
 * The check reads the source text, so a new silent `catch {}` fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Source with comments and the text of string literals blanked (same length,
 * so offsets and lines still match); the `${…}` expressions of template
 * literals are kept, since a catch often uses its error inside one. A small
 * scanner: code, comments, quotes and templates nested in expressions.
 */
function code(text: string): string {
  const out = text.split('');
  const blank = (i: number) => { if (out[i] !== '\n') out[i] = ' '; };
  // Each entry is the brace depth of an open `${` expression; the string is in template text when the top is -1.
  const templates: number[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const inTemplateText = templates.length > 0 && templates[templates.length - 1] === -1;
    if (inTemplateText) {
      if (c === '\\') { blank(i); blank(i + 1); i += 2; continue; }
      if (c === '`') { templates.pop(); i++; continue; }
      if (c === '$' && text[i + 1] === '{') { templates[templates.length - 1] = 0; i += 2; continue; }
      blank(i); i++; continue;
    }
    if (c === '/' && text[i + 1] === '/') { while (i < text.length && text[i] !== '\n') blank(i++); continue; }
    if (c === '/' && text[i + 1] === '*') { const end = text.indexOf('*/', i + 2); const stop = end < 0 ? text.length : end + 2; while (i < stop) blank(i++); continue; }
    if (c === "'" || c === '"') {
      i++;
      while (i < text.length && text[i] !== c && text[i] !== '\n') { if (text[i] === '\\') blank(i++); blank(i++); }
      i++; continue;
    }
    if (c === '`') { templates.push(-1); i++; continue; }
    if (templates.length > 0) {
      if (c === '{') templates[templates.length - 1]!++;
      else if (c === '}') {
        if (templates[templates.length - 1] === 0) { templates[templates.length - 1] = -1; i++; continue; }
        templates[templates.length - 1]!--;
      }
    }
    i++;
  }
  return out.join('');
}

/** The text of the block that opens at `open` (an index of `{`), braces balanced. */
function block(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

export interface CatchSite { readonly file: string; readonly line: number; readonly problem: string }

/** Every `catch` of a file that breaks the convention. */
export function violations(file: string, text: string): CatchSite[] {
  const plain = code(text);
  const lines = text.split('\n');
  const out: CatchSite[] = [];
  const lineOf = (index: number) => plain.slice(0, index).split('\n').length;
  const expected = (line: number) => /\/\/\s*expected:\s*\S/.test(lines[line - 1] ?? '');
  // try { … } catch (e) { … } and catch { … }
  for (const m of plain.matchAll(/\bcatch\s*(?:\(\s*([A-Za-z_$][\w$]*)\s*(?::[^)]*)?\))?\s*\{/g)) {
    const line = lineOf(m.index!);
    if (expected(line)) continue;
    const name = m[1];
    if (!name) {
      out.push({ file, line, problem: 'catch without a binding and without an `// expected:` comment' });
      continue;
    }
    const body = block(plain, m.index! + m[0].length - 1);
    if (!new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(body)) {
      out.push({ file, line, problem: `catch binds "${name}" but never uses it` });
    }
  }
  // promise.catch(() => …) and .catch(function () { … })
  for (const m of plain.matchAll(/\.catch\(\s*(?:async\s*)?(?:\(\s*([A-Za-z_$][\w$]*)?[^)]*\)|([A-Za-z_$][\w$]*))\s*=>|\.catch\(\s*function\s*\(\s*([A-Za-z_$][\w$]*)?/g)) {
    const line = lineOf(m.index!);
    if (expected(line)) continue;
    const name = m[1] ?? m[2] ?? m[3];
    const rest = plain.slice(m.index! + m[0].length, m.index! + m[0].length + 400);
    if (!name || !new RegExp(`(?<![\\w$.])${name}(?![\\w$])`).test(rest)) {
      out.push({ file, line, problem: '.catch handler that ignores the error, without an `// expected:` comment' });
    }
  }
  return out;
}

describe('catch convention', () => {
  it('flags silent catches and accepts the two allowed forms', () => {
    const sample = [
      'try { a(); } catch { b(); }',
      'try { a(); } catch (error) { b(); }',
      'try { a(); } catch (error) { throw error; }',
      'try { a(); } catch { // expected: JSON.parse of user text',
      '  b(); }',
      "try { a(); } catch (e) { log('e'); }",
      'p.catch(() => undefined);',
      'p.catch((err) => report(err));',
      'p.catch(() => undefined); // expected: the socket may be closed already',
      'try { a(); } catch (error) { out.push(`failed: ${String(error)}`); }',
      'try { a(); } catch (error) { out.push(`error: ${1}`); } // the word in template text is not a use',
      "try { a(); } catch (error) { f('{'); g(error); }",
    ].join('\n');
    expect(violations('x.ts', sample).map((v) => v.line).sort((a, b) => a - b)).toEqual([1, 2, 6, 7, 11]);
  });

  it('holds in every file under src/', () => {
    const found = files(SRC).flatMap((path) => violations(relative(SRC, path), readFileSync(path, 'utf8')));
    expect(found.map((v) => `${v.file}:${v.line}: ${v.problem}`)).toEqual([]);
  });
});
