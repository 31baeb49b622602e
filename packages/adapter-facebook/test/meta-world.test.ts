import { ItemSchema } from '@sipansos/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedWorld, WORLD_INSTAGRAM_VIEWER_ID, worldHandlers } from '../../testkit/src/index.js';
import { createInstagramAdapter, parseInstagramPage } from '../../adapter-instagram/src/index.js';
import { createFacebookAdapter, parseFacebookPage } from '../src/index.js';

// Both Meta adapters against testkit's simulated world: the Graph API shapes it serves, its
// scripted deletions and edits, and its saved pages of personal accounts.
const world = createSimulatedWorld();
const server = setupServer(...worldHandlers(world));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const token = world.options.metaAccessToken ?? 'simulated-meta-token';
const common = { env: {}, retry: { maxRetries: 0, maxRateLimitWaitMs: 0 }, timeouts: { callMs: 10_000 } } as const;
const facebook = createFacebookAdapter({ ...common, accessToken: token, controlPostId: world.controlPostIds.facebook });
const instagram = createInstagramAdapter({ ...common, accessToken: token, igUserId: WORLD_INSTAGRAM_VIEWER_ID });

describe('Meta adapters against the simulated world', () => {
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

  it('reads business accounts through business discovery and calls personal ones unsupported', async () => {
    world.advanceTo(1);
    const business = world.accounts.find((account) => account.kind === 'instagram_business' || account.kind === 'instagram_creator');
    const personal = world.accounts.find((account) => account.kind === 'instagram_personal');
    if (business) {
      const capture = (await instagram.capture({ platform: 'instagram', handle: business.handle }, 'timeline'))._unsafeUnwrap();
      expect(capture.account.id).toBe(business.id);
      for (const item of capture.items) expect(ItemSchema.safeParse(item).success).toBe(true);
    }
    if (personal) expect((await instagram.resolve(personal.handle))._unsafeUnwrapErr().type).toBe('unsupported');
  });

  it('reads every saved page of a personal account into the posts it shows', () => {
    expect(world.savedPages().length).toBeGreaterThan(0);
    for (const snapshot of world.savedPages()) {
      const parse = snapshot.platform === 'facebook' ? parseFacebookPage : parseInstagramPage;
      const result = parse({ html: snapshot.html, url: snapshot.url, bodySha256: '0'.repeat(64) });
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
