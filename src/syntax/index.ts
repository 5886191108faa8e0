/**
 * The text front end: tokens, grammar, parser, formatter.
 */
export { parse, DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH } from './parse.js';
export type { ParseOptions, ParseResult } from './parse.js';
export { format } from './format.js';
export type { FormatResult, FormatTextOptions } from './format.js';
export { FilterParser, getParser } from './parser.js';
export { ALL_TOKENS, getLexer } from './tokens.js';
export { tokenStream, type StreamKind, type StreamToken } from './token-stream.js';
