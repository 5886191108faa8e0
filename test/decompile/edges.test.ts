/**
 * The edges of JSON input that issue 8 found broken: shared sub-objects,
 * long `and` / `or` arrays, numbers, aliases and modifier case, messages that
 * name their field, structural errors that hid type errors, duplicate keys
 * and byte order marks, and `decompile(compile(x))` for long `or` chains.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, decompile, format } from '../../src/api/compile.js';
import { measureFilter } from '../../src/ast/measure.js';
import type { Filter } from '../../src/ast/nodes.js';
import { loadCatalogue } from '../../src/catalogue/define.js';
import { decompileTree } from '../../src/decompile/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);
const pairs = (ds: readonly Diagnostic[]) => ds.map((d) => [d.code, d.path]);
const leafJson = { field: 'is_spam', is: ['eq', true] };
const leaf: Filter = { kind: 'condition', field: { name: 'is_spam' }, test: { kind: 'compare', op: 'eq', value: { kind: 'boolean', value: true } } };

/** An object whose every level references the level below twice: `levels` objects, 2^levels leaves. */
function dagJson(levels: number, kind: 'and' | 'or' = 'and'): unknown {
  let node: unknown = leafJson;
  for (let i = 0; i < levels; i++) node = { [kind]: [node, node] };
  return node;
}

/** Counts the property reads of an object graph (a step counter for the validator's work). */
function counted(value: unknown, counter: { reads: number }): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const cache = new Map<unknown, unknown>();
  const wrap = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (!cache.has(v)) {
      cache.set(v, new Proxy(v as object, {
        get(target, key, receiver) {
          counter.reads++;
          return wrap(Reflect.get(target, key, receiver));
        },
      }));
    }
    return cache.get(v);
  };
  return wrap(value);
}

describe('item 3: shared sub-objects count as often as they are reached', () => {
  it('a 21-level DAG (2^21 leaves) is refused with too-many-nodes, reading about maxNodes properties', () => {
    for (const kind of ['and', 'or'] as const) {
      const counter = { reads: 0 };
      const r = decompileTree(counted(dagJson(21, kind), counter), { maxNodes: 1000 });
      expect(codes(r.diagnostics)).toEqual(['too-many-nodes']);
      expect(r.filter).toBeUndefined();
      expect(counter.reads).toBeLessThan(20 * 1000);
      expect(codes(decompile(dagJson(21, kind)).diagnostics)).toEqual(['too-many-nodes']);
    }
  });

  it('a DAG within the limit is read as the tree it expands to', () => {
    for (const levels of [1, 3, 5]) {
      const r = decompile(dagJson(levels));
      expect(r.ok).toBe(true);
      expect(r.text!.match(/is_spam/g)).toHaveLength(2 ** levels);
      // 2^levels leaves (expr + condition) and 2^levels − 1 "and" objects.
      const nodes = 2 ** levels * 2 + 2 ** levels - 1;
      expect(decompileTree(dagJson(levels), { maxNodes: nodes }).diagnostics).toEqual([]);
      expect(codes(decompileTree(dagJson(levels), { maxNodes: nodes - 1 }).diagnostics)).toEqual(['too-many-nodes']);
    }
  });

  it('shared element conditions inside list_is count too', () => {
    let element: unknown = ['eq', 'en'];
    for (let i = 0; i < 25; i++) element = { or: [element, element] };
    expect(codes(decompileTree({ field: 'languages', list_is: { any: element } }).diagnostics)).toEqual(['too-many-nodes']);
  });

  it('measureFilter counts every visit, stops at maxNodes, and ends on cycles', () => {
    let dag: Filter = leaf;
    for (let i = 0; i < 40; i++) dag = { kind: 'or', operands: [dag, dag] };
    expect(measureFilter(dag, Number.POSITIVE_INFINITY, 1000).nodes).toBe(1001);
    // A tree: and + 2 conditions + 2 values; in-lists count each value.
    expect(measureFilter({ kind: 'and', operands: [leaf, leaf] }).nodes).toBe(5);
    const list: Filter = { kind: 'condition', field: { name: 'http_code' }, test: { kind: 'in', values: [1, 2, 3].map((value) => ({ kind: 'number', value })) } };
    expect(measureFilter(list).nodes).toBe(4);
    const cycle: { kind: 'not'; operand: unknown } = { kind: 'not', operand: undefined };
    cycle.operand = cycle;
    expect(measureFilter(cycle as Filter, Number.POSITIVE_INFINITY, 500).nodes).toBe(501);
    expect(measureFilter(cycle as Filter, 10).depth).toBe(11);
  });
});

