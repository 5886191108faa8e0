/**
 * Native stand-ins for the lodash functions that Chevrotain 11 imports
 * (scripts/chevrotain-native-lodash.ts puts this module in place of
 * `lodash-es` for Chevrotain's own modules, in the build only). Each gives
 * lodash's result for the values Chevrotain passes: `null`/`undefined`,
 * arrays (dense or with holes, which lodash reads as `undefined`), strings
 * where lodash treats them as array-likes, plain objects, objects without a
 * prototype and class instances, functions and numbers; and the iteratees
 * are always functions (never lodash's string/object shorthands).
 * test/package/chevrotain-native-lodash.test.ts checks that the names here
 * are the names Chevrotain imports and compares each function with lodash on
 * generated values of those shapes.
 *
 * Not covered, because Chevrotain never passes them: Maps, Sets, typed
 * arrays, `arguments` objects, prototype objects used as collections, array
 * subclasses and RegExp match arrays (to `clone`), non-string path objects
 * (to `has`), and objects that fake a built-in's `Symbol.toStringTag`.
 * `upperFirst` (only the CST type generator, `generateCstDts`, calls it) is
 * lodash's own: lodash upper-cases the whole first grapheme, combining marks
 * included, which needs its Unicode tables.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;
type Iteratee = (value: Any, key: Any, collection: Any) => Any;

// @ts-expect-error -- lodash-es ships no types (and @types/lodash-es is not installed)
export { default as upperFirst } from 'lodash-es/upperFirst.js';

const hasOwn = (o: Any, k: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** lodash's equality (SameValueZero): NaN equals NaN, and 0 equals -0. */
const eq = (a: Any, b: Any): boolean => a === b || (a !== a && b !== b);

/** A valid array length: lodash reads anything that is not a function and has one as an array-like (strings too). */
const isArrayLike = (v: Any): boolean =>
  v != null && typeof v !== 'function' && typeof v.length === 'number' && v.length >= 0 && v.length % 1 === 0 && v.length <= Number.MAX_SAFE_INTEGER;

/** `v` is the prototype object of its own constructor (or Object.prototype). */
const isProto = (v: Any): boolean => {
  const C = v && v.constructor;
  return v === ((typeof C === 'function' && C.prototype) || Object.prototype);
};

/** lodash's assignment: skipped when the property is already own and equal; `__proto__` becomes an own property. */
function put(o: Any, k: PropertyKey, v: Any): void {
  const current = o[k];
  if (hasOwn(o, k) && eq(current, v)) return;
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  else o[k] = v;
}

/**
 * The walk of lodash's collection functions: an array-like by index from 0
 * to its length at the start (holes included), anything else by its own
 * enumerable string keys. Stops when `f` returns `false`.
 */
function each(c: Any, f: Iteratee): void {
  if (c == null) return;
  if (isArrayLike(c)) {
    const o = Array.isArray(c) ? c : Object(c);
    for (let i = 0, n = o.length; i < n; i++) if (f(o[i], i, o) === false) return;
  } else {
    const o = Object(c);
    for (const k of keys(c)) if (f(o[k], k, o) === false) return;
  }
}

/** A copy of `a[start..end)` read by index (lodash's slices turn holes into `undefined`). */
function slice(a: Any, start: number, end: number): Any[] {
  const out = [];
  for (let i = start, n = Math.min(end, a.length); i < n; i++) out.push(a[i]);
  return out;
}

const toInteger = (n: Any): number => Math.trunc(Number(n)) || 0;
const lengthOf = (a: Any): number => (a == null ? 0 : a.length);

// --- predicates ------------------------------------------------------------

export const isArray = Array.isArray;
export const isUndefined = (v: Any): boolean => v === undefined;
export const isObject = (v: Any): boolean => v != null && (typeof v === 'object' || typeof v === 'function');
/** lodash checks the value's built-in tag, which every callable has as "Function". */
export const isFunction = (v: Any): boolean => typeof v === 'function';

/** Whether `f` accepts `v` as its receiver: a check of the built-in's internal slot (lodash reads the built-in tag). */
function brand(f: Any, v: Any): boolean {
  try {
    f.call(v);
    return true;
  } catch {
    return false;
  }
}
const regExpSource = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source')!.get;
/** A string or a String object (lodash counts both). */
export const isString = (v: Any): boolean => typeof v === 'string' || (typeof v === 'object' && v !== null && brand(String.prototype.valueOf, v));
/** A RegExp of any realm; `RegExp.prototype` is not one (its `source` getter answers it specially). */
export const isRegExp = (v: Any): boolean => typeof v === 'object' && v !== null && v !== RegExp.prototype && brand(regExpSource, v);

