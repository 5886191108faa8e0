/**
 * The language server's message reader: LSP base-protocol framing that
 * survives any byte stream, and the lifecycle rules of the LSP spec.
 *
 * vscode-jsonrpc's own `StreamMessageReader` stops for good at the first
 * header it cannot parse, and hands on any JSON it reads: a message that is
 * neither request, response nor notification reaches a logger that calls
 * `JSON.stringify` on it, and 10 KB of nested arrays overflow the stack and
 * end the process. So framing and validation happen here, before the
 * connection sees anything:
 *
 * - headers are `Name: value` lines ending in an empty line; exactly one
 *   `Content-Length` of at most {@link MAX_BODY_BYTES}; a `Content-Type`
 *   other than UTF-8 JSON is refused. A bad header (or garbage between
 *   messages) is skipped up to the next `Content-Length:`, so the reader
 *   recovers at the next well-formed message;
 * - a body that is not UTF-8 JSON is answered with `ParseError` (-32700),
 *   and when it holds a `Content-Length:` (its length was too large and it
 *   swallowed the next message) reading resumes there; a body that does not
 *   even start like JSON is not waited for (after a length too large, that is
 *   the next header), and neither is the rest of a body once a header line
 *   `Content-Length: N` CRLF has arrived inside it (JSON can hold no such
 *   line: a string cannot contain a raw CR, and the words cannot stand
 *   outside one), so a client waiting for an answer is not kept waiting;
 * - a body that is not one JSON-RPC 2.0 message, or nests deeper than
 *   {@link MAX_MESSAGE_DEPTH}, is answered with `InvalidRequest` (-32600)
 *   when it carries a request id, and dropped otherwise; `"params": null`
 *   reads as no params (several clients send it with `shutdown` and `exit`);
 * - requests before `initialize` get `ServerNotInitialized` (-32002),
 *   requests after `shutdown` get `InvalidRequest`; notifications in those
 *   states are dropped, except `exit`.
 *
 * Every skip is reported in one line on the log stream (stderr), never with
 * the message's content.
 */
import lsp from 'vscode-languageserver/node.js';
import type * as L from 'vscode-languageserver/node.js';
import { nestsAtMost } from './output.js';

// vscode-languageserver is CommonJS: take its exports from the default import so Node's ESM loader finds them.
const { AbstractMessageReader, ErrorCodes } = lsp;

/** Longest header block read before it counts as garbage. */
export const MAX_HEADER_BYTES = 8 * 1024;
/** Largest message body accepted (documents are limited to 100,000 characters by the language service anyway). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** Deepest JSON nesting accepted in a message; LSP messages nest a few levels, and deeper ones would reach recursive code. */
export const MAX_MESSAGE_DEPTH = 64;

const MARK = 'content-length:';
/** The bytes a JSON text can start with: `{ [ " -`, digits, and the first letters of true, false, null. */
const JSON_START: ReadonlySet<number> = new Set(Array.from('{["-0123456789tfn', (c) => c.charCodeAt(0)));
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;
/** A Content-Length header line, CRLF included: bytes that no JSON text contains (see {@link FrameDecoder}). */
const HEADER_IN_BODY = /content-length:[ \t]{0,16}\d{1,9}[ \t]{0,16}\r\n/i;
/** Bytes searched again at the end of what was searched before, so that a header line split across chunks is found. */
const HEADER_IN_BODY_OVERLAP = 64;

/** What the decoder makes of the bytes: a message for the connection, an error answer, or a note for the log. */
export type Decoded =
  | { readonly kind: 'message'; readonly message: L.Message }
  | { readonly kind: 'answer'; readonly id: number | string | null; readonly code: number; readonly message: string }
  | { readonly kind: 'skipped'; readonly reason: string };

/** Chunks of input, taken from the front without copying more than what is taken. */
class ByteQueue {
  private chunks: Buffer[] = [];
  length = 0;

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** Puts bytes back at the front (a body that held the next message). */
  unshift(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.unshift(chunk);
    this.length += chunk.length;
  }

  /** The last `n` bytes (or all), without removing them; touches only the chunks that hold them. */
  tail(n: number): Buffer {
    const parts: Buffer[] = [];
    let size = 0;
    for (let i = this.chunks.length - 1; i >= 0 && size < n; i--) {
      const c = this.chunks[i]!;
      const part = c.length <= n - size ? c : c.subarray(c.length - (n - size));
      parts.push(part);
      size += part.length;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts.reverse(), size);
  }