describe('item 5: long and / or arrays', () => {
  it('an array longer than maxNodes is refused before any item is read', () => {
    for (const [kind, n] of [['or', 1_000_000], ['and', 100_001], ['or', 2 ** 32 - 1]] as const) {
      const counter = { reads: 0 };
      const input = counted({ [kind]: n === 2 ** 32 - 1 ? new Array(n) : Array.from({ length: n }, () => leafJson) }, counter);
      const r = decompileTree(input);
      expect(pairs(r.diagnostics)).toEqual([['too-many-nodes', `/${kind}`]]);
      expect(r.diagnostics[0]!.message).toContain('100000');
      expect(counter.reads).toBeLessThan(20);
    }
  });

  it('inside list_is too', () => {
    const any = { or: Array.from({ length: 60_000 }, () => ['eq', 'en']) };
    expect(codes(decompileTree({ field: 'languages', list_is: { any } }).diagnostics)).toEqual(['too-many-nodes']);
  });
});

describe('item 16: every JSON that compile emits decompiles', () => {
  const chain = (column: string, n: number) => Array.from({ length: n }, (_, i) => `${column} = "v${i}"`).join(' or ');

  it('an or of 1,001 eq (a long or chain) stays an or chain, and compiles back to the same JSON', () => {
    const json = compile(chain('anchor', 1001)).json!;
    const back = decompile(json);
    expect(back.diagnostics).toEqual([]);
    expect(back.text).not.toContain(' in (');
    expect(compile(back.text!).json).toBe(json);
    expect(decompile(JSON.parse(json)).ok).toBe(true);
  });

  it('property: decompile(compile(x)) compiles back to the same JSON, for chains around maxListLength', () => {
    fc.assert(fc.property(
      fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 12 }), fc.constantFrom('anchor', 'url_from', 'http_code', 'link_type'),
      (n, maxListLength, column) => {
        const values = Array.from({ length: n }, (_, i) => (column === 'http_code' ? String(200 + i) : column === 'link_type' ? ['text', 'image', 'rss', 'frame', 'redirect'][i % 5]! : `"v${i}"`));
        const text = values.map((v) => `${column} = ${v}`).join(' or ');
        const compiled = compile(text, { maxListLength });
        expect(compiled.ok).toBe(true);
        for (const where of [compiled.json!, compiled.where]) {
          const back = decompile(where, { maxListLength });
          expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          expect(back.text!.includes(' in (')).toBe(n <= maxListLength);
          expect(compile(back.text!, { maxListLength }).json).toBe(compiled.json);
        }
        // list_is element conditions follow the same rule.
        const element = { field: 'languages', list_is: { any: { or: values.map((_, i) => ['eq', `l${i}`]) } } };
        const listBack = decompile(element, { maxListLength });
        expect(listBack.ok).toBe(true);
        expect(compile(listBack.text!, { maxListLength }).json).toBe(JSON.stringify(element));
      },
    ), { seed: 8016, numRuns: 80 });
  });
});

describe('item 16: a decompiled text longer than compile reads is said so', () => {
  it('3,000 DR = x.5: the text spells domain_rating_source and passes 100,000 characters; a warning gives the length, and with it the JSON comes back', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `DR = ${i}.5`).join(' or ');
    const compiled = compile(text);
    expect(compiled.ok).toBe(true);
    const back = decompile(compiled.where);
    expect(back.ok).toBe(true);
    const length = back.text!.length;
    expect(length).toBeGreaterThan(100_000);
    expect(back.diagnostics.map((d) => [d.code, d.severity])).toEqual([['text-over-limit', 'warning']]);
    expect(back.diagnostics[0]!.message).toContain(String(length));
    expect(compile(back.text!).diagnostics.map((d) => d.code)).toContain('input-too-long');
    expect(compile(back.text!, { maxLength: length }).json).toBe(compiled.json);
  });

  it('property: under any maxLength, decompile either warns or gives text that compile reads back to the same JSON', () => {
    const condition = fc.tuple(fc.constantFrom('DR', 'UR', 'domain_rating_source', 'anchor'), fc.constantFrom('=', '>', '<=', '!='), fc.nat(999))
      .map(([column, op, n]) => (column === 'anchor' ? `${column} ${op === '=' || op === '!=' ? op : '='} "a${n}"` : `${column} ${op} ${n}`));
    let warned = 0;
    let clean = 0;
    fc.assert(fc.property(fc.array(condition, { minLength: 1, maxLength: 12 }), fc.constantFrom(' or ', ' and '), fc.integer({ min: 20, max: 300 }), (parts, joiner, maxLength) => {
      const compiled = compile(parts.join(joiner), { maxLength });
      fc.pre(compiled.ok);
      const back = decompile(compiled.where, { maxLength });
      expect(back.ok).toBe(true);
      const over = back.text!.length > maxLength;
      // Other warnings (a redundant condition in the generated filter) may come too.
      expect(back.diagnostics.filter((d) => d.code === 'text-over-limit').length).toBe(over ? 1 : 0);
      expect(compile(back.text!, { maxLength: over ? back.text!.length : maxLength }).json).toBe(compiled.json);
      if (over) warned++;
      else clean++;
    }), { seed: 1616, numRuns: 300 });
    expect(warned).toBeGreaterThan(30);
    expect(clean).toBeGreaterThan(30);
  });
});

