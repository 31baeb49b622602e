import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleGraphRequest } from './graph-world-api.js';
import type { SimulatedWorld } from './world-model.js';
import type { WorldRequest, WorldResponse } from './world-http.js';
import { handleXRequest } from './x-world-api.js';

/** The loopback address every world server binds to; nothing else is ever bound. */
export const WORLD_SERVER_HOST = '127.0.0.1';

/** Options of {@link startWorldServer}. */
export interface WorldServerOptions {
  /** Port of the X API server; 0 picks a free one. @default 0 */
  port?: number;
  /** Port of the Graph API server (Facebook and Instagram); 0 picks a free one. @default 0 */
  graphPort?: number;
}

/** A running world server. */
export interface WorldServer {
  /**
   * Base URLs to put in `SIPANSOS_X_BASE_URL`, `SIPANSOS_FACEBOOK_BASE_URL` and
   * `SIPANSOS_INSTAGRAM_BASE_URL`. `facebook` and `instagram` are the same Graph API server, as on
   * the real platform. `savedPages` serves `/<platform>/<handle>.html` snapshots.
   */
  urls: { x: string; facebook: string; instagram: string; savedPages: string };
  /** Stops both servers and closes open connections. */
  close(): Promise<void>;
}

/**
 * Serves a simulated world over HTTP on 127.0.0.1 only: one server for the X API v2, one for the
 * Graph API, so the CLI and the demo can run against it with no network.
 */
export async function startWorldServer(world: SimulatedWorld, options: WorldServerOptions = {}): Promise<WorldServer> {
  const xServer = await listen((request) => handleXRequest(world, request), options.port ?? 0);
  let graphServer: Server;
  try {
    graphServer = await listen((request) => handleGraphRequest(world, request), options.graphPort ?? 0);
  } catch (error) {
    await closeServer(xServer);
    throw error;
  }
  const origin = (server: Server): string => `http://${WORLD_SERVER_HOST}:${(server.address() as AddressInfo).port}`;
  const graph = origin(graphServer);
  return {
    urls: { x: origin(xServer), facebook: graph, instagram: graph, savedPages: `${graph}/__saved` },
    close: async () => {
      await Promise.all([closeServer(xServer), closeServer(graphServer)]);
    },
  };
}

function listen(answer: (request: WorldRequest) => WorldResponse, port: number): Promise<Server> {
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    // The body of a GET is ignored; drain it so keep-alive connections stay usable.
    incoming.resume();
    let response: WorldResponse;
    try {
      const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? WORLD_SERVER_HOST}`);
      response = answer({
        method: incoming.method ?? 'GET',
        url,
        header: (name) => {
          const value = incoming.headers[name.toLowerCase()];
          return Array.isArray(value) ? value.join(', ') : value;
        },
      });
    } catch (error) {
      response = { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `world server error: ${(error as Error).message}` };
    }
    const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : Buffer.from(response.body);
    outgoing.writeHead(response.status, { ...response.headers, 'content-length': String(body.byteLength) });
    outgoing.end(body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: WORLD_SERVER_HOST, exclusive: true }, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
