/**
 * Quick fixes must give text that parses: a did-you-mean value spelled like a
 * keyword (`IN`, `IS` on the country columns) or not a plain word is quoted,
 * a column name that needs it gets backticks. Checked on generated broken
 * filters over built-in catalogues and a catalogue made to be awkward.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineCatalogue } from '../../src/catalogue/define.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import type { Catalogue } from '../../src/catalogue/types.js';
import { diagnose } from '../../src/editor/index.js';
import { parse } from '../../src/syntax/parse.js';

const awkward = defineCatalogue({
  name: 't/awkward',
  columns: {
    kind: { type: 'string', nullable: false, enum: ['in', 'IS', 'and', 'a b', 'x"y', 'back\\slash', 'new\nline', 'é', '1st', 'null', 'True', 'plain'] },
    'in': { type: 'integer', nullable: false },
    'and': { type: 'boolean', nullable: false },
    when: { type: 'date', nullable: true },
    count: { type: 'integer', nullable: false },
    flag: { type: 'boolean', nullable: false },
    label: { type: 'string', nullable: true },
  },
});

const CATALOGUES: readonly Catalogue[] = [
  awkward,
  getCatalogue('site-explorer/organic-keywords')!,
  getCatalogue('rank-tracker/overview')!,
  getCatalogue('site-explorer/all-backlinks')!,
];

function applyFix(text: string, fix: { start: number; end: number; newText: string }): string {
  return text.slice(0, fix.start) + fix.newText + text.slice(fix.end);
}

/** Near misses of a word: case changed, a character dropped, doubled or swapped. */
const nearMiss = (word: string) =>
  fc.tuple(fc.nat(), fc.constantFrom('lower', 'upper', 'drop', 'double', 'swap')).map(([i, how]) => {
    if (word.length === 0) return 'x';
    const k = i % word.length;
    switch (how) {
      case 'lower': return word.toLowerCase();
      case 'upper': return word.toUpperCase();
      case 'drop': return word.length > 1 ? word.slice(0, k) + word.slice(k + 1) : `${word}x`;
      case 'double': return word.slice(0, k + 1) + word.slice(k);
      default: return k + 1 < word.length ? word.slice(0, k) + word[k + 1] + word[k] + word.slice(k + 2) : `${word}z`;
    }
  });

const literal = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}"`;
const nameText = (name: string) => (/^[A-Za-z_]\w*$/.test(name) && !['in', 'and', 'or', 'is', 'not'].includes(name) ? name : `\`${name}\``);

