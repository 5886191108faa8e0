/**
 * Drives the language server as an editor would: a real child process
 * (test/support/lsp-session.ts) spoken to over stdio with JSON-RPC.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lsp from 'vscode-languageserver/node.js';
import type * as L from 'vscode-languageserver/node.js';
import { lspSession } from '../support/lsp-session.js';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = lsp;

const session = lspSession({ catalogue: 'site-explorer/all-backlinks' });
const { diagnosticsFor, messages } = session;
let connection: L.MessageConnection;
let legend: L.SemanticTokensLegend;
/** The server's entry, for the tests that start servers of their own. */
let LSP: string;

const URI = 'file:///tmp/query.where';

beforeAll(() => {
  connection = session.connection;
  LSP = session.entry;
  const init = session.init;
  expect(init.capabilities.completionProvider).toBeDefined();
  expect(init.capabilities.hoverProvider).toBe(true);
  expect(init.capabilities.documentFormattingProvider).toBe(true);
  expect(init.serverInfo?.name).toBe('ahrefs-where');
  const tokens = init.capabilities.semanticTokensProvider!;
  expect(tokens).toMatchObject({ full: true, range: true });
  legend = tokens.legend;
});

/** Decodes LSP's relative token encoding into absolute `[line, character, length, type, ...modifiers]`. */
function decodeTokens(data: readonly number[]): (string | number)[][] {
  const out: (string | number)[][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, length, type, bits] = data.slice(i, i + 5) as [number, number, number, number, number];
    line += dl;
    character = dl === 0 ? character + dc : dc;
    const modifiers = legend.tokenModifiers.filter((_, k) => bits & (1 << k));
    out.push([line, character, length, legend.tokenTypes[type]!, ...modifiers]);
  }
  return out;
}

