import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createTestTsaCa, openssl, type CreateTestTsaCaOptions, type TestTsaCa } from './test-tsa-ca.js';

/** A running local RFC 3161 TSA. */
export interface LocalTsa {
  /** `http://127.0.0.1:<port>/tsa`. */
  url: string;
  ca: TestTsaCa;
  /** Requests answered so far (including refused ones). */
  readonly requests: number;
  /**
   * Make the TSA answer HTTP 503 (`'unavailable'`), close connections (`'drop'`), or work
   * (`'up'`), to test a TSA that is down.
   */
  setMode(mode: 'up' | 'unavailable' | 'drop'): void;
  close(): Promise<void>;
}

const MAX_QUERY_BYTES = 64 * 1024;

/**
 * Start a small HTTP server on 127.0.0.1 that answers RFC 3161 queries with Debian's
 * `openssl ts -reply` (run without a shell) and a test CA made now in a temp folder.
 */
export async function startLocalTsa(options: CreateTestTsaCaOptions & { ca?: TestTsaCa } = {}): Promise<LocalTsa> {
  const ca = options.ca ?? (await createTestTsaCa(options));
  let mode: 'up' | 'unavailable' | 'drop' = 'up';
  let requests = 0;
  // One `openssl ts -reply` at a time: each reads and rewrites the CA's serial file, and two at
  // once can draw the same number or find the file half written ("Error during serial number
  // generation", 2 of 60 requests made six at a time).
  let signing: Promise<unknown> = Promise.resolve();
  const sign = (query: string, reply: string): Promise<void> => {
    const signed = signing.then(() => openssl(['ts', '-reply', '-config', ca.configFile, '-queryfile', query, '-out', reply], ca.dir));
    signing = signed.catch(() => undefined);
    return signed.then(() => undefined);
  };
  const server: Server = createServer((request, response) => {
    requests++;
    if (mode === 'drop') {
      request.socket.destroy();
      return;
    }
    if (mode === 'unavailable') {
      response.writeHead(503).end('down for the test');
      return;
    }
    if (request.method !== 'POST' || request.headers['content-type'] !== 'application/timestamp-query') {
      response.writeHead(400).end('POST an application/timestamp-query');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > MAX_QUERY_BYTES) request.destroy();
      else chunks.push(chunk);
    });
    request.on('end', () => {
      const id = randomUUID();
      const query = path.join(ca.dir, `${id}.tsq`);
      const reply = path.join(ca.dir, `${id}.tsr`);
      writeFile(query, Buffer.concat(chunks))
        .then(() => sign(query, reply))
        .then(() => readFile(reply))
        .then(
          (bytes) => response.writeHead(200, { 'content-type': 'application/timestamp-reply', 'content-length': bytes.byteLength }).end(bytes),
          (error: Error) => response.writeHead(500).end(error.message),
        )
        .finally(() => Promise.all([rm(query, { force: true }), rm(reply, { force: true })]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    ca,
    get requests() {
      return requests;
    },
    setMode(value) {
      mode = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
