/**
 * The AST stage's entry: the node types of a filter, the one boolean tree
 * with its fold and node factory, and the types of the API's `where` JSON.
 * Tools built on the stages (editor, test kit, CLI) import the AST from here.
 */
export type * from './nodes.js';
export { foldTree, forEachLeaf, isBranch, isInvalid, tree, type TreeFold } from './tree.js';
export { COMPARE_OPS } from './where-json.js';
export type { WhereCondition, WhereConditionFilter, WhereExpr, WhereFilter, WhereTree, WhereValue } from './where-json.js';
