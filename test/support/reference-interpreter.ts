/**
 * A reference interpreter of spec §4, written for clarity and not for speed:
 * it evaluates the `where` JSON (what `emitWhere` sends to the API) on one
 * row. It shares no code with src/semantics or src/emit/predicate.ts, so the
 * differential test compares two independent readings of the spec.
 * Unknown is `null` throughout.
 */
import { RE2JS } from 're2js';
import type { WhereCondition, WhereConditionFilter, WhereFilter, WhereValue } from '../../src/ast/where-json.js';
import type { Catalogue, ValueType } from '../../src/catalogue/types.js';

export type Truth = true | false | null;

interface ColumnInfo {
  readonly type: ValueType;
  readonly array: boolean;
}

// ------------------------------------------------------------ logic

function and3(values: Truth[]): Truth {
  if (values.includes(false)) return false;
  if (values.includes(null)) return null;
  return true;
}

function or3(values: Truth[]): Truth {
  if (values.includes(true)) return true;
  if (values.includes(null)) return null;
  return false;
}

function not3(value: Truth): Truth {
  return value === null ? null : !value;
}

// ------------------------------------------------------------ values

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Epoch ms of an accepted date form, or null. */
export function referenceInstant(text: string): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  date.setUTCHours(Number(h), Number(mi), Number(s), Number((frac + '000').slice(0, 3)));
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone[0] === '+' ? 1 : -1) * (oh * 60 + om);
  }
  return date.getTime() - offsetMinutes * 60_000;
}

/** Code-point order through arrays of code points: slow and obvious. */
function compareByCodePoint(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** Lower-casing as the spec's docs choose: toLowerCase, final sigma folded. */
function fold(text: string): string {
  return text.toLowerCase().split('ς').join('σ');
}

function wordsOf(text: string): string[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
}

function phraseIn(text: string, phrase: string): boolean {
  const haystack = wordsOf(text);
  const needle = wordsOf(phrase);
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((w, i) => haystack[start + i] === w)) return true;
  }
  return false;
}

function wildcardPattern(pattern: string): string {
  let out = '';
  for (const ch of pattern) out += ch === '*' ? '.*' : /[\\.+?()[\]{}|^$]/.test(ch) ? `\\${ch}` : ch;
  return out;
}

function regexFind(pattern: string, text: string, dialect: 're2' | 'wildcard'): boolean {
  const source = dialect === 'wildcard' ? wildcardPattern(pattern) : pattern;
  return RE2JS.compile(source, RE2JS.DOTALL).matcher(text).find();
}

// ------------------------------------------------------------ conditions

type Kind = 'number' | 'boolean' | 'string' | 'date';

function kindOf(type: ValueType, constant: WhereValue): Kind {
  if (type === 'integer' || type === 'float') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'date' || type === 'datetime') return 'date';
  if (type === 'string' || type === 'url' || type === 'domain') return 'string';
  if (typeof constant === 'number') return 'number';
  if (typeof constant === 'boolean') return 'boolean';
  return referenceInstant(constant) !== null && /^\d{4}-\d{2}-\d{2}(T|$)/.test(constant) ? 'date' : 'string';
}

function ordered(op: string, cmp: number): Truth {
  switch (op) {
    case 'eq': return cmp === 0;
    case 'neq': return cmp !== 0;
    case 'gt': return cmp > 0;
    case 'gte': return cmp >= 0;
    case 'lt': return cmp < 0;
    case 'lte': return cmp <= 0;
    default: return null;
  }
}

function condition(cond: WhereCondition, value: unknown, column: ColumnInfo, dialect: 're2' | 'wildcard'): Truth {
  if (value === undefined) value = null;
  if (cond === 'is_null') return value === null;
  if (cond === 'empty') {
    if (value === null) return null;
    const isString = column.type === 'string' || column.type === 'url' || column.type === 'domain';
    if (column.array) return Array.isArray(value) ? value.length === 0 : null;
    if (isString) return typeof value === 'string' ? value.length === 0 : null;
    return value === '' || (Array.isArray(value) && value.length === 0);
  }
  const [op, constant] = cond;
  if (value === null) return null;
  switch (kindOf(column.type, constant)) {
    case 'number':
      if (typeof value !== 'number' || Number.isNaN(value)) return null;
      return ordered(op, value === (constant as number) ? 0 : value < (constant as number) ? -1 : 1);
    case 'boolean':
      if (typeof value !== 'boolean') return null;
      return op === 'eq' ? value === constant : op === 'neq' ? value !== constant : null;
    case 'date': {
      if (typeof value !== 'string') return null;
      const a = referenceInstant(value);
      const b = referenceInstant(constant as string);
      if (a === null || b === null) return null;
      return ordered(op, a - b);
    }
    case 'string': {
      if (typeof value !== 'string') return null;
      const c = constant as string;
      switch (op) {
        case 'substring': return value.includes(c);
        case 'isubstring': return fold(value).includes(fold(c));
        case 'prefix': return value.startsWith(c);
        case 'suffix': return value.endsWith(c);
        case 'phrase_match': return phraseIn(value, c);
        case 'iphrase_match': return phraseIn(fold(value), fold(c));
        case 'regex': return regexFind(c, value, dialect);
        default: return ordered(op, compareByCodePoint(value, c));
      }
    }
  }
}

function conditionFilter(node: WhereConditionFilter, value: unknown, column: ColumnInfo, dialect: 're2' | 'wildcard'): Truth {
  if (typeof node === 'string' || Array.isArray(node)) return condition(node as WhereCondition, value, column, dialect);
  if ('and' in node) return and3(node.and.map((n) => conditionFilter(n, value, column, dialect)));
  if ('or' in node) return or3(node.or.map((n) => conditionFilter(n, value, column, dialect)));
  return not3(conditionFilter((node as { not: WhereConditionFilter }).not, value, column, dialect));
}

// ------------------------------------------------------------ filters

function columnInfo(catalogue: Catalogue, field: string): ColumnInfo {
  const column = catalogue.byName.get(field);
  return column ? { type: column.type, array: column.array } : { type: 'unknown', array: false };
}

/** A column, or a dotted path into an object column read step by step (own properties of non-array objects only). */
function read(row: Readonly<Record<string, unknown>>, field: string): unknown {
  let value: unknown = row;
  for (const step of field.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, step)) return null;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/** Evaluates `where` JSON on a row: `true`, `false`, or `null` for unknown. */
export function referenceEvaluate(where: WhereFilter, row: Readonly<Record<string, unknown>>, catalogue: Catalogue): Truth {
  const dialect = catalogue.regexDialect;
  const visit = (node: WhereFilter): Truth => {
    if ('and' in node) return and3(node.and.map(visit));
    if ('or' in node) return or3(node.or.map(visit));
    if ('not' in node) return not3(visit(node.not));
    const column = columnInfo(catalogue, node.field);
    let value = read(row, node.field);
    if ('is' in node) {
      if (node.modifier === 'uppercase' && typeof value === 'string') value = value.toUpperCase();
      return condition(node.is, value, { type: column.type, array: column.array }, dialect);
    }
    if (!Array.isArray(value)) return null;
    const elementColumn = { type: column.type, array: false };
    const list = node.list_is;
    // Array.from visits holes of sparse arrays (as undefined, i.e. null); map would skip them.
    if ('any' in list) return or3(Array.from(value, (e) => conditionFilter(list.any, e, elementColumn, dialect)));
    return and3(Array.from(value, (e) => conditionFilter(list.all, e, elementColumn, dialect)));
  };
  return visit(where);
}