/** Resolves with the next showMessage whose text contains `part`. */
async function messageContaining(part: string): Promise<L.ShowMessageParams> {
  for (let i = 0; i < 200; i++) {
    const found = messages.find((m) => m.message.includes(part));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no showMessage containing ${part}; got ${JSON.stringify(messages)}`);
}

describe('language server over stdio', () => {
  it('publishes diagnostics on open and on change, with ranges in line/character', async () => {
    const text = 'is_dofollow\nand domain_ratng_source > 5';
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

describe('language server: semantic tokens', () => {
  const uri = 'file:///tmp/tokens.where';
  const text = 'DR >= 50 and link_type = text # note\nand first_seen > 2024-01-01 and (is_spam = true)';

  it('classifies the whole document with the legend, a bare enum value as a string and a date as a number', async () => {
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ahrefs-where', version: 1, text } });
    const result = (await connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as L.SemanticTokens;
    expect(decodeTokens(result.data)).toEqual([
      [0, 0, 2, 'property'],
      [0, 3, 2, 'operator'],
      [0, 6, 2, 'number'],
      [0, 9, 3, 'keyword'],
      [0, 13, 9, 'property'],
      [0, 23, 1, 'operator'],
      [0, 25, 4, 'string'],
      [0, 30, 6, 'comment'],
      [1, 0, 3, 'keyword'],
      [1, 4, 10, 'property'],
      [1, 15, 1, 'operator'],
      [1, 17, 10, 'number', 'date'],
      [1, 28, 3, 'keyword'],
      // `(` and `)` are left to the client's syntax.
      [1, 33, 7, 'property'],
      [1, 41, 1, 'operator'],
      [1, 43, 4, 'keyword', 'boolean'],
    ]);
  });

  it('answers a range with the tokens that overlap it', async () => {
    const result = (await connection.sendRequest('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line: 1, character: 16 }, end: { line: 1, character: 30 } },
    })) as L.SemanticTokens;
    expect(decodeTokens(result.data)).toEqual([[1, 17, 10, 'number', 'date'], [1, 28, 3, 'keyword']]);
  });

  it('sends tokens of one line each: a string left open ends at its line, as in the lexer', async () => {
    const multi = 'file:///tmp/multi.where';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: multi, languageId: 'ahrefs-where', version: 1, text: 'anchor = "a\r\nbc"' } });
    const result = (await connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: multi } })) as L.SemanticTokens;
    expect(decodeTokens(result.data)).toEqual([[0, 0, 6, 'property'], [0, 7, 1, 'operator'], [0, 9, 2, 'string'], [1, 0, 2, 'property'], [1, 2, 1, 'string']]);
  });
});

describe('language server: the endpoint directive', () => {
  const uri = 'file:///tmp/keywords.where';

  it('checks, completes and hovers a document against the endpoint its first line names', async () => {
    const text = '# endpoint: keywords-explorer/overview\nvolume > 1000 and DR > 5';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ahrefs-where', version: 1, text } });
    const { diagnostics } = await diagnosticsFor(uri, 1);
    // `DR` is an all-backlinks alias: unknown here.
    expect(diagnostics.map((d) => [d.code, d.range.start])).toEqual([['unknown-column', { line: 1, character: 18 }]]);
    const h = (await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } })) as L.Hover;
    expect((h.contents as L.MarkupContent).value).toContain('**volume**');
    const named = (await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } })) as L.Hover;
    expect((named.contents as L.MarkupContent).value).toMatch(/^Endpoint keywords-explorer\/overview: this document is checked against its \d+ columns\.$/);
    const items = (await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } })) as L.CompletionItem[];
    expect(items.map((i) => i.label)).toContain('keyword');
    expect(items.map((i) => i.label)).not.toContain('domain_rating_source');
  });

  it('reports an unknown endpoint on the directive, with a quick fix, and checks nothing else', async () => {
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 34 }, end: { line: 0, character: 38 } }, text: 'veiw' }],
    });
    const { diagnostics } = await diagnosticsFor(uri, 2);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'unknown-catalogue', severity: 1, range: { start: { line: 0, character: 12 }, end: { line: 0, character: 38 } } });
    expect(diagnostics[0]!.message).toContain('did you mean "keywords-explorer/overview"');
    const actions = (await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } })) as L.CodeAction[];
    expect(actions[0]!.edit!.changes![uri]).toEqual([{ range: diagnostics[0]!.range, newText: 'keywords-explorer/overview' }]);
    const items = (await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } })) as L.CompletionItem[];
    expect(items).toEqual([]);
  });

  it('hovers the directive with its endpoint, or why it has none', async () => {
    const h = (await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 15 } })) as L.Hover;
    expect(h.contents).toEqual({ kind: 'plaintext', value: expect.stringContaining('No built-in catalogue is named "keywords-explorer/overveiw"') });
    expect(h.range).toEqual({ start: { line: 0, character: 12 }, end: { line: 0, character: 38 } });
  });

  it('completes endpoint names in the directive', async () => {
    const items = (await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 20 } })) as L.CompletionItem[];
    const overview = items.find((i) => i.label === 'keywords-explorer/overview')!;
    expect(overview.textEdit).toEqual({ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 38 } }, newText: 'keywords-explorer/overview' });
    expect(items.length).toBeGreaterThan(60);
  });

  it('shows an unknown endpoint with window/showMessage when a document opens with it', async () => {
    const other = 'file:///tmp/typo.where';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'ahrefs-where', version: 1, text: '# endpoint: site-explorer/organic-keywrods\nvolume > 5' } });
    const message = await messageContaining('site-explorer/organic-keywrods');
    expect(message.type).toBe(lsp.MessageType.Error);
    expect(message.message).toContain('did you mean "site-explorer/organic-keywords"');
  });
});

describe('language server with an unknown catalogue in its settings', () => {
  it('shows it with window/showMessage and reports it on every document, checking against no other catalogue', async () => {
    const server = spawn(process.execPath, [LSP], { cwd: process.cwd(), stdio: 'pipe' });
    const c = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const shown: L.ShowMessageParams[] = [];
    const diagnostics = new Promise<L.PublishDiagnosticsParams>((resolve) => c.onNotification('textDocument/publishDiagnostics', resolve));
    c.onNotification('window/showMessage', (p: L.ShowMessageParams) => void shown.push(p));
    c.listen();
    try {
      await c.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { catalogue: 'keywords-explorer/overveiw' } });
      await c.sendNotification('initialized', {});
      await c.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'ahrefs-where', version: 1, text: 'DR > 5' } });
      const published = await diagnostics;
      expect(published.diagnostics.map((d) => d.code)).toEqual(['unknown-catalogue']);
      expect(shown).toHaveLength(1);
      expect(shown[0]!.message).toContain('did you mean "keywords-explorer/overview"');
      // A directive still wins over the bad setting.
      const fixed = 'file:///tmp/fixed.where';
      const next = new Promise<L.PublishDiagnosticsParams>((resolve) => c.onNotification('textDocument/publishDiagnostics', resolve));
      await c.sendNotification('textDocument/didOpen', { textDocument: { uri: fixed, languageId: 'ahrefs-where', version: 1, text: '# endpoint: site-explorer/all-backlinks\nDR > 5' } });
      expect((await next).diagnostics).toEqual([]);
      // A good setting sent later applies to the open documents at once.
      const republished = new Promise<L.PublishDiagnosticsParams>((resolve) => c.onNotification('textDocument/publishDiagnostics', (p: L.PublishDiagnosticsParams) => p.uri === URI && resolve(p)));
      await c.sendNotification('workspace/didChangeConfiguration', { settings: { 'ahrefs-where': { catalogue: 'keywords-explorer/overview' } } });
      expect((await republished).diagnostics.map((d) => d.code)).toEqual(['unknown-column']);
      expect(shown).toHaveLength(1);
      await c.sendRequest('shutdown');
      await c.sendNotification('exit');
    } finally {
      c.dispose();
      if (server.exitCode === null) server.kill();
    }
  }, 60_000);
});

/**
 * A second server, spoken to with raw bytes: hostile streams, then a valid
 * request that must be answered; and the lifecycle rules of the spec.
 */
describe('language server on hostile byte streams', () => {
  let raw: ChildProcessWithoutNullStreams;
  const responses = new Map<string | number | null, L.ResponseMessage[]>();
  const awaiting: Array<() => void> = [];

  const frame = (body: string | object): Buffer => {
    const b = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`), b]);
  };
  const hover = (id: string) => ({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///none' }, position: { line: 0, character: 0 } } });

  /** Resolves with the first response carrying `id`. */
  async function response(id: string | number | null): Promise<L.ResponseMessage> {
    for (;;) {
      const got = responses.get(id);
      if (got && got.length > 0) return got.shift()!;
      await new Promise<void>((resolve) => awaiting.push(resolve));
    }
  }

  beforeAll(() => {
    raw = spawn(process.execPath, [LSP], { cwd: process.cwd(), stdio: 'pipe' });
    new StreamMessageReader(raw.stdout).listen((m) => {
      const r = m as L.ResponseMessage;
      if (!('id' in r)) return;
      responses.set(r.id, [...(responses.get(r.id) ?? []), r]);
      for (const wake of awaiting.splice(0)) wake();
    });
  });

  afterAll(() => {
    if (raw.exitCode === null) raw.kill();
  });

  it('answers requests before initialize with ServerNotInitialized, and drops notifications', async () => {
    raw.stdin.write(frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///early', languageId: 'ahrefs-where', version: 1, text: 'x' } } }));
    raw.stdin.write(frame(hover('early')));
    raw.stdin.write(frame({ jsonrpc: '2.0', id: 'early-shutdown', method: 'shutdown' }));
    expect((await response('early')).error?.code).toBe(-32002);
    expect((await response('early-shutdown')).error?.code).toBe(-32002);
    raw.stdin.write(frame({ jsonrpc: '2.0', id: 'init', method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    expect((await response('init')).result).toBeDefined();
    raw.stdin.write(frame({ jsonrpc: '2.0', id: 'init-again', method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    expect((await response('init-again')).error?.code).toBe(-32600);
    raw.stdin.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
  }, 60_000);

  const nested = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
  const HOSTILE: readonly [string, Buffer][] = [
    ['a 10 KB message of nested arrays that is neither request nor notification', frame(`{"jsonrpc":"2.0","params":${nested}}`)],
    ['a request with 10 KB of nested params', frame(`{"jsonrpc":"2.0","id":"deep","method":"textDocument/hover","params":${nested}}`)],
    ['a response to no request, nested', frame(`{"jsonrpc":"2.0","id":"nobody","result":${nested}}`)],
    ['a Content-Length that is not a number', Buffer.from('Content-Length: abc\r\n\r\n{}')],
    ['a header without Content-Length', Buffer.from('Content-Type: application/json\r\n\r\n{}')],
    ['a Content-Length far too large', Buffer.from('Content-Length: 999999999999\r\n\r\n')],
    ['a Content-Length larger than its body', Buffer.from('Content-Length: 300\r\n\r\n{"jsonrpc":"2.0","method":"x"}')],
    ['random bytes', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256))],
    ['a body that is not JSON', frame('{nope')],
    ['a body that is not UTF-8', Buffer.concat([Buffer.from('Content-Length: 3\r\n\r\n'), Buffer.from([0x7b, 0xff, 0x7d])])],
    ['a batch', frame([hover('batched')])],
    ['a hover whose params are wrong', frame({ jsonrpc: '2.0', id: 'bad-params', method: 'textDocument/hover', params: { textDocument: 5 } })],
    ['a didOpen whose text is not a string', frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///n', languageId: 'x', version: 1, text: 42 } } })],
  ];

  it.each(HOSTILE)('survives %s and answers the next well-formed request', async (name, bytes) => {
    raw.stdin.write(bytes);
    // A wrong length may swallow what follows, up to its count: several requests, the last must be answered.
    const ids = Array.from({ length: 4 }, (_, i) => `${name.slice(0, 20)}-${i}`);
    for (const id of ids) raw.stdin.write(frame(hover(id)));
    const last = await response(ids.at(-1)!);
    expect(last.error).toBeUndefined();
    expect(last.result).toBeNull();
    expect(raw.exitCode).toBeNull();
  }, 60_000);

  it('answers the one request a waiting client sends after a Content-Length too large for its body', async () => {
    // The client sends nothing more until it is answered: the server must not wait for the announced bytes.
    responses.delete(null); // earlier cases' ParseErrors: the one awaited below must be this body's
    raw.stdin.write(Buffer.from('Content-Length: 40000\r\n\r\n{"jsonrpc":"2.0","id":"cut","method":"textDocument/hover"}'));
    raw.stdin.write(frame(hover('waiting')));
    expect((await response('waiting')).result).toBeNull();
    expect((await response(null)).error?.code).toBe(-32700);
  }, 60_000);

  it('answers a request whose method is not a string with InvalidRequest', async () => {
    raw.stdin.write(frame({ jsonrpc: '2.0', id: 'no-method', method: 42 }));
    expect((await response('no-method')).error?.code).toBe(-32600);
  }, 60_000);

  it('answered the nested request with InvalidRequest, naming the limit', async () => {
    expect((await response('deep')).error).toMatchObject({ code: -32600, message: expect.stringContaining('deeper') });
  });

  it('after shutdown answers requests with InvalidRequest, and exits 0 on exit', async () => {
    // `"params": null`, as several clients send it, is no params.
    raw.stdin.write(frame({ jsonrpc: '2.0', id: 'bye', method: 'shutdown', params: null }));
    expect((await response('bye')).error).toBeUndefined();
    raw.stdin.write(frame(hover('late')));
    expect((await response('late')).error?.code).toBe(-32600);
    const exited = new Promise<number | null>((resolve) => raw.once('exit', (code) => resolve(code)));
    raw.stdin.write(frame({ jsonrpc: '2.0', method: 'exit', params: null }));
    expect(await exited).toBe(0);
  }, 60_000);
});

describe('language server without a client', () => {
  it('exits 1 when its input ends without shutdown, after any bytes', async () => {
    const child = spawn(process.execPath, [LSP], { cwd: process.cwd(), stdio: 'pipe' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdin.end(Buffer.from('Content-Length: 12\r\n\r\n{"half":'));
    expect(await exited).toBe(1);
  }, 60_000);
});
