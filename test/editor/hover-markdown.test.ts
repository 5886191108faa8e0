/**
 * Hover (and completion documentation) is Markdown built from catalogue
 * data. A name holding backticks must not close its code span; a description
 * must not bring links, images or HTML. Code spans are read back with
 * CommonMark's own rule (a run of n backticks closes at the next run of
 * exactly n), written out here independently of the escaper.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineCatalogue } from '../../src/catalogue/define.js';
import { complete, hover } from '../../src/editor/index.js';
import { code, codeBlock, markdownToText, plain } from '../../src/editor/markdown.js';

/** CommonMark inline reading, reduced to what matters here: code spans, and the structural characters left unescaped outside them. */
function inline(markdown: string): { spans: string[]; bare: string } {
  const spans: string[] = [];
  let bare = '';
  let i = 0;
  while (i < markdown.length) {
    const c = markdown[i]!;
    if (c === '\\' && /[!-/:-@[-`{-~]/.test(markdown[i + 1] ?? '')) {
      bare += '\u0001'; // an escaped character is literal text: kept as a placeholder, so that neighbours stay apart
      i += 2;
      continue;
    }
    if (c === '`') {
      let n = 0;
      while (markdown[i + n] === '`') n++;
      let j = i + n;
      let close = -1;
      while (j < markdown.length) {
        if (markdown[j] !== '`') {
          j++;
          continue;
        }
        let m = 0;
        while (markdown[j + m] === '`') m++;
        if (m === n) {
          close = j;
          break;
        }
        j += m;
      }
      if (close < 0) {
        bare += '`'.repeat(n);
        i += n;
        continue;
      }
      let body = markdown.slice(i + n, close);
      if (body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '') body = body.slice(1, -1);
      spans.push(body);
      i = close + n;
      continue;
    }
    bare += c;
    i++;
  }
  return { spans, bare };
}

/** Characters that start a link, an image, HTML, an entity or emphasis (our own `**` bold aside). */
const STRUCTURE = /[[\]<>!&`~|]|(?<!\*)\*(?!\*)/;

const HOSTILE = [
  'a`b', '``x``', '`', 'x`', '[click](javascript:alert(1))', '![img](http://t.example/p.png)', '<img src=x onerror=alert(1)>',
  '*em*', '_em_', '# heading', '- item', '1. item', '&amp; &lt;', '| a | b |', '~~s~~', 'back\\slash', '<http://x.example>',
];

describe('Markdown escaping', () => {
  it('a code span shows its content exactly, however many backticks it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('`', 'a', ' ', '*', '<', '\\', '[') }).filter((s) => s.trim() !== ''), (s) => {
        const read = inline(code(s));
        expect(read.spans).toEqual([s]);
        expect(read.bare).toBe('');
        expect(markdownToText(code(s))).toBe(s);
      }),
      { seed: 20, numRuns: 500 },
    );
  });

  it('plain text leaves no structural character unescaped, and reads back as itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: fc.constantFrom('`', '[', ']', '(', ')', '!', '<', '>', '*', '_', '&', '#', '-', 'a', ' ', '\\', '1', '.') })), (s) => {
        const read = inline(plain(s));
        expect(read.spans).toEqual([]);
        expect(read.bare).not.toMatch(/[[\]<>!&`*~|#]/);
        expect(read.bare).not.toMatch(/^\s*[-+]\s|^\s*\d+[.)]/); // no list item either
        expect(markdownToText(plain(s))).toBe(s);
      }),
      { seed: 21, numRuns: 500 },
    );
    expect(plain('link_type')).toBe('link_type'); // an underscore inside a word cannot open emphasis: left alone
    expect(plain('_x_')).toBe('\\_x\\_');
  });

  it('a code block is not closed by backticks in its content', () => {
    const json = '{"field":"anchor","is":["eq","```\\n# x"]}';
    const block = codeBlock(json, 'json');
    const fence = block.slice(0, block.indexOf('json'));
    expect(fence.length).toBeGreaterThan(3);
    expect(block.split('\n').filter((line) => line.startsWith(fence))).toHaveLength(2);
    expect(markdownToText(block)).toBe(json);
  });
});

describe('hover and completion documentation on a hostile catalogue', () => {
  const description = 'See [here](javascript:alert(1)) ![p](http://t.example/p.png) <script>x</script> *now* &amp;';
  const catalogue = defineCatalogue({
    name: 't/[evil](http://x.example)',
    columns: {
      anchor: { type: 'string', nullable: false, description },
      kind: { type: 'string', nullable: false, enum: ['a`b', '[x](y)', 'plain'], description: '`unclosed' },
    },
  });

  it('shows names, values and descriptions as text', () => {
    for (const [text, offset] of [['anchor = "x"', 1], ['kind = plain', 1], ['kind = plain', 8], ['nope = 1', 1]] as const) {
      const h = hover(text, offset, { catalogue });
      expect(h, text).toBeDefined();
      expect(inline(h!.contents).bare, h!.contents).not.toMatch(STRUCTURE);
    }
    expect(markdownToText(hover('anchor = "x"', 1, { catalogue })!.contents)).toContain(description);
    const values = inline(hover('kind = plain', 8, { catalogue })!.contents);
    expect(values.spans).toEqual(['a`b', '[x](y)', 'plain']); // one span per value: the backtick closed none early
    expect(markdownToText(hover('nope = 1', 1, { catalogue })!.contents)).toContain('t/[evil](http://x.example)');
    for (const item of complete('', 0, { catalogue }).filter((i) => i.kind === 'column')) {
      expect(inline(item.documentation).bare, item.label).not.toMatch(STRUCTURE);
    }
  });

  it('shows a backtick-quoted column name in one code span', () => {
    const h = hover('`a\\`b` = 1', 1, { catalogue })!;
    expect(inline(h.contents).spans[0]).toBe('a`b');
    expect(inline(h.contents).bare).not.toMatch(STRUCTURE);
  });
});
