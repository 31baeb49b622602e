import { ItemSchema } from '@sipansos/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedWorld, worldHandlers } from '@sipansos/testkit';
import { createFacebookAdapter, parseFacebookPage } from '../src/index.js';

// The Facebook adapter against testkit's simulated world: the Graph API shapes it serves, its
// scripted deletions, and its saved pages of personal profiles.
const world = createSimulatedWorld();
const server = setupServer(...worldHandlers(world));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const token = world.options.metaAccessToken ?? 'simulated-meta-token';
const common = { env: {}, retry: { maxRetries: 0, maxRateLimitWaitMs: 0 }, timeouts: { callMs: 10_000 } } as const;
const facebook = createFacebookAdapter({ ...common, accessToken: token, controlPostId: world.controlPostIds.facebook });

describe('Facebook adapter against the simulated world', () => {
  it('captures every public Facebook Page with valid items', async () => {
    world.advanceTo(1);
    const pages = world.accounts.filter((account) => account.kind === 'facebook_page');
    expect(pages.length).toBeGreaterThan(0);
    let captured = 0;
    for (const page of pages) {
      const result = await facebook.capture({ platform: 'facebook', handle: page.handle }, 'timeline');
      if (result.isErr()) {
        expect(['private', 'suspended', 'not_found', 'http', 'rate_limited', 'unauthorized']).toContain(result.error.type);
        continue;
      }
      captured += result.value.items.length > 0 ? 1 : 0;
      expect(result.value.account.id).toBe(page.id);
      for (const item of result.value.items) expect(ItemSchema.safeParse(item).success).toBe(true);
    }
    expect(captured).toBeGreaterThan(0);
  });

  it('confirms a scripted confirmable Facebook deletion as gone, and never a still-live post', async () => {
    const deletion = world.truth().find((event) => event.kind === 'deletion' && event.platform === 'facebook' && event.confirmable);
    if (!deletion || deletion.kind !== 'deletion') throw new Error('the default world scripts a confirmable Facebook deletion');
    world.advanceTo(deletion.cycle);
    const batch = (await facebook.lookup!([deletion.itemId]))._unsafeUnwrap();
    expect(batch.results[0]?.status).toBe('gone');
    const live = (await facebook.lookup!([world.controlPostIds.facebook]))._unsafeUnwrap();
    expect(live.results[0]?.status).toBe('live');
  });

  it('reads every saved page of a personal account into the posts it shows', () => {
    const pages = world.savedPages().filter((snapshot) => snapshot.platform === 'facebook');
    expect(pages.length).toBeGreaterThan(0);
    for (const snapshot of pages) {
      const result = parseFacebookPage({ html: snapshot.html, url: snapshot.url, bodySha256: '0'.repeat(64) });
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
