import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimulatedWorld } from './create-simulated-world.js';
import { parseGraphFields } from './world-http.js';
import { expectedOfKind } from './expected-events.js';
import { worldHandlers } from './world-handlers.js';

// Small schemas of the documented Graph API shapes (developers.facebook.com/docs/graph-api).
const GraphTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/);
const GraphError = z.object({ error: z.object({ message: z.string(), type: z.string(), code: z.number(), error_subcode: z.number().optional(), fbtrace_id: z.string() }) });
const Paging = z.object({ cursors: z.object({ before: z.string(), after: z.string() }), next: z.string().url().optional() });
const Post = z.object({ id: z.string().regex(/^\d+_\d+$/), message: z.string().optional(), created_time: GraphTime }).passthrough();
const Posts = z.object({ data: z.array(Post), paging: Paging.optional() });
const Discovery = z.object({
  id: z.string(),
  business_discovery: z.object({
    id: z.string(),
    username: z.string(),
    followers_count: z.number(),
    media_count: z.number(),
    media: z.object({ data: z.array(z.object({ id: z.string(), caption: z.string(), timestamp: GraphTime, media_type: z.enum(['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM']), permalink: z.string() }).passthrough()), paging: Paging.optional() }),
  }),
});
const MediaPage = z.object({ business_discovery: z.object({ media: Discovery.shape.business_discovery.shape.media }) });

const world = createSimulatedWorld({ metaAccessToken: 'meta-token' });
const server = setupServer(...worldHandlers(world));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function get(path: string, token = 'meta-token'): Promise<{ status: number; headers: Headers; body: any }> {
  const url = new URL(`https://graph.facebook.com${path}`);
  url.searchParams.set('access_token', token);
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, body: await response.json() };
}
const VIEWER = '17841400000000999';

