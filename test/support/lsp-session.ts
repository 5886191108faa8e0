/**
 * The language server as a child process (`ahrefs-where lsp`'s entry,
 * bundled by ./bundle-entry.ts), spoken to over stdio with JSON-RPC, for the
 * tests of a file: call {@link lspSession} at the top of the file, which
 * registers that file's hooks (modules are shared between files, so the
 * hooks cannot be registered when this module loads).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import lsp from 'vscode-languageserver/node.js';
import type * as L from 'vscode-languageserver/node.js';
import { bundledEntry } from './bundle-entry.js';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = lsp;

/** A started, initialized server and what it sent. */
export interface LspSession {
  /** The server's bundled entry, for tests that start more servers of their own. */
  readonly entry: string;
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: L.MessageConnection;
  /** The answer to `initialize`. */
  readonly init: L.InitializeResult;
  /** Every `window/showMessage` so far. */
  readonly messages: readonly L.ShowMessageParams[];
  /** Resolves with the publishDiagnostics for `uri` at `version` (at once if it came already). */
  diagnosticsFor(uri: string, version: number): Promise<L.PublishDiagnosticsParams>;
}

/** Starts one server for the file's tests, initialized with `initializationOptions`. */
export function lspSession(initializationOptions: object): LspSession {
  let entry: string | undefined;
  let child: ChildProcessWithoutNullStreams | undefined;
  let connection: L.MessageConnection | undefined;
  let init: L.InitializeResult | undefined;
  const published: L.PublishDiagnosticsParams[] = [];
  const messages: L.ShowMessageParams[] = [];
  const waiters: Array<(p: L.PublishDiagnosticsParams) => boolean> = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the language server is used before beforeAll started it');
    return value;
  };

  beforeAll(async () => {
    entry = await bundledEntry('src/cli/lsp-main.ts');
    child = spawn(process.execPath, [entry], { cwd: process.cwd(), stdio: 'pipe' });
    connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onNotification('textDocument/publishDiagnostics', (p: L.PublishDiagnosticsParams) => {
      published.push(p);
      for (let i = waiters.length - 1; i >= 0; i--) if (waiters[i]!(p)) waiters.splice(i, 1);
    });
    connection.onNotification('window/showMessage', (p: L.ShowMessageParams) => void messages.push(p));
    connection.listen();
    init = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions })) as L.InitializeResult;
    await connection.sendNotification('initialized', {});
  }, 60_000);

  afterAll(async () => {
    if (connection) {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
    }
    const server = child;
    if (!server) return;
    await new Promise<void>((resolve) => {
      if (server.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        server.kill();
        resolve();
      }, 5000);
      server.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  });

  return {
    get entry() {
      return started(entry);
    },
    get child() {
      return started(child);
    },
    get connection() {
      return started(connection);
    },
    get init() {
      return started(init);
    },
    messages,
    diagnosticsFor(uri, version) {
      const seen = published.find((p) => p.uri === uri && p.version === version);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => {
        waiters.push((p) => {
          if (p.uri !== uri || p.version !== version) return false;
          resolve(p);
          return true;
        });
      });
    },
  };
}
