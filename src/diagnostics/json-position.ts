/**
 * The one walker of JSON text: `JSON.parse` does not always say where
 * invalid JSON goes wrong (V8 reports some errors as "Unexpected token 'e',
 * …" with no offset), and it silently drops what the decompiler must report
 * (a key written twice, a number it cannot carry exactly). So the text is
 * walked once more, strictly by the JSON grammar, telling a visitor about
 * each key and number with its JSON Pointer. It is iterative (an explicit
 * stack), so deeply nested input cannot exhaust the call stack.
 */
import { pointerSegment } from './diagnostic.js';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * What a walk tells its caller. `path` builds the JSON Pointer of the key or
 * number (only when called, so a walk that reports nothing builds none).
 * Returning true stops the walk.
 */
export interface JsonVisitor {
  /** An object key, and whether the object already had it. */
  readonly key?: (key: string, duplicate: boolean, path: () => string) => boolean;
  /** A number, as written. */
  readonly number?: (literal: string, path: () => string) => boolean;
}

/** An open `{` or `[`: the key being read, or the index of the item. */
interface Frame {
  readonly open: '{' | '[';
  key: string;
  index: number;
  /** The keys seen so far in this object, when the visitor wants keys. */
  readonly keys: Set<string> | undefined;
}

/**
 * Walks `text` by the JSON grammar, calling `visitor` on each key and
 * number. Returns the UTF-16 offset of the first character that makes `text`
 * invalid JSON (`text.length` when it ends too early), or undefined when it
 * is valid (or the visitor stopped the walk).
 */
export function walkJson(text: string, visitor: JsonVisitor = {}): number | undefined {
  const n = text.length;
  let i = 0;
  const stack: Frame[] = [];
  const path = () => stack.map((f) => `/${f.open === '{' ? pointerSegment(f.key) : f.index}`).join('');
  let stopped = false;
  const skipSpace = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  /** Reads a string starting at `i`; returns false (with `i` at the fault) when it is invalid. */
  const readString = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) { i++; return true; }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return (i += 2), false;
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) i += 2;
        else return (i += 1), false;
      } else i++;
    }
    return false;
  };
  /** After `{` or `,` in an object: a key and a colon. */
  const readKey = (frame: Frame): boolean => {
    skipSpace();
    const start = i;
    if (!readString()) return false;
    if (frame.keys) {
      frame.key = JSON.parse(text.slice(start, i)) as string;
      const duplicate = frame.keys.has(frame.key);
      frame.keys.add(frame.key);
      stopped = visitor.key!(frame.key, duplicate, path);
    }
    skipSpace();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };

  while (!stopped) {
    // A value is expected at `i`.
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      skipSpace();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        const frame: Frame = { open: c, key: '', index: 0, keys: c === '{' && visitor.key ? new Set() : undefined };
        stack.push(frame);
        if (c === '{' && !readKey(frame)) return i;
        continue;
      }
    } else if (c === '"') {
      if (!readString()) return i;
    } else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      if (!text.startsWith(word, i)) return i;
      i += word.length;
    } else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) return i;
      const start = i;
      i = NUMBER.lastIndex;
      if (visitor.number) stopped = visitor.number(text.slice(start, i), path);
    }
    // After a value: a comma, a closing bracket, or the end.
    for (;;) {
      skipSpace();
      const top = stack[stack.length - 1];
      if (top === undefined) return i === n ? undefined : i;
      if (text[i] === ',') {
        i++;
        if (top.open === '{') {
          if (!readKey(top)) return i;
        } else top.index++;
        break;
      }
      if (text[i] === (top.open === '{' ? '}' : ']')) {
        i++;
        stack.pop();
        continue;
      }
      return i;
    }
  }
  return undefined;
}

/**
 * The UTF-16 offset of the first character that makes `text` invalid JSON
 * (`text.length` when it ends too early), or undefined when it is valid.
 */
export function jsonErrorOffset(text: string): number | undefined {
  return walkJson(text);
}
