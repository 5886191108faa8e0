import { describe, expect, it } from 'vitest';
import { defineCatalogue } from '../../src/catalogue/define.js';
import { complete } from '../../src/editor/complete.js';
import type { CompletionItem } from '../../src/editor/types.js';
import { scan } from '../../src/editor/tokens.js';
import { parse } from '../../src/syntax/parse.js';
import { VALID_QUERIES } from './corpus.js';

const labels = (text: string, offset = text.length) => complete(text, offset).map((i) => i.label);
const apply = (text: string, item: CompletionItem) => text.slice(0, item.replace.start) + item.insertText + text.slice(item.replace.end);

describe('complete: what is offered where', () => {
  it('offers columns (with aliases), not, any, all and modifiers at the start', () => {
    const items = complete('', 0);
    const names = items.map((i) => i.label);
    expect(names).toContain('domain_rating_source');
    expect(names).toContain('DR');
    expect(names).toEqual(expect.arrayContaining(['not', 'any', 'all', 'uppercase']));
    expect(names).not.toContain('and');
    const dr = items.find((i) => i.label === 'domain_rating_source')!;
    expect(dr.kind).toBe('column');
    expect(dr.detail).toBe('float · 1 unit');
    expect(dr.documentation).toContain('Domain Rating');
    expect(items.find((i) => i.label === 'traffic')!.detail).toContain('10 units');
    expect(items.find((i) => i.label === 'any')!.insertText).toBe('any(');
  });

  it('offers only the tests valid for the column type', () => {
    expect(labels('DR ')).toEqual(['=', '!=', '>', '>=', '<', '<=', 'in', 'not in', 'between', 'not between', 'not']);
    expect(labels('link_type ')).toEqual(['=', '!=', 'in', 'not in', 'not']);
    expect(labels('link_type not ')).toEqual(['in']);
    expect(labels('is_dofollow ')).toEqual(['=', '!=', 'and', 'or']);
    const anchor = labels('anchor ');
    expect(anchor).toEqual(expect.arrayContaining(['contains', 'icontains phrase', 'starts with', 'matches', 'is empty']));
    expect(labels('is_dofollow ')).not.toContain('in'); // legal, never useful
    expect(anchor).not.toContain('is null'); // anchor is never null
    expect(labels('alt ')).toContain('is not null');
    expect(labels('first_seen ')).toEqual(expect.arrayContaining(['>=', 'between']));
    expect(labels('languages ')).toEqual(['is empty', 'is not empty']); // arrays: only through any/all
  });

  it('offers the element tests after any(col) and inside all(col) (…)', () => {
    expect(labels('any(languages) ')).toEqual(expect.arrayContaining(['=', 'contains', 'not']));
    expect(labels('all(languages) (= "en" ')).toEqual(['and', 'or']);
    expect(labels('all(languages) (= "en" or ')).toContain('contains');
    expect(labels('any(languages) not ')).toEqual(expect.arrayContaining(['in', 'contains', 'starts with']));
    expect(labels('any(languages) not ')).not.toContain('=');
  });

  it('offers only array columns in any(…) and string columns in uppercase(…)', () => {
    expect(labels('any(')).toEqual(expect.arrayContaining(['languages']));
    expect(labels('any(')).not.toContain('DR');
    expect(labels('uppercase(')).toContain('anchor');
    expect(labels('uppercase(')).not.toContain('domain_rating_source');
    expect(labels('uppercase(anchor) ')).toContain('contains');
  });

  it('offers enum values, quoted when needed, and true/false for booleans', () => {
    const values = complete('link_type = ', 12);
    expect(values.map((v) => v.label)).toEqual(expect.arrayContaining(['text', 'image', 'redirect']));
    expect(values.every((v) => v.kind === 'value')).toBe(true);
    expect(values.find((v) => v.label === 'text')!.insertText).toBe('text');
    expect(labels('is_spam = ')).toEqual(['true', 'false']);
    expect(labels('link_type in (text, ')).toContain('image');
    expect(labels('DR = ')).toEqual([]); // free numbers: nothing to propose
    // Inside a string being typed the value keeps its quotes and replaces the whole string.
    const inString = complete('link_type = "te', 15);
    expect(inString.map((i) => i.insertText)).toContain('"text"');
    expect(inString[0]!.replace).toEqual({ start: 12, end: 15 });
  });

  it('quotes enum values and column names that would not read back as themselves', () => {
    const catalogue = defineCatalogue({
      name: 'test/quoting',
      columns: {
        status: { type: 'string', nullable: false, enum: ['in', 'two words', 'a"b', 'ok'] },
        phrase: { type: 'string', nullable: false },
      },
    });
    const values = complete('status = ', 9, { catalogue }).map((i) => i.insertText);
    expect(values).toEqual(['"in"', '"two words"', '"a\\"b"', 'ok']);
    expect(complete('', 0, { catalogue }).find((i) => i.label === 'phrase')!.insertText).toBe('`phrase`');
  });

  it('completes multi-word tests and keywords after is / starts / between', () => {
    expect(labels('anchor starts w')).toEqual(['with']);
    expect(labels('alt is ')).toEqual(['null', 'not null', 'empty', 'not empty']);
    expect(labels('alt is not ')).toEqual(['null', 'empty']);
    expect(labels('DR between 1 ')).toEqual(['and']);
    expect(labels('anchor contains ')).toEqual(['phrase']);
    expect(labels('DR > 5 ')).toEqual(['and', 'or']);
    expect(labels('(DR > 5 ')).toEqual(['and', 'or']);
    expect(labels('DR > 5 an')).toEqual(['and']);
  });

  it('replaces the whole word under the cursor and spaces inserts that would glue', () => {
    const items = complete('domain_ra and', 5);
    const dr = items.find((i) => i.label === 'domain_rating_source')!;
    expect(dr.replace).toEqual({ start: 0, end: 9 });
    expect(apply('DR >= 5and', complete('DR >= 5and', 10).find((i) => i.label === 'and')!)).toBe('DR >= 5 and');
  });

  it('works on broken input and after errors', () => {
    expect(labels('DR >= and ')).toContain('anchor');
    expect(labels('DR >> 5 and link_type = ')).toContain('text');
    expect(labels('(((')).toContain('anchor');
    expect(labels('anchor = "unterminated and ')).toEqual([]); // a string runs to the end of its line
    expect(labels('anchor = "unterminated\nand ')).toContain('anchor');
    expect(labels('DR > 5 # a comment', 18)).toEqual([]);
    expect(labels('DR > 5 # a comment\nand ')).toContain('anchor');
    expect(() => complete('\u0000\uD800 ` / "', 3)).not.toThrow();
    expect(complete('DR', 99).length).toBeGreaterThan(0); // offsets are clamped
  });
});

