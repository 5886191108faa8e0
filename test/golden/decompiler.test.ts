/**
 * Golden output of the decompiler (src/decompile: `where` JSON text → AST):
 * for a fixed set of inputs, the diagnostics rendered as a terminal shows
 * them (`renderDiagnostic`: JSON diagnostics name their JSON Pointer) and,
 * when there is a filter, the query text it prints as. Like the parser's
 * baseline, the file is product output: a change to a message, a path, a
 * suggestion or to what is re-sugared (`in`, `between`) shows up in review
 * as a diff of what the user reads.
 *
 * Only the decompiler stage runs here; the type checker's diagnostics on
 * decompiled filters are the checker's baseline's business.
 */
import { describe, expect, it } from 'vitest';
import { decompileTree, type DecompileStageOptions } from '../../src/decompile/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { renderDiagnostic } from '../../src/diagnostics/render.js';
import { printFilter } from '../../src/emit/index.js';

interface Case {
  readonly name: string;
  /** The JSON text, as it would be sent as the API's `where` parameter. */
  readonly json: string;
  readonly options?: Omit<DecompileStageOptions, 'catalogue'>;
}

const C = (field: string, op: string, value: unknown) => JSON.stringify({ field, is: [op, value] });

const CASES: readonly Case[] = [
  // ---- what comes back as text: sugar only where the JSON is exactly its expansion
  { name: 'one condition', json: C('domain_rating_source', 'gte', 50) },
  { name: 'or of eq on one column becomes in', json: `{"or":[${C('link_type', 'eq', 'text')},${C('link_type', 'eq', 'image')}]}` },
  { name: 'or of eq on two columns stays or', json: `{"or":[${C('link_type', 'eq', 'text')},${C('anchor', 'eq', 'image')}]}` },
  { name: 'and of gte then lte becomes between', json: `{"and":[${C('http_code', 'gte', 200)},${C('http_code', 'lte', 299)}]}` },
  { name: 'and of lte then gte stays and', json: `{"and":[${C('http_code', 'lte', 299)},${C('http_code', 'gte', 200)}]}` },
  { name: 'in brought back inside list_is', json: '{"field":"languages","list_is":{"any":{"or":[["eq","en"],["eq","de"]]}}}' },
  { name: 'modifier, not and is_null', json: '{"and":[{"field":"anchor","modifier":"uppercase","is":["prefix","SEO"]},{"not":{"field":"title","is":"is_null"}}]}' },
  { name: 'dates unquoted, a space-separated datetime kept quoted', json: `{"and":[${C('first_seen', 'gte', '2024-01-01')},${C('last_seen', 'lt', '2024-06-01 10:00:00')}]}` },
  { name: '1 on a boolean column read as true (info)', json: C('is_dofollow', 'eq', 1) },
  { name: 'one-operand and dropped (info)', json: `{"and":[${C('is_spam', 'eq', false)}]}` },
  { name: 'or longer than maxListLength stays an or chain', json: `{"or":[${C('link_type', 'eq', 'text')},${C('link_type', 'eq', 'image')},${C('link_type', 'eq', 'form')}]}`, options: { maxListLength: 2 } },
  // ---- JSON text
  { name: 'not JSON', json: '{"field": "anchor", "is": ["eq", "x"]' },
  { name: 'not JSON on the second line', json: '{"field": "anchor",\n "is": ["eq" "x"]}' },
  { name: 'a key twice', json: '{"field":"anchor","is":["eq","x"],"is":["eq","y"]}' },
  { name: 'number that cannot be represented exactly', json: C('domain_rating_source', 'eq', 1).replace('1]', '0.1000000000000000055511]') },
  { name: 'number too large to be finite', json: '{"field":"domain_rating_source","is":["eq",1e999]}' },
  { name: 'input longer than maxLength', json: C('anchor', 'eq', 'x'), options: { maxLength: 10 } },
  // ---- the shape of the tree (spec §1)
  { name: 'an array at the root', json: `[${C('anchor', 'eq', 'x')}]` },
  { name: 'an empty object', json: '{}' },
  { name: 'and and or in one object', json: `{"and":[${C('anchor', 'eq', 'x')}],"or":[${C('anchor', 'eq', 'y')}]}` },
  { name: 'empty and', json: '{"and":[]}' },
  { name: 'and that is not an array', json: `{"and":${C('anchor', 'eq', 'x')}}` },
  { name: 'a key of another language', json: '{"column":"anchor","is":["eq","x"]}' },
  { name: 'condition with both is and list_is', json: '{"field":"languages","is":"empty","list_is":{"any":["eq","en"]}}' },
  { name: 'condition without a test', json: '{"field":"anchor"}' },
  { name: 'field that is not a string', json: '{"field":5,"is":"empty"}' },
  { name: 'an alias of the query language as field', json: C('DR', 'gte', 50) },
  // ---- conditions
  { name: 'operator of another language, with did-you-mean', json: C('anchor', '=', 'x') },
  { name: 'operator misspelt', json: C('anchor', 'prefx', 'x') },
  { name: 'condition with three items', json: '{"field":"anchor","is":["eq","x","y"]}' },
  { name: 'null as the value', json: C('anchor', 'eq', null) },
  { name: 'an array as the value', json: C('anchor', 'eq', ['a', 'b']) },
  { name: 'a string that is not empty or is_null', json: '{"field":"anchor","is":"isnull"}' },
  // ---- list_is
  { name: 'list_is without a quantifier (the docs\' form), with its fix', json: '{"field":"languages","list_is":{"and":[["eq","en"]]}}' },
  { name: 'quantifier of another language', json: '{"field":"languages","list_is":{"some":["eq","en"]}}' },
  { name: 'a field inside list_is', json: '{"field":"languages","list_is":{"any":{"field":"x","is":"empty"}}}' },
  { name: 'modifier with list_is', json: '{"field":"languages","modifier":"uppercase","list_is":{"any":["eq","EN"]}}' },
  // ---- limits
  { name: 'nesting deeper than maxDepth', json: `{"not":{"not":{"not":${C('is_spam', 'eq', true)}}}}`, options: { maxDepth: 2 } },
  { name: 'more nodes than maxNodes', json: `{"or":[${C('anchor', 'eq', 'a')},${C('anchor', 'eq', 'b')},${C('anchor', 'eq', 'c')}]}`, options: { maxNodes: 3 } },
  // ---- several problems: all reported, each at its path
  { name: 'problems in three operands', json: `{"and":[${C('anchor', 'eqq', 'x')},{"field":"title","is":["eq",null]},{"feld":"url_from","is":"empty"}]}` },
];

