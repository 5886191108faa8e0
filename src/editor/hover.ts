/**
 * Hover: for a column, its type, nullability, enum values, description and
 * unit cost; for a test, what it means and the `where` JSON it compiles to
 * (the very JSON of the condition under the cursor when the parser recovered
 * it, else the operator's general form).
 */
import type { Filter } from '../ast/index.js';
import { findModifier, resolveField, suggestColumns, type Catalogue } from '../catalogue/index.js';
import { emitWhere } from '../emit/index.js';
import { parse } from '../syntax/index.js';
import { isTestKeyword } from '../vocabulary/index.js';
import { catalogueArgument, offsetArgument, textArgument } from './arguments.js';
import { expectationsOf, topLevelConnectives, type Expectation } from './context.js';
import { code, codeBlock, plain } from './markdown.js';
import { columnMarkdown, operatorInfo } from './operators.js';
import { scan, type ScanToken } from './tokens.js';
import { nodesAt } from './tree.js';
import type { EditorOptions, HoverInfo } from './types.js';

const CONNECTIVES: Record<string, string> = {
  and: 'Both sides must hold.\n\nJSON: `{"and": [a, b, …]}`',
  or: 'Either side may hold.\n\nJSON: `{"or": [a, b, …]}`',
  not: 'Negates what follows (unknown stays unknown: a null column never makes `not` true).\n\nJSON: `{"not": filter}`',
  any: 'True when the test holds for some element of the array column (false for an empty array).\n\nJSON: `{"field": col, "list_is": {"any": test}}`',
  all: 'True when the test holds for every element of the array column (true for an empty array).\n\nJSON: `{"field": col, "list_is": {"all": test}}`',
};

function tokenIndexAt(tokens: readonly ScanToken[], offset: number): number {
  let touching = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.start <= offset && offset < t.end) return i;
    if (t.end === offset) touching = i;
    if (t.start > offset) break;
  }
  return touching;
}

/** Is this token part of a test phrase, given the expectation before it? */
function inTest(token: ScanToken, e: Expectation): boolean {
  if (token.kind === 'operator') return true;
  if (token.kind !== 'keyword') return false;
  // `not` before an operand negates a filter; after a column (or `is`) it spells the test: `not in`, `is not null`.
  if (token.text === 'not') return e.kind === 'test' || (e.kind === 'words' && e.words.includes('not null'));
  // The vocabulary's test keywords, which with their neighbours spell one test (`is null`, `icontains phrase`).
  if (!isTestKeyword(token.text)) return false;
  if (token.text === 'null') return e.kind === 'words';
  return true;
}

/**
 * What the innermost condition around `offset` compiles to: its JSON as the
 * compiler emits it, or, when its column (or modifier) is not in the
 * catalogue, that name: such a condition has no JSON, and showing one built
 * from the unknown name would look as if it compiled.
 */
type ConditionOutcome = { readonly json: string } | { readonly unknownColumn: string } | { readonly unknownModifier: string };

function conditionOutcome(filter: Filter | undefined, offset: number, catalogue: Catalogue): ConditionOutcome | undefined {
  const path = nodesAt(filter, offset);
  let node: Filter | undefined = path.reverse().find((n) => n.kind === 'condition' || n.kind === 'list');
  if (!node || (node.kind !== 'condition' && node.kind !== 'list')) return undefined;
  if (!resolveField(catalogue, node.field.name)) return { unknownColumn: node.field.name };
  if (node.kind === 'condition' && node.modifier && !findModifier(catalogue, node.modifier.name)) return { unknownModifier: node.modifier.name };
  // A negated tail (`x not in (…)`) is a `not` around the condition, covering the same text.
  const parent = path[path.indexOf(node) + 1];
  if (parent?.kind === 'not' && parent.range?.start.offset === node.range?.start.offset) node = parent;
  try {
    const where = emitWhere(node, { fieldName: (ref) => resolveField(catalogue, ref.name)?.apiName ?? ref.name });
    return { json: JSON.stringify(where) };
  } catch { // expected: a half-written condition (invalid node, `null` value) has no JSON; the general form is shown instead
    return undefined;
  }
}

/** Parses only the top-level part around `offset` (see diagnose): hover stays fast on long filters. */
function partOutcome(text: string, tokens: readonly ScanToken[], offset: number, catalogue: Catalogue): ConditionOutcome | undefined {
  let start = 0;
  let end = text.length;
  for (const i of topLevelConnectives(tokens)) {
    const cut = tokens[i]!;
    if (cut.end <= offset) start = cut.end;
    else if (cut.start >= offset) {
      end = cut.start;
      break;
    }
  }
  return conditionOutcome(parse(text.slice(start, end)).document.filter, offset - start, catalogue);
}

/** The hover's last paragraph about the condition under the pointer. */
function outcomeLines(outcome: ConditionOutcome | undefined, catalogue: Catalogue): string[] {
  if (!outcome) return [];
  if ('json' in outcome) return ['', 'This condition compiles to:', markdownJson(outcome.json)];
  if ('unknownModifier' in outcome) return ['', `This condition does not compile: ${code(outcome.unknownModifier)} is not a modifier of ${plain(catalogue.name)}.`];
  const near = suggestColumns(catalogue, outcome.unknownColumn);
  const didYouMean = near.length ? ` Did you mean ${near.map(code).join(', ')}?` : '';
  return ['', `This condition does not compile: ${code(outcome.unknownColumn)} is not a column of ${plain(catalogue.name)}.${didYouMean}`];
}

