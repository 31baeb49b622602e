import type { ElectionContext, SubjectCategory, SubjectInput } from '@sipansos/core';
import { WORLD_CYCLES, WORLD_HISTORY_START } from './world-context.js';
import { compareNumericIds, facebookPageId, facebookPostId, instagramMediaId, instagramUserId, xSnowflakeId, xUserId } from './world-ids.js';
import type { ExpectedEvent, WorldAccount, WorldAccountKind, WorldFollow, WorldLike, WorldMedia, WorldPlatform, WorldPost, WorldRateLimit } from './world-model.js';
import { FAMILY_NAMES, GIVEN_NAMES, ID_PREFIX, POSITIONS, VILLAGES } from './world-names.js';
import { BIO_TEXTS } from './world-texts.js';
import type { WorldRandom } from './world-random.js';

const CATEGORY_BY_PREFIX = new Map<string, SubjectCategory>(Object.entries(ID_PREFIX).map(([category, prefix]) => [prefix, category as SubjectCategory]));

/** What a new post is. */
export interface NewPost {
  account: WorldAccount;
  at: string;
  text: string;
  kind?: WorldPost['kind'];
  target?: WorldPost;
  media?: Omit<WorldMedia, 'key'>[];
  savedPageOnly?: boolean;
}

/**
 * Collects the world while the script and the background generator write it: subjects, accounts,
 * posts and the truth. Ids come from counters, so the order of calls decides them: keep it fixed.
 */
export class WorldBuilder {
  readonly subjects = new Map<string, Omit<SubjectInput, 'accounts'>>();
  readonly accounts: WorldAccount[] = [];
  readonly posts: WorldPost[] = [];
  readonly likes: WorldLike[] = [];
  readonly follows: WorldFollow[] = [];
  readonly rateLimits: WorldRateLimit[] = [];
  readonly truth: ExpectedEvent[] = [];
  private readonly handles = new Set<string>();
  private readonly names = new Set<string>();
  private sequence = 0;
  private accountIndex = 0;

  constructor(
    readonly random: WorldRandom,
    readonly context: ElectionContext,
  ) {}

  /** The subject with this id, created with an invented name when new (category from the id prefix). */
  requireSubject(id: string, fixed?: Omit<SubjectInput, 'accounts'>): Omit<SubjectInput, 'accounts'> {
    const existing = this.subjects.get(id);
    if (existing) return existing;
    if (fixed) {
      this.names.add(fixed.name);
      this.subjects.set(id, fixed);
      return fixed;
    }
    const prefix = id.replace(/-\d+$/, '');
    const category = CATEGORY_BY_PREFIX.get(prefix);
    if (!category) throw new Error(`world script: no category for subject id "${id}"`);
    const place = this.random.pick(POSITIONS[category]);
    const village = this.random.pick(VILLAGES);
    const subject: Omit<SubjectInput, 'accounts'> = {
      id,
      name: this.inventName(),
      category,
      agency: place.agency === 'Pemerintah Desa' ? `Pemerintah Desa ${village}` : place.agency,
      position: place.position,
      region: 'Kabupaten Lembah Harapan',
    };
    if (category === 'asn' || category === 'pppk') subject.employeeNumber = this.inventEmployeeNumber();
    this.subjects.set(id, subject);
    return subject;
  }

