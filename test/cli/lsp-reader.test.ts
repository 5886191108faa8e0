/**
 * The language server's framing (FrameDecoder) on hostile byte streams, in
 * process: it never throws, answers what JSON-RPC says to answer, and
 * recovers at the next well-formed message. test/editor/lsp.test.ts drives
 * the same through a real server process.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameDecoder, MAX_BODY_BYTES, MAX_HEADER_BYTES, MAX_MESSAGE_DEPTH, type Decoded } from '../../src/cli/lsp-reader.js';
import { runs } from '../laws/runs.js';

function frame(body: string | object, header?: string): Buffer {
  const b = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  return Buffer.concat([Buffer.from(header ?? `Content-Length: ${b.length}\r\n\r\n`, 'latin1'), b]);
}

const request = (id: number | string, method = 'textDocument/hover') => ({ jsonrpc: '2.0', id, method, params: { textDocument: { uri: 'file:///a' }, position: { line: 0, character: 0 } } });

function decode(...chunks: Buffer[]): Decoded[] {
  const d = new FrameDecoder();
  return chunks.flatMap((c) => d.push(c));
}

const ids = (out: Decoded[]) => out.flatMap((d) => (d.kind === 'message' && 'id' in d.message ? [(d.message as { id?: unknown }).id] : []));
const answers = (out: Decoded[]) => out.flatMap((d) => (d.kind === 'answer' ? [[d.id, d.code]] : []));

describe('FrameDecoder', () => {
  it('decodes messages split at every byte', () => {
    const bytes = Buffer.concat([frame(request(1)), frame({ jsonrpc: '2.0', method: 'initialized', params: {} }), frame(request('two'))]);
    for (const size of [1, 2, 3, 7, 16, 1000]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const out = decode(...chunks);
      expect(out.filter((d) => d.kind === 'message')).toHaveLength(3);
      expect(ids(out)).toEqual([1, 'two']);
    }
  });

  it('accepts header names in any case, a Content-Type, and UTF-8 bodies', () => {
    const body = JSON.stringify(request('é☕'));
    const out = decode(frame(body, `content-length: ${Buffer.byteLength(body)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n`));
    expect(ids(out)).toEqual(['é☕']);
  });

  it.each([
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{}'],
    ['a Content-Length above the limit', `Content-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n{}`],
    ['no Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
    ['two Content-Lengths', 'Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}'],
    ['a charset other than UTF-8', 'Content-Length: 2\r\nContent-Type: application/json; charset=latin1\r\n\r\n{}'],
    ['a header line without a colon', 'Content-Length: 2\r\nnonsense\r\n\r\n{}'],
    ['random text without a header end', 'hello world, this is not LSP'],
    ['binary garbage', '\u0000\u00ff\u0001\r\n\u00fe'],
    ['a header longer than the limit', `X-Junk: ${'a'.repeat(MAX_HEADER_BYTES + 10)}\r\n\r\n`],
    ['a length larger than the body (it swallows the next header)', 'Content-Length: 400\r\n\r\n{"jsonrpc":"2.0","method":"x"}'],
    ['a length smaller than the body', 'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","method":"x"}'],
    ['a length pointing at the next header', 'Content-Length: 1000\r\n\r\n'],
  ])('recovers after %s', (_name, garbage) => {
    // A wrong length can swallow what follows it, up to its count: recovery is at the first message after that.
    const bytes = Buffer.concat([Buffer.from(garbage, 'latin1'), ...Array.from({ length: 5 }, (_, i) => frame(request(40 + i)))]);
    // At once, and byte by byte.
    for (const out of [decode(bytes), decode(...Array.from(bytes, (b) => Buffer.from([b])))]) {
      expect(ids(out)).toContain(44);
      expect(out.some((d) => d.kind !== 'message')).toBe(true);
    }
  });

  it('does not wait for the rest of a body once the next header has begun inside it', () => {
    // A client that waits for its answer sends nothing more: the request after a too-large length must be read now.
    const short = (n: number) => Buffer.from(`Content-Length: ${n}\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"shutdown"}`, 'latin1');
    const next = [
      frame(request('next')),
      frame(request('typed'), `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:${Buffer.byteLength(JSON.stringify(request('typed')))}\r\n\r\n`),
    ];
    for (const n of [60, 5000, MAX_BODY_BYTES]) {
      for (const tail of next) {
        const bytes = Buffer.concat([short(n), tail]);
        for (const out of [decode(bytes), decode(...Array.from(bytes, (b) => Buffer.from([b]))), decode(bytes.subarray(0, 50), bytes.subarray(50))]) {
          expect(ids(out).length).toBe(1);
          expect(answers(out)).toEqual([[null, -32700]]);
        }
      }
    }
    // The same words inside a JSON string are not a header (a string cannot hold a raw CR): such a body is awaited whole.
    const text = { jsonrpc: '2.0', id: 'doc', method: 'x', params: { text: 'Content-Length: 5\r\n\r\n{}' } };
    const body = Buffer.from(JSON.stringify(text));
    const d = new FrameDecoder();
    expect(d.push(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body.subarray(0, 40)]))).toEqual([]);
    expect(ids(d.push(body.subarray(40)))).toEqual(['doc']);
  });

  it('reads "params": null as no params, as clients send it with shutdown and exit', () => {
    const out = decode(frame({ jsonrpc: '2.0', id: 1, method: 'shutdown', params: null }), frame({ jsonrpc: '2.0', method: 'exit', params: null }));
    expect(out.map((d) => d.kind)).toEqual(['message', 'message']);
    for (const d of out) expect(d.kind === 'message' && 'params' in d.message).toBe(false);
  });

  it('answers a request whose method is not a string with InvalidRequest and its id', () => {
    expect(answers(decode(frame({ jsonrpc: '2.0', id: 7, method: 5 }), frame({ jsonrpc: '2.0', id: 'x', method: null, params: {} })))).toEqual([[7, -32600], ['x', -32600]]);
    // Without an id it is a notification nobody waits for: skipped.
    expect(decode(frame({ jsonrpc: '2.0', method: ['x'] })).map((d) => d.kind)).toEqual(['skipped']);
  });

  it('answers a body that is not JSON with ParseError, and one that is not UTF-8 too', () => {
    expect(answers(decode(frame('{nope'), frame(request(1))))).toEqual([[null, -32700]]);
    expect(answers(decode(frame(Buffer.from([0x7b, 0xff, 0x7d]).toString('latin1'), 'Content-Length: 3\r\n\r\n')))).toEqual([[null, -32700]]);
  });

  it.each([
    ['a batch', [request(1)], null],
    ['a number', 5, null],
    ['a request without jsonrpc 2.0', { id: 3, method: 'x' }, 3],
    ['a request whose params are a string', { jsonrpc: '2.0', id: 4, method: 'x', params: 'p' }, 4],
    ['a request whose id is an object', { jsonrpc: '2.0', id: { a: 1 }, method: 'x' }, null],
    ['a request whose id is a fraction', { jsonrpc: '2.0', id: 1.5, method: 'x' }, null],
  ])('answers %s with InvalidRequest', (_name, body, id) => {
    expect(answers(decode(frame(body as object)))).toEqual([[id, -32600]]);
  });

  it.each([
    ['neither request, notification nor response', { jsonrpc: '2.0', params: {} }],
    ['a response without a result or error', { jsonrpc: '2.0', id: 1 }],
    ['a notification whose params are a number', { jsonrpc: '2.0', method: 'x', params: 1 }],
  ])('skips %s without answering', (_name, body) => {
    const out = decode(frame(body), frame(request(9)));
    expect(answers(out)).toEqual([]);
    expect(out.some((d) => d.kind === 'skipped')).toBe(true);
    expect(ids(out)).toEqual([9]);
  });

  it('refuses messages nested deeper than the limit, whatever their kind, without recursion', () => {
    for (const depth of [MAX_MESSAGE_DEPTH + 1, 5000, 100_000]) {
      const nested = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
      const out = decode(
        frame(`{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":${nested}}`),
        frame(`{"jsonrpc":"2.0","params":${nested}}`),
        frame(`{"jsonrpc":"2.0","id":2,"result":${nested}}`),
        frame(request(3)),
      );
      expect(answers(out)).toEqual([[1, -32600]]);
      expect(ids(out)).toEqual([3]);
    }
    // Within the limit it passes.
    const ok = `${'['.repeat(MAX_MESSAGE_DEPTH - 2)}1${']'.repeat(MAX_MESSAGE_DEPTH - 2)}`;
    expect(ids(decode(frame(`{"jsonrpc":"2.0","id":5,"method":"x","params":{"a":${ok}}}`)))).toEqual([5]);
  });

  it('never throws, and recovers at the last of ten messages after any garbage, in any chunking', () => {
    const piece = fc.oneof(
      fc.constantFrom('Content-Length: ', 'content-length:', 'Content-Type: x', '\r\n', '\r\n\r\n', ':', '{', '}', '[', '"', '\\', 'x', ' ', '\u0000', '\u00ff'),
      fc.integer({ min: 0, max: 999 }).map(String),
      fc.uint8Array({ maxLength: 8 }).map((a) => Buffer.from(a).toString('latin1')),
    );
    const garbage = fc.array(piece, { maxLength: 30 }).map((a) => Buffer.from(a.join(''), 'latin1'));
    const cuts = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 10 });
    fc.assert(fc.property(garbage, cuts, (g, sizes) => {
      // Ten messages of about 140 bytes: more than any length the garbage can announce (at most 999).
      const tail = Buffer.concat(Array.from({ length: 10 }, (_, i) => frame(request(i === 9 ? 'last' : i))));
      const bytes = Buffer.concat([g, tail]);
      const chunks: Buffer[] = [];
      for (let i = 0, k = 0; i < bytes.length; k++) {
        const n = sizes[k % sizes.length]!;
        chunks.push(bytes.subarray(i, i + n));
        i += n;
      }
      const out = decode(...chunks);
      expect(ids(out)).toContain('last');
    }), runs(400));
  });

  it('reads each byte a bounded number of times: 1 MB of garbage costs about as much as 1 MB of messages', () => {
    // Counted through the chunks handed over: one pass, no quadratic re-reading of a growing buffer.
    const d = new FrameDecoder();
    const junk = Buffer.alloc(64 * 1024, 'Content-Length: 1\r\n'.charCodeAt(3));
    let out: Decoded[] = [];
    for (let i = 0; i < 16; i++) out = out.concat(d.push(junk));
    out = out.concat(d.push(frame(request('after'))));
    expect(ids(out)).toEqual(['after']);
    // One skip per header window of garbage, not one per byte.
    expect(out.filter((x) => x.kind === 'skipped').length).toBeLessThanOrEqual((16 * 64 * 1024) / MAX_HEADER_BYTES + 16);
  });
});
