/**
 * What `JSON.parse` silently loses from JSON text (`where` JSON, catalogue
 * files): a key written twice in one object (the parser keeps the last;
 * spec §1 allows each key once, and in a catalogue the second column of one
 * name would silently replace the first) and a number that the parsed double no longer says as written
 * (`9007199254740993` reads as …992; the API, which parses the text itself,
 * would see another value than the decompiled text says). The scan runs on
 * text that `JSON.parse` accepted, with the one JSON walker of
 * `json-position.ts` (no recursion, so 100,000 levels of nesting cannot
 * overflow), and gives each finding the JSON Pointer of the value concerned.
 */
import { readNumber, type NumberProblem } from '../ast/numbers.js';
import { walkJson } from './json-position.js';

/** One thing `JSON.parse` would have hidden. */
export type JsonTextFinding =
  | { readonly kind: 'duplicate-key'; readonly path: string; readonly key: string }
  | { readonly kind: 'inexact-number'; readonly path: string; readonly problem: NumberProblem };

/**
 * Duplicate keys and inexact numbers of `text`, which must be valid JSON.
 * At most `limit` findings, so that a hostile input cannot flood the caller.
 */
export function scanJsonText(text: string, limit = 100): JsonTextFinding[] {
  const findings: JsonTextFinding[] = [];
  walkJson(text, {
    key: (key, duplicate, path) => {
      if (duplicate) findings.push({ kind: 'duplicate-key', path: path(), key });
      return findings.length >= limit;
    },
    number: (literal, path) => {
      const { value, problem } = readNumber(literal);
      // A number too large to be finite reads as Infinity, which the validator reports as a value that is not JSON data.
      if (problem && Number.isFinite(value)) findings.push({ kind: 'inexact-number', path: path(), problem });
      return findings.length >= limit;
    },
  });
  return findings;
}
