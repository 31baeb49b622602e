import { FINDING_CATEGORIES, SUBJECT_CATEGORIES, SubjectListSchema } from '@sipansos/core';
import { describe, expect, it } from 'vitest';
import { createSimulatedWorld } from './create-simulated-world.js';
import { EXAMPLE_SUBJECTS } from './world-context.js';

describe('createSimulatedWorld', () => {
  const world = createSimulatedWorld();
  const truth = world.truth();

  it('builds the same world for the same seed and a different one for another seed', () => {
    const again = createSimulatedWorld();
    expect(JSON.stringify({ s: again.subjects, p: again.posts, t: again.truth() })).toBe(JSON.stringify({ s: world.subjects, p: world.posts, t: truth }));
    const other = createSimulatedWorld({ seed: 99 });
    expect(other.subjects.map((subject) => subject.name)).not.toEqual(world.subjects.map((subject) => subject.name));
    expect(other.truth().filter((event) => event.kind === 'violation').map((event) => [event.subjectId, event.category])).toEqual(
      truth.filter((event) => event.kind === 'violation').map((event) => [event.subjectId, event.category]),
    );
  });

  it('holds about 200 valid subjects of every category with accounts on all three platforms', () => {
    expect(world.subjects).toHaveLength(200);
    expect(SubjectListSchema.safeParse(world.subjects).success).toBe(true);
    expect(new Set(world.subjects.map((subject) => subject.category))).toEqual(new Set(SUBJECT_CATEGORIES));
    expect(new Set(world.accounts.map((account) => account.platform))).toEqual(new Set(['x', 'facebook', 'instagram']));
    for (const subject of world.subjects) expect(subject.accounts.length, subject.id).toBeGreaterThan(0);
  });

  it('keeps the example subjects that sipansos init writes, with the same accounts', () => {
    for (const example of EXAMPLE_SUBJECTS) {
      const subject = world.subjects.find((entry) => entry.id === example.id);
      expect(subject?.name).toBe(example.name);
      expect(new Set(subject?.accounts.map((account) => `${account.platform}:${account.handle}`))).toEqual(new Set(example.accounts?.map((account) => `${account.platform}:${account.handle}`)));
    }
  });

  it('scripts a violation of every finding category and every kind of outcome', () => {
    const categories = new Set(truth.flatMap((event) => (event.kind === 'violation' ? [event.category] : [])));
    expect(categories).toEqual(new Set(FINDING_CATEGORIES));
    const neutral = new Set(truth.flatMap((event) => (event.kind === 'violation' && event.category === 'neutrality' ? [event.subjectCategory] : [])));
    for (const category of ['asn', 'pppk', 'ptt', 'tni', 'polri', 'penyelenggara', 'kepala_desa', 'perangkat_desa'] as const) expect(neutral.has(category), category).toBe(true);
    const kinds = new Set(truth.flatMap((event) => (event.kind === 'violation' ? [event.itemKind] : [])));
    for (const kind of ['post', 'like', 'repost', 'quote', 'share', 'follow', 'reply'] as const) expect(kinds.has(kind), kind).toBe(true);
    const reasons = new Set(truth.flatMap((event) => (event.kind === 'still_live' ? [event.reason] : [])));
    expect(reasons).toEqual(new Set(['private', 'suspended', 'fell_off_window', 'failed_request']));
    const deletions = truth.filter((event) => event.kind === 'deletion');
    expect(deletions.some((event) => event.confirmable)).toBe(true);
    expect(deletions.some((event) => !event.confirmable)).toBe(true);
    for (const kind of ['edit', 'no_finding', 'unliked', 'account_hidden', 'rate_limited', 'failed_request', 'saved_pages_only'] as const) {
      expect(truth.some((event) => event.kind === kind), kind).toBe(true);
    }
    const phases = new Set(truth.flatMap((event) => (event.kind === 'violation' ? [event.phase] : [])));
    for (const phase of ['pre_campaign', 'campaign', 'quiet', 'voting'] as const) expect(phases.has(phase), phase).toBe(true);
  });

  it('points every truth entry at a post that exists and was visible in its cycle', () => {
    const byId = new Map(world.posts.flatMap((post) => post.versions.map((version) => [version.id, post] as const)));
    for (const event of truth) {
      if (event.kind !== 'violation' && event.kind !== 'deletion' && event.kind !== 'still_live' && event.kind !== 'edit' && event.kind !== 'no_finding') continue;
      if (event.itemId.startsWith('like:') || event.itemId.startsWith('follow:')) continue;
      const post = byId.get(event.itemId);
      expect(post, event.itemId).toBeDefined();
      if (event.kind === 'deletion') expect(post?.deletedCycle).toBe(event.cycle);
      if (event.kind === 'still_live') expect(post?.deletedCycle === undefined || post.deletedCycle > event.cycle).toBe(true);
    }
  });

  it('never lists a deleted post as still live in the same cycle, nor a still-live post as deleted', () => {
    const deleted = new Set(truth.flatMap((event) => (event.kind === 'deletion' ? [event.itemId] : [])));
    for (const event of truth) if (event.kind === 'still_live') expect(deleted.has(event.itemId) && world.posts.find((post) => post.id === event.itemId)?.deletedCycle === event.cycle).toBe(false);
  });

  it('keeps scripted subjects when asked for fewer subjects', () => {
    const small = createSimulatedWorld({ subjects: 20 });
    expect(small.subjects.length).toBeGreaterThanOrEqual(40);
    expect(small.truth().filter((event) => event.kind === 'violation')).toHaveLength(truth.filter((event) => event.kind === 'violation').length);
  });

  it('moves between cycles and refuses a cycle outside 1..cycles', () => {
    const local = createSimulatedWorld({ subjects: 10 });
    expect(local.currentCycle()).toBe(1);
    local.advanceTo(local.cycles);
    expect(local.now()).toBe(local.calendar[local.cycles - 1]!.at);
    expect(() => local.advanceTo(0)).toThrow(RangeError);
    expect(() => local.advanceTo(local.cycles + 1)).toThrow(/1 to 8/);
  });

  it('serves saved pages for personal accounts with their posts escaped', () => {
    const pages = world.savedPages();
    expect(pages.map((page) => page.platform).sort()).toEqual(['facebook', 'instagram']);
    const facebook = pages.find((page) => page.platform === 'facebook')!;
    expect(facebook.html).toContain('Dukung Pak Arman 2 periode!!');
    expect(facebook.html).not.toMatch(/<script/i);
  });
});
