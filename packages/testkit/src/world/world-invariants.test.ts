import { FINDING_CATEGORIES, SubjectListSchema } from '@sipansos/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulatedWorld } from './create-simulated-world.js';
import { expectedOfKind } from './expected-events.js';

describe('world invariants for any seed', () => {
  it('keeps valid subjects, platform-shaped handles and unique ids, and scripts every category', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 260 }), (seed, subjects) => {
        const world = createSimulatedWorld({ seed, subjects });
        expect(SubjectListSchema.safeParse(world.subjects).success).toBe(true);
        expect(world.subjects.length).toBeGreaterThanOrEqual(Math.min(subjects, 200));
        for (const account of world.accounts) {
          if (account.platform === 'x') expect(account.handle).toMatch(/^[A-Za-z0-9_]{1,15}$/);
          else expect(account.handle).toMatch(/^[a-z0-9._]{5,50}$/);
        }
        // Facebook and Instagram edits keep the id; across posts no id may repeat.
        const postIds = world.posts.flatMap((post) => [...new Set(post.versions.map((version) => version.id))]);
        expect(new Set(postIds).size).toBe(postIds.length);
        expect(new Set(world.accounts.map((account) => account.id)).size).toBe(world.accounts.length);
        expect(new Set(expectedOfKind(world.truth(), 'violation').map((event) => event.category))).toEqual(new Set(FINDING_CATEGORIES));
        for (const post of world.posts) expect(Date.parse(post.createdAt)).toBeLessThanOrEqual(Date.parse(world.calendar[post.appearsCycle - 1]!.at));
      }),
      { numRuns: 6 },
    );
  });
});
