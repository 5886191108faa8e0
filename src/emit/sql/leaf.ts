/**
 * One test of one value (a column's, or an array element's) as a SQL
 * condition that is TRUE, FALSE or NULL exactly when the predicate's test
 * (src/emit/predicate.ts) is true, false or unknown.
 *
 * The value domain and the constant come from the predicate's own
 * `domainOf` / `lowerLiteral`, so both back ends read a literal the same
 * way; a constant that does not lower is unknown in both. SQL comparisons
 * are NULL for a NULL operand, which is the predicate's "unknown for null".
 */
import type { CompareOp, Literal, Test } from '../../ast/nodes.js';
import type { RegexDialect, ValueType } from '../../catalogue/types.js';
import type { DiagnosticCode } from '../../diagnostics/codes.js';
import { lower } from '../../semantics/strings.js';
import { domainOf, lowerLiteral } from '../predicate.js';
import { caseDivergence } from './case.js';
import type { Spelling } from './dialects.js';
import { instantText, type ParamList } from './params.js';
import { phrasePattern, wildcardPattern } from './patterns.js';
import { translateRe2ToPostgres } from './regex-postgres.js';

/** What a leaf needs besides the test. */
export interface LeafContext {
  readonly spelling: Spelling;
  readonly params: ParamList;
  readonly regexDialect: RegexDialect;
  /** Reports a diagnostic at the most precise of `nodes` (range for text, JSON path for `where` JSON). */
  readonly report: (code: DiagnosticCode, message: string, nodes: readonly (object | undefined)[]) => void;
}

/** The operand a test reads: a column (or element) expression, and what it holds. */
export interface Operand {
  readonly sql: string;
  readonly type: ValueType;
  /** A whole array column (only `empty` and `is null` test one directly). */
  readonly array: boolean;
  /** The `uppercase` modifier, applied by the caller to `sql`: its value is then case-mapped. */
  readonly cased: boolean;
  /** How messages name it: `anchor`, `an element of languages`. */
  readonly label: string;
}

const SQL_OPS: Readonly<Partial<Record<CompareOp, string>>> = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** The predicate's `lower`: Unicode lower case, then final sigma folded (src/semantics/strings.ts). */
function folded(s: Spelling, x: string): string {
  return s.replace(s.lower(x), 'ς', 'σ');
}

function warnCase(ctx: LeafContext, operand: Operand, value: string, why: string, nodes: readonly (object | undefined)[]): void {
  const ch = caseDivergence(ctx.spelling.dialect, value);
  if (ch === undefined) return;
  ctx.report('sql-case-divergence', `${why} on ${operand.label}: ${ctx.spelling.dialect} cases "${ch}" with a simple one-to-one mapping where the predicate uses JavaScript's full mapping, so rows may differ (docs/sql.md, "Case").`, nodes);
}

function stringCompare(ctx: LeafContext, op: CompareOp, operand: Operand, c: string, literal: Literal): string {
  const s = ctx.spelling;
  const x = operand.sql;
  const text = (v: string) => ctx.params.bind(v, 'text');
  if (operand.cased) warnCase(ctx, operand, c, 'The uppercase modifier', [literal]);
  const sqlOp = SQL_OPS[op];
  if (sqlOp !== undefined) return `(${s.ordered(x)} ${sqlOp} ${text(c)})`;
  switch (op) {
    case 'substring': return s.contains(x, text(c));
    case 'prefix': return s.startsWith(x, text(c));
    case 'suffix': return s.endsWith(x, text(s.reversedSuffix ? [...c].reverse().join('') : c));
    case 'isubstring':
      warnCase(ctx, operand, c, 'A case-insensitive test', [literal]);
      return s.contains(folded(s, x), folded(s, text(c)));
    case 'phrase_match':
    case 'iphrase_match': {
      const insensitive = op === 'iphrase_match';
      if (insensitive) warnCase(ctx, operand, c, 'A case-insensitive phrase', [literal]);
      const pattern = phrasePattern(insensitive ? lower(c) : c, s.dialect === 'postgres' ? 'ranges' : 're2');
      // No words: the empty phrase occurs in every string, so the test is TRUE for strings, NULL for NULL.
      if (pattern === undefined) return `(${x} IS NOT NULL OR NULL)`;
      return s.regex(insensitive ? folded(s, x) : x, text(pattern));
    }
    case 'regex': {
      const re2 = ctx.regexDialect === 'wildcard' ? wildcardPattern(c) : c;
      if (s.dialect !== 'postgres') return s.regex(x, text(re2));
      const are = translateRe2ToPostgres(re2);
      if (!are.ok) {
        ctx.report('sql-regex-unsupported', `PostgreSQL's regular expressions cannot express this pattern with RE2's meaning (${are.message}, at offset ${are.offset}); match it on DuckDB or ClickHouse, or rewrite it without that feature.`, [literal]);
        return s.unknown;
      }
      return s.regex(x, text(are.pattern));
    }
    default: return s.unknown;
  }
}