describe('complete: properties over valid filters', () => {
  // Cut each valid query before every token: what comes next must be offered (unless it is a free literal),
  // and every item offered at that point must keep the prefix parseable up to the item.
  const cuts = VALID_QUERIES.flatMap((q) => scan(q).map((t) => ({ q, t })));

  it('offers the token that actually comes next in a valid filter', () => {
    const missing: string[] = [];
    for (const { q, t } of cuts) {
      if (['number', 'date', 'datetime', 'regex', 'comment', 'lparen', 'rparen', 'comma'].includes(t.kind)) continue;
      if (t.kind === 'string' && !/^link_type|^drop_reason/.test(q.slice(0, t.start).split(/and|or/).pop()!.trim())) continue;
      const items = complete(q, t.start);
      const rest = q.slice(t.start);
      const ok = items.some((i) => {
        const ins = i.insertText.trim();
        return rest.toLowerCase().startsWith(ins.toLowerCase()) || (i.kind === 'value' && rest.startsWith(`"${i.label}"`));
      });
      if (!ok) missing.push(`${q.slice(0, t.start)}|${rest.slice(0, 12)}`);
    }
    expect(missing).toEqual([]);
  });

  it('never offers an item that makes the parser fail at the item', () => {
    const bad: string[] = [];
    for (const { q, t } of cuts) {
      const prefix = q.slice(0, t.start);
      for (const item of complete(prefix, prefix.length)) {
        const next = apply(prefix, item);
        const at = item.replace.start;
        const errors = parse(next).diagnostics.filter((d) => d.code === 'unexpected-token' && d.range!.start.offset >= at && d.range!.start.offset < at + item.insertText.length);
        if (errors.length > 0) bad.push(`${next}  ←  ${errors[0]!.message}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('inserts text that scans as exactly the tokens of the item', () => {
    for (const { q, t } of cuts.filter((_, i) => i % 3 === 0)) {
      for (const item of complete(q, t.start)) {
        const next = apply(q, item);
        const inserted = scan(item.insertText).map((x) => x.text);
        const around = scan(next).filter((x) => x.start >= item.replace.start && x.end <= item.replace.start + item.insertText.length).map((x) => x.text);
        expect(around).toEqual(inserted);
      }
    }
  });
});
