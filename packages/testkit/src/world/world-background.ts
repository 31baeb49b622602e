import type { SubjectCategory } from '@sipansos/core';
import { timeInCycle, type WorldBuilder } from './world-builder.js';
import { WORLD_CYCLES } from './world-context.js';
import type { WorldPlatform } from './world-model.js';
import { CATEGORY_WEIGHTS, DISTRICTS, ID_PREFIX, VILLAGES } from './world-names.js';
import { BACKGROUND_TEXTS } from './world-texts.js';

/**
 * Fills the world up to `target` subjects with invented people of every category, gives them
 * accounts, and gives every account ordinary posts before and during the cycles.
 */
export function writeBackground(b: WorldBuilder, target: number): void {
  const declared = new Map<SubjectCategory, number>();
  for (const subject of b.subjects.values()) declared.set(subject.category, (declared.get(subject.category) ?? 0) + 1);
  const free = Math.max(0, target - b.subjects.size);
  const totalWeight = CATEGORY_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  const wanted = CATEGORY_WEIGHTS.map(([category, weight]) => [category, Math.floor((free * weight) / totalWeight)] as const);
  let remainder = free - wanted.reduce((sum, [, count]) => sum + count, 0);
  for (const [category, count] of wanted) {
    const extra = remainder > 0 ? 1 : 0;
    remainder -= extra;
    const highest = Math.max(0, ...[...b.subjects.keys()].filter((id) => id.startsWith(`${ID_PREFIX[category]}-`)).map((id) => Number(id.slice(id.lastIndexOf('-') + 1))));
    for (let index = 1; index <= count + extra; index++) {
      const id = `${ID_PREFIX[category]}-${String(highest + index).padStart(3, '0')}`;
      b.requireSubject(id);
      const platforms: WorldPlatform[] = [];
      if (b.random.chance(0.55)) platforms.push('x');
      if (b.random.chance(0.6)) platforms.push('facebook');
      if (b.random.chance(0.45)) platforms.push('instagram');
      if (platforms.length === 0) platforms.push(b.random.pick(['x', 'facebook', 'instagram'] as const));
      for (const platform of platforms) b.requireAccount(id, platform);
    }
  }

  for (const account of b.accounts) {
    const photo = account.platform === 'instagram';
    const baseline = b.random.int(2, 3);
    for (let index = 0; index < baseline; index++) {
      b.addPost({ account, at: timeInCycle(1, 0.1 + 0.25 * index + b.random.next() * 0.1), text: backgroundText(b), media: photo ? [{ type: 'photo' }] : [], savedPageOnly: isPersonal(account.kind) });
    }
    for (const cycle of WORLD_CYCLES) {
      if (cycle.index === 1 || !b.random.chance(0.45)) continue;
      b.addPost({ account, at: timeInCycle(cycle.index, 0.2 + b.random.next() * 0.6), text: backgroundText(b), media: photo ? [{ type: 'photo' }] : [], savedPageOnly: isPersonal(account.kind) });
    }
  }
}

function isPersonal(kind: string): boolean {
  return kind === 'facebook_profile' || kind === 'instagram_personal';
}

function backgroundText(b: WorldBuilder): string {
  return b.random.pick(BACKGROUND_TEXTS).replace('{village}', b.random.pick(VILLAGES)).replace('{district}', b.random.pick(DISTRICTS));
}
