import fc from 'fast-check';
import { ItemSchema } from '@sipansos/core';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, POSTS, camatIncludes } from './__fixtures__/x-fixture-accounts.js';
import { xPage } from './__fixtures__/x-fixture-builders.js';
import { createXAdapter } from './x-adapter.js';

const camat = { platform: 'x', handle: ACCOUNTS.camat.username, id: ACCOUNTS.camat.id };
const body = new TextEncoder().encode(JSON.stringify(xPage([POSTS.plain, POSTS.repost, POSTS.quote], { includes: camatIncludes() })));

function serving(bytes: Uint8Array) {
  return createXAdapter({
    bearerToken: 'fuzz-token-0000000000000000',
    env: {},
    retry: { maxRetries: 0 },
    fetch: async () => new Response(bytes, { status: 200, headers: { 'content-type': 'application/json' } }),
  });
}

describe('X timeline bodies under fuzzing', () => {
  it('a truncated page is a parse error carrying the body hash, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: body.length - 1 }), async (cut) => {
        const result = await serving(body.slice(0, cut)).capture(camat, 'timeline');
        expect(result.isErr() && result.error.type).toBe('parse');
      }),
      { numRuns: 120 },
    );
  });

  it('a mutated page is either read into valid items or a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.nat({ max: body.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 }), async (mutations) => {
        const mutated = body.slice();
        for (const mutation of mutations) mutated[mutation.at] = mutation.value;
        const result = await serving(mutated).capture(camat, 'timeline');
        if (result.isOk()) {
          for (const item of result.value.items) {
            expect(item.id).toMatch(/^\d+$/);
            expect(ItemSchema.safeParse(item).success).toBe(true);
          }
        } else {
          expect(['parse', 'private', 'suspended', 'not_found', 'http']).toContain(result.error.type);
        }
      }),
      { numRuns: 150 },
    );
  });
});
