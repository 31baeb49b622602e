import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimulatedWorld } from './create-simulated-world.js';
import { expectedOfKind } from './expected-events.js';
import { worldHandlers } from './world-handlers.js';

// Small schemas of the documented X API v2 shapes (docs.x.com): what an adapter's parser expects.
const Problem = z.object({ title: z.string(), detail: z.string(), type: z.string(), resource_type: z.string().optional(), parameter: z.string().optional(), value: z.string().optional() });
const User = z.object({ id: z.string().regex(/^\d+$/), name: z.string(), username: z.string().regex(/^\w{1,15}$/) }).passthrough();
const Tweet = z.object({ id: z.string().regex(/^\d+$/), text: z.string(), edit_history_tweet_ids: z.array(z.string()).min(1) }).passthrough();
const Timeline = z.object({
  data: z.array(Tweet).optional(),
  includes: z.object({ users: z.array(User).optional(), tweets: z.array(Tweet).optional(), media: z.array(z.object({ media_key: z.string(), type: z.string() }).passthrough()).optional() }).optional(),
  meta: z.object({ result_count: z.number(), newest_id: z.string().optional(), oldest_id: z.string().optional(), next_token: z.string().optional() }),
  errors: z.array(Problem).optional(),
});
const Lookup = z.object({ data: z.array(Tweet).optional(), errors: z.array(Problem).optional() });

