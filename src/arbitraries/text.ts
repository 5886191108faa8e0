/**
 * Query text that is not what `format` prints: invalid text labelled with
 * the diagnostic code it must get, and non-canonical spellings of valid
 * filters labelled with the canonical text they stand for.
 */
import fc from 'fast-check';
import { foldTree, forEachLeaf, type ElementFilter, type Filter, type Literal, type RowTest, type Test } from '../ast/index.js';
import type { Catalogue, Column } from '../catalogue/index.js';
import type { DiagnosticCode } from '../diagnostics/index.js';
import { emitWhere, printFilter, printLiteral } from '../emit/index.js';
import type { WhereFilter } from '../ast/index.js';
import { isPlainName, OPERATOR_TEXT, quoteName } from '../vocabulary/index.js';
import { filterAst, isCheckable, printsAs } from './ast.js';
import { illTypedCase } from './negative.js';
import { Problems, type FilterAstOptions } from './options.js';

// ------------------------------------------------------------------ invalid text

/** Invalid query text and the code the diagnostics must include. */
export interface InvalidTextCase {
  readonly text: string;
  readonly code: DiagnosticCode;
}

type Defect = (c: Column) => readonly [string, DiagnosticCode][];

/** Text defects per column type, each with the code it must get. */
const DEFECTS: Readonly<Record<'string' | 'number' | 'date' | 'any', Defect>> = {
  string: (c) => [
    [`${c.name} = "seo`, 'unterminated-string'], [`${c.name} = "a\\qb"`, 'invalid-escape'], [`${c.name} = "\\u{110000}"`, 'invalid-escape'],
    [`${c.name} matches /seo`, 'unterminated-regex'], [`${c.name} contains`, 'unexpected-end'], [`${c.name} contains contains "x"`, 'unexpected-token'],
  ],
  number: (c) => [
    [`${c.name} = 99999999999999999999`, 'invalid-number'], [`${c.name} >= 1e999`, 'invalid-number'], [`${c.name} >=`, 'unexpected-end'],
    [`${c.name} >= and 5`, 'unexpected-token'], [`${c.name} = 5 @`, 'unknown-character'],
  ],
  date: (c) => [
    [`${c.name} >= 2023-02-29`, 'invalid-date'], [`${c.name} < 2024-13-01`, 'invalid-date'],
    ...(c.type === 'datetime' ? [[`${c.name} < 2024-01-01T25:00`, 'invalid-date'] as [string, DiagnosticCode]] : []),
  ],
  any: (c) => [[`(${c.name} is null`, 'unexpected-end'], [`${c.name} ~ 1`, 'unknown-character']],
};

/**
 * Invalid query text, each labelled with the code its diagnostics must
 * include: lexical and syntax errors (unterminated strings and regexes, bad
 * escapes, impossible dates, numbers that cannot be exact, stray characters,
 * missing or unexpected tokens, empty input, nesting past the limit) and the
 * type errors of {@link illTypedCase}, printed. A defect stands alone or
 * after valid text. Prints as `code: text` in fast-check's reports.
 *
 * @example
 * fc.assert(fc.property(invalidTextCase(allBacklinks), ({ text, code }) =>
 *   check(text).some((d) => d.code === code)));
 */
export function invalidTextCase(catalogue: Catalogue, options: FilterAstOptions = {}): fc.Arbitrary<InvalidTextCase> {
  const cols = catalogue.columns.filter((c) => isCheckable(c) && !c.array && isPlainName(c.name));
  const pick = (test: (c: Column) => boolean, defect: Defect) => cols.filter(test).flatMap(defect);
  const lexical = [
    ...pick((c) => (c.type === 'string' || c.type === 'url' || c.type === 'domain') && !c.enumValues, DEFECTS.string),
    ...pick((c) => c.type === 'integer' || c.type === 'float', DEFECTS.number),
    ...pick((c) => c.type === 'date' || c.type === 'datetime', DEFECTS.date),
    ...pick(() => true, DEFECTS.any),
  ];
  const alone: [string, DiagnosticCode][] = [['', 'empty-filter'], ['   \n', 'empty-filter'], ['# only a comment', 'empty-filter']];
  const valid = filterText(catalogue, { maxDepth: 1, ...options });
  const defect = lexical.length > 0 ? fc.constantFrom(...lexical) : fc.constantFrom(...alone);
  // `matches 5` is a syntax error in text (a pattern is a string or /…/): that type error exists only in trees.
  const typeErrors = illTypedCase(catalogue, options).filter((c) => !numericPattern(c.filter))
    .map((c): [string, DiagnosticCode] => [printFilter(c.filter), c.code]);
  const deep = valid.map((t): [string, DiagnosticCode] => [`${'('.repeat(130)}${t}${')'.repeat(130)}`, 'nesting-too-deep']);
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: defect, weight: 4 },
    { arbitrary: fc.tuple(valid, defect).map(([v, [d, code]]): [string, DiagnosticCode] => [`${v} and ${d}`, code]), weight: 3 },
    { arbitrary: typeErrors, weight: 4 },
    { arbitrary: fc.constantFrom(...alone), weight: 1 },
    { arbitrary: deep, weight: 1 },
  ).map(([text, code]) => printsAs({ text, code }, () => `${code}: ${text}`));
}

