/**
 * Finds where invalid JSON goes wrong. `JSON.parse` does not always say
 * (V8 reports some errors as "Unexpected token 'e', …" with no offset), so
 * when it fails this scanner walks the text once more. It is iterative, so
 * deeply nested input cannot exhaust the stack.
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * The UTF-16 offset of the first character that makes `text` invalid JSON
 * (`text.length` when it ends too early), or undefined when it is valid.
 */
export function jsonErrorOffset(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  const stack: string[] = [];
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
  const readKey = (): boolean => {
    skipSpace();
    if (!readString()) return false;
    skipSpace();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };

  for (;;) {
    // A value is expected at `i`.
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      skipSpace();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        stack.push(c);
        if (c === '{' && !readKey()) return i;
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
      i = NUMBER.lastIndex;
    }
    // After a value: a comma, a closing bracket, or the end.
    for (;;) {
      skipSpace();
      const top = stack[stack.length - 1];
      if (top === undefined) return i === n ? undefined : i;
      if (text[i] === ',') {
        i++;
        if (top === '{' && !readKey()) return i;
        break;
      }
      if (text[i] === (top === '{' ? '}' : ']')) {
        i++;
        stack.pop();
        continue;
      }
      return i;
    }
  }
}