/** One comparison; NULL (unknown) where the predicate's is unknown for every value. */
function compare(ctx: LeafContext, op: CompareOp, literal: Literal, operand: Operand): string {
  const s = ctx.spelling;
  const domain = domainOf(operand.type, literal);
  const c = domain === undefined ? undefined : lowerLiteral(literal, domain);
  if (c === undefined) return s.unknown;
  const sqlOp = SQL_OPS[op];
  switch (domain) {
    case 'string': return stringCompare(ctx, op, operand, c as string, literal);
    case 'number': {
      if (sqlOp === undefined) return s.unknown;
      const n = c as number;
      const type = operand.type === 'integer' && Number.isSafeInteger(n) ? 'bigint' : 'double';
      return `(${operand.sql} ${sqlOp} ${ctx.params.bind(n, type)})`;
    }
    case 'date':
      if (sqlOp === undefined) return s.unknown;
      return `(${operand.sql} ${sqlOp} ${ctx.params.bind(instantText(s.dialect, c as number), 'timestamp')})`;
    case 'boolean':
      if (op !== 'eq' && op !== 'neq') return s.unknown;
      return `(${operand.sql} ${sqlOp} ${ctx.params.bind(c as boolean, 'boolean')})`;
    default: return s.unknown;
  }
}

/** `in (a, b, …)`: the `or` of `eq` it means; `IN` where the dialect keeps NULL for it and every constant lowers. */
function inList(ctx: LeafContext, values: readonly Literal[], operand: Operand): string {
  const s = ctx.spelling;
  const domain = domainOf(operand.type, values[0]);
  const constants = domain === 'string' || domain === 'number' ? values.map((v) => lowerLiteral(v, domain)) : [];
  if (s.nullSafeIn && constants.length > 0 && !constants.includes(undefined)) {
    if (domain === 'string') {
      if (operand.cased) for (const v of values) warnCase(ctx, operand, String(lowerLiteral(v, domain)), 'The uppercase modifier', [v]);
      return `(${s.ordered(operand.sql)} IN (${constants.map((c) => ctx.params.bind(c as string, 'text')).join(', ')}))`;
    }
    const integer = operand.type === 'integer' && constants.every((c) => Number.isSafeInteger(c));
    return `(${operand.sql} IN (${constants.map((c) => ctx.params.bind(c as number, integer ? 'bigint' : 'double')).join(', ')}))`;
  }
  return `(${values.map((v) => compare(ctx, 'eq', v, operand)).join(' OR ')})`;
}

/** `empty`: `""` / `[]` TRUE, other strings / arrays FALSE, NULL NULL. */
function empty(ctx: LeafContext, operand: Operand): string {
  const s = ctx.spelling;
  if (operand.array) return `(${s.arrayLength(operand.sql)} = 0)`;
  // The one constant that is not bound: the empty string, part of the operator's meaning, not a value.
  return `(${s.ordered(operand.sql)} = '')`;
}

/** The SQL condition of one test on `operand`. */
export function testSql(ctx: LeafContext, test: Test, operand: Operand): string {
  switch (test.kind) {
    case 'null': return `(${operand.sql} IS NULL)`;
    case 'empty': return empty(ctx, operand);
    case 'compare': return compare(ctx, test.op, test.value, operand);
    case 'in': return inList(ctx, test.values, operand);
    case 'between': return `(${compare(ctx, 'gte', test.low, operand)} AND ${compare(ctx, 'lte', test.high, operand)})`;
  }
}
