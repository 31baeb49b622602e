import { readFileSync } from 'node:fs';
import { ItemSchema } from '@sipansos/core';
import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFacebookAdapter } from './facebook-adapter.js';
import { facebookPostToItem } from './facebook-map-item.js';
import { FacebookPostsPageSchema } from './facebook-schemas.js';

const BASE = 'https://graph.fuzz.test';
const body = readFileSync(new URL('./__fixtures__/facebook-graph-posts-page1.json', import.meta.url), 'utf8');
const fullCount = (JSON.parse(body) as { data: unknown[] }).data.length;

// Replace a slice of the body with arbitrary text: keys, quotes and brackets get broken.
const mutated = fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.string({ maxLength: 10 })).map(([at, length, insert]) => {
  const start = at % (body.length + 1);
  return body.slice(0, start) + insert + body.slice(start + length);
});
const truncated = fc.nat({ max: body.length }).map((cut) => body.slice(0, cut));

let served = body;
const server = setupServer(http.get(`${BASE}/v25.0/100200300400500/posts`, () => new HttpResponse(served, { headers: { 'content-type': 'application/json' } })));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('Graph posts JSON under truncation and mutation', () => {
  it('the schema and the mapping never throw and only ever yield valid items', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, truncated), (text) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          return;
        }
        const parsed = FacebookPostsPageSchema.safeParse(json);
        if (!parsed.success) return;
        for (const post of parsed.data.data) expect(ItemSchema.safeParse(facebookPostToItem(post)).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the adapter answers a typed error or no more items than the intact page', async () => {
    const adapter = createFacebookAdapter({ accessToken: 'EAAGfuzzToken000000000', baseUrl: BASE, env: {}, retry: { maxRetries: 0 }, timeouts: { callMs: 2_000 } });
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, truncated), async (text) => {
        served = text;
        const result = await adapter.capture({ platform: 'facebook', handle: 'infodesasukamaju.contoh', id: '100200300400500' }, 'timeline', { maxPages: 1 });
        if (result.isOk()) expect(result.value.items.length).toBeLessThanOrEqual(fullCount);
        else expect(result.error.type).toBe('parse');
      }),
      { numRuns: 40 },
    );
  });
});
