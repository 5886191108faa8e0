/**
 * Every type a public signature mentions is exported from the same entry
 * (so a user can name what a function takes and returns). Reads the entry
 * files with the TypeScript compiler API: for each exported value and type,
 * every type reference in its declaration (parameters, results, members,
 * heritage) that resolves to a declaration under src/ must be exported too.
 */
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRIES = ['src/index.ts', 'src/sql.ts', 'src/catalogues.ts'];

const FIXTURE = 'test/fixtures/public-types-entry.ts';
const program = ts.createProgram([...ENTRIES, FIXTURE].map((e) => resolve(ROOT, e)), { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, resolveJsonModule: true, noEmit: true });
const checker = program.getTypeChecker();

function real(symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function exportsOf(entry: string): ts.Symbol[] {
  const file = program.getSourceFile(resolve(ROOT, entry))!;
  return checker.getExportsOfModule(checker.getSymbolAtLocation(file)!).map(real);
}

/**
 * Names of src/ types referenced by the entry's exports but exported by none
 * of `entries` (a subpath may use a type the package root exports).
 */
function missing(entry: string, entries: readonly string[] = ENTRIES): string[] {
  const exported = exportsOf(entry);
  const known = new Set(entries.flatMap(exportsOf));
  const out = new Set<string>();
  const seen = new Set<ts.Node>();
  const visit = (node: ts.Node, owner: string): void => {
    if (seen.has(node)) return;
    seen.add(node);
    // Private and #private members are not part of the signature.
    if ((ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node)) && (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Private || ts.isPrivateIdentifier(node.name))) return;
    // A function's body is not its signature.
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node)) && node.body) {
      for (const child of [...node.parameters, ...(node.type ? [node.type] : []), ...(node.typeParameters ?? [])]) visit(child, owner);
      return;
    }
    if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node)) {
      const at = ts.isTypeReferenceNode(node) ? node.typeName : node.expression;
      const symbol = checker.getSymbolAtLocation(at);
      const target = symbol && real(symbol);
      const decl = target?.declarations?.[0];
      if (target && decl && !(target.flags & ts.SymbolFlags.TypeParameter)) {
        const path = decl.getSourceFile().fileName;
        if (path.startsWith(resolve(ROOT, 'src')) && !known.has(target)) out.add(`${owner} uses ${target.name} (${path.slice(ROOT.length + 1)})`);
      }
    }
    ts.forEachChild(node, (child) => visit(child, owner));
  };
  for (const symbol of exported) {
    for (const decl of symbol.declarations ?? []) {
      // A variable's initializer is not its signature: only its declared type.
      if (ts.isVariableDeclaration(decl)) {
        if (decl.type) visit(decl.type, symbol.name);
      } else visit(decl, symbol.name);
    }
  }
  return [...out].sort();
}

describe('public signatures', () => {
  it.each(ENTRIES)('%s exports every type its exports mention', (entry) => {
    expect(missing(entry)).toEqual([]);
  });

  it('reports the types of an export its entry forgets', () => {
    const found = missing(FIXTURE, [FIXTURE]);
    for (const name of ['CompileResult', 'FilterSource']) expect(found).toContain(`compile uses ${name} (src/api/${name === 'CompileResult' ? 'compile' : 'analyze'}.ts)`);
  });
});
