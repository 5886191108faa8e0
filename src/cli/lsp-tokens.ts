/**
 * Semantic tokens for the language server, from the language service's
 * `classify`: editors without a TextMate grammar (Neovim, Helix) highlight
 * through them, and the classes come from the grammar automaton, so a bare
 * word is told apart as a column or an enum value as the parser reads it.
 *
 * The legend uses LSP's standard token types, which every client's themes
 * already colour; classes that LSP has no type for ride on the nearest type
 * with a modifier (`date` on `number`, `boolean` and `null` on `keyword`).
 * Punctuation is left to the client's own syntax, and invalid characters to
 * the diagnostics that underline them.
 */
import lsp from 'vscode-languageserver/node.js';
import type * as L from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { classify, type TokenClass } from '../editor/index.js';

const { SemanticTokensBuilder } = lsp;

const TYPES = ['keyword', 'operator', 'property', 'function', 'string', 'number', 'regexp', 'comment'] as const;
const MODIFIERS = ['date', 'boolean', 'null'] as const;

/** The legend the server announces in `semanticTokensProvider`. */
export const SEMANTIC_TOKENS_LEGEND: L.SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

type TokenType = (typeof TYPES)[number];
type TokenModifier = (typeof MODIFIERS)[number];

/** Each class as a type and its modifiers; undefined for the classes the server does not send. */
const ENCODING: Readonly<Record<TokenClass, readonly [TokenType, ...TokenModifier[]] | undefined>> = {
  keyword: ['keyword'],
  operator: ['operator'],
  column: ['property'],
  function: ['function'],
  string: ['string'],
  number: ['number'],
  date: ['number', 'date'],
  regex: ['regexp'],
  boolean: ['keyword', 'boolean'],
  null: ['keyword', 'null'],
  comment: ['comment'],
  punctuation: undefined,
  invalid: undefined,
};

function encode(tokenClass: TokenClass): { type: number; modifiers: number } | undefined {
  const encoding = ENCODING[tokenClass];
  if (!encoding) return undefined;
  const [type, ...modifiers] = encoding;
  return { type: TYPES.indexOf(type), modifiers: modifiers.reduce((bits, m) => bits | (1 << MODIFIERS.indexOf(m)), 0) };
}

/**
 * The semantic tokens of a document, or of the tokens that overlap `range`.
 * Every token lies on one line (the lexer ends strings, regexes and quoted
 * names at a line break), as clients without multi-line token support need.
 */
export function semanticTokens(doc: TextDocument, range?: L.Range): L.SemanticTokens {
  const text = doc.getText();
  const from = range ? doc.offsetAt(range.start) : 0;
  const to = range ? doc.offsetAt(range.end) : text.length;
  const builder = new SemanticTokensBuilder();
  for (const token of classify(text)) {
    if (token.end <= from || token.start >= to) continue;
    const encoded = encode(token.class);
    if (!encoded) continue;
    const at = doc.positionAt(token.start);
    builder.push(at.line, at.character, token.end - token.start, encoded.type, encoded.modifiers);
  }
  return builder.build();
}
