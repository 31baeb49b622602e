import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, POSTS, camatIncludes } from '../src/__fixtures__/x-fixture-accounts.js';
import { xPage, xRateHeaders } from '../src/__fixtures__/x-fixture-builders.js';
import { createXAdapter } from '../src/index.js';

// An X stand-in on 127.0.0.1 reached through SIPANSOS_X_BASE_URL and the real undici fetch.
const TOKEN = 'real-socket-x-token-00000000000000';
const camat = { platform: 'x', handle: ACCOUNTS.camat.username, id: ACCOUNTS.camat.id };
let server: Server;
let baseUrl: string;
const sockets = new Set<Socket>();
const authorizations: (string | undefined)[] = [];
let mode: 'ok' | 'reset' | 'stall' = 'ok';

beforeAll(async () => {
  server = createServer((request, response) => {
    authorizations.push(request.headers.authorization);
    const headers = { 'content-type': 'application/json', ...xRateHeaders(899, Math.floor(Date.now() / 1000) + 900) };
    if (mode === 'reset') {
      request.socket.destroy();
      return;
    }
    const body = JSON.stringify(xPage([POSTS.plain], { includes: camatIncludes() }));
    if (mode === 'stall') {
      response.writeHead(200, { ...headers, 'content-length': String(body.length) });
      response.write(body.slice(0, 40));
      return;
    }
    response.writeHead(200, headers);
    response.end(body);
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

const adapter = () => createXAdapter({ env: { SIPANSOS_X_BEARER_TOKEN: TOKEN, SIPANSOS_X_BASE_URL: baseUrl }, retry: { maxRetries: 0 }, timeouts: { headersMs: 500, bodyMs: 300, callMs: 5_000 } });

describe('createXAdapter over real sockets', () => {
  it('captures a timeline from a local stand-in named by SIPANSOS_X_BASE_URL', async () => {
    mode = 'ok';
    const capture = (await adapter().capture(camat, 'timeline'))._unsafeUnwrap();
    expect(capture.items.map((item) => item.id)).toEqual([POSTS.plain.id]);
    expect(capture.raw[0]?.request.url.startsWith(`${baseUrl}/2/users/${camat.id}/tweets?`)).toBe(true);
    expect(authorizations.at(-1)).toBe(`Bearer ${TOKEN}`);
  });

  it('a body that stalls midway is a timeout', async () => {
    mode = 'stall';
    expect((await adapter().capture(camat, 'timeline'))._unsafeUnwrapErr()).toMatchObject({ type: 'timeout', phase: 'body' });
  });

  it('a connection reset is a network error without the token in it', async () => {
    mode = 'reset';
    const error = (await adapter().capture(camat, 'timeline'))._unsafeUnwrapErr();
    expect(error.type).toBe('network');
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });
});