function numericPattern(filter: Filter): boolean {
  let found = false;
  forEachLeaf<RowTest>(filter, (l) => {
    if (l.kind === 'condition' && l.test.kind === 'compare' && l.test.op === 'regex' && l.test.value.kind !== 'string' && l.test.value.kind !== 'regex') found = true;
  });
  return found;
}

function filterText(catalogue: Catalogue, options: FilterAstOptions): fc.Arbitrary<string> {
  return filterAst(catalogue, options).map((ast) => printFilter(ast));
}

// ------------------------------------------------------------------ non-canonical text

/** A non-canonical spelling of a filter and the canonical text it stands for. */
export interface NonCanonicalCase {
  readonly text: string;
  /** What `format` prints for the filter without aliases and comments: `decompile(where).text`. */
  readonly canonical: string;
  /** The filter's `where` JSON: what `compile(text).where` gives. */
  readonly where: WhereFilter;
  /** True when `format(text)` is `canonical` (no alias, no comment in the text: `format` keeps both). */
  readonly formats: boolean;
}

/** Options of {@link nonCanonicalText}. */
export interface NonCanonicalOptions extends FilterAstOptions {
  /** Also write columns by their aliases (`DR`); then only `compile(text).where` equals `where`. Default false. */
  readonly aliases?: boolean;
  /** Also insert `#` comments at line breaks; then only `compile(text).where` equals `where`. Default false. */
  readonly comments?: boolean;
}

/** A small deterministic generator, so that one drawn seed decides every spelling choice of a text. */
function prng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

const NUMBER = /^-?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;

/** Writes a filter with the spelling choices `level` allows (0: canonical). */
class Speller {
  constructor(private readonly r: (n: number) => number, private readonly level: number, private readonly catalogue: Catalogue,
    private readonly o: { aliases: boolean; comments: boolean }, readonly used = { alias: false, comment: false }) {}

  private odd(): boolean {
    return this.level > 0 && this.r(4) < this.level;
  }

  kw(word: string): string {
    if (!this.odd()) return word;
    const k = this.r(3);
    return k === 0 ? word.toUpperCase() : k === 1 ? word[0]!.toUpperCase() + word.slice(1) : word.replace(/./g, (ch, i) => (i % 2 ? ch.toUpperCase() : ch));
  }

  space(): string {
    if (!this.odd()) return ' ';
    const k = this.r(5);
    if (k === 4 && this.o.comments) {
      this.used.comment = true;
      return ' # note\n';
    }
    return ['  ', '\n', '\t', '\n  '][k % 4]!;
  }

  name(name: string): string {
    const column = this.catalogue.byName.get(name);
    if (this.o.aliases && column && column.aliases.length > 0 && this.odd()) {
      this.used.alias = true;
      return column.aliases[this.r(column.aliases.length)]!;
    }
    return isPlainName(name) && this.odd() ? `\`${name}\`` : quoteName(name);
  }