/** Empty: no length for array-likes with array methods and strings, else no own enumerable string key (numbers and booleans are empty). */
export function isEmpty(v: Any): boolean {
  if (v == null) return true;
  if (isArrayLike(v) && (Array.isArray(v) || typeof v === 'string' || typeof v.splice === 'function')) return !v.length;
  for (const k in v) if (hasOwn(v, k)) return false;
  return true;
}

// --- objects -----------------------------------------------------------------

const INDEX = /^(?:0|[1-9]\d*)$/;

/** Own enumerable string keys (a string's indices too); an array's indices all come first, holes included. */
export function keys(v: Any): string[] {
  if (v == null) return [];
  const own = Object.keys(Object(v));
  return Array.isArray(v) ? Array.from(v, (_, i) => String(i)).concat(own.filter((k) => !(INDEX.test(k) && Number(k) < v.length))) : own;
}
export const values = (v: Any): Any[] => keys(v).map((k) => Object(v)[k]);

/** Enumerable string keys, inherited included, as lodash lists them: an array's indices first (holes too); no inherited `constructor`. */
function keysIn(v: Any): string[] {
  const array = Array.isArray(v);
  const out = array ? Array.from(v, (_, i) => String(i)) : [];
  const proto = isProto(v);
  for (const k in v) {
    if (array ? INDEX.test(k) && Number(k) < v.length : k === 'constructor' && (proto || !hasOwn(v, k))) continue;
    out.push(k);
  }
  return out;
}

/**
 * lodash's `has` takes a property path: a string key that reads as a path
 * ("a.b", "a[0]", `a["b"]`) and is not a property name of the object is
 * followed through it. Chevrotain's keys are plain words and token indices,
 * except the lexer's default mode name, which its user chooses.
 */
export function has(object: Any, path: Any): boolean {
  if (object == null) return false;
  const segments = Array.isArray(path) ? path : typeof path === 'string' && isPath(path) && !(path in Object(object)) ? toPath(path) : [path];
  let o = object;
  for (let i = 0; i < segments.length; i++) {
    const k = toKey(segments[i]);
    // A missing last key that is an index below an array's length still counts (lodash's answer for holes).
    if (o == null || !hasOwn(o, k)) return i === segments.length - 1 && Array.isArray(o) && INDEX.test(k) && Number(k) < o.length;
    o = o[k];
  }
  return segments.length > 0;
}

const toKey = (k: Any): Any => (typeof k === 'string' || typeof k === 'symbol' ? k : Object.is(k, -0) ? '-0' : `${k}`);

/** At `s[i]`, a quote, its text (a backslash escapes the next character, a line break excepted), the same quote and `]`: [text, index after]. */
function quoted(s: string, i: number): [string, number] | undefined {
  const q = s[i];
  if (q !== '"' && q !== "'") return undefined;
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === q) return s[j + 1] === ']' ? [s.slice(i + 1, j).replace(/\\([\s\S])/g, '$1'), j + 2] : undefined;
    if (s[j] === '\\') {
      if (j + 1 >= s.length || /[\n\r\u2028\u2029]/.test(s[j + 1]!)) return undefined;
      j++;
    }
  }
  return undefined;
}

/** lodash reads a string key as a path when it has a dot, or a `[` closed by `]` before any other bracket, or a quoted `[...]`. */
function isPath(s: string): boolean {
  if (s.includes('.')) return true;
  for (let i = s.indexOf('['); i >= 0; i = s.indexOf('[', i + 1)) {
    const next = s.slice(i + 1).search(/[[\]]/);
    if ((next >= 0 && s[i + 1 + next] === ']') || quoted(s, i + 1)) return true;
  }
  return false;
}

/**
 * A path's keys: runs of characters other than `.`, `[` and `]`; `[n]` with
 * n a (possibly negative or decimal) number; `["text"]` or `['text']`; an
 * empty key for a leading dot and wherever a separator (`.` or `[]`) is
 * followed by another or ends the string. Other characters are skipped.
 */