describe('item 8: one number rule for text and JSON, by column type', () => {
  const FLOAT = 'domain_rating_source';
  const INTEGER = 'refdomains_source';

  it('numbers that would reach the API changed are errors with a range, in text', () => {
    for (const literal of ['9007199254740993.0', '9007199254740993', '12345678901234567890', '0.1000000000000000055511', '1e-400', '1e999', '-9007199254740993']) {
      for (const column of [FLOAT, INTEGER]) {
        const text = `${column} > ${literal}`;
        const r = compile(text);
        expect(r.ok, text).toBe(false);
        const d = r.diagnostics.find((x) => x.code === 'invalid-number')!;
        expect(d.range?.start.offset).toBe(text.indexOf(literal));
        expect(d.range?.end.offset).toBe(text.length);
      }
    }
  });

  it('float columns take any number that round-trips; integer columns stop at ±(2^53 − 1)', () => {
    for (const literal of ['1e16', '1e21', '9007199254740992', '1.5e300', '-1e21', '5e-324', '1E3', '1.50']) {
      expect(compile(`${FLOAT} > ${literal}`).ok, literal).toBe(true);
    }
    for (const literal of ['1e16', '1e21', '9007199254740992', '-9007199254740992']) {
      const r = compile(`${INTEGER} > ${literal}`);
      expect(codes(r.diagnostics), literal).toEqual(['invalid-number']);
      expect(r.diagnostics[0]!.message).toContain(INTEGER);
    }
    expect(compile(`${INTEGER} > 9007199254740991`).ok).toBe(true);
    expect(compile(`${INTEGER} > -9007199254740991`).ok).toBe(true);
    expect(compile(`${INTEGER} > 1e15`).ok).toBe(true);
  });

  it('the same rules for JSON: by column type for objects, plus "as written" for JSON text', () => {
    expect(decompile({ field: FLOAT, is: ['gt', 1e21] }).ok).toBe(true);
    expect(pairs(decompile({ field: INTEGER, is: ['gt', 2 ** 53] }).diagnostics)).toEqual([['invalid-number', '/is/1']]);
    expect(pairs(decompile(`{"and":[{"field":"${FLOAT}","is":["gt",9007199254740993.0]}]}`).diagnostics)).toEqual([['invalid-number', '/and/0/is/1']]);
    expect(pairs(decompile(`{"not":{"field":"${FLOAT}","is":["eq",0.30000000000000000001]}}`).diagnostics)).toEqual([['invalid-number', '/not/is/1']]);
    expect(pairs(decompile('{"field":"languages","list_is":{"any":{"or":[["eq","x"],["eq",1e-400]]}}}').diagnostics)).toContainEqual(['invalid-number', '/list_is/any/or/1/1']);
    expect(decompile(`{"field":"${FLOAT}","is":["gt",1.50e3]}`).text).toBe(`${FLOAT} > 1500`);
  });

  it('property: compile → decompile → compile gives identical JSON, and format(text) compiles to the same JSON', () => {
    const literal = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.integer().map(String),
      fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: -330, max: 330 })).map(([m, e]) => `${m}e${e}`),
      fc.tuple(fc.integer({ min: 0, max: 2 ** 31 }), fc.nat(99999)).map(([a, b]) => `${a}.${b}`),
      fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(String),
    );
    fc.assert(fc.property(literal, fc.constantFrom(FLOAT, INTEGER, 'DR'), fc.constantFrom('>', '=', '<='), (lit, column, op) => {
      const text = `${column} ${op} ${lit}`;
      const compiled = compile(text);
      if (!compiled.ok) {
        // Refused only with a diagnostic that points at the number.
        expect(compiled.diagnostics.some((d) => d.code === 'invalid-number' || d.code === 'value-type-mismatch')).toBe(true);
        return;
      }
      const back = decompile(compiled.json!);
      expect(back.diagnostics).toEqual([]);
      expect(compile(back.text!).json).toBe(compiled.json);
      expect(decompile(compiled.where).text).toBe(back.text);
      expect(compile(format(text)).json).toBe(compiled.json);
    }), { seed: 8008, numRuns: 400 });
  });

  it('format of an exponent prints text that compiles to the same JSON', () => {
    for (const text of ['DR > 1e16', 'DR > 1e21', 'DR > 1e-7', 'DR < -1.5e300', 'DR > 0.1e-5']) {
      expect(compile(format(text)).json, text).toBe(compile(text).json);
    }
  });
});

