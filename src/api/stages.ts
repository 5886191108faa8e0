/**
 * The lower-level stages as the package exports them: `emitWhere` and
 * `printFilter` take a tree built in code, so, like every entry point, they
 * validate it once (src/ast/validate.ts) before walking it. The emitter and
 * the printer themselves trust their input (the API layer and the tools on
 * the stages hand them validated trees), and on a malformed tree they threw
 * TypeErrors or returned JSON outside the grammar (`{"and":[]}`,
 * `{"field":5,…}`), and on a shared sub-object expanded it without bound.
 * `resolveField` likewise checks its catalogue as the `catalogue` option is
 * checked (it read `byName` of whatever it was given).
 */
import type { Document, Filter } from '../ast/nodes.js';
import { commentsProblem, DEFAULT_MAX_NODES, validateFilterTree, type TreeLimits, type TreeProblem } from '../ast/validate.js';
import { report, type MessageArgs } from '../diagnostics/messages.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { printFilter as printTrusted, type PrintOptions } from '../emit/text.js';
import { EmitError, emitWhere as emitTrusted, type EmitOptions } from '../emit/where-json.js';
import type { WhereFilter } from '../ast/where-json.js';
import { DEFAULT_MAX_DEPTH } from '../syntax/parse.js';
import { describeValue } from '../vocabulary/index.js';
import { catalogueOption } from '../catalogue/option.js';
import { resolveField as resolveTrusted } from '../catalogue/resolve.js';
import type { Catalogue, ResolvedField } from '../catalogue/types.js';

/** The limits of a tree given to a stage: those of `compile` with default options. */
const LIMITS: TreeLimits = { maxDepth: DEFAULT_MAX_DEPTH, maxNodes: DEFAULT_MAX_NODES };

/** A problem of a tree built in code, worded from its template (the entry points' `invalid-ast`, `nesting-too-deep`, `too-many-nodes`). */
export function treeDiagnostic(problem: TreeProblem): Diagnostic {
  const at = { path: problem.path };
  if (problem.limit !== undefined) {
    return problem.limit === 'depth' ? report('nesting-too-deep', 'default', { limit: problem.max }, at) : report('too-many-nodes', 'default', { limit: problem.max }, at);
  }
  // The variant names are checked against the table here; each ShapeProblem's args are those of its template.
  return report('invalid-ast', problem.variant, problem.args as MessageArgs<'invalid-ast', typeof problem.variant>, at);
}

/** The problems of a Filter or a Document given to a stage, as diagnostics with paths (empty when it is valid). */
function problemsOf(source: unknown): Diagnostic[] {
  if (typeof source !== 'object' || source === null || Array.isArray(source)) {
    return [report('invalid-ast', 'source', { found: describeValue(source, 'type') }, { path: '' })];
  }
  const isDocument = !Object.prototype.hasOwnProperty.call(source, 'kind') && Object.prototype.hasOwnProperty.call(source, 'comments');
  if (!isDocument) return validateFilterTree(source, LIMITS).map(treeDiagnostic);
  const { comments, filter } = source as { comments: unknown; filter?: unknown };
  const bad = commentsProblem(comments);
  if (bad !== undefined) return [report('invalid-ast', 'comments', { found: bad }, { path: '/comments' })];
  return filter === undefined ? [] : validateFilterTree(filter, LIMITS, 'filter').map(treeDiagnostic);
}

/** One line per problem, `path: message`, as a thrown error carries them. */
function summary(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.path || '/'}: ${d.message}`).join('\n');
}

/**
 * The `where` object for a filter tree. Call it on a tree that checked
 * without errors (or use `compile`, which never throws); a tree that is not
 * an AST (see `invalid-ast`), or holds an `invalid` node or a `null` value,
 * throws {@link EmitError}, whose message names the path of each bad node.
 *
 * @example
 * emitWhere(parse('DR > 5').document.filter!); // { field: 'DR', is: ['gt', 5] }
 */
export function emitWhere(filter: Filter, options: EmitOptions = {}): WhereFilter {
  const problems = problemsOf(filter);
  if (problems.length > 0) throw new EmitError(`emitWhere: the tree is not a valid filter:\n${summary(problems)}`);
  return emitTrusted(filter, options);
}

/**
 * Canonical text for a filter tree or a parsed document (comments kept):
 * lower-case keywords, double-quoted strings, minimal parentheses. A tree
 * that is not an AST (see `invalid-ast`), or holds an `invalid` node (text
 * with syntax errors has no canonical form; `format` returns such text
 * unchanged), throws a `TypeError` whose message names the path of each bad
 * node.
 *
 * @example
 * printFilter(parse('DR>=50 AND ( is_dofollow )').document); // 'DR >= 50 and is_dofollow'
 */
export function printFilter(doc: Document | Filter, options: PrintOptions = {}): string {
  const problems = problemsOf(doc);
  if (problems.length > 0) throw new TypeError(`printFilter: the tree is not a valid filter:\n${summary(problems)}`);
  return printTrusted(doc, options);
}

/**
 * What a name in a query refers to in a catalogue (a column name, a
 * case-insensitive alias such as `DR`, or a dotted path into an `object`
 * column), or undefined. The catalogue is checked as the `catalogue` option
 * is (a catalogue or a built-in endpoint's name); anything else, `undefined`
 * included (what `getCatalogue` returns for a misspelt name), throws a
 * `TypeError` with the option's message, never a lookup in another catalogue.
 *
 * @example
 * resolveField('site-explorer/all-backlinks', 'DR')?.apiName; // 'domain_rating_source'
 */
export function resolveField(catalogue: Catalogue | string, name: string): ResolvedField | undefined {
  if (catalogue === undefined) throw new TypeError('resolveField: the catalogue is undefined; pass a catalogue or a built-in endpoint\'s name (getCatalogue returns undefined for an unknown name).');
  const checked = catalogueOption(catalogue);
  if (!checked.catalogue) throw new TypeError(`resolveField: ${checked.diagnostics.map((d) => d.message).join(' ')}`);
  if (typeof name !== 'string') throw new TypeError(`resolveField: the name must be a string; found ${describeValue(name)}.`);
  return resolveTrusted(checked.catalogue, name);
}