/** `json-syntax` ends with `JSON.parse`'s own reason, which is V8's wording and changes between Node versions. */
function withoutReason(d: Diagnostic): Diagnostic {
  return { ...d, message: d.message.replace(/\): .*$/s, '): <JSON.parse reason>') };
}

function baseline(c: Case): string {
  const result = decompileTree(c.json, c.options);
  const options = c.options ? ` ${JSON.stringify(c.options)}` : '';
  const header = `==== ${c.name}${options} ====`;
  const source = c.json.split('\n').map((line) => `| ${line}`).join('\n');
  const rendered = result.diagnostics.map((d) => renderDiagnostic(d.code === 'json-syntax' ? withoutReason(d) : d, { file: '<where>' })).join('\n');
  const text = result.filter ? `text: ${printFilter(result.filter)}` : '(no filter)';
  return `${header}\n${source}\n${rendered || '(no diagnostics)'}\n${text}\n`;
}

describe('decompiler diagnostics and text', () => {
  it('a filter comes back exactly when there is no error', () => {
    const wrong = CASES.filter((c) => {
      const r = decompileTree(c.json, c.options);
      return (r.filter !== undefined) === r.diagnostics.some((d) => d.severity === 'error');
    });
    expect(wrong.map((c) => c.name)).toEqual([]);
  });

  it('match the reviewed baseline', async () => {
    await expect(CASES.map(baseline).join('\n')).toMatchFileSnapshot('./__snapshots__/decompiler.errors.txt');
  });
});
