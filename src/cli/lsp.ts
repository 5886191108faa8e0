/**
 * `ahrefs-where lsp`: a language server over stdin/stdout, so that VS Code
 * (and any LSP client) gets the same completion, diagnostics, hover, quick
 * fixes and formatting as the CodeMirror extension. It is a thin adapter:
 * every answer comes from the language service in src/editor, which works in
 * UTF-16 offsets; LSP positions are converted with the client's document.
 *
 * The catalogue is chosen by the client with `initializationOptions:
 * { "catalogue": "site-explorer/organic-keywords" }` (default all-backlinks).
 *
 * Messages are read by {@link GuardedMessageReader} (lsp-reader.ts), which
 * survives any byte stream and applies the lifecycle rules; the connection
 * only ever sees well-formed JSON-RPC messages.
 */
import lsp from 'vscode-languageserver/node.js';
import type * as L from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allBacklinks, getCatalogue, type Catalogue } from '../catalogue/index.js';
import { complete, diagnose, formatDocument, hover } from '../editor/index.js';
import type { CompletionKind, EditorDiagnostic } from '../editor/index.js';
import { VERSION } from './help.js';
import { GuardedMessageReader } from './lsp-reader.js';

// vscode-languageserver is CommonJS: take its exports from the default import so Node's ESM loader finds them.
const { createConnection, StreamMessageWriter, TextDocuments, TextDocumentSyncKind, CompletionItemKind, DiagnosticSeverity, CodeActionKind, MarkupKind } = lsp;

/** Options of {@link runLanguageServer}; every one has a default, so the CLI calls it with none. */
export interface LanguageServerOptions {
  /** The catalogue when the client names none. Default: all-backlinks. */
  readonly catalogue?: Catalogue;
  /** Default: `process.stdin`. */
  readonly input?: NodeJS.ReadableStream;
  /** Default: `process.stdout`. */
  readonly output?: NodeJS.WritableStream;
  /** Receives one line per skipped message or header. Default: `process.stderr`. */
  readonly log?: NodeJS.WritableStream;
}

const KIND: Record<CompletionKind, L.CompletionItemKind> = {
  column: CompletionItemKind.Field,
  operator: CompletionItemKind.Operator,
  value: CompletionItemKind.EnumMember,
  keyword: CompletionItemKind.Keyword,
};

const SEVERITY: Record<EditorDiagnostic['severity'], L.DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

function range(doc: TextDocument, start: number, end: number): L.Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

function toLspDiagnostic(doc: TextDocument, d: EditorDiagnostic): L.Diagnostic {
  return { range: range(doc, d.start, d.end), severity: SEVERITY[d.severity], code: d.code, source: 'ahrefs-where', message: d.message };
}

/**
 * Starts the language server on stdin/stdout (or the given streams) and
 * returns; the connection keeps the process alive until the client sends
 * `exit`. Supports completion, push diagnostics, hover, quick fixes (code
 * actions from did-you-mean suggestions) and whole-document formatting.
 */
export function runLanguageServer(options: LanguageServerOptions = {}): void {
  const log = options.log ?? process.stderr;
  const writeLog = (line: string) => void log.write(`${line}\n`);
  const writer = new StreamMessageWriter(options.output ?? process.stdout);
  const answer = (response: L.ResponseMessage) => {
    writer.write(response).catch((error: unknown) => writeLog(`ahrefs-where lsp: cannot write an error answer: ${(error as Error).message}`));
  };
  const reader = new GuardedMessageReader(options.input ?? process.stdin, answer, writeLog);
  if (options.input === undefined) {
    // On its own stdin the server is the process: when the client goes away, exit as the spec says (0 after shutdown, else 1).
    reader.onClose(() => process.exit(reader.shutdownReceived ? 0 : 1));
  }
  const connection = createConnection(reader, writer);
  const documents = new TextDocuments(TextDocument);
  let catalogue = options.catalogue ?? allBacklinks;

  connection.onInitialize((params) => {
    const init = params.initializationOptions as { catalogue?: unknown } | undefined;
    if (typeof init?.catalogue === 'string') {
      const named = getCatalogue(init.catalogue);
      if (named) catalogue = named;
      else connection.console.warn(`ahrefs-where: unknown catalogue "${init.catalogue}"; using ${catalogue.name}.`);
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [' ', '(', '"', "'", ','] },
        hoverProvider: true,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'ahrefs-where', version: VERSION },
    };
  });

  const publish = (doc: TextDocument) => {
    const text = doc.getText();
    const diagnostics = diagnose(text, { catalogue }).map((d) => toLspDiagnostic(doc, d));
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  };
  documents.onDidChangeContent((change) => publish(change.document));
  documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));

  connection.onCompletion((params): L.CompletionItem[] => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const items = complete(doc.getText(), doc.offsetAt(params.position), { catalogue });
    return items.map((item, i) => ({
      label: item.label,
      kind: KIND[item.kind],
      detail: item.detail,
      documentation: { kind: MarkupKind.Markdown, value: item.documentation },
      // Our order is meaningful (columns in catalogue order, operators by frequency): keep it.
      sortText: String(i).padStart(4, '0'),
      textEdit: { range: range(doc, item.replace.start, item.replace.end), newText: item.insertText },
    }));
  });

  connection.onHover((params): L.Hover | null => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const info = hover(doc.getText(), doc.offsetAt(params.position), { catalogue });
    if (!info) return null;
    return { contents: { kind: MarkupKind.Markdown, value: info.contents }, range: range(doc, info.range.start, info.range.end) };
  });

  connection.onDocumentFormatting((params): L.TextEdit[] => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return formatDocument(doc.getText()).edits.map((e) => ({ range: range(doc, e.start, e.end), newText: e.newText }));
  });

  connection.onCodeAction((params): L.CodeAction[] => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const from = doc.offsetAt(params.range.start);
    const to = doc.offsetAt(params.range.end);
    const actions: L.CodeAction[] = [];
    for (const d of diagnose(doc.getText(), { catalogue })) {
      if (d.end < from || d.start > to) continue;
      for (const fix of d.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toLspDiagnostic(doc, d)],
          edit: { changes: { [doc.uri]: [{ range: range(doc, fix.start, fix.end), newText: fix.newText }] } },
        });
      }
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
}
