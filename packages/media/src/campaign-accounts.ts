import type { ElectionContext, Item, Subject } from '@sipansos/core';
import { accountLookupKeys } from '@sipansos/core/rules';

/** Subject categories whose accounts speak for a pair: their pictures are campaign material. */
const CAMPAIGN_CATEGORIES = new Set(['candidate', 'tim_kampanye']);

/**
 * Which pair an item's author campaigns for: the pair's KPU-registered official accounts, its
 * known campaign accounts, and the accounts of subjects who are its candidates or team (by
 * `candidatePairNumber`). Returns undefined for everyone else.
 */
export function campaignAccountIndex(context: ElectionContext, subjects: readonly Subject[]): (item: Pick<Item, 'platform' | 'author'>) => number | undefined {
  const byKey = new Map<string, number>();
  const file = (platform: string, account: { handle?: string; id?: string }, pair: number) => {
    for (const key of accountLookupKeys(platform as Item['platform'], account)) if (!byKey.has(key)) byKey.set(key, pair);
  };
  for (const pair of context.candidatePairs) for (const account of [...pair.officialAccounts, ...pair.knownCampaignAccounts]) file(account.platform, account, pair.number);
  for (const subject of subjects) {
    if (!CAMPAIGN_CATEGORIES.has(subject.category) || subject.candidatePairNumber === undefined) continue;
    for (const account of subject.accounts) file(account.platform, account, subject.candidatePairNumber);
  }
  return (item) => {
    for (const key of accountLookupKeys(item.platform, item.author)) {
      const pair = byKey.get(key);
      if (pair !== undefined) return pair;
    }
    return undefined;
  };
}
