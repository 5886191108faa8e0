/**
 * Wording helpers of the `where` JSON validator: how values are described in
 * messages, and the spellings from other languages that "did you mean" maps
 * to the grammar's own names (edit distance alone would not find them).
 */
import type { CompareOp } from '../ast/nodes.js';
import type { Suggestion } from '../diagnostics/diagnostic.js';
import { formatJsonInput } from '../diagnostics/messages.js';
import { clipText } from '../vocabulary/index.js';

/** Operator spellings of other languages, mapped to the API's names (the edit distance would not find them). */
export const OPERATOR_ALIASES: Readonly<Record<string, CompareOp>> = {
  '=': 'eq', '==': 'eq', '===': 'eq', equals: 'eq', equal: 'eq', is: 'eq', '!=': 'neq', '!==': 'neq', '<>': 'neq',
  ne: 'neq', not_eq: 'neq', not_equal: 'neq', not_equals: 'neq', '>': 'gt', '>=': 'gte', ge: 'gte', '<': 'lt', '<=': 'lte',
  le: 'lte', contains: 'substring', like: 'substring', icontains: 'isubstring', ilike: 'isubstring', phrase: 'phrase_match',
  iphrase: 'iphrase_match', startswith: 'prefix', starts_with: 'prefix', begins_with: 'prefix', endswith: 'suffix',
  ends_with: 'suffix', match: 'regex', matches: 'regex', regexp: 'regex', re: 'regex',
};
/** Key spellings that the edit distance ranks badly (`list` is as close to `is` as to `list_is`). */
export const EXPR_ALIASES: Readonly<Record<string, string>> = {
  list: 'list_is', listis: 'list_is', 'list-is': 'list_is', column: 'field', name: 'field', condition: 'is', mod: 'modifier',
};
/** Quantifier spellings of other languages. */
export const QUANTIFIER_ALIASES: Readonly<Record<string, 'any' | 'all'>> = { some: 'any', every: 'all', each: 'all' };

/** A key or text quoted for a message, shortened when long. */
export function quote(key: string): string {
  return JSON.stringify(clipText(key, 60));
}

/** "Did you mean" suggestions for names. */
export function didYouMean(names: readonly string[]): Suggestion[] {
  return names.map((name) => ({ message: formatJsonInput('json-unknown-key', 'fix', { name }), replacement: name }));
}

/** `"a" or "b"`: the names of a "did you mean" message. */
export function orList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(' or ');
}

/** The message of a caught error, for a diagnostic that carries it. */
export function reasonOf(error: unknown): string {
  return String(error instanceof Error ? error.message : error);
}

/** The JSON text of a value for a suggestion, or undefined if it cannot be printed (cycles, BigInt) or is long. */
export function safeJson(value: unknown): string | undefined {
  try {
    const text = JSON.stringify(value);
    return text !== undefined && text.length <= 200 ? text : undefined;
  } catch { // expected: cycles, BigInt and throwing toJSON cannot be printed; the suggestion then shows `…` instead
    return undefined;
  }
}

/** How messages name the column a condition is about: `the condition on "anchor"`. */
export function about(field: string | undefined, element: boolean): string {
  if (field === undefined) return element ? 'this element condition' : 'this condition';
  return element ? `the element condition of ${quote(field)}` : `the condition on ${quote(field)}`;
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
