import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPlatformAdapter } from './create-platform-adapter.js';
import type { PlatformAdapterConfig, PlatformAdapterDefinition } from './platform-adapter-config.js';

// Real sockets on 127.0.0.1 and the real undici code path (no msw): what a stalled or reset
// connection looks like to fetch can only be learnt this way.
const TOKEN = 'real-server-secret-token-000111222';
const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
  '/ok': (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'x-rate-limit-remaining': '99', 'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 900) });
    response.end('{"data":{"id":"77"}}');
  },
  '/stall-body': (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
    response.write('{"data":{"id":"7'); // …and nothing more, ever.
  },
  '/stall-headers': () => {
    // Accept the request and never answer.
  },
  '/reset-before-headers': (request) => {
    request.socket.destroy();
  },
  '/reset-mid-body': (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
    response.write('{"data":{"id":"7', () => setTimeout(() => response.socket?.destroy(), 20));
  },
};

let server: Server;
let baseUrl: string;
const sockets = new Set<Socket>();
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    hits.push(`${path} ${request.headers.authorization ?? ''}`);
    (routes[path] ?? ((_req, res) => res.writeHead(404).end()))(request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const definition = (path: string): PlatformAdapterDefinition => ({
  resolve: (call, handle) =>
    call.json({ endpoint: `GET ${path}`, path, query: { token: TOKEN }, schema: z.object({ data: z.object({ id: z.string() }) }) }).map((response) => ({
      account: { platform: 'x', handle, id: response.data.data.id },
      observation: 'public' as const,
      raw: [response.raw],
    })),
  capture: () => {
    throw new Error('not used');
  },
});

function adapterFor(path: string, overrides: Partial<PlatformAdapterConfig> = {}) {
  return createPlatformAdapter({
    config: {
      platform: 'x',
      adapterId: 'x-real-http-test',
      adapterVersion: '0.0.0',
      baseUrl,
      capabilities: { scopes: ['timeline'], lookup: false, distinguishesPrivateFromDeleted: false, exposesEdits: false, exposesLikes: false, exposesFollows: false, mediaDownload: false },
      headers: { authorization: `Bearer ${TOKEN}` },
      secrets: [TOKEN],
      timeouts: { headersMs: 300, bodyMs: 300, callMs: 10_000 },
      retry: { maxRetries: 1, baseDelayMs: 5, maxDelayMs: 5 },
      ...overrides,
    },
    adapter: definition(path),
  });
}

describe('createPlatformAdapter over real undici fetch and a local server', () => {
  it('reads a complete response and sends the bearer token only in the header', async () => {
    const result = await adapterFor('/ok').resolve('rina_contoh');
    const resolved = result._unsafeUnwrap();
    expect(resolved.account.id).toBe('77');
    expect(resolved.raw[0]?.request.url).toBe(`${baseUrl}/ok?token=[redacted]`);
    expect(hits.at(-1)).toBe(`/ok Bearer ${TOKEN}`);
  });

  it('works with undici’s own fetch passed in', async () => {
    const adapter = adapterFor('/ok', { fetch: undiciFetch as unknown as typeof globalThis.fetch });
    expect((await adapter.resolve('rina_contoh'))._unsafeUnwrap().account.id).toBe('77');
  });

  it('a body that stalls midway ends as a body timeout (retried once, then reported)', async () => {
    const before = hits.filter((hit) => hit.startsWith('/stall-body')).length;
    const error = (await adapterFor('/stall-body').resolve('rina_contoh'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'timeout', phase: 'body' });
    expect(hits.filter((hit) => hit.startsWith('/stall-body')).length - before).toBe(2);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('a server that never answers ends as a headers timeout', async () => {
    const error = (await adapterFor('/stall-headers', { retry: { maxRetries: 0 } }).resolve('rina_contoh'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'timeout', phase: 'headers' });
  });

  it('a connection reset before the headers is a network error', async () => {
    const error = (await adapterFor('/reset-before-headers', { retry: { maxRetries: 0 } }).resolve('rina_contoh'))._unsafeUnwrapErr();
    expect(error.type).toBe('network');
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('a connection reset in the middle of the body is a network error, not a parse error', async () => {
    const error = (await adapterFor('/reset-mid-body', { retry: { maxRetries: 0 } }).resolve('rina_contoh'))._unsafeUnwrapErr();
    expect(error.type).toBe('network');
  });

  it('a caller abort ends the call promptly as a call timeout', async () => {
    const controller = new AbortController();
    const pending = adapterFor('/stall-headers', { timeouts: { headersMs: 60_000, bodyMs: 60_000 } }).resolve('rina_contoh', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await pending)._unsafeUnwrapErr()).toMatchObject({ type: 'timeout', phase: 'call' });
  });
});