  /** The first `n` bytes (or all), without removing them. */
  peek(n: number): Buffer {
    const parts: Buffer[] = [];
    let size = 0;
    for (const c of this.chunks) {
      if (size >= n) break;
      const part = c.length <= n - size ? c : c.subarray(0, n - size);
      parts.push(part);
      size += part.length;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
  }

  /** Removes and returns the first `n` bytes. */
  take(n: number): Buffer {
    const out = this.peek(n);
    this.drop(out.length);
    return out;
  }

  drop(n: number): void {
    let left = Math.min(n, this.length);
    this.length -= left;
    while (left > 0) {
      const first = this.chunks[0]!;
      if (first.length <= left) {
        this.chunks.shift();
        left -= first.length;
      } else {
        this.chunks[0] = first.subarray(left);
        left = 0;
      }
    }
  }
}

const isId = (id: unknown): id is number | string => typeof id === 'string' || (typeof id === 'number' && Number.isInteger(id));

/** Checks that a parsed body is one JSON-RPC 2.0 message of the three kinds. */
function classify(value: unknown): Decoded {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'answer', id: null, code: ErrorCodes.InvalidRequest, message: 'A message must be one JSON object (batches are not part of LSP).' };
  }
  const m = value as Record<string, unknown>;
  const id = Object.prototype.hasOwnProperty.call(m, 'id') ? m.id : undefined;
  const answerId = isId(id) ? id : null;
  if (m.params === null) {
    // `"params": null` is what several clients send for a request without params (shutdown, exit): read it as absent.
    const { params: _null, ...rest } = m;
    return classify(rest);
  }
  if (!nestsAtMost(value, MAX_MESSAGE_DEPTH)) {
    return typeof m.method === 'string' && answerId !== null
      ? { kind: 'answer', id: answerId, code: ErrorCodes.InvalidRequest, message: `The message nests deeper than ${MAX_MESSAGE_DEPTH} levels.` }
      : { kind: 'skipped', reason: `a message nested deeper than ${MAX_MESSAGE_DEPTH} levels` };
  }
  if (m.jsonrpc !== '2.0') {
    return typeof m.method === 'string' && answerId !== null
      ? { kind: 'answer', id: answerId, code: ErrorCodes.InvalidRequest, message: 'The message lacks "jsonrpc": "2.0".' }
      : { kind: 'skipped', reason: 'a message without "jsonrpc": "2.0"' };
  }
  if (typeof m.method === 'string') {
    if (m.params !== undefined && (typeof m.params !== 'object' || m.params === null)) {
      return answerId !== null
        ? { kind: 'answer', id: answerId, code: ErrorCodes.InvalidRequest, message: '"params" must be an object or an array.' }
        : { kind: 'skipped', reason: `a notification ${JSON.stringify(m.method.slice(0, 80))} whose params are neither object nor array` };
    }
    if (id !== undefined && answerId === null) {
      return { kind: 'answer', id: null, code: ErrorCodes.InvalidRequest, message: 'A request id must be an integer or a string.' };
    }
    return { kind: 'message', message: m as unknown as L.Message };
  }
  if (id !== undefined && ('result' in m || 'error' in m)) return { kind: 'message', message: m as unknown as L.Message };
  if ('method' in m && id !== undefined) {
    // A request whose method is not a string: JSON-RPC answers it (with its id when that is usable), so the client is not left waiting.
    return { kind: 'answer', id: answerId, code: ErrorCodes.InvalidRequest, message: 'A request\'s "method" must be a string.' };
  }
  return { kind: 'skipped', reason: 'a message that is neither request, notification nor response' };
}

/**
 * The framing state machine, on bytes in and decoded messages out. Pure (no
 * streams), so that hostile byte sequences can be tested directly; the cost
 * is linear in the input: every byte is looked at a bounded number of times.
 */
