/**
 * `ahrefs-where lsp`: a language server over stdin/stdout, so that VS Code
 * (and any LSP client) gets the same completion, diagnostics, hover, quick
 * fixes and formatting as the CodeMirror extension. It is a thin adapter:
 * every answer comes from the language service in src/editor, which works in
 * UTF-16 offsets; LSP positions are converted with the client's document.
 *
 * The catalogue is chosen by the client with `initializationOptions:
 * { "catalogue": "site-explorer/organic-keywords" }` or the setting
 * `ahrefs-where.catalogue` (default all-backlinks), and by a document for
 * itself with a first-line `# endpoint: NAME` directive, which wins. An
 * unknown name is shown with `window/showMessage` as well as diagnosed.
 *
 * Messages are read by {@link GuardedMessageReader} (lsp-reader.ts), which
 * survives any byte stream and applies the lifecycle rules; the connection
 * only ever sees well-formed JSON-RPC messages.
 */
import lsp from 'vscode-languageserver/node.js';
import type * as L from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readEndpointDirective, type Diagnostic, type EndpointDirective } from '../api/index.js';
import { allBacklinks, catalogueNames, catalogueOption, loadBuiltInCatalogues, type Catalogue } from '../catalogue/index.js';
import { complete, diagnose, formatDocument, hover } from '../editor/index.js';
import type { CompletionKind, EditorDiagnostic, EditorOptions } from '../editor/index.js';
import { VERSION } from './help.js';
import { GuardedMessageReader } from './lsp-reader.js';
import { semanticTokens, SEMANTIC_TOKENS_LEGEND } from './lsp-tokens.js';

// vscode-languageserver is CommonJS: take its exports from the default import so Node's ESM loader finds them.
const { createConnection, StreamMessageWriter, TextDocuments, TextDocumentSyncKind, CompletionItemKind, DiagnosticSeverity, CodeActionKind, MarkupKind, ShowMessageNotification, MessageType } = lsp;

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

/** A directive's diagnostic as the language service shapes one: its suggestions replace the directive's name. */
function directiveDiagnostic(d: Diagnostic): EditorDiagnostic {
  const start = d.range?.start.offset ?? 0;
  const end = d.range?.end.offset ?? 0;
  const fixes = (d.suggestions ?? []).map((s) => ({ title: s.message, start: s.range?.start.offset ?? start, end: s.range?.end.offset ?? end, newText: s.replacement }));
  return { code: d.code, severity: d.severity, message: d.message, start, end, fixes };
}

/** The catalogue a document is checked against: its directive's, else the server's setting (a name the service resolves, or reports). */
interface DocumentCatalogue {
  /** What the language service gets as its `catalogue` option; it reports one that is no catalogue. */
  readonly catalogue: EditorOptions['catalogue'];
  readonly directive: EndpointDirective | undefined;
}

/** The `catalogue` setting as the client sent it: a name (resolved here), absent (undefined), or anything else (reported). */
function settingOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as { catalogue?: unknown }).catalogue;
}

/**
 * Starts the language server on stdin/stdout (or the given streams) and
 * returns; the connection keeps the process alive until the client sends
 * `exit`. Supports completion, push diagnostics, hover, quick fixes (code
 * actions from did-you-mean suggestions), whole-document formatting and
 * semantic tokens (whole document and range).
 */
