/**
 * Text → AST, with every lexical and syntax problem as a diagnostic: the
 * lexer (src/syntax/lexer.ts), then the parser, whose actions build the AST.
 *
 * `parse` never throws: limits are checked before any recursion (input length,
 * then a linear pre-scan of the nesting depth over the tokens), and the whole
 * pipeline is wrapped so that a bug shows up as a diagnostic, not a crash.
 */
import { longestListRange, measureFilter } from '../ast/measure.js';
import { EOF, type IRecognitionException, type IToken } from 'chevrotain';
import type { Comment, Document, Filter } from '../ast/nodes.js';
import { DEFAULT_MAX_LIST_LENGTH } from '../ast/validate.js';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import { LineIndex, scanTokens } from './lexical.js';
import { lexText } from './lexer.js';
import { getParser } from './parser.js';
import { explainTypo } from './typos.js';
import * as T from './tokens.js';

/** Limits of {@link parse}. */
export interface ParseOptions {
  /** Longest input accepted, in UTF-16 code units. Default 100,000. */
  readonly maxLength?: number;
  /** Deepest nesting of parentheses and `not` accepted. Default 128. */
  readonly maxDepth?: number;
  /** Most values accepted in one `in (…)` list. Default 1,000. */
  readonly maxListLength?: number;
}

/** The result of {@link parse}. */
export interface ParseResult {
  /** The filter (partial, with `invalid` nodes, when there are errors) and the comments. */
  readonly document: Document;
  /** Every lexical and syntax problem, sorted by position. */
  readonly diagnostics: Diagnostic[];
}

/** Default of {@link ParseOptions.maxLength}. */
export const DEFAULT_MAX_LENGTH = 100_000;
/** Default of {@link ParseOptions.maxDepth}. */
export const DEFAULT_MAX_DEPTH = 128;
/** Default of {@link ParseOptions.maxListLength}: the one the decompiler uses too. */
export { DEFAULT_MAX_LIST_LENGTH };

/** `list-too-long` for the longest `in (…)` list, when it passes the limit. */
function listLimit(result: ParseResult, maxListLength: number): ParseResult {
  if (!result.document.filter) return result;
  const measure = measureFilter(result.document.filter);
  if (measure.longestList <= maxListLength) return result;
  const d = report('list-too-long', 'default',
    { what: 'in (…) list', count: measure.longestList, items: 'values', limit: maxListLength },
    { range: longestListRange(measure) });
  return { document: result.document, diagnostics: [...result.diagnostics, d] };
}

/**
 * The deepest nesting the parser would recurse into, and the token where the
 * limit is first passed. Counts open parentheses plus the `not`s that apply
 * at the current point: a run of `not`s nests, and a `(` keeps the `not`s
 * before it until its `)` closes.
 */
function nestingTooDeep(tokens: readonly IToken[], maxDepth: number): IToken | undefined {
  const bases: number[] = [];
  let base = 0;
  let depth = 0;
  for (const t of tokens) {
    if (t.tokenType === T.Not) depth++;
    else if (t.tokenType === T.LParen) {
      bases.push(base);
      base = ++depth;
    } else if (t.tokenType === T.RParen) {
      base = bases.pop() ?? 0;
      depth = base;
      continue;
    } else {
      depth = base;
      continue;
    }
    if (depth > maxDepth) return t;
  }
  return undefined;
}

/** A syntax error of the parser as a diagnostic (`unexpected-end` at the end of the input). */
export function syntaxDiagnostic(e: IRecognitionException, lines: LineIndex): Diagnostic {
  const t = e.token;
  const atEnd = !t || t.tokenType === EOF || !Number.isFinite(t.startOffset);
  const range = atEnd ? lines.range(lines.text.length, lines.text.length) : lines.tokenRange(t);
  // The message was filled from the `unexpected-token` templates by the parser's errorMessageProvider.
  return diagnostic(atEnd ? 'unexpected-end' : 'unexpected-token', e.message, { range });
}

/**
 * What runs after the lexer and the limits: tokens → filter, its syntax
 * problems pushed to `diagnostics`. A parameter so that the reference test
 * (test/syntax/reference/) runs the CST parser it replaced behind the same
 * lexer, limits and wrapper.
 */