describe('item 9: JSON names API columns; modifier names are case-sensitive everywhere', () => {
  it('modifier names in text: only the exact spelling, with a suggestion and a range', () => {
    for (const name of ['Uppercase', 'UPPERCASE', 'upperCase']) {
      const text = `${name}(anchor) contains "SEO"`;
      const r = compile(text);
      expect(codes(r.diagnostics)).toEqual(['unknown-modifier']);
      expect(r.diagnostics[0]!.message).toContain('case-sensitive');
      expect(r.diagnostics[0]!.suggestions?.[0]?.replacement).toBe('uppercase');
      expect(r.diagnostics[0]!.range?.start.offset).toBe(0);
    }
    expect(compile('uppercase(anchor) contains "SEO"').ok).toBe(true);
  });

  it('modifier names in JSON: the same rule, at the modifier path', () => {
    for (const name of ['UPPERCASE', 'Uppercase']) {
      const r = decompile({ and: [leafJson, { field: 'anchor', modifier: name, is: ['eq', 'X'] }] });
      expect(pairs(r.diagnostics)).toEqual([['unknown-modifier', '/and/1/modifier']]);
    }
    expect(decompile({ field: 'anchor', modifier: 'uppercase', is: ['eq', 'X'] }).ok).toBe(true);
  });

  it('aliases in JSON are errors in is, list_is and nested positions, with the API name', () => {
    const r = decompile({ or: [{ field: 'DR', is: ['gt', 5] }, { not: { field: 'ur', is: ['lt', 3] } }] });
    expect(pairs(r.diagnostics)).toEqual([['json-field-alias', '/or/0/field'], ['json-field-alias', '/or/1/not/field']]);
    expect(r.diagnostics.map((d) => d.suggestions?.[0]?.replacement)).toEqual(['domain_rating_source', 'url_rating_source']);
    // Text keeps its aliases: they are the query language's.
    expect(compile('DR > 5').json).toBe('{"field":"domain_rating_source","is":["gt",5]}');
  });
});

describe('item 17: every JSON diagnostic names its field; structural errors hide nothing', () => {
  const broken: [string, unknown][] = [
    ['a missing value', ['eq']], ['three items', ['eq', 1, 2]], ['a null condition', null], ['a null value', ['eq', null]],
    ['an array value', ['eq', [1, 2]]], ['an object value', ['eq', { a: 1 }]], ['an unknown operator', ['like', 'x']],
    ['an operator that is a number', [1, 'x']], ['an unknown condition string', 'emtpy'], ['an object condition', { eq: 1 }],
  ];

  it.each(broken)('%s names the field (for several fields, in is and in list_is)', (_, is) => {
    for (const field of ['anchor', 'alt', 'url_from']) {
      for (const d of decompileTree({ field, is }).diagnostics) expect(d.message, d.message).toContain(`"${field}"`);
    }
    if (is !== null && typeof is !== 'string' && !Array.isArray(is)) return;
    for (const d of decompileTree({ field: 'languages', list_is: { all: { and: [is] } } }).diagnostics) {
      expect(d.message, d.message).toContain('"languages"');
    }
  });

  it('a missing condition, a modifier error and an unknown key name the field too', () => {
    for (const input of [{ field: 'anchor' }, { field: 'anchor', modifier: 5, is: 'empty' }, { field: 'anchor', iz: 'empty', is: 'empty' },
      { field: 'anchor', is: 'empty', list_is: { any: 'empty' } }, { field: 'anchor', modifier: 'uppercase', list_is: { any: 'empty' } }]) {
      const ds = decompileTree(input).diagnostics;
      expect(ds.length).toBeGreaterThan(0);
      for (const d of ds) expect(d.message, d.message).toContain('"anchor"');
    }
  });

  it('an unknown column, a wrong type or an alias is reported beside a structural error elsewhere', () => {
    const structural: unknown[] = [
      { field: 'anchor', is: ['=', 'x'] }, { or: [] }, { field: 'languages', list_is: { and: [] } }, { field: 'anchor', is: ['eq'] }, 5,
    ];
    for (const bad of structural) {
      const r = decompile({ and: [bad, { field: 'anchr', is: ['eq', 'x'] }, { field: 'refdomains_source', is: ['eq', 'x'] }, { field: 'DR', is: ['gt', 1] }] });
      expect(r.ok).toBe(false);
      expect(r.text).toBeUndefined();
      const got = pairs(r.diagnostics);
      expect(got).toContainEqual(['unknown-column', '/and/1/field']);
      expect(got).toContainEqual(['value-type-mismatch', '/and/2/is/1']);
      expect(got).toContainEqual(['json-field-alias', '/and/3/field']);
    }
  });
});