const world = createSimulatedWorld({ xBearerToken: 'test-token' });
const server = setupServer(...worldHandlers(world));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const account = (handle: string) => world.accounts.find((entry) => entry.platform === 'x' && entry.handle === handle)!;
const subjectAccount = (subjectId: string) => world.accounts.find((entry) => entry.platform === 'x' && entry.subjectId === subjectId)!;
async function get(path: string, token = 'test-token'): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(`https://api.x.com${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('simulated X API v2', () => {
  it('looks a user up by username with the requested user.fields only', async () => {
    world.advanceTo(1);
    const { status, body, headers } = await get('/2/users/by/username/yudhapw_guru?user.fields=created_at,protected');
    expect(status).toBe(200);
    const user = User.parse(body.data);
    expect(user).toMatchObject({ username: 'yudhapw_guru', protected: false });
    expect(user).not.toHaveProperty('description');
    expect(Number(headers.get('x-rate-limit-remaining'))).toBeLessThan(Number(headers.get('x-rate-limit-limit')));
  });

  it('answers 401 in the problem shape without the right bearer token', async () => {
    const { status, body } = await get('/2/users/by/username/yudhapw_guru', 'wrong');
    expect(status).toBe(401);
    expect(body).toEqual({ title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
  });

  it('pages a timeline newest first with meta ids and next_token, and honours since_id', async () => {
    world.advanceTo(6);
    const portal = account('infolembah');
    const first = Timeline.parse((await get(`/2/users/${portal.id}/tweets?max_results=20&tweet.fields=created_at,entities`)).body);
    expect(first.data).toHaveLength(20);
    expect(first.meta.newest_id).toBe(first.data![0]!.id);
    expect(first.meta.oldest_id).toBe(first.data![19]!.id);
    expect(BigInt(first.data![0]!.id) > BigInt(first.data![1]!.id)).toBe(true);
    const second = Timeline.parse((await get(`/2/users/${portal.id}/tweets?max_results=20&pagination_token=${first.meta.next_token}`)).body);
    expect(second.data).toHaveLength(10);
    expect(second.meta.next_token).toBeUndefined();
    const since = Timeline.parse((await get(`/2/users/${portal.id}/tweets?since_id=${first.data![2]!.id}`)).body);
    expect(since.data!.map((tweet) => tweet.id)).toEqual(first.data!.slice(0, 2).map((tweet) => tweet.id));
  });

  it('rejects max_results outside 5..100 as an invalid request', async () => {
    const { status, body } = await get(`/2/users/${account('infolembah').id}/tweets?max_results=3`);
    expect(status).toBe(400);
    expect(body.title).toBe('Invalid Request');
  });

  it('shows an edit as a new id whose edit_history_tweet_ids starts with the original', async () => {
    const edit = expectedOfKind(world.truth(), 'edit').find((event) => event.platform === 'x')!;
    world.advanceTo(edit.cycle);
    const timeline = Timeline.parse((await get(`/2/users/${edit.accountId}/tweets`)).body);
    const shown = timeline.data!.find((tweet) => tweet.edit_history_tweet_ids.includes(edit.itemId))!;
    expect(shown.id).toBe(edit.newItemId);
    expect(shown.edit_history_tweet_ids).toEqual([edit.itemId, shown.id]);
  });

  it('reports a deleted tweet as Not Found and a protected author as Authorization Error in a 200', async () => {
    const deletion = expectedOfKind(world.truth(), 'deletion').find((event) => event.platform === 'x' && event.subjectId === 'tni-001')!;
    const hidden = expectedOfKind(world.truth(), 'still_live').find((event) => event.platform === 'x' && event.reason === 'private')!;
    world.advanceTo(Math.max(deletion.cycle, hidden.cycle));
    const { status, body } = await get(`/2/tweets?ids=${deletion.itemId},${hidden.itemId}`);
    expect(status).toBe(200);
    const lookup = Lookup.parse(body);
    expect(lookup.data).toBeUndefined();
    expect(lookup.errors!.map((error) => [error.value, error.title])).toEqual([
      [deletion.itemId, 'Not Found Error'],
      [hidden.itemId, 'Authorization Error'],
    ]);
    world.advanceTo(deletion.cycle - 1);
    expect(Lookup.parse((await get(`/2/tweets?ids=${deletion.itemId}`)).body).data![0]!.id).toBe(deletion.itemId);
  });

  it('answers a suspended account with a Forbidden problem and its tweets with Authorization Error', async () => {
    const hidden = expectedOfKind(world.truth(), 'account_hidden').find((event) => event.reason === 'suspended')!;
    world.advanceTo(hidden.cycle);
    const timeline = Timeline.omit({ meta: true }).parse((await get(`/2/users/${hidden.accountId}/tweets`)).body);
    expect(timeline.errors![0]).toMatchObject({ title: 'Forbidden', detail: expect.stringContaining('suspended') });
    const post = world.posts.find((entry) => entry.accountId === hidden.accountId)!;
    expect(Lookup.parse((await get(`/2/tweets?ids=${post.id}`)).body).errors![0]!.title).toBe('Authorization Error');
  });

  it('returns 429 with x-rate-limit-reset after the scripted budget of a rate-limited cycle', async () => {
    const limit = world.rateLimits.find((entry) => entry.platform === 'x')!;
    world.advanceTo(limit.cycle);
    const target = subjectAccount('asn-001');
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof get>> | undefined;
    for (let index = 0; index < limit.limit + 2; index++) {
      last = await get(`/2/users/${target.id}/tweets`);
      statuses.push(last.status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(limit.limit);
    expect(last!.status).toBe(429);
    expect(last!.body).toMatchObject({ title: 'Too Many Requests', status: 429 });
    expect(Number(last!.headers.get('x-rate-limit-reset')) * 1000).toBeGreaterThan(world.clock());
    expect(last!.headers.get('x-rate-limit-remaining')).toBe('0');
    world.advanceTo(limit.cycle + 1);
    expect((await get(`/2/users/${target.id}/tweets`)).status).toBe(200);
  });

  it('fails the scripted timeline read with a 503 problem', async () => {
    const failure = expectedOfKind(world.truth(), 'failed_request').find((event) => event.platform === 'x')!;
    world.advanceTo(failure.cycle);
    const { status, body } = await get(`/2/users/${failure.accountId}/tweets`);
    expect(status).toBe(503);
    expect(body.title).toBe('Service Unavailable');
  });

  it('lists liked tweets with their authors and following users, and drops an unlike', async () => {
    const liked = expectedOfKind(world.truth(), 'violation').find((event) => event.itemKind === 'like')!;
    world.advanceTo(liked.cycle);
    const likes = Timeline.parse((await get(`/2/users/${liked.accountId}/liked_tweets?expansions=author_id&tweet.fields=author_id`)).body);
    expect(likes.data!.map((tweet) => `like:${tweet.id}`)).toContain(liked.itemId);
    expect(likes.includes!.users!.map((user) => user.username)).toContain('armanrina_resmi');
    const unliked = expectedOfKind(world.truth(), 'unliked')[0]!;
    world.advanceTo(unliked.cycle);
    expect(Timeline.parse((await get(`/2/users/${liked.accountId}/liked_tweets`)).body).meta.result_count).toBe(0);
    const follow = expectedOfKind(world.truth(), 'violation').find((event) => event.itemKind === 'follow')!;
    world.advanceTo(follow.cycle);
    const following = z.object({ data: z.array(User), meta: z.object({ result_count: z.number() }) }).parse((await get(`/2/users/${follow.accountId}/following`)).body);
    expect(following.data.map((user) => `follow:${user.id}`)).toContain(follow.itemId);
  });

  it('expands a repost to the referenced tweet and its author', async () => {
    const repost = expectedOfKind(world.truth(), 'violation').find((event) => event.itemKind === 'repost')!;
    world.advanceTo(repost.cycle);
    const timeline = Timeline.parse((await get(`/2/users/${repost.accountId}/tweets?tweet.fields=referenced_tweets,author_id&expansions=referenced_tweets.id,referenced_tweets.id.author_id`)).body);
    const tweet = timeline.data!.find((entry) => entry.id === repost.itemId)!;
    expect(tweet.referenced_tweets).toEqual([{ type: 'retweeted', id: expect.any(String) }]);
    expect(timeline.includes!.tweets!.map((entry) => entry.id)).toContain((tweet.referenced_tweets as { id: string }[])[0]!.id);
    expect(timeline.includes!.users!.map((user) => user.username)).toContain('baskara_resmi');
  });
});
