/**
 * Completion: what may come next at the cursor, and only that. The grammar
 * position comes from {@link expectationAt} (tokens before the cursor), the
 * column's type from the catalogue; the word or string under the cursor is
 * what an item replaces.
 */
import { resolveField, type Catalogue, type Column } from '../catalogue/index.js';
import { rankByMatch } from '../diagnostics/index.js';
import { quoteEnumValue, quoteName as quoteNameRule, quoteString } from '../vocabulary/index.js';
import { catalogueArgument, offsetArgument, textArgument } from './arguments.js';
import { expectationAt, type Expectation, type FieldContext } from './context.js';
import { columnMarkdown, operatorsFor, targetOf, typeLabel, type TestTarget } from './operators.js';
import { scan, type ScanToken } from './tokens.js';
import type { CompletionItem, CompletionKind, EditorOptions, OffsetRange } from './types.js';

type Draft = Omit<CompletionItem, 'replace' | 'insertText'> & { readonly insertText?: string };

/**
 * A value as a literal that reads back as the same string: bare when it is a
 * plain name that is not a keyword (and `allowBare`), else double-quoted
 * with escapes. The vocabulary's rule (src/vocabulary/names.ts), which the
 * formatter and the checker's quick fixes use too, so that they never
 * disagree on what may stay bare.
 */
export function quoteValue(value: string, allowBare = true): string {
  // Not a string (a caller's mistake): quoted as the empty string rather than thrown on.
  const text = typeof value === 'string' ? value : '';
  return allowBare === false ? quoteString(text) : quoteEnumValue(text);
}

/** A column name as written in a query: backtick-quoted when it is spelled like a keyword or is not a plain name (the vocabulary's rule; a non-string reads as the empty name). */
export function quoteName(name: string): string {
  return quoteNameRule(typeof name === 'string' ? name : '');
}

function keyword(label: string, detail: string, documentation = detail, insertText?: string): Draft {
  return { label, kind: 'keyword', detail, documentation, ...(insertText ? { insertText } : {}) };
}

function unitText(units: number): string {
  return `${units} unit${units === 1 ? '' : 's'}`;
}

function columnItems(catalogue: Catalogue, keep: (c: Column) => boolean): Draft[] {
  const out: Draft[] = [];
  for (const column of catalogue.columns) {
    if (!keep(column)) continue;
    const detail = `${typeLabel(column)} · ${unitText(column.units)}`;
    const documentation = columnMarkdown(column);
    out.push({ label: column.name, kind: 'column', detail, documentation, insertText: quoteName(column.name) });
    // Aliases are items of their own: editors filter on the label, and `DR` should find domain_rating_source.
    for (const alias of column.aliases) {
      out.push({ label: alias, kind: 'column', detail: `${column.name} · ${detail}`, documentation, insertText: quoteName(alias) });
    }
  }
  return out;
}

function resolve(catalogue: Catalogue, field: FieldContext | undefined): { column?: Column; target: TestTarget } {
  if (!field) return { target: targetOf(undefined, false) };
  const resolved = resolveField(catalogue, field.name);
  if (!resolved) return { target: targetOf(undefined, field.element) };
  return { column: resolved.column, target: targetOf(resolved.column, field.element, resolved.type, field.modified) };
}

function operatorItems(target: TestTarget, negatedOnly = false): Draft[] {
  const ops = operatorsFor(target).filter((o) => !negatedOnly || o.negatable);
  return ops.map((o) => {
    const json = negatedOnly ? `{"not": ${o.json}}` : o.json;
    return { label: o.label, kind: 'operator' as CompletionKind, detail: json, documentation: `${o.doc}${negatedOnly ? ' (negated)' : ''}\n\nJSON: \`${json}\`` };
  });
}

function valueItems(column: Column | undefined, target: TestTarget, op: string, quoted: boolean): Draft[] {
  if (!column || op === 'matches') return [];
  if (target.type === 'boolean') {
    return ['true', 'false'].map((v) => ({ label: v, kind: 'value' as CompletionKind, detail: `boolean`, documentation: `\`${column.name} = ${v}\`` }));
  }
  if (!target.enumerated || !column.enumValues) return [];
  return column.enumValues.map((v) => ({
    label: v,
    kind: 'value' as CompletionKind,
    detail: `${column.name} value`,
    documentation: `One of the ${column.enumValues!.length} values of \`${column.name}\`.`,
    insertText: quoteValue(v, !quoted),
  }));
}

