/**
 * The static analysis through the language server, as an editor sees it: a
 * real child process (test/support/lsp-session.ts) over stdio. A verdict
 * that joins top-level operands arrives as a warning, and its quick fix as a
 * code action whose edit gives the fixed text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type * as L from 'vscode-languageserver/node.js';
import { lspSession } from '../support/lsp-session.js';

const session = lspSession({ catalogue: 'site-explorer/all-backlinks' });
const { diagnosticsFor } = session;
let connection: L.MessageConnection;
beforeAll(() => {
  connection = session.connection;
});

/** Applies LSP text edits to a one-line text. */
function applyEdits(text: string, edits: readonly L.TextEdit[]): string {
  return [...edits].sort((a, b) => b.range.start.character - a.range.start.character)
    .reduce((t, e) => t.slice(0, e.range.start.character) + e.newText + t.slice(e.range.end.character), text);
}

describe('language server: static analysis across top-level operands', () => {
  it.each([
    ['file:///tmp/contradiction.where', 'alt = "a" and alt = "b"', 'never-matches', 'alt in ("a", "b")'],
    ['file:///tmp/range.where', 'DR > 50 and DR < 10', 'never-matches', 'DR > 50 or DR < 10'],
    ['file:///tmp/implied.where', 'DR > 50 and is_new and DR > 30', 'subsumed-condition', 'DR > 50 and is_new'],
    ['file:///tmp/repeated.where', 'alt = "a" and is_new and alt = "a"', 'redundant-condition', 'alt = "a" and is_new'],
  ])('%s: the warning and its code action arrive', async (uri, text, code, fixed) => {
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ahrefs-where', version: 1, text } });
    const { diagnostics } = await diagnosticsFor(uri, 1);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([[code, 2]]);
    const actions = (await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } })) as L.CodeAction[];
    expect(actions.length).toBeGreaterThan(0);
    expect(applyEdits(text, actions[0]!.edit!.changes![uri]!)).toBe(fixed);
  }, 30_000);

  it('an edit elsewhere keeps the warning across operands', async () => {
    const uri = 'file:///tmp/edited.where';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ahrefs-where', version: 1, text: 'alt = "a" and is_new' } });
    expect((await diagnosticsFor(uri, 1)).diagnostics).toEqual([]);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'alt = "a" and is_new and alt = "b"' }] });
    const { diagnostics } = await diagnosticsFor(uri, 2);
    expect(diagnostics.map((d) => d.code)).toEqual(['never-matches']);
    // It spans the operands it joins; with another operand between them no fix is offered (the intent is unclear).
    expect(diagnostics[0]!.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 34 } });
    const actions = (await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } })) as L.CodeAction[];
    expect(actions).toEqual([]);
  }, 30_000);
});
