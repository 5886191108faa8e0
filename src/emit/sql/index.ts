/**
 * The SQL back end: a checked filter → one SQL boolean condition (no
 * `WHERE`) and its bound values, for DuckDB, PostgreSQL or ClickHouse, with
 * the predicate's meaning (spec §4, `sql.md`).
 *
 * The boolean structure comes from the one fold (src/ast/tree.ts): SQL's
 * `AND` / `OR` / `NOT` are Kleene, as §4. Leaves are leaf.ts. Quantifiers are
 * where SQL functions stop being three-valued (aggregates and `arrayExists`
 * drop NULL), so they are built from two two-valued existence tests, as the
 * predicate's `t` / `f` pair:
 *
 * | quantifier | TRUE when                      | FALSE when                         |
 * |------------|--------------------------------|------------------------------------|
 * | `any`      | some element's test IS TRUE    | no element's test IS NOT FALSE     |
 * | `all`      | no element's test IS NOT TRUE  | some element's test IS FALSE       |
 *
 * and NULL otherwise, or when the array is NULL. An empty array gives `any`
 * FALSE and `all` TRUE.
 */
import type { ElementTest, FieldRef, Filter, ListNode, RowTest, SourceRange } from '../../ast/nodes.js';
import { foldTree, type TreeFold } from '../../ast/tree.js';
import type { RegexDialect, ResolvedField } from '../../catalogue/types.js';
import { SQL_CODES } from '../../diagnostics/codes.js';
import { diagnosticWith, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SqlDialect } from './ddl.js';
import { SPELLINGS, type ParamStyle, type Spelling } from './dialects.js';
import { upperCase } from './case.js';
import { testSql, type LeafContext, type Operand } from './leaf.js';
import { ParamList, type SqlParam, type SqlParams } from './params.js';

export { SPELLINGS, typeName, type ParamStyle, type SqlValueType } from './dialects.js';
export { ParamList, instantText, type SqlParam, type SqlParams, type SqlValue } from './params.js';
export { translateRe2ToPostgres, type PostgresRegex } from './regex-postgres.js';
export { caseDivergence } from './case.js';

/** What the emitter needs besides the tree: the checker's resolutions and the table's names. */
export interface SqlEmitContext {
  readonly dialect: SqlDialect;
  readonly style: ParamStyle;
  readonly resolve: (ref: FieldRef) => ResolvedField | undefined;
  readonly regexDialect: RegexDialect;
  /** The table column holding an API column (identity unless mapped). */
  readonly columnName: (apiName: string) => string;
  /** Qualifies every column: `"t"."col"` (parts: `"s"."t"."col"`). */
  readonly table?: readonly string[] | undefined;
  /** JSON paths of nodes read from `where` JSON, for diagnostics without ranges. */
  readonly paths?: ReadonlyMap<object, string> | undefined;
}

