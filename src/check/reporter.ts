/**
 * Where the checker's diagnostics go and where they point: the most precise
 * place the parser (a range) or the decompiler (a JSON path) recorded for a
 * node. Shared by the column checks (./checker.ts) and the test and value
 * checks (./tests.ts).
 */
import type { SourceRange } from '../ast/nodes.js';
import type { Catalogue } from '../catalogue/types.js';
import type { Diagnostic, Location, Suggestion } from '../diagnostics/diagnostic.js';
import { formatMessage } from '../diagnostics/messages.js';

/** An AST object the checker may point at (a node, FieldRef, Test or Literal), or nothing. */
export type Located = object | undefined;

/** The codes whose templates have a `fix` variant: a "Replace with …" suggestion. */
type FixCode = 'null-value' | 'value-type-mismatch' | 'unknown-enum-value' | 'bare-word-value';

export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly catalogue: Catalogue,
    private readonly paths: ReadonlyMap<object, string> | undefined,
  ) {}

  /** The first of `nodes` that has a range or a path. */
  where(nodes: readonly Located[]): Location {
    for (const node of nodes) {
      if (!node) continue;
      const range = (node as { range?: SourceRange }).range;
      const path = this.paths?.get(node);
      if (range || path !== undefined) return { range, path };
    }
    return {};
  }

  /** JSON input gets messages in JSON words (`"eq"`, `"is_null"`); text input in the language's (`=`, `is null`). */
  isJson(nodes: readonly Located[]): boolean {
    const at = this.where(nodes);
    return at.range === undefined && at.path !== undefined;
  }

  push(diagnostic: Diagnostic): void {
    this.diagnostics.push(diagnostic);
  }

  /** A "Replace with …" suggestion on `node` (over its range when it has one), worded by `code`'s `fix` template. */
  replace(code: FixCode, text: string, node: Located): Suggestion {
    const message = formatMessage(code, 'fix', { text });
    const range = (node as { range?: SourceRange } | undefined)?.range;
    return range ? { message, replacement: text, range } : { message, replacement: text };
  }
}

/** `"a" or "b"`: the names of a "did you mean" message. */
export function orList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(' or ');
}
