import type { Account } from '../account/account-schema.js';
import type { ElectionContext } from '../election/election-context-schema.js';
import type { MentionVia } from './rule-set-schema.js';

/** A phrase that names a candidate pair, before normalisation. */
export interface CandidateTerm {
  phrase: string;
  pair: number;
  via: MentionVia;
  /** Normalise as a hashtag (split camelCase). */
  hashtag?: boolean;
}

/** Honorifics that, before a first name, make it a reference to the candidate. */
const HONORIFICS = ['pak', 'bu', 'bapak', 'ibu', 'bang', 'mas', 'mbak', 'kak', 'abah', 'umi', 'bunda', 'cak', 'uda', 'bung', 'teh', 'kang', 'om', 'tante'];

/** First names that are also everyday words ("bagus" = good, "citra" = image): only with an honorific. */
const COMMON_WORDS: ReadonlySet<string> = new Set(['bagus', 'citra', 'sekar', 'indah', 'bunga', 'cahaya', 'mulia', 'harapan', 'putra', 'putri', 'jaya', 'sinar', 'intan', 'mawar', 'melati', 'bintang', 'surya', 'agung', 'dewi', 'sari', 'rina', 'budi', 'adil', 'damai', 'setia', 'murni', 'kasih', 'ayu', 'wahyu', 'rahmat', 'berkah', 'amanah', 'lestari', 'pratama', 'utama', 'baru', 'maju']);

/**
 * Every way the election context lets a post name a pair: full names, aliases, honorific + first
 * name, distinctive surnames, the pair name (also run together), slogans, hashtags and account
 * handles, and parties. Ballot numbers are found separately (they need a cue word).
 */
export function candidateTerms(context: ElectionContext): CandidateTerm[] {
  const out: CandidateTerm[] = [];
  for (const pair of context.candidatePairs) {
    const add = (phrase: string, via: MentionVia, hashtag = false): void => {
      if (phrase.trim().length > 0) out.push({ phrase, pair: pair.number, via, hashtag });
    };
    for (const person of [pair.candidate, pair.runningMate]) {
      if (!person) continue;
      add(person.name, 'name');
      for (const alias of person.aliases) add(alias, 'alias');
      const parts = person.name.trim().split(/\s+/);
      const first = parts[0]!;
      for (const honorific of HONORIFICS) add(`${honorific} ${first}`, 'alias');
      if (first.length >= 5 && !COMMON_WORDS.has(first.toLowerCase())) add(first, 'name');
      const last = parts[parts.length - 1]!;
      if (parts.length > 1 && last.length >= 5) add(last, 'name');
    }
    if (pair.pairName) {
      add(pair.pairName, 'pair_name');
      add(pair.pairName.replace(/[^\p{L}\p{N}]+/gu, ''), 'pair_name');
    }
    for (const alias of pair.aliases) add(alias, 'alias');
    for (const slogan of pair.slogans) add(slogan, 'slogan');
    for (const tag of pair.hashtags) {
      add(`#${tag}`, 'hashtag', true);
      add(tag.toLowerCase(), 'hashtag');
    }
    for (const account of [...pair.officialAccounts, ...pair.knownCampaignAccounts]) add(account.handle, 'account');
    for (const party of pair.parties) add(party, 'party');
  }
  return out;
}

/** What is known about a candidate or campaign account. */
export interface CampaignAccountInfo {
  pair: number;
  kind: 'official' | 'known';
  /** For official accounts: position among the pair's official accounts on that platform (0-based). */
  platformIndex: number;
}

/** Keys an account is known by: `platform:id` and `platform:@handle`. */
export function accountLookupKeys(platform: string, account: { id?: string | undefined; handle?: string | undefined }): string[] {
  const keys: string[] = [];
  if (account.id) keys.push(`${platform}:${account.id}`);
  if (account.handle) keys.push(`${platform}:@${account.handle.replace(/^@/, '').toLowerCase()}`);
  return keys;
}

/** Index every official and known campaign account of the context by {@link accountLookupKeys}. */
export function campaignAccounts(context: ElectionContext): Map<string, CampaignAccountInfo> {
  const map = new Map<string, CampaignAccountInfo>();
  for (const pair of context.candidatePairs) {
    const perPlatform = new Map<string, number>();
    const register = (account: Account, kind: 'official' | 'known'): void => {
      const platformIndex = kind === 'official' ? (perPlatform.get(account.platform) ?? 0) : -1;
      if (kind === 'official') perPlatform.set(account.platform, platformIndex + 1);
      for (const key of accountLookupKeys(account.platform, account)) if (!map.has(key)) map.set(key, { pair: pair.number, kind, platformIndex });
    };
    for (const account of pair.officialAccounts) register(account, 'official');
    for (const account of pair.knownCampaignAccounts) register(account, 'known');
  }
  return map;
}
