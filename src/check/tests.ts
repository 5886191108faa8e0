/**
 * The test and value half of the checker (spec §3): whether a test applies
 * to a target's type, and whether each value fits it. What each type takes is
 * data: the typing table (./rules.ts) says which operators and literal kinds
 * apply, and {@link VALUE_RULES} below says what a type additionally checks
 * of a value and how a value of the wrong kind is fixed. No type is special-
 * cased outside these two tables.
 */
import type { Literal, Test } from '../ast/nodes.js';
import { suggestNames } from '../diagnostics/suggest.js';
import { formatMessage, report } from '../diagnostics/messages.js';
import { COMPARE_OPS, dateKind, OPERATOR_TEXT, quoteEnumValue, TEST_JSON, type CompareOp } from '../vocabulary/index.js';
import { validateRegex } from './re2-syntax.js';
import { orList, type Located, type Reporter } from './reporter.js';
import { allowedTests, isUnchecked, TYPE_RULES, type TypeKey, type ValueKind } from './rules.js';
import { describeLiteral, numberProblem, quoted } from './values.js';

/** What a test is applied to: a column's value, or one element of an array column. */
export interface Target {
  /** The name as the API knows it (a dotted path for object fields). */
  readonly name: string;
  readonly key: TypeKey;
  readonly enumValues: readonly string[] | undefined;
  /** False only when the catalogue says the value is never null (then `is null` is always false). */
  readonly nullable: boolean;
  readonly element: boolean;
}

const COMPARE_SET: ReadonlySet<string> = new Set(COMPARE_OPS);
const NUMERIC_TEXT = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEAN_TEXT = /^(true|false|1|0)$/i;

/**
 * False for the value a bare column stands for (`anchor` is `anchor = true`):
 * the parser gives that `true` the range of its test, which a written value
 * never has (a written test also spans its operator).
 */
function written(value: Literal, test: Test): boolean {
  const v = value.range;
  const t = test.range;
  return !(v && t && v.start.offset === t.start.offset && v.end.offset === t.end.offset);
}

/** Whether the typing table lets a value of `key` be written as `kind`. */
function accepts(key: TypeKey, kind: ValueKind): boolean {
  return (TYPE_RULES[key].values as readonly ValueKind[]).includes(kind);
}

/** How messages start about a target: `DR is a float column`, `Each element of tags is a string`. */
function subject(t: Target): string {
  return formatMessage('value-type-mismatch', t.element ? 'element' : 'column', { column: t.name, article: TYPE_RULES[t.key].article });
}

/** One type's extra rules: a check of a value of an accepted kind, and the fix of a value of a kind it does not accept. */
interface ValueRule {
  readonly check?: (r: Reporter, t: Target, value: Literal, at: readonly Located[]) => void;
  /** The replacement text for a value of the wrong kind, when there is an obvious one. */
  readonly fix?: (value: Literal) => string | undefined;
  /** Whether a bare word is "a string without quotes" (`bare-word-value`) rather than a plain mismatch. */
  readonly textual?: boolean;
}

function checkNumber(r: Reporter, t: Target, value: Literal, at: readonly Located[]): void {
  if (value.kind !== 'number' || (t.key !== 'integer' && t.key !== 'float')) return;
  const problem = numberProblem(value.value, t.key);
  if (problem === 'a safe integer') {
    r.push(report('invalid-number', 'unsafe', { subject: subject(t), found: describeLiteral(value) }, r.where(at)));
  } else if (problem) r.push(report('value-type-mismatch', 'default', { subject: subject(t), expected: problem, found: describeLiteral(value) }, r.where(at)));
}

function checkEnum(r: Reporter, t: Target, value: Literal, at: readonly Located[]): void {
  const values = t.enumValues ?? [];
  if (value.kind !== 'string' || values.includes(value.value)) return;
  const names = suggestNames(value.value, values);
  const args = { value: value.value, column: t.name, values: values.join(', ') };
  // In text a value spelled like a keyword or not a plain word must be quoted (`country = "IN"`), as completion does.
  const fixes = names.map((n) => r.replace('unknown-enum-value', value.range ? quoteEnumValue(n) : n, value));
  r.push(names.length === 0
    ? report('unknown-enum-value', t.element ? 'element' : 'column', args, r.where(at), fixes)
    : report('unknown-enum-value', t.element ? 'elementSuggest' : 'columnSuggest', { ...args, names: orList(names) }, r.where(at), fixes));
}

