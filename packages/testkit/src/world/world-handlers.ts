import { http, HttpResponse, type HttpHandler } from 'msw';
import { handleGraphRequest } from './graph-world-api.js';
import type { SimulatedWorld } from './world-model.js';
import type { WorldRequest, WorldResponse } from './world-http.js';
import { handleXRequest } from './x-world-api.js';

/** Where {@link worldHandlers} intercepts. */
export interface WorldHandlerOptions {
  /** Origins answered as the X API v2. @default ['https://api.x.com', 'https://api.twitter.com'] */
  xBaseUrls?: string[];
  /** Origins answered as the Graph API (Facebook and Instagram). @default ['https://graph.facebook.com', 'https://graph.instagram.com'] */
  graphBaseUrls?: string[];
}

/**
 * msw handlers that serve a simulated world in the shapes of the X API v2 and the Graph API,
 * for tests: `setupServer(...worldHandlers(world))`. Advance the world between cycles with
 * `world.advanceTo(n)`; the handlers read it on every request.
 */
export function worldHandlers(world: SimulatedWorld, options: WorldHandlerOptions = {}): HttpHandler[] {
  const xBases = options.xBaseUrls ?? ['https://api.x.com', 'https://api.twitter.com'];
  const graphBases = options.graphBaseUrls ?? ['https://graph.facebook.com', 'https://graph.instagram.com'];
  const handler = (answer: (world: SimulatedWorld, request: WorldRequest) => WorldResponse) =>
    ({ request }: { request: Request }) => toMswResponse(answer(world, fromFetchRequest(request)));
  return [
    ...xBases.map((base) => http.all(`${trimSlash(base)}/*`, handler(handleXRequest))),
    ...graphBases.map((base) => http.all(`${trimSlash(base)}/*`, handler(handleGraphRequest))),
  ];
}

function trimSlash(value: string): string {
  return value.replace(/\/+$/, '');
}

function fromFetchRequest(request: Request): WorldRequest {
  return { method: request.method, url: new URL(request.url), header: (name) => request.headers.get(name) ?? undefined };
}

function toMswResponse(response: WorldResponse): Response {
  const body = typeof response.body === 'string' ? response.body : new Uint8Array(response.body);
  return new HttpResponse(body, { status: response.status, headers: response.headers });
}
