import type { SimulatedWorld, WorldAccount, WorldPost } from './world-model.js';

/** Lookup tables over a world, built once per world so each request costs a few map reads. */
export interface WorldIndex {
  accountById: Map<string, WorldAccount>;
  /** `platform:lowercased handle` → account. */
  accountByHandle: Map<string, WorldAccount>;
  postsByAccount: Map<string, WorldPost[]>;
  /** Any version id (X edits make new ids) or post id → post. */
  postByVersionId: Map<string, WorldPost>;
}

const cache = new WeakMap<SimulatedWorld, WorldIndex>();

/** The index of a world. */
export function indexOf(world: SimulatedWorld): WorldIndex {
  const cached = cache.get(world);
  if (cached) return cached;
  const index: WorldIndex = { accountById: new Map(), accountByHandle: new Map(), postsByAccount: new Map(), postByVersionId: new Map() };
  for (const account of world.accounts) {
    index.accountById.set(account.id, account);
    index.accountByHandle.set(`${account.platform}:${account.handle.toLowerCase()}`, account);
  }
  for (const post of world.posts) {
    const list = index.postsByAccount.get(post.accountId);
    if (list) list.push(post);
    else index.postsByAccount.set(post.accountId, [post]);
    index.postByVersionId.set(post.id, post);
    for (const version of post.versions) index.postByVersionId.set(version.id, post);
  }
  cache.set(world, index);
  return index;
}
