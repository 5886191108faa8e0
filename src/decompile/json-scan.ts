/**
 * What `JSON.parse` silently loses from `where` JSON text: a key written
 * twice in one object (the parser keeps the last, spec §1 allows each key
 * once) and a number that the parsed double no longer says as written
 * (`9007199254740993` reads as …992; the API, which parses the text itself,
 * would see another value than the decompiled text says). The scan runs on
 * text that `JSON.parse` accepted, once, without recursion (an explicit stack,
 * so 100,000 levels of nesting cannot overflow), and gives each finding the
 * JSON Pointer of the value concerned.
 */
import { readNumber, type NumberProblem } from '../ast/numbers.js';
import { pointerSegment } from '../diagnostics/diagnostic.js';

/** One thing `JSON.parse` would have hidden. */
export type JsonTextFinding =
  | { readonly kind: 'duplicate-key'; readonly path: string; readonly key: string }
  | { readonly kind: 'inexact-number'; readonly path: string; readonly problem: NumberProblem };

type Frame = { readonly type: 'object'; readonly keys: Set<string>; key: string } | { readonly type: 'array'; index: number };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The end (exclusive) of the JSON string starting at `start` (a `"`). */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j += 2;
    else if (c === 0x22) return j + 1;
    else j++;
  }
  return j;
}

/**
 * Duplicate keys and inexact numbers of `text`, which must be valid JSON.
 * At most `limit` findings, so that a hostile input cannot flood the caller.
 */
export function scanJsonText(text: string, limit = 100): JsonTextFinding[] {
  const findings: JsonTextFinding[] = [];
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  const space = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const path = () => stack.map((f) => `/${f.type === 'object' ? pointerSegment(f.key) : f.index}`).join('');
  /** Reads `"key":` into the object frame on top of the stack. */
  const key = (frame: Extract<Frame, { type: 'object' }>) => {
    space();
    const end = stringEnd(text, i);
    frame.key = JSON.parse(text.slice(i, end)) as string;
    i = end;
    if (frame.keys.has(frame.key)) {
      if (findings.length < limit) findings.push({ kind: 'duplicate-key', path: path(), key: frame.key });
    } else frame.keys.add(frame.key);
    space();
    i++; // the colon
  };
  while (i < n && findings.length < limit) {
    // A value starts here.
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      space();
      if (text[i] === '}' || text[i] === ']') i++;
      else {
        const frame: Frame = c === '{' ? { type: 'object', keys: new Set(), key: '' } : { type: 'array', index: 0 };
        stack.push(frame);
        if (frame.type === 'object') key(frame);
        continue;
      }
    } else if (c === '"') {
      i = stringEnd(text, i);
    } else if (c === 't' || c === 'n') {
      i += 4;
    } else if (c === 'f') {
      i += 5;
    } else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) break; // not valid JSON after all: JSON.parse has the last word
      const literal = text.slice(i, NUMBER.lastIndex);
      i = NUMBER.lastIndex;
      const { value, problem } = readNumber(literal);
      // A number too large to be finite reads as Infinity, which the validator reports as a value that is not JSON data.
      if (problem && Number.isFinite(value)) findings.push({ kind: 'inexact-number', path: path(), problem });
    }
    // After a value: a comma, closing brackets, or the end.
    let more = false;
    while (stack.length > 0) {
      space();
      const top = stack[stack.length - 1]!;
      if (text[i] === ',') {
        i++;
        if (top.type === 'object') key(top);
        else top.index++;
        more = true;
        break;
      }
      i++; // `}` or `]`
      stack.pop();
    }
    if (!more) break;
  }
  return findings;
}