describe('simulated Graph API', () => {
  it('parses nested field expressions with modifiers', () => {
    expect(parseGraphFields('id,business_discovery.username(a.b){id,media.limit(2).after(QQ){id,caption}}')).toEqual([
      { name: 'id', modifiers: {} },
      { name: 'business_discovery', modifiers: { username: 'a.b' }, children: [{ name: 'id', modifiers: {} }, { name: 'media', modifiers: { limit: '2', after: 'QQ' }, children: [{ name: 'id', modifiers: {} }, { name: 'caption', modifiers: {} }] }] },
    ]);
  });

  it('resolves a page by username with only the requested fields and reports usage', async () => {
    world.advanceTo(1);
    const { status, body, headers } = await get('/v21.0/kades.mekarsari?fields=id,name,username,followers_count');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['followers_count', 'id', 'name', 'username']);
    expect(JSON.parse(headers.get('x-app-usage')!)).toHaveProperty('call_count');
  });

  it('answers a personal profile name with the #803 alias error and a bad token with 190', async () => {
    const alias = await get('/v21.0/yudha.pratama.wijaya?fields=id,name');
    expect(alias.status).toBe(404);
    expect(GraphError.parse(alias.body).error.code).toBe(803);
    const bad = await get('/v21.0/kades.mekarsari', 'nope');
    expect(GraphError.parse(bad.body).error.code).toBe(190);
    const expired = await get('/v21.0/kades.mekarsari', 'expired-token');
    expect(GraphError.parse(expired.body).error).toMatchObject({ code: 190, error_subcode: 463 });
  });

  it('pages a page feed by cursors until paging.next disappears', async () => {
    world.advanceTo(8);
    const page = world.accounts.find((account) => account.handle === 'kades.mekarsari')!;
    const seen: string[] = [];
    let path: string | undefined = `/v21.0/${page.id}/posts?fields=id,message,created_time,updated_time&limit=2`;
    while (path) {
      const result = Posts.parse((await get(path)).body);
      seen.push(...result.data.map((post) => post.id));
      const next: string | undefined = result.paging?.next;
      path = next ? `${new URL(next).pathname}${new URL(next).search.replace(/[?&]access_token=[^&]*/, '').replace(/^&/, '?')}` : undefined;
    }
    const expected = world.posts.filter((post) => post.accountId === page.id && post.deletedCycle === undefined);
    expect(new Set(seen)).toEqual(new Set(expected.map((post) => post.id)));
  });

  it('keeps a post id through an edit and moves updated_time', async () => {
    const edit = expectedOfKind(world.truth(), 'edit').find((event) => event.platform === 'facebook')!;
    world.advanceTo(edit.cycle - 1);
    const before = Post.parse((await get(`/v21.0/${edit.itemId}?fields=id,message,created_time,updated_time`)).body);
    world.advanceTo(edit.cycle);
    const after = Post.parse((await get(`/v21.0/${edit.itemId}?fields=id,message,created_time,updated_time`)).body);
    expect(after.id).toBe(before.id);
    expect(after.message).not.toBe(before.message);
    expect(after.updated_time).not.toBe(before.updated_time);
    expect(after.created_time).toBe(before.created_time);
  });

  it('answers a deleted post with error 100 subcode 33 while the page stays readable', async () => {
    const deletion = expectedOfKind(world.truth(), 'deletion').find((event) => event.platform === 'facebook')!;
    world.advanceTo(deletion.cycle);
    const gone = await get(`/v21.0/${deletion.itemId}`);
    expect(gone.status).toBe(400);
    expect(GraphError.parse(gone.body).error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
    expect((await get(`/v21.0/${deletion.accountId}?fields=id`)).status).toBe(200);
  });

  it('makes an unpublished page unreadable by id and by name', async () => {
    const hidden = expectedOfKind(world.truth(), 'account_hidden').find((event) => event.platform === 'facebook')!;
    world.advanceTo(hidden.cycle);
    expect(GraphError.parse((await get(`/v21.0/${hidden.accountId}/posts`)).body).error.code).toBe(100);
    expect(GraphError.parse((await get(`/v21.0/${hidden.handle}`)).body).error.code).toBe(803);
  });

  it('serves business discovery with media paging and refuses personal or hidden accounts with 110/2207013', async () => {
    world.advanceTo(5);
    const fields = encodeURIComponent('business_discovery.username(cidar.resmi){id,username,followers_count,media_count,media.limit(2){id,caption,timestamp,media_type,permalink}}');
    const first = Discovery.parse((await get(`/v21.0/${VIEWER}?fields=${fields}`)).body);
    expect(first.id).toBe(VIEWER);
    expect(first.business_discovery.media.data).toHaveLength(2);
    const after = first.business_discovery.media.paging!.cursors.after;
    const more = encodeURIComponent(`business_discovery.username(cidar.resmi){media.limit(2).after(${after}){id,caption,timestamp,media_type,permalink}}`);
    const second = MediaPage.parse((await get(`/v21.0/${VIEWER}?fields=${more}`)).body);
    expect(second.business_discovery.media.data[0]!.id).not.toBe(first.business_discovery.media.data[0]!.id);
    const personal = expectedOfKind(world.truth(), 'saved_pages_only').find((event) => event.platform === 'instagram')!;
    const refused = await get(`/v21.0/${VIEWER}?fields=${encodeURIComponent(`business_discovery.username(${personal.handle}){id}`)}`);
    expect(GraphError.parse(refused.body).error).toMatchObject({ code: 110, error_subcode: 2207013 });
  });

  it('throttles with code 4 after the scripted budget of a rate-limited cycle', async () => {
    const limit = world.rateLimits.find((entry) => entry.platform === 'meta')!;
    world.advanceTo(limit.cycle);
    let last = await get('/v21.0/kades.mekarsari?fields=id');
    for (let index = 0; index < limit.limit; index++) last = await get('/v21.0/kades.mekarsari?fields=id');
    expect(last.status).toBe(403);
    expect(GraphError.parse(last.body).error.code).toBe(4);
    expect(JSON.parse(last.headers.get('x-app-usage')!).call_count).toBe(100);
  });

  it('serves saved pages as HTML', async () => {
    const page = world.savedPages()[0]!;
    const response = await fetch(`https://graph.facebook.com/__saved/${page.platform}/${page.handle}.html`);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toBe(page.html);
  });
});
