import { describe, expect, it } from 'vitest';
import { createSimulatedWorld } from './create-simulated-world.js';
import { expectedOfKind } from './expected-events.js';
import { handleGraphRequest } from './graph-world-api.js';
import type { WorldRequest } from './world-http.js';
import type { SimulatedWorld } from './world-model.js';
import { handleXRequest } from './x-world-api.js';

// The truth is only useful if the served platforms agree with it: every expected outcome is
// checked here against what the API answers in that cycle.

function call(world: SimulatedWorld, url: string): { status: number; body: any } {
  const request: WorldRequest = { method: 'GET', url: new URL(url), header: (name) => (name === 'authorization' ? 'Bearer t' : undefined) };
  const response = url.startsWith('https://api.x.com') ? handleXRequest(world, request) : handleGraphRequest(world, request);
  return { status: response.status, body: JSON.parse(String(response.body)) };
}

function timelineIds(world: SimulatedWorld, platform: string, accountId: string): string[] {
  if (platform === 'x') return (call(world, `https://api.x.com/2/users/${accountId}/tweets?max_results=100`).body.data ?? []).flatMap((tweet: { edit_history_tweet_ids: string[] }) => tweet.edit_history_tweet_ids);
  const account = world.accounts.find((entry) => entry.id === accountId)!;
  if (platform === 'facebook') return (call(world, `https://graph.facebook.com/v21.0/${accountId}/posts?limit=100&access_token=t`).body.data ?? []).map((post: { id: string }) => post.id);
  const fields = encodeURIComponent(`business_discovery.username(${account.handle}){media.limit(100){id}}`);
  return (call(world, `https://graph.facebook.com/v21.0/17841400000000999?fields=${fields}&access_token=t`).body.business_discovery?.media.data ?? []).map((media: { id: string }) => media.id);
}

