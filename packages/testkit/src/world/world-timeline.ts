import { compareNumericIds } from './world-ids.js';
import type { WorldAccount, WorldAccountStatus, WorldEndpoint, WorldPost, WorldPostVersion } from './world-model.js';
import { versionAt } from './world-builder.js';

/** A post as it shows in one cycle: the post and its visible version. */
export interface VisiblePost {
  post: WorldPost;
  version: WorldPostVersion;
}

/** An account's status in a cycle. */
export function statusAt(account: WorldAccount, cycle: number): WorldAccountStatus {
  let status: WorldAccountStatus = 'public';
  for (const change of account.statusChanges) if (change.cycle <= cycle) status = change.status;
  return status;
}

/** The scripted server error for an account's read in a cycle, if any. */
export function failureAt(account: WorldAccount, endpoint: WorldEndpoint, cycle: number): 500 | 503 | undefined {
  return account.failures.find((failure) => failure.cycle === cycle && failure.endpoint === endpoint)?.status;
}

/**
 * What an account's feed shows in a cycle, newest first, ignoring the account's status: X orders
 * by the visible version's id (an edit is a new, newer post there) and serves only `xDepth`
 * posts; Facebook and Instagram order by creation time and serve everything through paging.
 */
export function feedAt(posts: readonly WorldPost[], account: WorldAccount, cycle: number, xDepth: number): VisiblePost[] {
  const visible: VisiblePost[] = [];
  for (const post of posts) {
    if (post.savedPageOnly) continue;
    const version = versionAt(post, cycle);
    if (version) visible.push({ post, version });
  }
  if (account.platform === 'x') {
    visible.sort((a, b) => compareNumericIds(b.version.id, a.version.id));
    return visible.slice(0, xDepth);
  }
  visible.sort((a, b) => (a.post.createdAt < b.post.createdAt ? 1 : a.post.createdAt > b.post.createdAt ? -1 : compareText(b.post.id, a.post.id)));
  return visible;
}

function compareText(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