export interface EmittedSql {
  /** The condition; undefined when a diagnostic is an error. */
  readonly sql: string | undefined;
  readonly params: SqlParams;
  /** The same values with their names and declared types, in order. */
  readonly paramList: readonly SqlParam[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Thrown for trees the checker rejects (recovery gaps, unresolved columns); the public API never passes one. */
export class SqlEmitError extends Error {
  override name = 'SqlEmitError';
}

class Emitter implements LeafContext {
  readonly spelling: Spelling;
  readonly params: ParamList;
  readonly regexDialect: RegexDialect;
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly ctx: SqlEmitContext) {
    this.spelling = SPELLINGS[ctx.dialect];
    this.params = new ParamList(ctx.dialect, ctx.style);
    this.regexDialect = ctx.regexDialect;
  }

  readonly report = (code: keyof typeof SQL_CODES, message: string, nodes: readonly (object | undefined)[]): void => {
    let location: { range?: SourceRange; path?: string } = {};
    for (const node of nodes) {
      if (!node) continue;
      const range = (node as { range?: SourceRange }).range;
      const path = this.ctx.paths?.get(node);
      if (range || path !== undefined) {
        location = { ...(range ? { range } : {}), ...(path !== undefined ? { path } : {}) };
        break;
      }
    }
    this.diagnostics.push(diagnosticWith(code, SQL_CODES[code].severity, message, location));
  };

  private column(leaf: RowTest): { field: ResolvedField; sql: string } | undefined {
    const field = this.ctx.resolve(leaf.field);
    if (!field) throw new SqlEmitError(`Unresolved column "${leaf.field.name}".`);
    if (!field.column.returned) {
      this.report('sql-filter-only-column', `The API filters on "${field.apiName}" but never returns it in rows, so no table holds it and SQL cannot test it.`, [leaf.field, leaf]);
      return undefined;
    }
    if (field.type === 'object' || field.type === 'unknown') {
      const what = field.apiName.includes('.') ? `${field.apiName} is inside the object column ${field.column.name}` : `${field.apiName} has untyped values`;
      this.report('sql-untyped-column', `${what}, which the table keeps as JSON: toSql cannot test it.`, [leaf.field, leaf]);
      return undefined;
    }
    const name = this.spelling.ident(this.ctx.columnName(field.column.name));
    const table = this.ctx.table?.map((part) => this.spelling.ident(part)).join('.');
    return { field, sql: table ? `${table}.${name}` : name };
  }

  row(leaf: RowTest): string {
    const column = this.column(leaf);
    if (!column) return this.spelling.unknown;
    if (leaf.kind === 'list') return this.quantified(leaf, column.field, column.sql);
    const cased = leaf.modifier !== undefined;
    if (cased && leaf.modifier!.name.toLowerCase() !== 'uppercase') throw new SqlEmitError(`Unknown modifier "${leaf.modifier!.name}".`);
    const operand: Operand = {
      sql: cased ? upperCase(this.spelling, column.sql) : column.sql,
      type: column.field.type,
      array: column.field.column.array,
      cased,
      label: column.field.apiName,
    };
    return testSql(this, leaf.test, operand);
  }

  private quantified(leaf: ListNode, field: ResolvedField, array: string): string {
    const s = this.spelling;
    const label = `an element of ${field.apiName}`;
    const element: TreeFold<ElementTest, string> = {
      ...BOOLEAN,
      leaf: (test) => testSql(this, test.test, { sql: 'x', type: field.type, array: false, cased: false, label }),
      invalid: gap,
    };
    // Built once: its placeholders may appear twice in the text, bound once (`$3` or `{p3:…}` twice).
    const e = foldTree(leaf.element, element);
    const some = (view: (c: string) => string) => s.exists(array, () => view(e));
    const t = leaf.quantifier === 'any' ? some(s.isTrue) : `(NOT ${some(s.isNotTrue)})`;
    const f = leaf.quantifier === 'any' ? `(NOT ${some(s.isNotFalse)})` : some(s.isFalse);
    const nullArray = s.nullableArrays ? `WHEN ${array} IS NULL THEN NULL ` : '';
    return `(CASE ${nullArray}WHEN ${t} THEN ${s.true} WHEN ${f} THEN ${s.false} ELSE NULL END)`;
  }
}

function gap(): never {
  throw new SqlEmitError('Cannot emit a tree with syntax errors.');
}

/** `and` / `or` / `not` in SQL: Kleene, like spec §4. Shared by the row tree and the element tree. */
const BOOLEAN = {
  and: (operands: string[]) => `(${operands.join(' AND ')})`,
  or: (operands: string[]) => `(${operands.join(' OR ')})`,
  not: (operand: string) => `(NOT ${operand})`,
};

/**
 * Emits a checked filter. Dialect problems (a filter-only or untyped column,
 * a regex PostgreSQL cannot express, a casing divergence) are diagnostics;
 * with an error among them there is no SQL. Throws {@link SqlEmitError} only
 * for trees the checker rejects.
 */
export function emitSql(filter: Filter, ctx: SqlEmitContext): EmittedSql {
  const emitter = new Emitter(ctx);
  const sql = foldTree<RowTest, string>(filter, { ...BOOLEAN, leaf: (leaf) => emitter.row(leaf), invalid: gap });
  const failed = emitter.diagnostics.some((d) => d.severity === 'error');
  return {
    sql: failed ? undefined : sql,
    params: failed ? (ctx.style === 'positional' ? [] : {}) : emitter.params.values(),
    paramList: failed ? [] : emitter.params.list,
    diagnostics: emitter.diagnostics,
  };
}
