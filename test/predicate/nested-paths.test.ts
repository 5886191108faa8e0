/**
 * Dotted paths into object columns read the nested value of rows shaped as
 * the API returns them (issue 8, item 7), in every catalogue that has object
 * columns, through every way of evaluating: predicate (generated code and
 * closures), evaluate, explain and the CLI `filter`.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/api/compile.js';
import { evaluate, explain, predicate } from '../../src/api/predicate.js';
import { getCatalogue } from '../../src/catalogue/endpoints.js';
import { catalogueNames } from '../../src/catalogue/named.js';
import type { Catalogue } from '../../src/catalogue/types.js';
import { compilePredicate, readColumn, type Row } from '../../src/emit/predicate.js';
import { generateSource } from '../../src/emit/predicate-codegen.js';
import { runCli } from '../support/cli.js';
import { contextFor } from '../support/predicate-harness.js';
import { referenceEvaluate } from '../support/reference-interpreter.js';

/** Every built-in catalogue with a (non-array) object column, and those columns. */
const OBJECT_COLUMNS: [string, string][] = catalogueNames.flatMap((name) =>
  getCatalogue(name)!.columns.filter((c) => c.type === 'object' && !c.array && c.returned).map((c): [string, string] => [name, c.name]));

/** [filter on the path P, row value of P, expected three-valued result]. */
function cases(p: string): [string, unknown, boolean | null][] {
  return [
    [`${p}`, true, true],
    [`${p}`, false, false],
    [`${p} = true`, true, true],
    [`not (${p} = true)`, true, false],
    [`${p} > 5`, 7, true],
    [`${p} > 5`, 3, false],
    [`${p} between 1 and 3`, 2, true],
    [`${p} in (1, 2)`, 2, true],
    [`${p} in (1, 2)`, 4, false],
    [`${p} = "x"`, 'x', true],
    [`${p} contains "ab"`, 'xaby', true],
    [`${p} starts with "a"`, 'ba', false],
    [`${p} is null`, 1, false],
    [`${p} is not null`, 1, true],
    [`${p} is empty`, '', true],
    [`${p} >= 2024-01-01`, '2024-06-01', true],
  ];
}

/** Each way of evaluating a filter, as a three-valued answer. */
function answers(text: string, row: Row, catalogue: Catalogue): Record<string, boolean | null> {
  const result = compile(text, { catalogue });
  expect(result.ok, `${text}: ${result.diagnostics.map((d) => d.message).join('; ')}`).toBe(true);
  const ctx = { resolve: (ref: Parameters<ReturnType<typeof contextFor>['resolve']>[0]) => contextFor(catalogue).resolve(ref), dialect: catalogue.regexDialect };
  const ast = result.ast!;
  const matches = predicate(text, { catalogue })(row);
  const evaluated = evaluate(text, row, { catalogue });
  expect(matches).toBe(evaluated === true);
  return {
    evaluate: evaluated,
    generated: compilePredicate(ast, ctx, { codegen: true }).evaluate(row),
    closures: compilePredicate(ast, ctx, { codegen: false }).evaluate(row),
    explain: explain(text, row, { catalogue }).value,
    reference: referenceEvaluate(result.where!, row, catalogue),
  };
}

describe.each(OBJECT_COLUMNS)('%s: object column %s', (name, column) => {
  const catalogue = getCatalogue(name)!;

  it('is tested here (the catalogues still have object columns)', () => {
    expect(OBJECT_COLUMNS.length).toBeGreaterThanOrEqual(4);
  });

  for (const sub of ['informational', 'sub_field', 'a.b']) {
    const path = `${column}.${sub}`;
    const nested = (value: unknown): Row => sub.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Row;
    it.each(cases(path))(`${path}: %s on an API-shaped row holding %j is %s, by every evaluator`, (text, value, expected) => {
      const row: Row = { [column]: nested(value), other: 1 };
      const all = answers(text, row, catalogue);
      for (const [how, got] of Object.entries(all)) expect(got, `${how}: ${text}`).toBe(expected);
    });
  }

  it('reads null where a step is missing, null, an array, a string, or inherited', () => {
    const path = `${column}.informational`;
    const rows: Row[] = [
      {},
      { [column]: null },
      { [column]: {} },
      { [column]: [] },
      { [column]: [{ informational: true }] },
      { [column]: 'informational' },
      { [column]: 5 },
      { [column]: Object.create({ informational: true }) },
      // The flat key is not the path: no API row has it.
      { [`${column}.informational`]: true },
    ];
    for (const row of rows) {
      const all = answers(`${path} = true`, row, catalogue);
      for (const [how, got] of Object.entries(all)) expect(got, `${how}: ${JSON.stringify(row)}`).toBeNull();
      expect(evaluate(`${path} is null`, row, { catalogue }), JSON.stringify(row)).toBe(true);
    }
  });

  it('reads own properties only at every step: constructor, __proto__, toString are data', () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const path = `${column}.${key}`;
      expect(evaluate(`${path} is null`, { [column]: {} }, { catalogue }), path).toBe(true);
      const row = JSON.parse(`{"${column}": {"${key}": 5}}`) as Row;
      expect(answers(`${path} = 5`, row, catalogue), path).toEqual({ evaluate: true, generated: true, closures: true, explain: true, reference: true });
    }
  });

  it('explain shows the nested value it read', () => {
    const e = explain(`${column}.informational = true`, { [column]: { informational: true } }, { catalogue });
    expect(e.root).toMatchObject({ field: `${column}.informational`, value: true });
    expect(e.root.read).toBe(true);
  });

  it('the CLI filter keeps API-shaped rows by the nested value', async () => {
    const lines = [{ id: 1, [column]: { informational: true } }, { id: 2, [column]: { informational: false } }, { id: 3, [column]: null }, { id: 4 }];
    const r = await runCli(['filter', '--catalogue', name, '--where', `${column}.informational`], `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    expect(r.stderr).not.toMatch(/\berror\b/); // the path's type is unchecked: a warning only
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: number }).id)).toEqual([1]);
  });
});

describe('readColumn', () => {
  it('keeps flat reads for plain names and walks paths for dotted ones', () => {
    expect(readColumn({ a: 1 }, 'a')).toBe(1);
    expect(readColumn({ a: { b: { c: 2 } } }, 'a.b.c')).toBe(2);
    expect(readColumn({ a: { b: null } }, 'a.b.c')).toBeUndefined();
    expect(readColumn({ 'a.b': 1 }, 'a.b')).toBeUndefined();
  });

  it('generated code reads a path through a constant, never by splicing the name into the text', () => {
    const catalogue = getCatalogue('keywords-explorer/overview')!;
    const ast = compile('intents.informational = true and intents.navigational > 1', { catalogue }).ast!;
    const { source } = generateSource(ast, contextFor(catalogue));
    expect(source).not.toContain('informational');
    expect(source).not.toContain('navigational');
  });
});
