/**
 * Drives the language server as an editor would: a real child process
 * (`npx tsx src/cli/lsp-main.ts`) spoken to over stdio with JSON-RPC.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lsp from 'vscode-languageserver/node.js';
import type * as L from 'vscode-languageserver/node.js';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = lsp;

let child: ChildProcessWithoutNullStreams;
let connection: L.MessageConnection;
const published: L.PublishDiagnosticsParams[] = [];
const waiters: Array<(p: L.PublishDiagnosticsParams) => boolean> = [];

/** Resolves with the next publishDiagnostics for `uri` at `version`. */
function diagnosticsFor(uri: string, version: number): Promise<L.PublishDiagnosticsParams> {
  const seen = published.find((p) => p.uri === uri && p.version === version);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => {
    waiters.push((p) => {
      if (p.uri !== uri || p.version !== version) return false;
      resolve(p);
      return true;
    });
  });
}

const URI = 'file:///tmp/query.where';

beforeAll(async () => {
  child = spawn('npx', ['tsx', 'src/cli/lsp-main.ts'], { cwd: process.cwd(), stdio: 'pipe' });
  connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onNotification('textDocument/publishDiagnostics', (p: L.PublishDiagnosticsParams) => {
    published.push(p);
    for (let i = waiters.length - 1; i >= 0; i--) if (waiters[i]!(p)) waiters.splice(i, 1);
  });
  connection.listen();
  const init = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    initializationOptions: { catalogue: 'site-explorer/all-backlinks' },
  })) as L.InitializeResult;
  expect(init.capabilities.completionProvider).toBeDefined();
  expect(init.capabilities.hoverProvider).toBe(true);
  expect(init.capabilities.documentFormattingProvider).toBe(true);
  expect(init.serverInfo?.name).toBe('ahrefs-where');
  await connection.sendNotification('initialized', {});
}, 60_000);

afterAll(async () => {
  if (connection) {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
  }
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => {
      child.kill();
      resolve();
    }, 5000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
});

describe('language server over stdio', () => {
  it('publishes diagnostics on open and on change, with ranges in line/character', async () => {
    const text = 'DR >= 50\nand domain_ratng_source > 5';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'ahrefs-where', version: 1, text } });
    const first = await diagnosticsFor(URI, 1);
    expect(first.diagnostics).toHaveLength(1);
    expect(first.diagnostics[0]).toMatchObject({
      code: 'unknown-column',
      severity: 1,
      source: 'ahrefs-where',
      range: { start: { line: 1, character: 4 }, end: { line: 1, character: 23 } },
    });
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 23 } }, text: 'domain_rating_source' }],
    });
    expect((await diagnosticsFor(URI, 2)).diagnostics).toEqual([]);
  });

  it('offers quick fixes as code actions', async () => {
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: 'link_type = imgae' }] });
    const { diagnostics } = await diagnosticsFor(URI, 3);
    const actions = (await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diagnostics[0]!.range,
      context: { diagnostics },
    })) as L.CodeAction[];
    expect(actions[0]!.title).toContain('image');
    expect(actions[0]!.edit!.changes![URI]![0]).toEqual({ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 17 } }, newText: 'image' });
  });

  it('completes enum values and operators with text edits', async () => {
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 4 }, contentChanges: [{ text: 'DR > 5 and link_type = ' }] });
    const values = (await connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 0, character: 23 } })) as L.CompletionItem[];
    expect(values.map((v) => v.label)).toContain('text');
    const text = values.find((v) => v.label === 'text')!;
    expect(text.textEdit).toEqual({ range: { start: { line: 0, character: 23 }, end: { line: 0, character: 23 } }, newText: 'text' });
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 5 }, contentChanges: [{ text: 'anchor st' }] });
    const ops = (await connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 0, character: 9 } })) as L.CompletionItem[];
    const starts = ops.find((o) => o.label === 'starts with')!;
    expect(starts.kind).toBe(lsp.CompletionItemKind.Operator);
    expect(starts.textEdit).toEqual({ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 9 } }, newText: 'starts with' });
  });

  it('answers hover with Markdown', async () => {
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 6 }, contentChanges: [{ text: 'traffic >= 100' }] });
    const h = (await connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 2 } })) as L.Hover;
    expect((h.contents as L.MarkupContent).kind).toBe('markdown');
    expect((h.contents as L.MarkupContent).value).toContain('10 units per row');
    const op = (await connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 9 } })) as L.Hover;
    expect((op.contents as L.MarkupContent).value).toContain('{"field":"traffic","is":["gte",100]}');
  });

  it('formats the whole document', async () => {
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 7 }, contentChanges: [{ text: 'DR>=50 AND ( is_dofollow )' }] });
    const edits = (await connection.sendRequest('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } })) as L.TextEdit[];
    expect(edits).toHaveLength(1);
    const original = 'DR>=50 AND ( is_dofollow )';
    const e = edits[0]!;
    expect(original.slice(0, e.range.start.character) + e.newText + original.slice(e.range.end.character)).toBe('DR >= 50 and is_dofollow');
  });
});
