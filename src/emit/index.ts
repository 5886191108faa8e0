/**
 * The emit stage's entry, for tools built on the stages: the text printer
 * and the `where` JSON emitter.
 */
export { printFilter, printLiteral, printName, printTest, quote, type PrintOptions } from './text.js';
export { emitWhere, stringifyWhere, EmitError, type EmitOptions } from './where-json.js';
