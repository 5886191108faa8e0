/**
 * Round-trip laws on the exported arbitraries:
 * text → AST → JSON → AST → text gives the text back; the generated ASTs
 * check without diagnostics; decompiling emitted JSON gives the AST back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, compile, decompile } from '../../src/api/compile.js';
import { filterAst, filterText, whereJson } from '../../src/arbitraries/index.js';
import { decompileTree } from '../../src/decompile/decompile.js';
import { printFilter } from '../../src/emit/text.js';
import { emitWhere, stringifyWhere } from '../../src/emit/where-json.js';
import { parse } from '../../src/syntax/parse.js';
import { named, stripRanges } from './helpers.js';
import { runs, timeout } from './runs.js';
import { ANALYSIS_CODES } from '../../src/check/index.js';

/** The diagnostics of typing and syntax: the static analysis may rightly warn on generated filters (`x = 1 or x = 1`). */
const typing = <D extends { code: string }>(ds: readonly D[]) => ds.filter((d) => !(ANALYSIS_CODES as readonly string[]).includes(d.code));

describe.each(named)('round trips on %s', (_, catalogue) => {
  const options = { catalogue };

  it('generated ASTs check without a single diagnostic', () => {
    fc.assert(fc.property(filterAst(catalogue), (ast) => {
      expect(typing(check(ast, options))).toEqual([]);
    }), runs(200));
  }, timeout());

  it('text → AST → JSON → AST → text gives the same text', () => {
    fc.assert(fc.property(filterText(catalogue), (text) => {
      const compiled = compile(text, options);
      expect(typing(compiled.diagnostics)).toEqual([]);
      const back = decompile(compiled.where, options);
      expect(typing(back.diagnostics)).toEqual([]);
      expect(back.text).toBe(text);
    }), runs(200));
  }, timeout());

  it('parse(print(ast)) is the AST (modulo ranges)', () => {
    fc.assert(fc.property(filterAst(catalogue), (ast) => {
      const parsed = parse(printFilter(ast));
      expect(typing(parsed.diagnostics)).toEqual([]);
      expect(stripRanges(parsed.document.filter)).toEqual(ast);
    }), runs(200));
  }, timeout());

  it('decompile(emit(ast)) is the AST, and JSON → AST → JSON keeps every byte', () => {
    fc.assert(fc.property(filterAst(catalogue), (ast) => {
      const json = stringifyWhere(emitWhere(ast));
      const result = decompileTree(json, options);
      expect(typing(result.diagnostics)).toEqual([]);
      expect(result.filter).toEqual(ast);
      expect(stringifyWhere(emitWhere(result.filter!))).toBe(json);
    }), runs(300));
  }, timeout());

  it('compiling the text gives the JSON the AST emits', () => {
    fc.assert(fc.property(filterAst(catalogue), (ast) => {
      expect(compile(printFilter(ast), options).json).toBe(stringifyWhere(emitWhere(ast)));
    }), runs(200));
  }, timeout());

  it('whereJson values decompile cleanly and compile back to the same bytes', () => {
    fc.assert(fc.property(whereJson(catalogue), (where) => {
      const json = JSON.stringify(where);
      const back = decompile(json, options);
      expect(back.ok).toBe(true);
      expect(compile(back.text!, options).json).toBe(json);
    }), runs(200));
  }, timeout());
});
