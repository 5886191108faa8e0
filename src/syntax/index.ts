/**
 * The text front end's entry, for the tools built on the stages (the editor
 * service, the railroad diagrams, tests): text → tokens → CST → AST with
 * diagnostics. Only what those tools use is exported; the rest of the stage
 * (the CST visitor, literal decoding) stays internal. Formatting (parse, then
 * print) is not here: it composes two stages, so it is the API layer's
 * (`formatWithDiagnostics` in src/api/format-text.ts).
 *
 * - `parse`: text → `{ document, diagnostics }`, never throws; its limits' defaults.
 * - `tokenStream`: the compiler's own tokens as a lossless stream (every
 *   character in exactly one token), the editor's only lexer.
 * - `lexText` / `getLexer` / `ALL_TOKENS`: the one lexer (hand-written, emitting
 *   Chevrotain tokens) and the token types, in Chevrotain's order of preference.
 * - `FilterParser`: the grammar (its rules feed the railroad diagrams).
 */
export { parse, DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH, DEFAULT_MAX_LIST_LENGTH } from './parse.js';
export type { ParseOptions, ParseResult } from './parse.js';
export { FilterParser } from './parser.js';
export { ALL_TOKENS } from './tokens.js';
export { getLexer, lexText, type LexResult } from './lexer.js';
export { tokenStream, type StreamKind, type StreamToken } from './token-stream.js';