  /** A subject's account on a platform: the one it has (of that kind, or with that handle), else a new one. */
  requireAccount(subjectId: string, platform: WorldPlatform, wanted: { handle?: string; kind?: WorldAccountKind; displayName?: string } = {}): WorldAccount {
    const subject = this.subjects.get(subjectId);
    if (!subject) throw new Error(`world script: subject "${subjectId}" is not declared`);
    const existing = this.accounts.find(
      (account) =>
        account.subjectId === subjectId &&
        account.platform === platform &&
        (wanted.handle === undefined ? wanted.kind === undefined || account.kind === wanted.kind : account.handle === wanted.handle),
    );
    if (existing) return existing;
    const kind = wanted.kind ?? defaultKind(platform, this.random);
    const handle = wanted.handle ?? this.inventHandle(subject.name, platform);
    if (this.handles.has(`${platform}:${handle.toLowerCase()}`)) throw new Error(`world script: handle ${platform}:${handle} is taken`);
    this.handles.add(`${platform}:${handle.toLowerCase()}`);
    const index = ++this.accountIndex;
    const id = platform === 'x' ? xUserId(index) : platform === 'facebook' ? facebookPageId(index) : instagramUserId(index);
    const village = this.random.pick(VILLAGES);
    const bioKind = subject.category === 'kepala_desa' || subject.category === 'perangkat_desa' ? 'desa' : ['candidate', 'tim_kampanye', 'relawan'].includes(subject.category) ? 'campaign' : subject.category === 'other' ? 'other' : 'neutral';
    const account: WorldAccount = {
      platform,
      id,
      handle,
      displayName: wanted.displayName ?? subject.name,
      kind,
      subjectId,
      bio: this.random.pick(BIO_TEXTS[bioKind]).replace('{village}', village),
      createdAt: new Date(Date.parse('2012-01-01T00:00:00Z') + this.random.int(0, 3_600) * 86_400_000).toISOString(),
      followers: this.random.int(40, 4_000),
      following: this.random.int(20, 900),
      verified: false,
      statusChanges: [],
      failures: [],
    };
    this.accounts.push(account);
    return account;
  }

  /** Adds a post at a time; its cycle is the first cycle at or after that time. */
  addPost(input: NewPost): WorldPost {
    const sequence = ++this.sequence;
    const { account } = input;
    const id =
      account.platform === 'x' ? xSnowflakeId(input.at, sequence) : account.platform === 'facebook' ? facebookPostId(account.id, sequence) : instagramMediaId(sequence);
    const cycle = cycleOf(input.at);
    const post: WorldPost = {
      platform: account.platform,
      id,
      accountId: account.id,
      kind: input.kind ?? 'post',
      createdAt: new Date(input.at).toISOString(),
      versions: [{ id, text: input.text, fromCycle: cycle, at: new Date(input.at).toISOString() }],
      appearsCycle: cycle,
      media: (input.media ?? []).map((media, index) => ({ ...media, key: `${index + 3}_${id}` })),
      likeCount: this.random.int(0, 250),
      replyCount: this.random.int(0, 30),
      shareCount: this.random.int(0, 40),
    };
    if (input.target) post.target = { postId: input.target.id, accountId: input.target.accountId };
    if (input.savedPageOnly) post.savedPageOnly = true;
    this.posts.push(post);
    return post;
  }

  /** Edits a post in a cycle; on X the new version gets a new id. */
  editPost(post: WorldPost, cycle: number, text: string): string {
    const at = timeInCycle(cycle, 0.4);
    const id = post.platform === 'x' ? xSnowflakeId(at, ++this.sequence) : post.id;
    post.versions.push({ id, text, fromCycle: cycle, at });
    return id;
  }

  /**
   * Edits a post `minutes` after it was written, before any cycle's capture could see the first
   * version (both are visible from the same cycle; X keeps the first in the edit history).
   */
  editBeforeCapture(post: WorldPost, minutes: number, text: string): string {
    const at = new Date(Date.parse(post.createdAt) + minutes * 60_000).toISOString();
    const id = post.platform === 'x' ? xSnowflakeId(at, ++this.sequence) : post.id;
    post.versions.push({ id, text, fromCycle: post.appearsCycle, at });
    return id;
  }

  /** The author deletes a post; it is gone from `cycle` on. */
  deletePost(post: WorldPost, cycle: number): void {
    post.deletedCycle = cycle;
  }

  /** The account with an id. */
  account(id: string): WorldAccount {
    const account = this.accounts.find((entry) => entry.id === id);
    if (!account) throw new Error(`world: no account ${id}`);
    return account;
  }