export type TokensToFilter = (tokens: IToken[], lines: LineIndex, diagnostics: Diagnostic[]) => Filter;

/** The parser of this module: embedded actions build the filter; each distinct error once, a slip explained. */
const parseTokens: TokensToFilter = (tokens, lines, diagnostics) => {
  const parser = getParser();
  parser.startParse(tokens, lines);
  const filter: Filter = parser.filter();
  const seen = new Set<string>();
  for (const e of parser.errors) {
    const d = explainTypo(e, tokens, lines) ?? syntaxDiagnostic(e, lines);
    const key = `${d.range?.start.offset}:${d.message}`;
    if (!seen.has(key)) diagnostics.push(d);
    seen.add(key);
  }
  return filter;
};

function lexAndParse(text: string, lines: LineIndex, maxDepth: number, toFilter: TokensToFilter): ParseResult {
  const lexed = lexText(text);
  const diagnostics: Diagnostic[] = [];
  for (const e of lexed.errors) {
    const chars = text.slice(e.offset, e.offset + e.length);
    const shown = chars.length > 12 ? `${chars.slice(0, 12)}…` : chars;
    const range = lines.range(e.offset, e.offset + e.length);
    diagnostics.push([...chars].length === 1
      ? report('unknown-character', 'one', { chars: shown, codePoint: `U+${chars.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` }, { range })
      : report('unknown-character', 'many', { chars: shown }, { range }));
  }
  const comments: Comment[] = lexed.groups.comments.map((c) => ({ text: c.image.slice(1), range: lines.tokenRange(c) }));
  diagnostics.push(...scanTokens(lexed.tokens, lines));

  if (lexed.tokens.length === 0) {
    diagnostics.push(report('empty-filter', 'default', {}, { range: lines.range(0, text.length) }));
    return { document: { filter: undefined, comments }, diagnostics: sortDiagnostics(diagnostics) };
  }

  const deep = nestingTooDeep(lexed.tokens, maxDepth);
  if (deep) {
    diagnostics.push(report('nesting-too-deep', 'default', { limit: maxDepth }, { range: lines.tokenRange(deep) }));
    return { document: { filter: undefined, comments }, diagnostics: sortDiagnostics(diagnostics) };
  }

  const filter = toFilter(lexed.tokens, lines, diagnostics);
  return { document: { filter, comments }, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * Parses filter text into a {@link Document}. Never throws: every problem is
 * a diagnostic with a range inside the text (lexer and parser errors alike,
 * each saying what was expected and what was found). Empty or comment-only
 * input gives no filter and an `empty-filter` error.
 *
 * @example
 * parse('DR >= 50 and not is_spam').document.filter;
 * // { kind: 'and', operands: [ {condition DR gte 50}, {not {condition is_spam eq true}} ], range: … }
 */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  return parseWith(text, options, parseTokens);
}

/** {@link parse} with another tokens → filter step (the reference test's CST parser). */
export function parseWith(text: string, options: ParseOptions, toFilter: TokensToFilter): ParseResult {
  const source = typeof text === 'string' ? text : String(text);
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  let lines: LineIndex | undefined;
  try {
    lines = new LineIndex(source);
    if (source.length > maxLength) {
      const d = report('input-too-long', 'default',
        { what: 'filter', length: source.length, limit: maxLength, option: 'maxLength' },
        { range: lines.range(maxLength, source.length) });
      return { document: { filter: undefined, comments: [] }, diagnostics: [d] };
    }
    return listLimit(lexAndParse(source, lines, maxDepth, toFilter), options.maxListLength ?? DEFAULT_MAX_LIST_LENGTH);
  } catch (error) {
    // Unreachable by design; kept so that a bug never escapes as an exception.
    const range = lines?.range(0, 0);
    const d = report('internal-error', 'stage', { stage: 'the parser', error: error instanceof Error ? `${error.name}: ${error.message}` : `a thrown ${typeof error}` }, range ? { range } : {});
    return { document: { filter: undefined, comments: [] }, diagnostics: [d] };
  }
}
