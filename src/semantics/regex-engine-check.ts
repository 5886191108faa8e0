/**
 * The predicate's check for a missing RE2 engine: every regex condition whose
 * pattern needs the engine (regex.ts, `missingEngineReason`) while none is
 * registered gives `regex-engine-missing` at the condition's range, before
 * anything is compiled, so that the caller learns what to import instead of
 * meeting an exception at the first row.
 */
import type { ConditionNode, FieldRef, Filter, Test } from '../ast/nodes.js';
import { forEachLeaf } from '../ast/tree.js';
import type { RegexDialect } from '../catalogue/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import { missingEngineReason } from './regex.js';

/**
 * One `regex-engine-missing` error per regex condition (in the filter and in
 * `any`/`all` element filters) that would need the unregistered RE2 engine;
 * empty when an engine is registered or no pattern needs one.
 */
export function missingRegexEngine(filter: Filter, dialect: RegexDialect, columnName: (ref: FieldRef) => string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (test: Test, field: FieldRef, range: ConditionNode['range']) => {
    if (test.kind !== 'compare' || test.op !== 'regex' || (test.value.kind !== 'regex' && test.value.kind !== 'string')) return;
    const reason = missingEngineReason(test.value.value, dialect);
    if (reason !== undefined) out.push(report('regex-engine-missing', 'default', { column: columnName(field), reason }, { range: range ?? test.range }));
  };
  forEachLeaf(filter, (leaf) => {
    if (leaf.kind === 'condition') visit(leaf.test, leaf.field, leaf.range);
    else forEachLeaf(leaf.element, (element) => visit(element.test, leaf.field, element.range ?? leaf.range));
  });
  return out;
}