export function runLanguageServer(options: LanguageServerOptions = {}): void {
  // Documents name any endpoint (settings, directives).
  loadBuiltInCatalogues();
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
  const fallback = options.catalogue ?? allBacklinks;
  // window/showMessage is a notification: `connection.window.showErrorMessage` would send showMessageRequest, which waits for an answer.
  const showError = (message: string) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
  let initialized = false;
  let pending: string | undefined;
  /** The server's setting: a catalogue, or what the client sent when it names none (the service reports it on every document). */
  let setting: EditorOptions['catalogue'] = fallback;

  /** Takes the client's `catalogue` setting; an unknown or malformed one is shown to the user, and checked against nothing. */
  const applySetting = (value: unknown, where: string) => {
    if (value === undefined) {
      setting = fallback;
      return;
    }
    const resolved = catalogueOption(value);
    if (resolved.catalogue) {
      setting = resolved.catalogue;
      return;
    }
    // Keep the bad value: the language service reports it on each document instead of checking against another endpoint.
    setting = value as EditorOptions['catalogue'];
    const problem = resolved.diagnostics[0]?.message ?? 'not a catalogue';
    connection.console.warn(`ahrefs-where: ${where}: ${problem}`);
    const message = `ahrefs-where: the ${where} names no catalogue: ${problem}`;
    // Before `initialized` the client need not show messages yet: hold it until then.
    if (initialized) showError(message);
    else pending = message;
  };

  const catalogueOf = (doc: TextDocument): DocumentCatalogue => {
    const directive = readEndpointDirective(doc.getText());
    // An unknown directive keeps its (unknown) name: completion and hover then offer nothing, as for an unknown setting.
    if (directive) return { catalogue: directive.catalogue ?? directive.name, directive };
    return { catalogue: setting, directive: undefined };
  };

  /** The documents whose unknown directive name was last shown, so that a message appears once per name, not per keystroke. */
  const shown = new Map<string, string>();
  const showDirectiveProblem = (doc: TextDocument) => {
    const { directive } = catalogueOf(doc);
    const problem = directive?.diagnostics[0];
    if (!directive || !problem) return void shown.delete(doc.uri);
    if (shown.get(doc.uri) === directive.name) return;
    shown.set(doc.uri, directive.name);
    showError(`ahrefs-where: the endpoint directive of ${doc.uri} names no catalogue: ${problem.message}`);
  };

  const editorDiagnostics = (doc: TextDocument): EditorDiagnostic[] => {
    const { catalogue, directive } = catalogueOf(doc);
    if (directive && !directive.catalogue) return directive.diagnostics.map(directiveDiagnostic);
    return diagnose(doc.getText(), { catalogue });
  };

  connection.onInitialize((params) => {
    applySetting(settingOf(params.initializationOptions), 'initializationOptions.catalogue');
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: [' ', '(', '"', "'", ',', ':', '/'] },
        hoverProvider: true,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
      },
      serverInfo: { name: 'ahrefs-where', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    initialized = true;
    if (pending !== undefined) showError(pending);
    pending = undefined;
  });

  const publish = (doc: TextDocument) => {
    const diagnostics = editorDiagnostics(doc).map((d) => toLspDiagnostic(doc, d));
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  };
  documents.onDidOpen((e) => showDirectiveProblem(e.document));
  documents.onDidSave((e) => showDirectiveProblem(e.document));
  documents.onDidChangeContent((change) => publish(change.document));
  documents.onDidClose((e) => {
    shown.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // `{ "settings": { "ahrefs-where": { "catalogue": NAME } } }`, as VS Code-style clients send their configuration.
  connection.onDidChangeConfiguration((params) => {
    const settings = (params.settings as Record<string, unknown> | null | undefined)?.['ahrefs-where'];
    if (settings === undefined) return;
    applySetting(settingOf(settings), 'setting ahrefs-where.catalogue');
    for (const doc of documents.all()) publish(doc);
  });

  connection.onCompletion((params): L.CompletionItem[] => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const { catalogue, directive } = catalogueOf(doc);
    const offset = doc.offsetAt(params.position);
    if (directive && offset >= directive.range.start.offset && doc.positionAt(offset).line === 0) {
      // In the directive: the endpoint names, replacing the name written so far.
      return catalogueNames.map((name) => ({ label: name, kind: CompletionItemKind.Module, textEdit: { range: range(doc, directive.range.start.offset, directive.range.end.offset), newText: name } }));
    }
    const items = complete(doc.getText(), offset, { catalogue });
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
    const { catalogue, directive } = catalogueOf(doc);
    const offset = doc.offsetAt(params.position);
    if (directive && offset >= directive.range.start.offset && offset <= directive.range.end.offset && doc.positionAt(offset).line === 0) {
      // The directive's name: which endpoint the document is checked against, or why none.
      // Plain text: the message of an unknown name quotes what was written.
      const value = directive.catalogue
        ? `Endpoint ${directive.catalogue.name}: this document is checked against its ${directive.catalogue.columns.length} columns.`
        : directive.diagnostics.map((d) => d.message).join('\n\n');
      return { contents: { kind: MarkupKind.PlainText, value }, range: range(doc, directive.range.start.offset, directive.range.end.offset) };
    }
    const info = hover(doc.getText(), offset, { catalogue });
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
    for (const d of editorDiagnostics(doc)) {
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

  connection.languages.semanticTokens.on((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? semanticTokens(doc) : { data: [] };
  });
  connection.languages.semanticTokens.onRange((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? semanticTokens(doc, params.range) : { data: [] };
  });

  documents.listen(connection);
  connection.listen();
}