  private inventName(): string {
    for (let attempt = 0; attempt < 50; attempt++) {
      const name = `${this.random.pick(GIVEN_NAMES)} ${this.random.pick(FAMILY_NAMES)}`;
      if (!this.names.has(name)) {
        this.names.add(name);
        return name;
      }
    }
    const name = `${this.random.pick(GIVEN_NAMES)} ${this.random.pick(GIVEN_NAMES)} ${this.random.pick(FAMILY_NAMES)}`;
    this.names.add(name);
    return name;
  }

  private inventEmployeeNumber(): string {
    const year = this.random.int(1970, 1995);
    const month = String(this.random.int(1, 12)).padStart(2, '0');
    const day = String(this.random.int(1, 28)).padStart(2, '0');
    return `${year}${month}${day}${this.random.int(2000, 2020)}${String(this.random.int(1, 12)).padStart(2, '0')}${this.random.int(1, 2)}${String(this.random.int(1, 999)).padStart(3, '0')}`;
  }

  private inventHandle(name: string, platform: WorldPlatform): string {
    const [given = 'warga', ...rest] = name.toLowerCase().replace(/[^a-z ]/g, '').split(' ');
    const family = rest.join('');
    for (let attempt = 0; attempt < 100; attempt++) {
      const digits = attempt === 0 ? '' : String(this.random.int(1, 99));
      const candidate =
        platform === 'x'
          ? `${given.slice(0, 7)}_${family.slice(0, 5)}${digits}`.slice(0, 15)
          : platform === 'facebook'
            ? `${given}.${family}${digits}`
            : `${given}.${family.slice(0, 6)}${digits ? `_${digits}` : ''}`;
      if (!this.handles.has(`${platform}:${candidate}`)) return candidate;
    }
    throw new Error(`world: cannot invent a free handle for ${name}`);
  }
}

function defaultKind(platform: WorldPlatform, random: WorldRandom): WorldAccountKind {
  if (platform === 'x') return 'x_user';
  if (platform === 'facebook') return 'facebook_page';
  return random.chance(0.5) ? 'instagram_creator' : 'instagram_business';
}

/** The cycle an instant is first visible in: the first cycle whose instant is at or after it. */
export function cycleOf(atIso: string): number {
  const at = Date.parse(atIso);
  if (Number.isNaN(at)) throw new Error(`world script: bad time "${atIso}"`);
  const found = WORLD_CYCLES.find((cycle) => Date.parse(cycle.at) >= at);
  if (!found) throw new Error(`world script: ${atIso} lies after the last cycle`);
  return found.index;
}

/** An instant inside a cycle's stretch: `fraction` 0 = just after the previous cycle, 1 = the cycle's own instant. */
export function timeInCycle(cycle: number, fraction: number): string {
  const end = Date.parse(WORLD_CYCLES[cycle - 1]?.at ?? '');
  const start = cycle === 1 ? Date.parse(WORLD_HISTORY_START) : Date.parse(WORLD_CYCLES[cycle - 2]?.at ?? '');
  if (Number.isNaN(end) || Number.isNaN(start)) throw new RangeError(`world: no cycle ${cycle}`);
  return new Date(start + Math.max(60_000, Math.floor((end - start) * fraction))).toISOString();
}

/** The version of a post visible in a cycle, or undefined when it is not visible then. */
export function versionAt(post: WorldPost, cycle: number): WorldPost['versions'][number] | undefined {
  if (cycle < post.appearsCycle) return undefined;
  if (post.deletedCycle !== undefined && cycle >= post.deletedCycle) return undefined;
  let visible: WorldPost['versions'][number] | undefined;
  for (const version of post.versions) if (version.fromCycle <= cycle) visible = version;
  return visible;
}

/** Newest first by the visible version's id (X ids are time-ordered). */
export function newestFirst(a: { id: string }, b: { id: string }): number {
  return compareNumericIds(b.id, a.id);
}
