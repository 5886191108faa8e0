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
import type { SQL_CODES } from '../../diagnostics/codes.js';
import { lower } from '../../semantics/strings.js';
import { domainOf, lowerLiteral } from '../predicate-core.js';
import { caseDivergence, lowerFolded } from './case.js';
import type { Spelling } from './dialects.js';
import { instantText, type ParamList } from './params.js';
import { phrasePattern, wildcardPattern } from './patterns.js';
import { translateRe2ToPostgres } from './regex-postgres.js';
import { unicodeDependence } from './regex-re2.js';

/** What a leaf needs besides the test. */
export interface LeafContext {
  readonly spelling: Spelling;
  readonly params: ParamList;
  readonly regexDialect: RegexDialect;
  /** Reports a diagnostic at the most precise of `nodes` (range for text, JSON path for `where` JSON). */
  readonly report: (code: keyof typeof SQL_CODES, message: string, nodes: readonly (object | undefined)[]) => void;
}

/** The operand a test reads: a column (or element) expression, and what it holds. */
export interface Operand {
  readonly sql: string;
  readonly type: ValueType;
  /** A whole array column (only `empty` and `is null` test one directly). */
  readonly array: boolean;
  /** The `uppercase` modifier, applied by the caller to `sql` (case.ts `upperCase`). */
  readonly cased: boolean;
  /** How messages name it: `anchor`, `an element of languages`. */
  readonly label: string;
}

const SQL_OPS: Readonly<Partial<Record<CompareOp, string>>> = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };

const folded = lowerFolded;

/** A case-dependent test whose value holds a character the engine's Unicode tables case differently. */
function warnCase(ctx: LeafContext, operand: Operand, value: string, nodes: readonly (object | undefined)[]): void {
  const found = ctx.spelling.simpleCasing ? caseDivergence(value) : undefined;
  if (found === undefined) return;
  const cp = `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  ctx.report('sql-case-divergence', `A case-insensitive test or the uppercase modifier on ${operand.label}: the value holds "${found}" (${cp}), whose case mapping (Unicode 16) ${ctx.spelling.dialect}'s tables may not have, so rows may differ from the predicate (docs/sql.md, "Case").`, nodes);
}

/** A regex that reads the engine's Unicode tables (`\pL`, `(?i)` on non-ASCII), which are older than JavaScript's. */
function warnUnicode(ctx: LeafContext, operand: Operand, pattern: string, literal: Literal): void {
  const found = unicodeDependence(pattern);
  if (found === undefined) return;
  ctx.report('sql-regex-unicode-divergence', `The regex on ${operand.label} uses ${found.feature} at offset ${found.offset} of the pattern, which ${ctx.spelling.dialect} reads from its RE2's Unicode tables (15), older than the predicate's (16): letters, digits or case pairs added since (U+1428A, U+A7CB) match differently, so rows may differ from the predicate (docs/sql.md, "Divergences"). Spell the characters you mean as ranges (e.g. [a-zA-Z\\x{C0}-\\x{24F}] for Latin letters), or keep the warning if rows hold no characters newer than Unicode 15.`, [literal]);
}

/** TRUE / FALSE for every string, NULL for NULL: a test decided by the value alone. */
const forStrings = (x: string, value: boolean) => (value ? `(${x} IS NOT NULL OR NULL)` : `(${x} IS NULL AND NULL)`);

/**
 * A value holding U+0000 where text cannot (PostgreSQL): no stored string
 * holds one either, so equality and containment are decided, and an order
 * comparison is one with the part before the first U+0000 (every stored
 * string is either at most that part, or greater than the whole value).
 */
function nulValue(ctx: LeafContext, op: CompareOp, x: string, c: string): string | undefined {
  if (ctx.spelling.textHoldsNul || !c.includes('\u0000')) return undefined;
  const head = () => ctx.params.bind(c.slice(0, c.indexOf('\u0000')), 'text');
  switch (op) {
    case 'eq': case 'substring': case 'isubstring': case 'prefix': case 'suffix': return forStrings(x, false);
    case 'neq': return forStrings(x, true);
    case 'lt': case 'lte': return `(${ctx.spelling.ordered(x)} <= ${head()})`;
    case 'gt': case 'gte': return `(${ctx.spelling.ordered(x)} > ${head()})`;
    default: return undefined; // phrases read words only; a regex is refused by the translator
  }
}

function stringCompare(ctx: LeafContext, op: CompareOp, operand: Operand, c: string, literal: Literal): string {
  const s = ctx.spelling;
  const x = operand.sql;
  const decided = nulValue(ctx, op, x, c);
  if (decided !== undefined) return decided;
  const text = (v: string) => ctx.params.bind(v, 'text');
  if (operand.cased) warnCase(ctx, operand, c, [literal]);
  const sqlOp = SQL_OPS[op];
  if (sqlOp !== undefined) return `(${s.ordered(x)} ${sqlOp} ${text(c)})`;
  switch (op) {
    case 'substring': return s.contains(x, text(c));
    case 'prefix': return s.startsWith(x, text(c));
    case 'suffix': return s.endsWith(x, text(s.reversedSuffix ? [...c].reverse().join('') : c));
    case 'isubstring':
      warnCase(ctx, operand, c, [literal]);
      return s.contains(folded(s, x), folded(s, text(c)));
    case 'phrase_match':
    case 'iphrase_match': {
      const insensitive = op === 'iphrase_match';
      if (insensitive) warnCase(ctx, operand, c, [literal]);
      const pattern = phrasePattern(insensitive ? lower(c) : c, s.dialect === 'postgres' ? 'are' : 're2');
      // No words: the empty phrase occurs in every string.
      if (pattern === undefined) return forStrings(x, true);
      return s.regex(insensitive ? folded(s, x) : x, text(pattern));
    }
    case 'regex': {
      const re2 = ctx.regexDialect === 'wildcard' ? wildcardPattern(c) : c;
      if (s.dialect !== 'postgres') {
        if (s.re2UnicodeTables) warnUnicode(ctx, operand, re2, literal);
        return s.regex(x, text(s.userPattern(re2)));
      }
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
  const bindable = s.textHoldsNul || !constants.some((c) => typeof c === 'string' && c.includes('\u0000'));
  if (s.nullSafeIn && bindable && constants.length > 0 && !constants.includes(undefined)) {
    if (domain === 'string') {
      if (operand.cased) for (const v of values) warnCase(ctx, operand, String(lowerLiteral(v, domain)), [v]);
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
