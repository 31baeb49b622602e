import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sha256Hex } from '../hashing/sha256.js';
import { createPlatformAdapter } from './create-platform-adapter.js';

const Schema = z.object({
  data: z.array(z.object({ id: z.string().regex(/^\d+$/), text: z.string(), edit_history_tweet_ids: z.array(z.string()) })),
  meta: z.object({ result_count: z.number().int(), next_token: z.string().optional() }),
});
const valid = JSON.stringify({
  data: [
    { id: '1800000000000000001', text: 'Salam dari Desa Sukamaju #gotongroyong', edit_history_tweet_ids: ['1800000000000000001'] },
    { id: '1800000000000000002', text: 'Rapat warga malam ini', edit_history_tweet_ids: ['1800000000000000002'] },
  ],
  meta: { result_count: 2, next_token: 'b26v89c19zqg8o3fr' },
});

function adapterServing(body: Uint8Array) {
  return createPlatformAdapter({
    config: {
      platform: 'x',
      adapterId: 'fuzz',
      adapterVersion: '0.0.0',
      baseUrl: 'https://api.example.test',
      capabilities: { scopes: ['timeline'], lookup: false, distinguishesPrivateFromDeleted: false, exposesEdits: false, exposesLikes: false, exposesFollows: false, mediaDownload: false },
      fetch: async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
      timeouts: { callMs: 5_000 },
    },
    adapter: {
      resolve: (call, handle) =>
        call.json({ endpoint: 'GET /t', path: '/t', schema: Schema }).map((response) => ({
          account: { platform: 'x', handle, id: response.data.data[0]?.id ?? '0' },
          observation: 'public' as const,
          raw: [response.raw],
        })),
      capture: () => {
        throw new Error('not used');
      },
    },
  });
}

const encoder = new TextEncoder();

describe('body fuzzing', () => {
  it('a truncated JSON body always becomes a typed parse error carrying its hash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: valid.length - 1 }), async (cut) => {
        const body = encoder.encode(valid.slice(0, cut));
        const result = await adapterServing(body).resolve('rina_contoh');
        expect(result.isErr()).toBe(true);
        const error = result._unsafeUnwrapErr();
        expect(error.type).toBe('parse');
        if (error.type === 'parse') expect(error.bodySha256).toBe(sha256Hex(body));
      }),
      { numRuns: 150 },
    );
  });

  it('a mutated body is either read (still matching the schema) or a typed error — never a throw', async () => {
    const bytes = encoder.encode(valid);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat({ max: bytes.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }),
        async (mutations) => {
          const body = bytes.slice();
          for (const mutation of mutations) body[mutation.at] = mutation.value;
          const result = await adapterServing(body).resolve('rina_contoh');
          if (result.isOk()) {
            expect(result.value.account.id).toMatch(/^\d+$/);
          } else {
            expect(['parse']).toContain(result.error.type);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('arbitrary bytes never throw or hang', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (body) => {
        const result = await adapterServing(body).resolve('rina_contoh');
        expect(result.isErr() ? result.error.type : 'ok').toMatch(/^(parse|ok)$/);
      }),
      { numRuns: 100 },
    );
  });
});
