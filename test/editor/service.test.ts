import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api/compile.js';
import { defineCatalogue } from '../../src/catalogue/define.js';
import { classify, complete, diagnose, formatDocument, hover } from '../../src/editor/index.js';
import { scan } from '../../src/editor/tokens.js';
import { getLexer } from '../../src/syntax/index.js';
import { VALID_QUERIES } from './corpus.js';

describe('diagnose', () => {
  it('reports type errors with offsets and did-you-mean quick fixes', () => {
    const [d] = diagnose('domain_ratng_source > 5');
    expect(d).toMatchObject({ code: 'unknown-column', severity: 'error', start: 0, end: 19 });
    expect(d!.fixes[0]).toEqual({ title: 'Replace with "domain_rating_source"', start: 0, end: 19, newText: 'domain_rating_source' });
    const [e] = diagnose('link_type = txt');
    expect(e).toMatchObject({ code: 'unknown-enum-value', start: 12, end: 15 });
    expect(e!.fixes.map((f) => f.newText)).toContain('text');
  });

  it('reports syntax errors on broken input, and keeps checking the rest', () => {
    const ds = diagnose('DR >= and link_type = txt');
    expect(ds.map((d) => d.code)).toContain('unexpected-token');
    expect(diagnose('anchor contains "seo" and (').at(-1)).toMatchObject({ code: 'unexpected-end', start: 27, end: 27 });
    expect(diagnose('anchor = "open').map((d) => d.code)).toContain('unterminated-string');
  });

  it('says nothing about a blank document, and nothing about valid filters', () => {
    expect(diagnose('')).toEqual([]);
    expect(diagnose('  # just a note\n')).toEqual([]);
    for (const q of VALID_QUERIES) expect(diagnose(q), q).toEqual([]);
  });

  it('agrees with check() and uses the given catalogue', () => {
    const text = 'DR > "x" and nope = 1';
    expect(diagnose(text).map((d) => d.code)).toEqual(check(text).map((d) => d.code));
    const catalogue = defineCatalogue({ name: 't/price', columns: { price: { type: 'float', nullable: false } } });
    expect(diagnose('price > 5', { catalogue })).toEqual([]);
    expect(diagnose('price > 5')[0]!.code).toBe('unknown-column');
  });

  it('quick fixes produce a filter without that diagnostic', () => {
    for (const text of ['domain_ratng_source > 5', 'link_type = imgae', 'is_dofolow and DR > 5']) {
      const d = diagnose(text)[0]!;
      const fix = d.fixes[0]!;
      const fixed = text.slice(0, fix.start) + fix.newText + text.slice(fix.end);
      expect(diagnose(fixed), fixed).toEqual([]);
    }
  });
});

describe('hover', () => {
  const q = 'DR >= 50 and link_type not in (text, image) and alt is not null and uppercase(anchor) starts with "X"';
  const at = (word: string, nth = 0) => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = q.indexOf(word, i + 1);
    return i + 1;
  };

  it('shows a column with type, nullability, enum values, description and cost', () => {
    const h = hover(q, at('link_type'))!;
    expect(h.range).toEqual({ start: q.indexOf('link_type'), end: q.indexOf('link_type') + 9 });
    expect(h.contents).toContain('string enum');
    expect(h.contents).toContain('Nullable: no');
    expect(h.contents).toContain('`image`');
    expect(h.contents).toContain('Cost: 1 unit per row');
    expect(hover(q, 0)!.contents).toContain('alias of `domain_rating_source`');
    expect(hover('traffic > 5', 2)!.contents).toContain('10 units');
    expect(hover('alt is null', 1)!.contents).toContain('Nullable: yes');
  });

  it('shows an operator with its JSON form, and the JSON of the condition under the cursor', () => {
    const gte = hover(q, at('>='))!;
    expect(gte.contents).toContain('["gte", v]');
    expect(gte.contents).toContain('{"field":"domain_rating_source","is":["gte",50]}');
    const notIn = hover(q, at('not in'))!;
    expect(q.slice(notIn.range.start, notIn.range.end)).toBe('not in');
    expect(notIn.contents).toContain('{"not":{"or":[{"field":"link_type","is":["eq","text"]}');
    const isNotNull = hover(q, at('null'))!;
    expect(q.slice(isNotNull.range.start, isNotNull.range.end)).toBe('is not null');
    expect(isNotNull.contents).toContain('{"not":{"field":"alt","is":"is_null"}}');
    const starts = hover(q, at('with'))!;
    expect(q.slice(starts.range.start, starts.range.end)).toBe('starts with');
    expect(starts.contents).toContain('{"field":"anchor","modifier":"uppercase","is":["prefix","X"]}');
  });

  it('says a condition on an unknown column (or modifier) does not compile, instead of showing JSON for the unknown name', () => {
    const cases: [string, string, string][] = [
      ['domain_ratng_source > 5', '>', '`domain_ratng_source` is not a column of site-explorer/all-backlinks. Did you mean `domain_rating_source`'],
      ['DR > 5 and uppercase(anchr) starts with "X"', 'with', '`anchr` is not a column'],
      ['nope is not null', 'not', '`nope` is not a column'],
      ['any(langs) = "en"', '=', '`langs` is not a column'],
      ['lowercase(anchor) = "x"', '=', '`lowercase` is not a modifier of site-explorer/all-backlinks'],
    ];
    for (const [text, word, says] of cases) {
      const h = hover(text, text.indexOf(word) + 1)!;
      expect(h.contents, text).toContain(`This condition does not compile: ${says}`);
      expect(h.contents, text).not.toContain('compiles to');
      expect(h.contents, text).not.toContain('```json');
    }
    // Another catalogue: its own columns compile, all-backlinks' do not.
    expect(hover('volume > 5', 7, { catalogue: 'keywords-explorer/overview' })!.contents).toContain('{"field":"volume","is":["gt",5]}');
    expect(hover('DR > 5', 3, { catalogue: 'keywords-explorer/overview' })!.contents).toContain('`DR` is not a column of keywords-explorer/overview');
  });

  it('explains connectives, modifiers, values and unknown names; nothing over punctuation', () => {
    expect(hover(q, at('and'))!.contents).toContain('{"and"');
    expect(hover(q, at('uppercase'))!.contents).toContain('modifier');
    expect(hover(q, at('image'))!.contents).toContain('A value of **link_type**');
    expect(hover('domain_ratng_source > 5', 3)!.contents).toContain('Did you mean');
    expect(hover(q, q.indexOf('('))).toBeUndefined();
    expect(hover('DR >= ', 4)!.contents).toContain('["gte", v]'); // broken input: the general form
    expect(() => hover('\u0000(`', 2)).not.toThrow();
  });
});