function checkDate(r: Reporter, t: Target, value: Literal, at: readonly Located[]): void {
  const found = value.kind === 'string' ? dateKind(value.value) : value.kind === 'datetime' ? 'datetime' : 'date';
  const args = () => ({ subject: subject(t), expected: TYPE_RULES[t.key].expected, found: describeLiteral(value) });
  if (found === undefined) r.push(report('value-type-mismatch', 'date', args(), r.where(at)));
  else if (t.key === 'date' && found === 'datetime') {
    const day = String((value as { value: string }).value).slice(0, 10);
    r.push(report('value-type-mismatch', 'dateOnly', args(), r.where(at), [r.replace('value-type-mismatch', day, value)]));
  }
}

const quoteFix = (value: Literal): string => quoted(value);
const numberFix = (value: Literal): string | undefined =>
  (value.kind === 'string' && NUMERIC_TEXT.test(value.value.trim()) ? value.value.trim() : undefined);
const booleanFix = (value: Literal): string | undefined => {
  const text = String((value as { value?: unknown }).value);
  if (BOOLEAN_TEXT.test(text)) return String(text === '1' || /^true$/i.test(text));
  // A misspelt keyword read as a bare word (`ture`, `flase`): the same did-you-mean as for names (issue 12 §3).
  return value.kind === 'string' && value.bare ? suggestNames(text, ['true', 'false'], 1)[0] : undefined;
};

/** The value rules of each type (spec §3, §4); a type without a row checks nothing beyond the typing table. */
export const VALUE_RULES: Readonly<Partial<Record<TypeKey, ValueRule>>> = {
  integer: { check: checkNumber, fix: numberFix },
  float: { check: checkNumber, fix: numberFix },
  string: { fix: quoteFix, textual: true },
  url: { fix: quoteFix, textual: true },
  domain: { fix: quoteFix, textual: true },
  enum: { check: checkEnum, textual: true },
  boolean: { fix: booleanFix },
  date: { check: checkDate },
  datetime: { check: checkDate },
};

/** The test and value checks, reporting to `r`. */
export class TestChecker {
  constructor(private readonly r: Reporter) {}

  /** `negated`: the test sits directly under a `not` (`x is not null`), which makes it always true, not always false. */
  nullTest(nullable: boolean, name: string, negated: boolean, nodes: readonly Located[]): void {
    if (nullable) return;
    const variant = this.r.isJson(nodes) ? (negated ? 'jsonNegated' : 'json') : negated ? 'textNegated' : 'text';
    this.r.push(report('null-test-never-true', variant, { column: name }, this.r.where(nodes)));
  }

  private notAllowed(label: string, t: Target, nodes: readonly Located[]): void {
    const allowed = allowedTests(TYPE_RULES[t.key], t.nullable, this.r.isJson(nodes));
    this.r.push(report('operator-not-allowed', 'default', { subject: subject(t), test: label, allowed: allowed.join(', ') }, this.r.where(nodes)));
  }

  private opLabel(op: string, nodes: readonly Located[]): string {
    return this.r.isJson(nodes) || !(op in OPERATOR_TEXT) ? `"${op}"` : `\`${OPERATOR_TEXT[op as CompareOp]}\``;
  }

  /** `negated`: whether the node holding the test is the operand of a `not`. */
  test(test: Test, t: Target, nodes: readonly Located[], negated: boolean): void {
    const rule = TYPE_RULES[t.key];
    switch (test.kind) {
      case 'null':
        this.nullTest(t.nullable, t.name, negated, nodes);
        return;
      case 'empty':
        if (!rule.empty) this.notAllowed(this.r.isJson(nodes) ? `"${TEST_JSON.empty}"` : '`is empty`', t, nodes);
        return;
      case 'compare':
        if (!COMPARE_SET.has(test.op) || !(rule.ops as readonly string[]).includes(test.op)) {
          this.notAllowed(this.opLabel(test.op, nodes), t, nodes);
          return;
        }
        this.value(test.value, test.op, t, test, nodes);
        return;
      case 'in':
        if (!Array.isArray(test.values)) return;
        if (test.values.length < 2) this.r.push(report('list-too-short', 'default', { column: t.name }, this.r.where(nodes)));
        for (const value of test.values) this.value(value, 'eq', t, test, nodes);
        return;
      case 'between':
        if (!(rule.ops as readonly string[]).includes('gte')) {
          this.notAllowed('`between`', t, nodes);
          return;
        }
        this.value(test.low, 'gte', t, test, nodes);
        this.value(test.high, 'lte', t, test, nodes);
        return;
    }
  }

