/**
 * Reading an untrusted object safely, for the `where` validator: only own
 * enumerable properties, every throwing getter or proxy trap reported rather
 * than propagated, and every node counted against the node and depth limits.
 * The grammar itself (which keys mean what) is in `validate.ts`; this is
 * the part that would be the same for any JSON grammar.
 */
import { pointerSegment, type Diagnostic } from '../diagnostics/diagnostic.js';
import { report, reportJsonInput } from '../diagnostics/messages.js';
import { suggestNames } from '../diagnostics/suggest.js';
import type { InvalidPart } from './valid-tree.js';
import { didYouMean, orList, quote, reasonOf } from './wording.js';

/** Marks a property that could not be read (a throwing getter or proxy trap); already reported. */
export const UNREADABLE: unique symbol = Symbol('unreadable');

/** A JSON object (not null, not an array). */
export function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The reader's state: the diagnostics so far and what is left of the limits. */
export class JsonReader {
  readonly diagnostics: Diagnostic[] = [];
  private tooDeepReported = false;
  private tooManyReported = false;
  private nodes = 0;

  constructor(protected readonly maxDepth: number, protected readonly maxNodes: number) {}

  /** True once the node limit was passed (then the partial tree is as big as the limit allows). */
  get overNodeLimit(): boolean {
    return this.tooManyReported;
  }

  push(diagnostic: Diagnostic): void {
    this.diagnostics.push(diagnostic);
  }

  protected invalid(path: string): InvalidPart {
    return { kind: 'invalid', path };
  }

  /** Counts `count` more nodes; false (and reported, once) when that passes the limit. */
  protected count(path: string, count = 1): boolean {
    this.nodes += count;
    if (this.nodes <= this.maxNodes) return true;
    if (!this.tooManyReported) {
      this.tooManyReported = true;
      this.push(report('too-many-nodes', 'default', { limit: this.maxNodes }, { path }));
    }
    return false;
  }

  /** Whether `length` more nodes fit in what is left of the node limit. */
  protected fits(length: number): boolean {
    return length <= this.maxNodes - this.nodes;
  }

  /** True (and reported, once) when entering one more level would pass the limit. */
  protected tooDeep(depth: number, path: string): boolean {
    if (depth < this.maxDepth) return false;
    if (!this.tooDeepReported) {
      this.tooDeepReported = true;
      this.push(report('nesting-too-deep', 'default', { limit: this.maxDepth }, { path }));
    }
    return true;
  }

  /** Own enumerable string keys only: inherited names such as `toString` are never looked at. */
  protected keys(obj: object, path: string): string[] | undefined {
    try {
      return Object.keys(obj);
    } catch (error) {
      this.push(reportJsonInput('json-invalid-node', 'unreadableKeys', { reason: reasonOf(error) }, { path }));
      return undefined;
    }
  }

  /** An own property's value; a getter that throws is reported, not propagated. */
  protected read(obj: object, key: string | number, path: string): unknown {
    try {
      return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string | number, unknown>)[key] : undefined;
    } catch (error) {
      this.push(reportJsonInput('json-invalid-node', 'unreadableValue', { reason: reasonOf(error) }, { path }));
      return UNREADABLE;
    }
  }

  /** The items of an array, each read as {@link read} does. */
  protected items(value: unknown[], path: string): unknown[] {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(this.read(value, i, `${path}/${i}`));
    return out;
  }

  /** A key the grammar does not allow at `path`, with "did you mean" from `aliases` or the edit distance. */
  protected unknownKey(key: string, path: string, where: string, candidates: readonly string[], aliases: Readonly<Record<string, string>> = {}): void {
    const alias = Object.prototype.hasOwnProperty.call(aliases, key.toLowerCase()) ? aliases[key.toLowerCase()] : undefined;
    const names = alias ? [alias] : suggestNames(key, candidates);
    const args = { key: quote(key), where, allowed: candidates.map((c) => `"${c}"`).join(', ') };
    const at = { path: `${path}/${pointerSegment(key)}` };
    this.push(names.length === 0 ? reportJsonInput('json-unknown-key', 'default', args, at, [])
      : reportJsonInput('json-unknown-key', 'suggest', { ...args, names: orList(names) }, at, didYouMean(names)));
  }
}