function toPath(s: string): string[] {
  const out: string[] = s[0] === '.' ? [''] : [];
  const separatorAt = (k: number): boolean => s[k] === '.' || (s[k] === '[' && s[k + 1] === ']');
  for (let i = 0; i < s.length; ) {
    const run = /^[^.[\]]+/.exec(s.slice(i));
    if (run) {
      out.push(run[0]);
      i += run[0].length;
      continue;
    }
    if (s[i] === '[') {
      const num = /^\[(-?\d+(?:\.\d+)?)\]/.exec(s.slice(i));
      const text = num ? [num[1]!, i + num[0].length] as const : quoted(s, i + 1);
      if (text) {
        out.push(text[0]);
        i = text[1];
        continue;
      }
    }
    if (separatorAt(i)) {
      const after = i + (s[i] === '.' ? 1 : 2);
      if (after === s.length || separatorAt(after)) out.push('');
    }
    i++;
  }
  return out;
}

/** Copies own enumerable string keys of each truthy source, in order (symbols are not copied). */
export function assign(object: Any, ...sources: Any[]): Any {
  for (const source of sources) if (source) for (const k of keys(source)) put(object, k, source[k]);
  return object;
}

/**
 * Fills the keys that are `undefined` in `object` (or only inherited from
 * Object.prototype unchanged) from the sources' enumerable keys, inherited
 * ones included (keysIn).
 */
export function defaults(object: Any, ...sources: Any[]): Any {
  const o = Object(object);
  for (const source of sources) {
    for (const k of source == null ? [] : keysIn(source)) {
      const v = o[k];
      if (v === undefined || (eq(v, (Object.prototype as Any)[k]) && !hasOwn(o, k))) o[k] = source[k];
    }
  }
  return o;
}

/**
 * A shallow copy: arrays element by element (holes become `undefined`);
 * other objects keep their prototype (Object.prototype when their
 * `constructor` is not a function; a function's copy is a plain object)
 * and get the own enumerable string and symbol keys; primitives as they are.
 */
export function clone(v: Any): Any {
  if (!isObject(v)) return v;
  if (Array.isArray(v)) return slice(v, 0, v.length);
  const copy = typeof v !== 'function' && typeof v.constructor === 'function' && !isProto(v) ? Object.create(Object.getPrototypeOf(v)) : {};
  for (const k of keys(v)) put(copy, k, v[k]);
  for (const s of Object.getOwnPropertySymbols(v)) if (Object.prototype.propertyIsEnumerable.call(v, s)) put(copy, s, v[s]);
  return copy;
}

/**
 * The entries whose value passes, as a new plain object. The keys are the
 * enumerable ones, inherited included (keysIn), then the enumerable symbols
 * up the prototype chain; `__proto__`,
 * `constructor` and `prototype` are left out of the result (after the
 * predicate has seen them).
 */
export function pickBy(object: Any, predicate: (value: Any, key: Any) => Any): Any {
  const result = {};
  if (object == null) return result;
  const names: PropertyKey[] = keysIn(object);
  for (let o = object; o; o = Object.getPrototypeOf(Object(o))) {
    for (const s of Object.getOwnPropertySymbols(Object(o))) if (Object.prototype.propertyIsEnumerable.call(o, s)) names.push(s);
  }
  for (const k of names) {
    const v = object[k];
    if (predicate(v, k) && k !== '__proto__' && k !== 'constructor' && k !== 'prototype') put(result, k, v);
  }
  return result;
}

// --- arrays ------------------------------------------------------------------

export const identity = (v: Any): Any => v;
export const noop = (): void => undefined;

export const first = (a: Any): Any => (a && a.length ? a[0] : undefined);
export const last = (a: Any): Any => (lengthOf(a) ? a[a.length - 1] : undefined);

/** Without the first `n` (default 1) elements. */
export function drop(a: Any, n?: Any): Any[] {
  const length = lengthOf(a);
  return length ? slice(a, Math.max(n === undefined ? 1 : toInteger(n), 0), length) : [];
}
/** Without the last `n` (default 1) elements. */
export function dropRight(a: Any, n?: Any): Any[] {
  const length = lengthOf(a);
  return length ? slice(a, 0, Math.max(length - (n === undefined ? 1 : toInteger(n)), 0)) : [];
}

export function compact(a: Any): Any[] {
  const out = [];
  for (let i = 0, n = lengthOf(a); i < n; i++) if (a[i]) out.push(a[i]);
  return out;
}