export class FrameDecoder {
  private readonly queue = new ByteQueue();
  /** The body length announced by the last header, while its bytes are awaited. */
  private expected: number | undefined;
  /** How many bytes of the awaited body were already searched for a header line (see {@link headerInBody}). */
  private searched = 0;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  /** Feeds bytes; returns what they completed. */
  push(chunk: Buffer): Decoded[] {
    this.queue.push(chunk);
    const out: Decoded[] = [];
    for (;;) {
      if (this.expected !== undefined) {
        if (!this.bodyMayBeJson()) {
          // Not a JSON body at all (often the next header, after a length too large): do not wait for its bytes.
          this.expected = undefined;
          out.push({ kind: 'skipped', reason: 'a Content-Length whose body does not start like JSON' });
          continue;
        }
        if (this.queue.length < this.expected) {
          const cut = this.headerInBody();
          if (cut === undefined) return out;
          // The announced length was too large and the next message has begun: answer this one now, read on from there.
          this.queue.drop(cut);
          this.expected = undefined;
          out.push({ kind: 'answer', id: null, code: ErrorCodes.ParseError, message: `The message body ends after ${cut} bytes, before its Content-Length: the next message's header follows.` });
          continue;
        }
        const body = this.queue.take(this.expected);
        this.expected = undefined;
        out.push(this.body(body));
        continue;
      }
      if (this.queue.length === 0) return out;
      const window = this.queue.peek(MAX_HEADER_BYTES + 4).toString('latin1');
      const end = window.indexOf('\r\n\r\n');
      if (end < 0) {
        if (window.length < MAX_HEADER_BYTES + 4) return out; // a header still arriving
        out.push(this.resync(window, 1, 'a header longer than 8 KB, or bytes that are no header'));
        continue;
      }
      const length = this.contentLength(window.slice(0, end));
      if (typeof length === 'string') {
        out.push(this.resync(window, 1, length));
        continue;
      }
      this.queue.drop(end + 4);
      this.expected = length;
      this.searched = 0;
    }
  }

  /**
   * False as soon as the awaited body's first non-blank byte is there and
   * cannot start a JSON value (a JSON value that is no object is answered
   * with InvalidRequest by {@link classify}). Looks at a bounded prefix only.
   */
  private bodyMayBeJson(): boolean {
    if (this.expected === 0) return true; // an empty body: a parse error, answered as such
    const head = this.queue.peek(Math.min(this.expected!, 256));
    for (const byte of head) {
      if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
      return JSON_START.has(byte);
    }
    return true; // only blanks so far: wait
  }

  /**
   * Where a `Content-Length: N` CRLF line starts in the part of the awaited
   * body that has arrived (the queue holds nothing else then), or undefined.
   * Each call searches only the bytes that arrived since the last one (and a
   * short overlap), so the cost stays linear in the input.
   */
  private headerInBody(): number | undefined {
    const from = Math.max(0, this.searched - HEADER_IN_BODY_OVERLAP);
    const text = this.queue.tail(this.queue.length - from).toString('latin1');
    this.searched = this.queue.length;
    const m = HEADER_IN_BODY.exec(text);
    return m ? from + m.index : undefined;
  }

  /** The announced body length, or why the header block is refused. */
  private contentLength(header: string): number | string {
    let length: number | undefined;
    for (const line of header.split('\r\n')) {
      const m = HEADER_LINE.exec(line);
      if (!m) return 'a header line that is not "Name: value"';
      const name = m[1]!.toLowerCase();
      const value = m[2]!;
      if (name === 'content-length') {
        if (length !== undefined) return 'two Content-Length headers';
        if (!/^\d{1,9}$/.test(value)) return 'a Content-Length that is not a number of bytes';
        length = Number(value);
        if (length > MAX_BODY_BYTES) return `a Content-Length above ${MAX_BODY_BYTES} bytes`;
      } else if (name === 'content-type' && !/charset\s*=\s*"?utf-?8"?/i.test(value) && /charset/i.test(value)) {
        return 'a Content-Type with a charset other than UTF-8';
      }
    }
    return length ?? 'a header without Content-Length';
  }

  /** Skips to the next `Content-Length:` at or after `from` in the window (at least one byte, so that reading always advances). */
  private resync(window: string, from: number, reason: string): Decoded {
    const next = window.toLowerCase().indexOf(MARK, from);
    const skip = next >= 0 ? next : Math.max(1, window.length - (MARK.length - 1));
    this.queue.drop(skip);
    return { kind: 'skipped', reason: `${reason} (${skip} bytes skipped)` };
  }