describe('item 19: duplicate keys and byte order marks', () => {
  it('a duplicate key is an error at its path, at any level', () => {
    const cases: [string, string][] = [
      ['{"field":"anchor","field":"alt","is":"empty"}', '/field'],
      ['{"field":"anchor","is":"empty","is":["eq","x"]}', '/is'],
      ['{"and":[{"field":"anchor","is":"empty"}],"and":[{"field":"alt","is":"empty"}]}', '/and'],
      ['{"or":[{"field":"anchor","is":"empty"},{"not":{"field":"alt","is":"empty"},"not":{"field":"alt","is":"empty"}}]}', '/or/1/not'],
      ['{"field":"languages","list_is":{"any":["eq","en"],"any":["eq","de"]}}', '/list_is/any'],
      ['{"field":"a\\u002fb","fi\\u0065ld":"x","is":"empty"}', '/field'],
    ];
    for (const [text, path] of cases) {
      const r = decompile(text);
      expect(r.ok, text).toBe(false);
      expect(pairs(r.diagnostics).filter(([c]) => c === 'json-duplicate-key'), text).toEqual([['json-duplicate-key', path]]);
    }
    // The same key in different objects is fine; so is a key that equals a value.
    expect(decompile('{"and":[{"field":"anchor","is":"empty"},{"field":"alt","is":"empty"}]}').ok).toBe(true);
    expect(decompile('{"field":"anchor","is":["eq","field"]}').ok).toBe(true);
  });

  it('a duplicate key in catalogue text is an error at its path: a second column of one name does not silently replace the first', () => {
    const cases: [string, string][] = [
      ['{"name":"t","columns":{"a":{"type":"string"},"a":{"type":"integer"}}}', '/columns/a'],
      ['{"name":"t","columns":{"a":{"type":"string","type":"integer"}}}', '/columns/a/type'],
      ['{"name":"t","name":"u","columns":{"a":{"type":"string"}}}', '/name'],
      ['\uFEFF{"name":"t","columns":{"a":{"type":"string","nullable":true,"nullable":false}}}', '/columns/a/nullable'],
      ['{"name":"t","columns":{"a\u002fb":{"type":"string"},"a/b":{"type":"string"}}}', '/columns/a~1b'],
    ];
    for (const [text, path] of cases) {
      const r = loadCatalogue(text);
      expect(r.ok, text).toBe(false);
      expect(r.catalogue).toBeUndefined();
      expect(pairs(r.diagnostics), text).toEqual([['json-duplicate-key', path]]);
    }
    // Equal keys in different objects are fine.
    expect(loadCatalogue('{"name":"t","columns":{"a":{"type":"string"},"b":{"type":"string"}}}').ok).toBe(true);
  });

  it('a UTF-8 BOM at the start of JSON text or of catalogue text is skipped', () => {
    const r = decompile('\uFEFF{"field":"anchor","is":"empty"}');
    expect(r.ok).toBe(true);
    expect(r.text).toBe('anchor is empty');
    const bad = decompile('\uFEFF{"field":');
    expect(bad.diagnostics[0]!.message).toContain('offset 10');
    expect(decompile('x\uFEFF{}').diagnostics[0]!.code).toBe('json-syntax');
    const catalogue = loadCatalogue('\uFEFF{"name":"t","columns":{"a":{"type":"string"}}}');
    expect(catalogue.diagnostics).toEqual([]);
    expect(catalogue.ok).toBe(true);
  });
});