  /** A test on a column that did not resolve: only what needs no type (`null` as a value). */
  untypedTest(test: Test | undefined): void {
    if (!test) return;
    const values = test.kind === 'compare' ? [test.value] : test.kind === 'in' && Array.isArray(test.values) ? test.values : test.kind === 'between' ? [test.low, test.high] : [];
    for (const value of values) if (value?.kind === 'null') this.nullValue(value, test, undefined, [value, test]);
  }

  private nullValue(value: Literal, test: Test, name: string | undefined, at: readonly Located[]): void {
    const op = test.kind === 'compare' ? test.op : undefined;
    const fix = op === 'eq' ? 'is null' : op === 'neq' ? 'is not null' : undefined;
    // The suggestion replaces the operator and the value; the test's range spans exactly those when the parser gives one.
    const suggestions = fix && test.range ? [this.r.replace('null-value', fix, test)] : [];
    this.r.push(name === undefined
      ? report('null-value', 'unresolved', {}, this.r.where(at), suggestions)
      : report('null-value', 'default', { column: name }, this.r.where(at), suggestions));
  }

  private value(value: Literal | undefined, op: CompareOp, t: Target, test: Test, outer: readonly Located[]): void {
    const at: readonly Located[] = [value, ...outer];
    if (typeof value !== 'object' || value === null) return;
    // Built only when a problem is reported: valid conditions (the common case) format no words.
    const args = () => ({ subject: subject(t), expected: TYPE_RULES[t.key].expected, found: describeLiteral(value) });
    if (value.kind === 'null') {
      this.nullValue(value, test, t.name, at);
    } else if (op === 'regex') {
      if (value.kind === 'regex' || (value.kind === 'string' && !value.bare)) this.pattern(value.value, t, at);
      else this.r.push(report('value-type-mismatch', 'regex', args(), this.r.where(at)));
    } else if (value.kind === 'regex') {
      this.r.push(report('value-type-mismatch', 'regexElsewhere', args(), this.r.where(at)));
    } else if (!isUnchecked(t.key)) {
      const kind: ValueKind = value.kind === 'string' && value.bare ? 'bare' : value.kind;
      if (accepts(t.key, kind)) VALUE_RULES[t.key]?.check?.(this.r, t, value, at);
      else this.wrongKind(t, value, kind, at, written(value, test));
    }
  }

  /** A value of a kind the type's row does not list. */
  private wrongKind(t: Target, value: Literal, kind: ValueKind, at: readonly Located[], inText: boolean): void {
    const rule = VALUE_RULES[t.key];
    if (kind === 'bare' && rule?.textual) {
      this.r.push(report('bare-word-value', 'default', { subject: subject(t), quoted: quoted(value) }, this.r.where(at),
        [this.r.replace('bare-word-value', quoted(value), value)]));
      return;
    }
    // A value the text does not hold (the `true` of a bare column) has nothing to replace: its range is the column's name.
    const fix = inText ? rule?.fix?.(value) : undefined;
    const suggestions = fix === undefined ? undefined : [this.r.replace('value-type-mismatch', fix, value)];
    const found = describeLiteral(value);
    this.r.push(t.key === 'enum'
      ? report('value-type-mismatch', 'enum', { subject: subject(t), values: (t.enumValues ?? []).join(', '), found }, this.r.where(at), suggestions)
      : report('value-type-mismatch', 'default', { subject: subject(t), expected: TYPE_RULES[t.key].expected, found }, this.r.where(at), suggestions));
  }

  private pattern(pattern: string, t: Target, at: readonly Located[]): void {
    if (typeof pattern !== 'string') return;
    const result = validateRegex(pattern, this.r.catalogue.regexDialect);
    if (result.ok) return;
    const args = { column: t.name, endpoint: this.r.catalogue.name, reason: result.message };
    const where = this.r.where(at);
    const offset = result.offset;
    if (result.code === 'internal-error') {
      this.r.push(offset === undefined ? report('internal-error', 'regex', args, where) : report('internal-error', 'regexAt', { ...args, offset }, where));
    } else {
      this.r.push(offset === undefined ? report(result.code, 'default', args, where) : report(result.code, 'at', { ...args, offset }, where));
    }
  }
}
