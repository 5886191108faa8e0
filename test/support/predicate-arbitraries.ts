/**
 * fast-check arbitraries for the predicate's property tests: well-typed
 * filter ASTs over all-backlinks (built directly as trees, for `evaluate`)
 * and rows full of edge cases (nulls, absent columns, empty and
 * null-holding arrays, astral characters, edge numbers, dates in every
 * accepted form and invalid ones, values of the wrong type).
 *
 * Literal and row values are drawn from small shared pools so that equality,
 * prefixes and phrases actually hit, not only miss.
 */
import fc from 'fast-check';
import type { CompareOp, ElementFilter, Filter, Literal, Test } from '../../src/ast/nodes.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import type { Column } from '../../src/catalogue/types.js';

/** Columns rows can hold (filter-only columns cannot be evaluated locally). */
export const returnedColumns: readonly Column[] = allBacklinks.columns.filter((c) => c.returned);

const ORDERED: readonly CompareOp[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'];
const STRING_OPS: readonly CompareOp[] = [...ORDERED, 'substring', 'isubstring', 'phrase_match', 'iphrase_match', 'prefix', 'suffix', 'regex'];

// ------------------------------------------------------------ shared pools

export const STRINGS = [
  '', 'seo', 'SEO', 'Seo Tools', 'best seo tools', 'link building', 'link-building, 2024', 'a.b', 'a\nb',
  'é', 'É', 'École', '😀', '\uFF5E', 'a😀b', '𝐀𝐁', 'ΟΔΟΣ', 'οδος', 'σ', 'İstanbul', 'istanbul', 'ß', 'SS', 'straße',
  'https://blog.example.com/a', 'https://example.com', 'en', 'de', 'text', 'image',
];
export const REGEXES = ['', '^a', 'b$', 'a.b', '(?-s)a.b', '\\d+', '(?i)seo', 'é|😀', '^https?://blog\\.', '[a-z]+ [a-z]+', '\\pL{4}'];
const NUMBERS = [0, 1, -1, 1.5, 49.5, 50, 51, 100, 200, 301, 1e9, Number.MAX_SAFE_INTEGER];
const INSTANTS = [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1, 10), Date.UTC(2023, 11, 31, 22), Date.UTC(2024, 1, 29, 12, 30, 15, 250), Date.UTC(2000, 0, 1)];

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** An instant in one of the accepted forms (form 0–6); bare dates only for midnights. */
export function formatInstant(t: number, form: number): string {
  const d = new Date(t);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const hms = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const shifted = new Date(t + 2 * 3_600_000 + 30 * 60_000); // the same instant at +02:30
  const sdate = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  const shms = `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`;
  const ms = pad(d.getUTCMilliseconds(), 3);
  switch (form % 7) {
    case 0: return d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() + d.getUTCMilliseconds() === 0 ? date : `${date}T${hms}.${ms}Z`;
    case 1: return `${date}T${hms}.${ms}Z`;
    case 2: return `${date}T${hms}.${ms}`;
    case 3: return `${date} ${hms}.${ms}`;
    case 4: return `${sdate}T${shms}.${ms}+02:30`;
    case 5: return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`; // minutes only
    default: return `${date}T${hms}.${ms}123456Z`; // nanoseconds: truncated to ms
  }
}

const INVALID_DATES = ['2024-02-30', '2023-02-29', '2024-13-01', '2024-01-01T24:00:00', '2024-01-01t10:00:00z', '2024-01-01T10:00:00+25:00', 'yesterday', '', '2024-1-1', '2024-01-01T10'];

// ------------------------------------------------------------ literals

const stringLiteral = fc.constantFrom(...STRINGS).map((value): Literal => ({ kind: 'string', value, bare: false }));
const numberLiteral = (column: Column) =>
  (column.type === 'integer' ? fc.constantFrom(...NUMBERS.filter(Number.isInteger)) : fc.constantFrom(...NUMBERS)).map((value): Literal => ({ kind: 'number', value }));
/** Date literals as the checker accepts them: `date` columns take bare dates only; `datetime` columns also datetimes and the quoted space form. */
const dateLiteral = (column: Column): fc.Arbitrary<Literal> => {
  if (column.type === 'date') return fc.constantFrom(...INSTANTS).map((t): Literal => ({ kind: 'date', value: new Date(t).toISOString().slice(0, 10) }));
  return fc.oneof(
    fc.record({ t: fc.constantFrom(...INSTANTS), form: fc.constantFrom(0, 1, 4, 5) }).map(({ t, form }): Literal => {
      const value = formatInstant(t, form);
      return value.length === 10 ? { kind: 'date', value } : { kind: 'datetime', value };
    }),
    fc.constantFrom(...INSTANTS).map((t): Literal => ({ kind: 'string', value: new Date(t).toISOString().slice(0, 19).replace('T', ' '), bare: false })),
  );
};

function literalFor(column: Column): fc.Arbitrary<Literal> {
  if (column.enumValues) return fc.constantFrom(...column.enumValues).map((value): Literal => ({ kind: 'string', value, bare: /^[a-z]+$/.test(value) }));
  switch (column.type) {
    case 'integer': case 'float': return numberLiteral(column);
    case 'boolean': return fc.boolean().map((value): Literal => ({ kind: 'boolean', value }));
    case 'date': case 'datetime': return dateLiteral(column);
    default: return stringLiteral;
  }
}

function opsFor(column: Column): readonly CompareOp[] {
  if (column.enumValues || column.type === 'boolean') return ['eq', 'neq'];
  if (column.type === 'string' || column.type === 'url' || column.type === 'domain') return STRING_OPS;
  return ORDERED;
}

/** A test of one value of the column's (element) type. */
export function testFor(column: Column, element: boolean): fc.Arbitrary<Test> {
  const isString = !column.enumValues && (column.type === 'string' || column.type === 'url');
  const compare = fc.constantFrom(...opsFor(column)).chain((op) =>
    (op === 'regex' ? fc.constantFrom(...REGEXES).map((value): Literal => ({ kind: 'regex', value })) : literalFor(column))
      .map((value): Test => ({ kind: 'compare', op, value })));
  const options: fc.Arbitrary<Test>[] = [compare, compare, fc.constant<Test>({ kind: 'null' })];
  options.push(fc.array(literalFor(column), { minLength: 2, maxLength: 4 }).map((values): Test => ({ kind: 'in', values })));
  if (column.type !== 'boolean' && !column.enumValues) {
    options.push(fc.tuple(literalFor(column), literalFor(column)).map(([low, high]): Test => ({ kind: 'between', low, high })));
  }
  if (isString || (column.array && !element)) options.push(fc.constant<Test>({ kind: 'empty' }));
  return fc.oneof(...options);
}

function elementFilter(column: Column, depth: number): fc.Arbitrary<ElementFilter> {
  const leaf = testFor(column, true).map((test): ElementFilter => ({ kind: 'test', test }));
  if (depth <= 0) return leaf;
  const sub = elementFilter(column, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(sub, { minLength: 2, maxLength: 3 }).map((operands): ElementFilter => ({ kind: 'and', operands })) },
    { weight: 1, arbitrary: fc.array(sub, { minLength: 2, maxLength: 3 }).map((operands): ElementFilter => ({ kind: 'or', operands })) },
    { weight: 1, arbitrary: sub.map((operand): ElementFilter => ({ kind: 'not', operand })) },
  );
}

/** A leaf: a condition on a scalar column (maybe with `uppercase`), `empty`/`is null` on an array, or any/all. */
const leafFilter: fc.Arbitrary<Filter> = fc.constantFrom(...returnedColumns).chain((column): fc.Arbitrary<Filter> => {
  if (column.array) {
    return fc.oneof(
      { weight: 3, arbitrary: fc.record({ q: fc.constantFrom<'any' | 'all'>('any', 'all'), element: elementFilter(column, 1) })
        .map(({ q, element }): Filter => ({ kind: 'list', quantifier: q, field: { name: column.name }, element })) },
      { weight: 1, arbitrary: fc.constantFrom<Test>({ kind: 'empty' }, { kind: 'null' }).map((test): Filter => ({ kind: 'condition', field: { name: column.name }, test })) },
    );
  }
  const modifiable = !column.enumValues && (column.type === 'string' || column.type === 'url');
  return fc.record({ test: testFor(column, false), upper: modifiable ? fc.boolean() : fc.constant(false) }).map(({ test, upper }): Filter =>
    upper ? { kind: 'condition', field: { name: column.name }, modifier: { name: 'uppercase' }, test } : { kind: 'condition', field: { name: column.name }, test });
});

/** A well-typed filter tree over all-backlinks. Fresh FieldRef objects each time (the checker keys references by them). */
export const filterTree: fc.Arbitrary<Filter> = fc.letrec<{ f: Filter }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: leafFilter },
    { weight: 1, arbitrary: fc.array(tie('f'), { minLength: 2, maxLength: 3 }).map((operands): Filter => ({ kind: 'and', operands })) },
    { weight: 1, arbitrary: fc.array(tie('f'), { minLength: 2, maxLength: 3 }).map((operands): Filter => ({ kind: 'or', operands })) },
    { weight: 1, arbitrary: tie('f').map((operand): Filter => ({ kind: 'not', operand })) },
  ),
})).f;

// ------------------------------------------------------------ rows

const edgeNumber = fc.oneof(fc.constantFrom(...NUMBERS, -0, NaN, Infinity, -Infinity, 2 ** 53, 1e-9), fc.double());
const rowString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...STRINGS) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...STRINGS), { minLength: 1, maxLength: 4 }).chain((ws) => fc.constantFrom(' ', ', ', '-', '\n', '').map((sep) => ws.join(sep))) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', '.', '\n', 'é', '😀', '\uD83D', '\uFF5E'), maxLength: 6 }) },
);
const rowDate = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constantFrom(...INSTANTS), form: fc.nat(6) }).map(({ t, form }) => formatInstant(t, form)) },
  { weight: 1, arbitrary: fc.record({ t: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2035, 0, 1) }), form: fc.nat(6) }).map(({ t, form }) => formatInstant(t, form)) },
  { weight: 1, arbitrary: fc.constantFrom(...INVALID_DATES) },
);

function scalarValue(column: Column): fc.Arbitrary<unknown> {
  if (column.enumValues) return fc.oneof(fc.constantFrom(...column.enumValues), rowString);
  switch (column.type) {
    case 'integer': case 'float': return edgeNumber;
    case 'boolean': return fc.boolean();
    case 'date': case 'datetime': return rowDate;
    default: return rowString;
  }
}

/** A value wrongly typed for the column (the API never sends these; they must read as unknown). */
const wrongValue = fc.constantFrom<unknown>('50', 50, true, 'true', 1, 0, {}, [], ['x'], '2024-01-01', 1704067200000);

function columnValue(column: Column): fc.Arbitrary<unknown> {
  const good = column.array
    ? fc.oneof(
        fc.constant([]),
        fc.array(fc.oneof({ weight: 4, arbitrary: scalarValue(column) }, { weight: 1, arbitrary: fc.constant(null) }), { maxLength: 4 }),
      )
    : scalarValue(column);
  return fc.oneof({ weight: 8, arbitrary: good }, { weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: wrongValue });
}

/** A row: each returned column absent (sometimes) or holding a value, plus keys that shadow Object.prototype members. */
export const row: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.tuple(...returnedColumns.map((c) => fc.option(columnValue(c), { freq: 6, nil: undefined }))),
    fc.boolean(),
  )
  .map(([values, extras]) => {
    const r: Record<string, unknown> = {};
    returnedColumns.forEach((c, i) => {
      if (values[i] !== undefined) r[c.name] = values[i];
    });
    if (extras) {
      for (const [key, value] of [['__proto__', 'x'], ['constructor', 'not a function'], ['unrelated_extra', 42]] as const) {
        Object.defineProperty(r, key, { value, enumerable: true, writable: true, configurable: true });
      }
    }
    return r;
  });