/** One level: arrays (and values marked `Symbol.isConcatSpreadable`) are spread, by index. */
export function flatten(a: Any): Any[] {
  const out = [];
  for (let i = 0, n = lengthOf(a); i < n; i++) {
    const v = a[i];
    if (Array.isArray(v) || (v && v[Symbol.isConcatSpreadable])) for (let j = 0; j < v.length; j++) out.push(v[j]);
    else out.push(v);
  }
  return out;
}

/** First occurrences by SameValueZero (a Set compares so); -0 comes out as 0, as in lodash. */
export function uniq(a: Any): Any[] {
  const seen = new Set();
  for (let i = 0, n = a && a.length ? a.length : 0; i < n; i++) seen.add(a[i]);
  return [...seen];
}

/** The elements of `a` not in any of the array-like objects among `others`, by SameValueZero; -0 comes out as 0. */
export function difference(a: Any, ...others: Any[]): Any[] {
  const isArrayLikeObject = (v: Any): boolean => typeof v === 'object' && isArrayLike(v);
  if (!isArrayLikeObject(a)) return [];
  const excluded = new Set();
  for (const other of others) if (isArrayLikeObject(other)) for (let i = 0; i < other.length; i++) excluded.add(other[i]);
  const out = [];
  for (let i = 0; i < a.length; i++) if (!excluded.has(a[i])) out.push(a[i] === 0 ? 0 : a[i]);
  return out;
}

/** The first index of `value` (NaN found too) from `fromIndex` (negative: from the end), or -1. */
export function indexOf(a: Any, value: Any, fromIndex?: Any): number {
  const length = lengthOf(a);
  let i = fromIndex == null ? 0 : toInteger(fromIndex);
  if (i < 0) i = Math.max(length + i, 0);
  for (; i < length; i++) if (eq(a[i], value)) return i;
  return -1;
}

/** In a string: as a substring; in an array-like: by SameValueZero; in an object: among its values. */
export function includes(c: Any, value: Any): boolean {
  if (isString(c)) return c.indexOf(value) > -1;
  const list = isArrayLike(c) ? c : values(c);
  for (let i = 0; i < list.length; i++) if (eq(list[i], value)) return true;
  return false;
}

// --- collections (arrays, strings as array-likes, objects by their values) ---

/** Returns the collection; an iteratee returning `false` ends the walk. */
export function forEach(c: Any, f: Iteratee): Any {
  each(c, f);
  return c;
}

export function map(c: Any, f: Iteratee): Any[] {
  const out: Any[] = [];
  each(c, (v, k, o) => void out.push(f(v, k, o)));
  return out;
}

export const flatMap = (c: Any, f: Iteratee): Any[] => flatten(map(c, f));

export function filter(c: Any, f: Iteratee): Any[] {
  const out: Any[] = [];
  each(c, (v, k, o) => void (f(v, k, o) && out.push(v)));
  return out;
}

export const reject = (c: Any, f: Iteratee): Any[] => filter(c, (v, k, o) => !f(v, k, o));

export function every(c: Any, f: Iteratee): boolean {
  let all = true;
  each(c, (v, k, o) => (all = !!f(v, k, o)));
  return all;
}

export function some(c: Any, f: Iteratee): boolean {
  let any = false;
  each(c, (v, k, o) => !(any = !!f(v, k, o)));
  return any;
}

/** The first element the predicate accepts (lodash reads it again after the call), or `undefined`. */
export function find(c: Any, f: Iteratee): Any {
  if (isArrayLike(c)) {
    // By index, the collection itself (a string stays a primitive) passed to the predicate.
    for (let i = 0, n = c.length; i < n; i++) if (f(c[i], i, c)) return c[i];
    return undefined;
  }
  let found;
  each(c, (v, k, o) => (f(v, k, o) ? ((found = o[k]), false) : true));
  return found;
}

/** Without an initial value (fewer than three arguments), the first element is the start; an empty collection then gives `undefined`. */
export function reduce(c: Any, f: (acc: Any, value: Any, key: Any, collection: Any) => Any, accumulator?: Any): Any {
  let started = arguments.length >= 3;
  each(c, (v, k, o) => {
    accumulator = started ? f(accumulator, v, k, o) : v;
    started = true;
  });
  return accumulator;
}

/** Groups by the iteratee's key (called with the value alone), in first-seen order (integer-like keys first, as in any object). */
export function groupBy(c: Any, f: (value: Any) => Any): Any {
  const groups: Any = {};
  each(c, (v) => {
    const k = f(v);
    if (hasOwn(groups, k)) groups[k].push(v);
    else put(groups, k, [v]);
  });
  return groups;
}