  private body(body: Buffer): Decoded {
    let value: unknown;
    try {
      value = JSON.parse(this.utf8.decode(body));
    } catch (error) { // expected: the body is not UTF-8 JSON; answered with ParseError, as JSON-RPC asks
      // A body that swallowed the next message (its length was too large): read on from that message's header.
      const next = body.toString('latin1').toLowerCase().indexOf(MARK, 1);
      if (next > 0) this.queue.unshift(body.subarray(next));
      return { kind: 'answer', id: null, code: ErrorCodes.ParseError, message: `The message body is not valid UTF-8 JSON: ${(error as Error).message.slice(0, 200)}` };
    }
    return classify(value);
  }
}

/** Where the server is in the LSP lifecycle. */
type Phase = 'uninitialized' | 'running' | 'shut-down';

/** A JSON-RPC error answer, written by the reader itself. */
export type Answer = (response: L.ResponseMessage) => void;

/**
 * A `MessageReader` for vscode-languageserver's `createConnection`: framing
 * by {@link FrameDecoder}, then the lifecycle rules. Error answers go out
 * through `answer` (the connection's writer); skips are logged on `log`.
 */
export class GuardedMessageReader extends AbstractMessageReader implements L.MessageReader {
  private readonly decoder = new FrameDecoder();
  private phase: Phase = 'uninitialized';
  private callback: L.DataCallback | undefined;
  private pending: L.Message[] = [];

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly answer: Answer,
    private readonly log: (line: string) => void,
  ) {
    super();
    input.on('data', (chunk: Buffer | string) => this.feed(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    input.on('error', (error: Error) => this.fireError(error));
    // A stream may signal both; the connection is closed once.
    let closed = false;
    const close = () => {
      if (!closed) this.fireClose();
      closed = true;
    };
    input.on('close', close);
    input.on('end', close);
  }

  /** True once `shutdown` was received: the exit code of a later `exit` (or end of input) is then 0. */
  get shutdownReceived(): boolean {
    return this.phase === 'shut-down';
  }

  listen(callback: L.DataCallback): L.Disposable {
    this.callback = callback;
    for (const m of this.pending) callback(m);
    this.pending = [];
    return { dispose: () => { this.callback = undefined; } };
  }

  private feed(chunk: Buffer): void {
    for (const d of this.decoder.push(chunk)) {
      if (d.kind === 'skipped') this.log(`ahrefs-where lsp: skipped ${d.reason}`);
      else if (d.kind === 'answer') this.reply(d.id, d.code, d.message);
      else this.admit(d.message);
    }
  }

  private reply(id: number | string | null, code: number, message: string): void {
    this.answer({ jsonrpc: '2.0', id, error: { code, message } });
  }

  /** The lifecycle rules of the LSP spec (Server lifecycle: initialize, shutdown, exit). */
  private admit(message: L.Message): void {
    const m = message as { method?: string; id?: number | string };
    const isRequest = typeof m.method === 'string' && m.id !== undefined;
    const isNotification = typeof m.method === 'string' && m.id === undefined;
    if (isRequest) {
      if (m.method === 'initialize') {
        if (this.phase !== 'uninitialized') return this.reply(m.id!, ErrorCodes.InvalidRequest, 'initialize was already received.');
        this.phase = 'running';
      } else if (this.phase === 'uninitialized') {
        return this.reply(m.id!, ErrorCodes.ServerNotInitialized, `The server is not initialized: send initialize before ${m.method}.`);
      } else if (this.phase === 'shut-down') {
        return this.reply(m.id!, ErrorCodes.InvalidRequest, `The server is shut down: only the exit notification is accepted, not ${m.method}.`);
      } else if (m.method === 'shutdown') {
        this.phase = 'shut-down';
      }
    } else if (isNotification && m.method !== 'exit' && this.phase !== 'running') {
      this.log(`ahrefs-where lsp: dropped the notification ${JSON.stringify(m.method!.slice(0, 80))}, received ${this.phase === 'uninitialized' ? 'before initialize' : 'after shutdown'}`);
      return;
    }
    if (this.callback) this.callback(message);
    else this.pending.push(message);
  }
}