function draftsFor(e: Expectation, catalogue: Catalogue, quoted: boolean): Draft[] {
  switch (e.kind) {
    case 'operand':
      return [
        ...columnItems(catalogue, () => true),
        keyword('not', 'negation', 'Negates what follows: `not is_spam`, `not (a or b)`.'),
        keyword('any', 'any(column) test', 'True when the test holds for some element of an array column: `any(col) = "x"`.', 'any('),
        keyword('all', 'all(column) test', 'True when the test holds for every element of an array column.', 'all('),
        ...catalogue.modifiers.map((m) => keyword(m.name, `modifier(column)`, m.description, `${m.name}(`)),
      ];
    case 'element-operand': {
      const { target } = resolve(catalogue, e.field);
      return [...operatorItems(target), keyword('not', 'negation', 'Negates the element test that follows.')];
    }
    case 'test': {
      const { target } = resolve(catalogue, e.field);
      const ops = operatorItems(target);
      // `not` before a test (`not starts with`, `not matches`): the common ones are items of their own, the rest follow `not`.
      if (ops.some((o) => o.label === 'not in')) ops.push(keyword('not', 'negated test', 'Negates the test that follows: `not in`, `not between`, `not contains`, `not starts with`, `not matches` …'));
      // A boolean column may stand alone (`is_dofollow and …`); so may one whose type is unknown.
      const bare = !e.field.modified && !e.field.element && (target.type === 'boolean' || target.type === 'unknown');
      return bare ? [...ops, keyword('and', 'both'), keyword('or', 'either')] : ops;
    }
    case 'negated-test':
      return operatorItems(resolve(catalogue, e.field).target, true);
    case 'value': {
      const { column, target } = resolve(catalogue, e.field);
      const values = valueItems(column, target, e.op, quoted);
      if (e.op === 'contains' || e.op === 'icontains') values.push(keyword('phrase', 'whole consecutive words', 'Matches whole words in order: `contains phrase "link building"`.'));
      return values;
    }
    case 'words': {
      // After `is`, only what the column admits: `null` when nullable, `empty` for strings and arrays.
      const target = e.field ? resolve(catalogue, e.field).target : undefined;
      const admitted = (w: string) => {
        const op = target && /^(not )?(null|empty)$/.test(w) ? operatorsFor(target).find((o) => o.label.endsWith(` ${w.replace('not ', '')}`)) : true;
        return op !== undefined;
      };
      return e.words.filter(admitted).map((w) => keyword(w, 'keyword'));
    }
    case 'column':
      return columnItems(catalogue, (c) =>
        e.filter === 'array' ? c.array : !c.array && (c.type === 'string' || c.type === 'url' || c.type === 'domain'),
      );
    case 'connective':
      return [keyword('and', 'both must hold'), keyword('or', 'either may hold')];
    case 'punctuation':
      return [];
  }
}

/** The word or literal being typed at `offset`, if any. */
function tokenAt(tokens: readonly ScanToken[], offset: number): { index: number; partial: ScanToken | undefined } {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.end < offset) continue;
    if (t.start >= offset) return { index: i, partial: undefined };
    // offset is in (start, end]
    if (t.kind === 'identifier' || t.kind === 'keyword' || t.kind === 'number' || t.kind === 'date' || t.kind === 'datetime') return { index: i, partial: t };
    if (t.kind === 'string' || t.kind === 'regex' || t.kind === 'comment') {
      if (offset < t.end || !t.terminated) return { index: i, partial: t };
    }
    return { index: i + 1, partial: undefined };
  }
  return { index: tokens.length, partial: undefined };
}

/** True when `a` directly followed by `b` scans with a token across their junction (`>` + `=` is `>=`). */
function glues(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  return scan(a + b).some((t) => t.start < a.length && t.end > a.length);
}

/** Adds a space on either side where the inserted text would otherwise merge with its neighbour token. */
function spaced(text: string, tokens: readonly ScanToken[], range: OffsetRange, insert: string): string {
  const before = tokens.find((t) => t.end === range.start && t.start < range.start);
  const after = tokens.find((t) => t.start === range.end && t.end > range.end);
  let out = insert;
  const left = before ? text.slice(before.start, before.end) : '';
  // Words right after a literal or `)` scan apart (`5and`), but nobody wants to read that.
  if (before && (glues(left, out) || (/[\w"'`/)]$/.test(left) && /^[A-Za-z_]/.test(out)))) out = ` ${out}`;
  if (after && glues(out, text.slice(after.start, after.end))) out = `${out} `;
  return out;
}

/**
 * Completion proposals at `offset` (a UTF-16 offset into `text`): columns,
 * the tests valid for the column before the cursor, that column's values,
 * and keywords — only what the grammar allows there. Works on any input,
 * however incomplete; never throws. Text that is not a string is read as
 * empty text; an offset that is not a number, or a `catalogue` option that
 * is not a catalogue (`diagnose` says why), gives no items.
 *
 * @example
 * complete('DR >= 50 and link_type = ', 25).map((i) => i.label); // ['text', 'image', …]
 */
export function complete(text: string, offset: number, options: EditorOptions = {}): CompletionItem[] {
  const { catalogue } = catalogueArgument(options);
  const position = offsetArgument(offset);
  if (!catalogue || position === undefined) return [];
  return completeAt(textArgument(text, 'complete').text, position, catalogue);
}

function completeAt(text: string, offset: number, catalogue: Catalogue): CompletionItem[] {
  const at = Math.max(0, Math.min(offset, text.length));
  const tokens = scan(text);
  const { index, partial } = tokenAt(tokens, at);
  if (partial?.kind === 'comment') return [];
  const expectation = expectationAt(tokens, index);
  const replace: OffsetRange = partial ? { start: partial.start, end: partial.end } : { start: at, end: at };
  let prefix = partial ? text.slice(partial.start, at) : '';
  if (partial && (partial.kind === 'string' || partial.kind === 'regex' || partial.quoted)) prefix = prefix.slice(1);
  // Inside a literal only values make sense: a column name would replace the string being typed.
  const literal = partial !== undefined && partial.kind !== 'identifier' && partial.kind !== 'keyword';
  const drafts = draftsFor(expectation, catalogue, partial?.kind === 'string').filter((d) => !literal || d.kind === 'value');
  // The did-you-mean scorer orders them (prefix, word parts such as `dr_s`, typos, subsequences): one ranking for both.
  return rankByMatch(prefix, drafts, (d) => d.label).map((d) => ({ ...d, replace, insertText: spaced(text, tokens, replace, d.insertText ?? d.label) }));
}