  string(value: string): string {
    const q = this.odd() ? "'" : '"';
    let out = q;
    for (const ch of value) {
      const cp = ch.codePointAt(0)!;
      if (ch === q || ch === '\\') out += `\\${ch}`;
      else if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || (cp >= 0xd800 && cp <= 0xdfff) || this.r(10) === 0) {
        out += `\\u{${cp.toString(16)}}`;
      } else out += ch;
    }
    return out + q;
  }

  number(n: number): string {
    const canonical = printLiteral({ kind: 'number', value: n });
    if (!this.odd()) return canonical;
    const options = Number.isInteger(n) ? [`${canonical}.0`, `${canonical}e0`, `${canonical}E+0`] : [`${canonical}0`, `${canonical.replace(/^(-?)0\./, '$1.')}`];
    const pick = options[this.r(options.length)]!;
    return NUMBER.test(pick) && Object.is(Number(pick), n) ? pick : canonical;
  }

  literal(lit: Literal): string {
    if (lit.kind === 'string' && !lit.bare) return this.string(lit.value);
    if (lit.kind === 'number') return this.number(lit.value);
    if (lit.kind === 'boolean') return this.kw(String(lit.value));
    return printLiteral(lit);
  }

  test(test: Test): string {
    const s = () => this.space();
    switch (test.kind) {
      case 'null': return `${this.kw('is')}${s()}${this.kw('null')}`;
      case 'empty': return `${this.kw('is')}${s()}${this.kw('empty')}`;
      case 'in': return `${this.kw('in')}${s()}(${test.values.map((v) => this.literal(v)).join(`,${s()}`)})`;
      case 'between': return `${this.kw('between')}${s()}${this.literal(test.low)}${s()}${this.kw('and')}${s()}${this.literal(test.high)}`;
      case 'compare': {
        const words = OPERATOR_TEXT[test.op].split(' ').map((w) => (/^[a-z]+$/.test(w) ? this.kw(w) : w)).join(s());
        // A regex keeps its canonical spelling (a quoted pattern would print as one).
        const value = test.op === 'regex' ? printLiteral(test.value) : this.literal(test.value);
        return `${words}${s()}${value}`;
      }
    }
  }

  /** The boolean tree with every compound operand in parentheses (which keeps the tree exactly). */
  tree<L>(node: import('../ast/index.js').BoolTree<L>, leaf: (l: L) => string): string {
    const s = () => this.space();
    const group = (t: string) => `(${this.odd() ? ' ' : ''}${t})`;
    return foldTree<L, { text: string; leaf: boolean }>(node, {
      and: (ops) => ({ text: ops.map((o) => (o.leaf ? o.text : group(o.text))).join(`${s()}${this.kw('and')}${s()}`), leaf: false }),
      or: (ops) => ({ text: ops.map((o) => (o.leaf ? o.text : group(o.text))).join(`${s()}${this.kw('or')}${s()}`), leaf: false }),
      not: (o) => ({ text: `${this.kw('not')}${s()}${group(o.text)}`, leaf: false }),
      leaf: (l) => ({ text: this.odd() ? group(leaf(l)) : leaf(l), leaf: true }),
      invalid: () => ({ text: '', leaf: true }),
    }).text;
  }

  filter(f: Filter): string {
    return this.tree(f, (l) => {
      const s = () => this.space();
      if (l.kind === 'list') {
        const element = this.tree<{ kind: 'test'; test: Test }>(l.element as ElementFilter, (e) => this.test(e.test));
        return `${this.kw(l.quantifier)}(${this.name(l.field.name)})${s()}(${element})`;
      }
      const field = l.modifier ? `${l.modifier.name}(${this.name(l.field.name)})` : this.name(l.field.name);
      return `${field}${s()}${this.test(l.test)}`;
    });
  }
}

/**
 * Non-canonical spellings of valid filters, each with the canonical text it
 * stands for: keywords in any case, single quotes, `\u{…}` escapes, numbers
 * as `50.0` or `5e1`, backticks around plain names, `x = true` for `x`,
 * `not (x in …)` for `x not in …`, redundant parentheses, line breaks and
 * tabs; optionally aliases and comments. Shrinks towards the canonical text
 * itself. Prints as `text ⟶ canonical`.
 *
 * @example
 * fc.assert(fc.property(nonCanonicalText(allBacklinks), ({ text, canonical, formats }) =>
 *   !formats || format(text) === canonical));
 */
export function nonCanonicalText(catalogue: Catalogue, options: NonCanonicalOptions = {}): fc.Arbitrary<NonCanonicalCase> {
  const { aliases = false, comments = false, ...filterOptions } = options;
  const problems = new Problems();
  if (typeof aliases !== 'boolean') problems.add('aliases', 'true or false', aliases);
  if (typeof comments !== 'boolean') problems.add('comments', 'true or false', comments);
  problems.throwIfAny();
  return fc.tuple(filterAst(catalogue, filterOptions), fc.integer({ min: 0, max: 4 }), fc.noShrink(fc.nat())).map(([ast, level, seed]) => {
    const speller = new Speller(prng(seed), level, catalogue, { aliases, comments });
    const text = speller.filter(ast);
    const canonical = printFilter(ast);
    const c: NonCanonicalCase = { text, canonical, where: emitWhere(ast), formats: !speller.used.alias && !speller.used.comment };
    return printsAs(c, () => `${JSON.stringify(text)} ⟶ ${JSON.stringify(canonical)}`);
  });
}
