/**
 * Token classification for highlighting. Lexical kinds are not enough: a bare
 * word is a column before a test and a value after one (`link_type = text`),
 * and a name before `(` is a modifier; the grammar automaton tells them apart
 * in the same single pass.
 */
import { textArgument } from './arguments.js';
import { expectationsOf, type Expectation } from './context.js';
import { isTestKeyword } from '../vocabulary/index.js';
import { scan, type ScanToken } from './tokens.js';
import type { ClassifiedToken, TokenClass } from './types.js';

function keywordClass(word: string): TokenClass {
  if (word === 'true' || word === 'false') return 'boolean';
  if (word === 'null') return 'null';
  // Keywords that spell a test (`starts with`, `is empty`) rather than join or negate filters.
  return isTestKeyword(word) ? 'operator' : 'keyword';
}

function classOf(token: ScanToken, e: Expectation, next: ScanToken | undefined): TokenClass {
  const valuePosition = e.kind === 'value';
  switch (token.kind) {
    case 'keyword':
      // Inside a test, `not` and `null` spell it (`not in`, `is not null`); elsewhere `not` negates and `null` is a (bad) value.
      if ((token.text === 'not' || token.text === 'null' || token.text === 'empty') && (e.kind === 'test' || e.kind === 'words')) return 'operator';
      return keywordClass(token.text);
    case 'identifier':
      if (token.quoted && !token.terminated) return 'invalid';
      if (valuePosition) return 'string';
      return next?.kind === 'lparen' ? 'function' : 'column';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'date':
    case 'datetime':
      return 'date';
    case 'regex':
      return 'regex';
    case 'operator':
      return 'operator';
    case 'lparen':
    case 'rparen':
    case 'comma':
      return 'punctuation';
    case 'comment':
      return 'comment';
    case 'unknown':
      return 'invalid';
  }
}

/**
 * Classifies every token of `text` for highlighting, in order, without gaps
 * other than whitespace. Text that is not a string is read as empty text
 * (no tokens). Never throws.
 *
 * @example
 * classify('DR >= 50').map((t) => t.class); // ['column', 'operator', 'number']
 */
export function classify(text: string): ClassifiedToken[] {
  const tokens = scan(textArgument(text, 'classify').text);
  const expectations = expectationsOf(tokens);
  const out: ClassifiedToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    out.push({ start: token.start, end: token.end, class: classOf(token, expectations[i]!, tokens[i + 1]) });
  }
  return out;
}
