/**
 * REFERENCE ONLY (see cst-parser.ts): the parse entry as it was, over the CST
 * parser and visitor, behind the lexer, limits and wrapper of
 * src/syntax/parse.ts (only the tokens → filter step is the old one).
 */
import type { Filter } from '../../../src/ast/nodes.js';
import { parseWith, syntaxDiagnostic, type ParseOptions, type ParseResult, type TokensToFilter } from '../../../src/syntax/parse.js';
import { AstBuilder } from './cst-build-ast.js';
import { getReferenceParser } from './cst-parser.js';

const cstTokensToFilter: TokensToFilter = (tokens, lines, diagnostics) => {
  const parser = getReferenceParser();
  parser.input = tokens;
  const cst = parser.filter();
  const seen = new Set<string>();
  for (const e of parser.errors) {
    const d = syntaxDiagnostic(e, lines);
    const key = `${d.range?.start.offset}:${d.message}`;
    if (!seen.has(key)) diagnostics.push(d);
    seen.add(key);
  }
  const filter: Filter = new AstBuilder(lines, parser.errors.length > 0).filter(cst);
  return filter;
};

/** The old parser's {@link parseWith}: text → document, as `parse` was before the embedded-actions parser. */
export function referenceParse(text: string, options: ParseOptions = {}): ParseResult {
  return parseWith(text, options, cstTokensToFilter);
}
