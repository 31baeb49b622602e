import { ItemSchema } from '@sipansos/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedWorld, WORLD_INSTAGRAM_VIEWER_ID, worldHandlers } from '@sipansos/testkit';
import { createInstagramAdapter, parseInstagramPage } from '../src/index.js';

// The Instagram adapter against testkit's simulated world: business discovery as it serves it,
// and its saved pages of personal accounts.
const world = createSimulatedWorld();
const server = setupServer(...worldHandlers(world));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const token = world.options.metaAccessToken ?? 'simulated-meta-token';
const instagram = createInstagramAdapter({ env: {}, retry: { maxRetries: 0, maxRateLimitWaitMs: 0 }, timeouts: { callMs: 10_000 }, accessToken: token, igUserId: WORLD_INSTAGRAM_VIEWER_ID });

describe('Instagram adapter against the simulated world', () => {
  it('reads business accounts through business discovery and calls personal ones unsupported', async () => {
    world.advanceTo(1);
    const business = world.accounts.find((account) => account.kind === 'instagram_business' || account.kind === 'instagram_creator');
    const personal = world.accounts.find((account) => account.kind === 'instagram_personal');
    expect(business).toBeDefined();
    expect(personal).toBeDefined();
    if (business) {
      const capture = (await instagram.capture({ platform: 'instagram', handle: business.handle }, 'timeline'))._unsafeUnwrap();
      expect(capture.account.id).toBe(business.id);
      for (const item of capture.items) expect(ItemSchema.safeParse(item).success).toBe(true);
    }
    if (personal) expect((await instagram.resolve(personal.handle))._unsafeUnwrapErr().type).toBe('unsupported');
  });

  it('reads every saved page of a personal account into the posts it shows', () => {
    const pages = world.savedPages().filter((snapshot) => snapshot.platform === 'instagram');
    expect(pages.length).toBeGreaterThan(0);
    for (const snapshot of pages) {
      const result = parseInstagramPage({ html: snapshot.html, url: snapshot.url, bodySha256: '0'.repeat(64) });
      const shown = (snapshot.html.match(/<article /g) ?? []).length;
      if (shown === 0) {
        expect(result.isErr() || result.value.items.length === 0).toBe(true);
        continue;
      }
      const items = result._unsafeUnwrap().items;
      expect(items.length).toBe(shown);
      for (const item of items) expect(item.text?.length ?? 0).toBeGreaterThan(0);
    }
  });
});