function markdownJson(json: string): string {
  // The JSON holds the filter's own strings, which may hold backticks: the fence outgrows them.
  return codeBlock(json, 'json');
}

/**
 * What to show when the pointer rests at `offset`: Markdown and the range of
 * the word (or multi-word test) it describes; undefined over whitespace,
 * punctuation, comments and plain literals. Names, values and catalogue
 * descriptions are escaped (src/editor/markdown.ts): whatever a catalogue
 * holds, it shows as text, never as a link, an image or HTML. Text that is
 * not a string is read as empty text; an offset that is not a number, or a
 * `catalogue` option that is not a catalogue (`diagnose` says why), gives
 * undefined. Never throws.
 *
 * @example
 * hover('DR >= 50', 0)?.contents; // '**domain_rating_source**: `float` …'
 */
export function hover(text: string, offset: number, options: EditorOptions = {}): HoverInfo | undefined {
  const { catalogue } = catalogueArgument(options);
  const position = offsetArgument(offset);
  if (!catalogue || position === undefined) return undefined;
  return hoverAt(textArgument(text, 'hover').text, position, catalogue);
}

function hoverAt(text: string, offset: number, catalogue: Catalogue): HoverInfo | undefined {
  const tokens = scan(text);
  const i = tokenIndexAt(tokens, offset);
  if (i < 0) return undefined;
  const token = tokens[i]!;
  const expectations = expectationsOf(tokens);
  const e = expectations[i]!;
  const range = { start: token.start, end: token.end };

  if (token.kind === 'identifier') {
    if (e.kind === 'value') {
      const field = e.field ? resolveField(catalogue, e.field.name) : undefined;
      const values = field?.column.enumValues;
      if (!values) return { range, contents: `A bare word, read as the string ${code(JSON.stringify(token.text))}: only enum values may be written without quotes.` };
      const known = values.includes(token.text);
      return { range, contents: `${known ? 'A value' : 'Not a value'} of **${plain(field!.column.name)}**.\n\nValues: ${values.map(code).join(', ')}` };
    }
    if (e.kind === 'operand' && tokens[i + 1]?.kind === 'lparen') {
      const modifier = findModifier(catalogue, token.text);
      return {
        range,
        contents: modifier
          ? `**${plain(modifier.name)}(column)**: ${plain(modifier.description)}\n\nJSON: ${code(`"modifier": ${JSON.stringify(modifier.name)}`)}`
          : `Unknown modifier ${code(token.text)}.`,
      };
    }
    const resolved = resolveField(catalogue, token.text);
    if (!resolved) {
      const near = suggestColumns(catalogue, token.text);
      return { range, contents: `Unknown column ${code(token.text)} in ${plain(catalogue.name)}.${near.length ? `\n\nDid you mean ${near.map(code).join(', ')}?` : ''}` };
    }
    const via = resolved.viaAlias ? `\n\n${code(token.text)} is an alias of ${code(resolved.column.name)}.` : '';
    const path = resolved.apiName !== resolved.column.name ? `\n\nA path into the object column; its type is not checked.` : '';
    return { range, contents: `${columnMarkdown(resolved.column)}${via}${path}` };
  }

  if (token.kind === 'keyword' && CONNECTIVES[token.text] && !inTest(token, e)) {
    return { range, contents: `**${token.text}**: ${CONNECTIVES[token.text]}` };
  }
  if (token.kind === 'keyword' && token.text === 'null' && e.kind === 'value') {
    return { range, contents: '`null` is not a value: test for it with `is null` / `is not null`.' };
  }

  if (inTest(token, e)) {
    // Grow the phrase over the neighbouring test words: `is` `not` `null` is one test.
    let a = i;
    let b = i;
    while (a > 0 && tokens[a - 1]!.kind === 'keyword' && inTest(tokens[a - 1]!, expectations[a - 1]!) && tokens[a - 1]!.text !== 'null' && tokens[a - 1]!.text !== 'empty') a--;
    while (b + 1 < tokens.length && tokens[b + 1]!.kind === 'keyword' && inTest(tokens[b + 1]!, expectations[b + 1]!) && tokens[b]!.kind === 'keyword' && !['null', 'empty', 'in', 'between'].includes(tokens[b]!.text)) b++;
    const words = tokens.slice(a, b + 1).map((t) => t.text);
    const negated = words[0] === 'not' && words.length > 1;
    const label = (negated ? words.slice(1) : words).join(' ');
    const info = operatorInfo(label) ?? operatorInfo(`not ${label}`);
    if (!info) return undefined;
    const phraseRange = { start: tokens[a]!.start, end: tokens[b]!.end };
    const outcome = partOutcome(text, tokens, token.start, catalogue);
    const general = negated ? `{"not": ${info.json}}` : info.json;
    const lines = [`**${words.join(' ')}**: ${info.doc}${negated ? ' Negated.' : ''}`, '', `JSON: \`${general}\``, ...outcomeLines(outcome, catalogue)];
    return { range: phraseRange, contents: lines.join('\n') };
  }
  return undefined;
}