describe('the truth agrees with the served platforms', () => {
  const world = createSimulatedWorld();
  const truth = world.truth();

  it('has events of every kind these checks walk', () => {
    for (const kind of ['violation', 'deletion', 'still_live', 'failed_request', 'account_hidden'] as const) expect(expectedOfKind(truth, kind).length, kind).toBeGreaterThan(0);
  });

  it('shows every API violation in its cycle and every deletion as present before and absent after', () => {
    for (const event of expectedOfKind(truth, 'violation')) {
      if (event.source !== 'api' || event.itemKind === 'like' || event.itemKind === 'follow') continue;
      world.advanceTo(event.cycle);
      expect(timelineIds(world, event.platform, event.accountId), `${event.subjectId} ${event.category}`).toContain(event.itemId);
    }
    for (const event of expectedOfKind(truth, 'deletion')) {
      world.advanceTo(event.cycle - 1);
      // A post deleted before any capture is never on a timeline; its author's reply is.
      if (!event.beforeCapture) expect(timelineIds(world, event.platform, event.accountId)).toContain(event.itemId);
      world.advanceTo(event.cycle);
      expect(timelineIds(world, event.platform, event.accountId)).not.toContain(event.itemId);
      if (event.beforeCapture) expect(timelineIds(world, event.platform, event.accountId)).toContain(event.beforeCapture.replyId);
    }
  });

  it('confirms confirmable deletions by lookup and answers still-live posts with anything but gone', () => {
    for (const event of expectedOfKind(truth, 'deletion')) {
      if (!event.confirmable) continue;
      world.advanceTo(event.cycle);
      if (event.platform === 'x') expect(call(world, `https://api.x.com/2/tweets?ids=${event.itemId}`).body.errors[0].title).toBe('Not Found Error');
      else {
        expect(call(world, `https://graph.facebook.com/v21.0/${event.itemId}?access_token=t`).body.error).toMatchObject({ code: 100, error_subcode: 33 });
        expect(call(world, `https://graph.facebook.com/v21.0/${event.accountId}?access_token=t`).status).toBe(200);
      }
    }
    for (const event of expectedOfKind(truth, 'still_live')) {
      world.advanceTo(event.cycle);
      if (event.platform === 'x') {
        const answer = call(world, `https://api.x.com/2/tweets?ids=${event.itemId}`).body;
        expect(answer.errors?.[0]?.title ?? 'live', `${event.itemId} ${event.reason}`).not.toBe('Not Found Error');
      } else if (event.platform === 'facebook' && event.reason !== 'failed_request' && event.reason !== 'fell_off_window') {
        // The page itself is unreadable, so no capture succeeds and nothing can be missing.
        expect(call(world, `https://graph.facebook.com/v21.0/${event.accountId}/posts?access_token=t`).status).toBe(400);
      }
      if (event.reason === 'fell_off_window') {
        world.advanceTo(event.cycle);
        const ids = timelineIds(world, event.platform, event.accountId);
        expect(ids).not.toContain(event.itemId);
        // A page served only in part (scripted) holds fewer.
        const partial = world.accounts.find((account) => account.id === event.accountId)?.partialPages?.includes(event.cycle);
        if (!partial) expect(ids.length).toBe(world.options.xTimelineDepth);
      }
    }
  });

  it('serves an edit made between captures only in the edit history and the first version by its id; a partial page carries an error', () => {
    const edits = expectedOfKind(truth, 'edit').filter((event) => event.betweenObservations);
    expect(edits.length).toBeGreaterThan(0);
    for (const event of edits) {
      world.advanceTo(event.cycle);
      const page = call(world, `https://api.x.com/2/users/${event.accountId}/tweets?max_results=100&tweet.fields=edit_history_tweet_ids`).body;
      expect(page.data.map((tweet: { id: string }) => tweet.id)).not.toContain(event.itemId);
      expect(page.data.find((tweet: { id: string }) => tweet.id === event.newItemId).edit_history_tweet_ids).toEqual([event.itemId, event.newItemId]);
      expect(call(world, `https://api.x.com/2/tweets?ids=${event.itemId}`).body.data[0].id).toBe(event.itemId);
    }
    const partial = expectedOfKind(truth, 'partial_page');
    expect(partial.length).toBeGreaterThan(0);
    for (const event of partial) {
      world.advanceTo(event.cycle);
      const page = call(world, `https://api.x.com/2/users/${event.accountId}/tweets?max_results=100`).body;
      expect(page.errors.some((problem: { title: string }) => problem.title === 'Internal Error')).toBe(true);
      expect(page.meta.next_token).toBeUndefined();
      expect(page.data.length).toBeLessThan(world.options.xTimelineDepth);
    }
  });

  it('keeps the Facebook control post readable in every cycle', () => {
    for (let cycle = 1; cycle <= world.cycles; cycle++) {
      world.advanceTo(cycle);
      expect(call(world, `https://graph.facebook.com/v21.0/${world.controlPostIds.facebook}?access_token=t`).status, `cycle ${cycle}`).toBe(200);
    }
  });

  it('fails the scripted reads and hides accounts from their cycle on', () => {
    for (const event of expectedOfKind(truth, 'failed_request')) {
      world.advanceTo(event.cycle);
      const url = event.platform === 'x' ? `https://api.x.com/2/users/${event.accountId}/tweets` : `https://graph.facebook.com/v21.0/${event.accountId}/posts?access_token=t`;
      expect(call(world, url).status).toBe(event.status);
      world.advanceTo(event.cycle + 1);
      expect(call(world, url).status).toBe(200);
    }
    for (const event of expectedOfKind(truth, 'account_hidden')) {
      world.advanceTo(event.cycle - 1);
      expect(timelineIds(world, event.platform, event.accountId).length).toBeGreaterThan(0);
      world.advanceTo(event.cycle);
      expect(timelineIds(world, event.platform, event.accountId)).toEqual([]);
    }
  });
});