/** One broken condition for a catalogue: a misspelt column, a misspelt enum value (bare or quoted), a wrong type of value. */
function brokenCondition(catalogue: Catalogue): fc.Arbitrary<string> {
  const columns = catalogue.columns.filter((c) => !c.array);
  const enums = columns.filter((c) => c.enumValues && c.enumValues.length > 0);
  const column = fc.constantFrom(...columns);
  const options: fc.Arbitrary<string>[] = [
    column.chain((c) => nearMiss(c.name).map((n) => `${/^[A-Za-z_]\w*$/.test(n) ? n : `\`${n.replace(/[`\\]/g, '\\$&')}\``} = 1`)),
    column.map((c) => `${nameText(c.name)} = bareword`),
    column.map((c) => `${nameText(c.name)} = "12"`),
    column.map((c) => `${nameText(c.name)} = 5`),
    column.map((c) => `${nameText(c.name)} = "true"`),
    column.map((c) => `${nameText(c.name)} = null`),
    column.map((c) => `${nameText(c.name)} != null`),
    column.map((c) => `${nameText(c.name)} = 2024-01-01T10:00:00Z`),
    // A bare column stands for `= true`: on a column that is not boolean, that `true` is not in the text to be replaced.
    column.map((c) => nameText(c.name)),
    column.map((c) => `not ${nameText(c.name)}`),
  ];
  if (enums.length > 0) {
    options.push(fc.constantFrom(...enums).chain((c) => fc.constantFrom(...c.enumValues!).chain(nearMiss).map((v) => `${nameText(c.name)} = ${literal(v)}`)));
    options.push(fc.constantFrom(...enums).chain((c) => fc.constantFrom(...c.enumValues!).chain(nearMiss).filter((v) => /^[A-Za-z_]\w*$/.test(v)).map((v) => `${nameText(c.name)} = ${v}`)));
  }
  return fc.oneof(...options);
}

const syntaxErrors = (text: string) => parse(text).diagnostics.filter((d) => d.severity === 'error');

describe('quick fixes', () => {
  it('turns a did-you-mean to a keyword-like country into a quoted value', () => {
    for (const [catalogue, column] of [['site-explorer/organic-keywords', 'keyword_country'], ['rank-tracker/overview', 'country']] as const) {
      for (const [typed, wanted] of [['"in"', '"IN"'], ['ind', '"IN"'], ['"is"', '"IS"'], ['iss', '"IS"']]) {
        const text = `${column} = ${typed}`;
        const fixes = diagnose(text, { catalogue }).flatMap((d) => d.fixes);
        expect(fixes.map((f) => f.newText), text).toContain(wanted);
        for (const fix of fixes) expect(syntaxErrors(applyFix(text, fix)), applyFix(text, fix)).toEqual([]);
        const fixed = applyFix(text, fixes.find((f) => f.newText === wanted)!);
        expect(diagnose(fixed, { catalogue }), fixed).toEqual([]);
      }
    }
  });

  it('quotes values and names of an awkward catalogue so that the fix reads back as meant', () => {
    const cases: [string, string][] = [
      ['kind = "In"', '"in"'],
      ['kind = "a  b"', '"a b"'],
      ['kind = "x\\"yy"', '"x\\"y"'],
      ['kind = "nul"', '"null"'],
      ['kind = plan', 'plain'],
      ['`inn` > 5', '`in`'],
      ['`andd`', '`and`'],
    ];
    for (const [text, wanted] of cases) {
      const fixes = diagnose(text, { catalogue: awkward }).flatMap((d) => d.fixes);
      expect(fixes.map((f) => f.newText), text).toContain(wanted);
      const fixed = applyFix(text, fixes.find((f) => f.newText === wanted)!);
      expect(diagnose(fixed, { catalogue: awkward }).map((d) => d.code), fixed).not.toContain('unexpected-token');
    }
  });

  it('offers no fix that replaces a bare column name with a value (the true it stands for is not written)', () => {
    let reported = 0;
    for (const catalogue of CATALOGUES) {
      for (const column of catalogue.columns.filter((c) => !c.array && c.type !== 'boolean')) {
        for (const text of [nameText(column.name), `not ${nameText(column.name)}`, `(${nameText(column.name)}) or ${nameText(column.name)} is null`]) {
          const ds = diagnose(text, { catalogue }).filter((d) => d.code === 'value-type-mismatch');
          reported += ds.length;
          for (const d of ds) for (const fix of d.fixes) expect(syntaxErrors(applyFix(text, fix)), `${text} → ${applyFix(text, fix)}`).toEqual([]);
        }
      }
    }
    expect(reported).toBeGreaterThan(50); // each bare non-boolean column is a type error, so the loop above had fixes to try
  });

  it('every fix offered on generated broken filters gives text that parses', () => {
    let applied = 0;
    for (const [i, catalogue] of CATALOGUES.entries()) {
      fc.assert(
        fc.property(fc.array(brokenCondition(catalogue), { minLength: 1, maxLength: 3 }), fc.constantFrom(' and ', ' or '), (conditions, joiner) => {
          const text = conditions.join(joiner);
          if (syntaxErrors(text).length > 0) return; // only type errors here: their fixes must not bring a syntax error
          for (const d of diagnose(text, { catalogue })) {
            for (const fix of d.fixes) {
              const fixed = applyFix(text, fix);
              applied++;
              expect(syntaxErrors(fixed), `${text} → ${fixed}`).toEqual([]);
            }
          }
        }),
        { seed: 180 + i, numRuns: 150 },
      );
    }
    expect(applied).toBeGreaterThan(300); // the generator does reach fixes
  });
});
