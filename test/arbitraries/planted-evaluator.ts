/**
 * A small evaluator of filter ASTs (docs/semantics.md), written for the
 * planted-bug test: each {@link Bug} switches on one mistake that real
 * evaluators make. With no bug it agrees with the library (the test checks
 * that first), so every disagreement found is the planted bug.
 */
import { RE2JS } from 're2js';
import type { ElementFilter, Filter, Literal, Test } from '../../src/ast/index.js';
import type { Catalogue, Column } from '../../src/catalogue/index.js';
import { parseInstant } from '../../src/vocabulary/index.js';

export const BUGS = [
  /** `not unknown` taken as true (unknown read as false, then negated). */
  'null-under-not',
  /** `all(col) …` over `[]` is false (it is true: no element fails). */
  'all-over-empty',
  /** `icontains` folds case with toUpperCase (`ß` → `SS`, `ı` → `I`) instead of toLowerCase. */
  'case-folding',
  /** `icontains` lower-cases but forgets to fold the final sigma `ς` to `σ`. */
  'final-sigma',
  /** Dates compared with their zone offset ignored (local time read as UTC). */
  'date-offsets',
  /** `between` with exclusive bounds. */
  'between-bounds',
  /** `uppercase(col)` applied to the filter's value too. */
  'modifier-on-value',
] as const;
export type Bug = (typeof BUGS)[number];

type Truth = boolean | null;
const and3 = (xs: Truth[]): Truth => (xs.includes(false) ? false : xs.includes(null) ? null : true);
const or3 = (xs: Truth[]): Truth => (xs.includes(true) ? true : xs.includes(null) ? null : false);

function codePointCompare(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

const words = (s: string) => [...s.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
function phrase(text: string, p: string): boolean {
  const hay = words(text);
  const needle = words(p);
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((w, j) => hay[i + j] === w)) return true;
  return false;
}

export class PlantedEvaluator {
  constructor(private readonly catalogue: Catalogue, private readonly bug: Bug | undefined) {}

  private fold(s: string): string {
    if (this.bug === 'case-folding') return s.toUpperCase();
    const lower = s.toLowerCase();
    return this.bug === 'final-sigma' ? lower : lower.replace(/ς/g, 'σ');
  }

  private instant(s: string): number | null {
    if (this.bug === 'date-offsets') return parseInstant(s.replace(/(Z|[+-]\d\d:\d\d)$/, ''));
    return parseInstant(s);
  }

  private not(x: Truth): Truth {
    if (this.bug === 'null-under-not' && x === null) return true;
    return x === null ? null : !x;
  }

  private order(op: string, c: number): Truth {
    return op === 'eq' ? c === 0 : op === 'neq' ? c !== 0 : op === 'gt' ? c > 0 : op === 'gte' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0;
  }

  private compare(op: string, v: unknown, lit: Literal, column: Column, modified: boolean): Truth {
    if (v === null || v === undefined || lit.kind === 'null') return null;
    const c = lit.value;
    switch (column.type) {
      case 'integer': case 'float':
        if (typeof v !== 'number' || Number.isNaN(v)) return null;
        return this.order(op, v === c ? 0 : v < (c as number) ? -1 : 1);
      case 'boolean':
        return typeof v === 'boolean' ? this.order(op, v === c ? 0 : 1) : null;
      case 'date': case 'datetime': {
        const a = typeof v === 'string' ? this.instant(v) : null;
        const b = this.instant(String(c));
        return a === null || b === null ? null : this.order(op, a - b);
      }
      default: {
        if (typeof v !== 'string') return null;
        let s = String(c);
        if (modified && this.bug === 'modifier-on-value') s = s.toUpperCase();
        switch (op) {
          case 'substring': return v.includes(s);
          case 'isubstring': return this.fold(v).includes(this.fold(s));
          case 'prefix': return v.startsWith(s);
          case 'suffix': return v.endsWith(s);
          case 'phrase_match': return phrase(v, s);
          case 'iphrase_match': return phrase(this.fold(v), this.fold(s));
          case 'regex': {
            const source = this.catalogue.regexDialect === 'wildcard'
              ? [...s].map((ch) => (ch === '*' ? '.*' : /[\\.+?()[\]{}|^$]/.test(ch) ? `\\${ch}` : ch)).join('') : s;
            return RE2JS.compile(source, RE2JS.DOTALL).matcher(v).find();
          }
          default: return this.order(op, codePointCompare(v, s));
        }
      }
    }
  }

  private test(t: Test, v: unknown, column: Column, array: boolean, modified: boolean): Truth {
    if (v === undefined) v = null;
    switch (t.kind) {
      case 'null': return v === null;
      case 'empty':
        if (v === null) return null;
        if (array) return Array.isArray(v) ? v.length === 0 : null;
        return typeof v === 'string' ? v.length === 0 : null;
      case 'compare': return this.compare(t.op, v, t.value, column, modified);
      case 'in': return or3(t.values.map((l) => this.compare('eq', v, l, column, modified)));
      case 'between':
        if (this.bug === 'between-bounds') return and3([this.compare('gt', v, t.low, column, modified), this.compare('lt', v, t.high, column, modified)]);
        return and3([this.compare('gte', v, t.low, column, modified), this.compare('lte', v, t.high, column, modified)]);
    }
  }

  private element(e: ElementFilter, v: unknown, column: Column): Truth {
    switch (e.kind) {
      case 'and': return and3(e.operands.map((o) => this.element(o, v, column)));
      case 'or': return or3(e.operands.map((o) => this.element(o, v, column)));
      case 'not': return this.not(this.element(e.operand, v, column));
      case 'test': return this.test(e.test, v, column, false, false);
      default: return null;
    }
  }

  evaluate(f: Filter, row: Readonly<Record<string, unknown>>): Truth {
    switch (f.kind) {
      case 'and': return and3(f.operands.map((o) => this.evaluate(o, row)));
      case 'or': return or3(f.operands.map((o) => this.evaluate(o, row)));
      case 'not': return this.not(this.evaluate(f.operand, row));
      case 'invalid': return null;
      default: {
        const column = this.catalogue.byName.get(f.field.name)!;
        let v = Object.prototype.hasOwnProperty.call(row, f.field.name) ? row[f.field.name] : null;
        if (f.kind === 'condition') {
          if (f.modifier && typeof v === 'string') v = v.toUpperCase();
          return this.test(f.test, v, column, column.array, f.modifier !== undefined);
        }
        if (!Array.isArray(v)) return null;
        const items = Array.from(v, (e) => this.element(f.element, e ?? null, column));
        if (f.quantifier === 'any') return or3(items);
        if (this.bug === 'all-over-empty' && items.length === 0) return false;
        return and3(items);
      }
    }
  }
}