describe('classify', () => {
  it('tells columns, values, modifiers and test words apart', () => {
    const text = 'uppercase(anchor) starts with "A" and link_type = text and alt is not null # note';
    const classes = classify(text).map((t) => `${text.slice(t.start, t.end)}:${t.class}`);
    expect(classes).toEqual([
      'uppercase:function', '(:punctuation', 'anchor:column', '):punctuation', 'starts:operator', 'with:operator', '"A":string',
      'and:keyword', 'link_type:column', '=:operator', 'text:string', 'and:keyword', 'alt:column', 'is:operator', 'not:operator', 'null:operator',
      '# note:comment',
    ]);
    expect(classify('DR = 2024-01-01 or x = /a/ or y = true or €').map((t) => t.class)).toEqual([
      'column', 'operator', 'date', 'keyword', 'column', 'operator', 'regex', 'keyword', 'column', 'operator', 'boolean', 'keyword', 'invalid',
    ]);
  });
});

describe('formatDocument', () => {
  it('returns the canonical text as one minimal edit, and leaves broken text alone', () => {
    const r = formatDocument('DR>=50 AND ( is_dofollow )');
    expect(r.text).toBe('DR >= 50 and is_dofollow');
    const [edit] = r.edits;
    const applied = 'DR>=50 AND ( is_dofollow )'.slice(0, edit!.start) + edit!.newText + 'DR>=50 AND ( is_dofollow )'.slice(edit!.end);
    expect(applied).toBe(r.text);
    expect(formatDocument('DR >= 50').edits).toEqual([]);
    expect(formatDocument('DR >= and (').edits).toEqual([]);
  });
});

describe('scanner', () => {
  const lexed = (text: string) => getLexer().tokenize(text).tokens.map((t) => [t.startOffset, t.startOffset + t.image.length]);
  const scanned = (text: string) => scan(text).filter((t) => t.kind !== 'comment' && t.kind !== 'unknown').map((t) => [t.start, t.end]);

  it('cuts valid filters exactly where the compiler lexer does', () => {
    for (const q of VALID_QUERIES) expect(scanned(q), q).toEqual(lexed(q));
  });

  it('agrees with the compiler lexer on random token soup', () => {
    const piece = fc.constantFrom(
      'DR', 'and', 'AND', 'android', 'is_spam', 'x.y', '`a b`', '`open', '"s"', "'t'", '"open', '/re\\/x/', '/open', '2024-01-01', '2024-01-01T10:00:00Z',
      '12', '-3.5', '.5', '1e3', '>=', '<', '!=', '=', '(', ')', ',', '# c\n', ' ', '\n', '\t', 'in', 'inx', 'between', 'null',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(scanned(text)).toEqual(lexed(text));
      }),
      { seed: 4, numRuns: 500 },
    );
  });

  it('never throws and covers arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.nat(70), (text, offset) => {
        const tokens = scan(text);
        for (const t of tokens) expect(t.end).toBeGreaterThan(t.start);
        complete(text, offset);
        hover(text, offset);
        classify(text);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
