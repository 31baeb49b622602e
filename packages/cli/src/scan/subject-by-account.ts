import { type Item, type Subject } from '@sipansos/core';
import { accountLookupKeys } from '@sipansos/core/rules';

/**
 * How `sipansos scan` finds an item's subject: by the item's author account — platform plus
 * account id, or platform plus handle (case-insensitive, without "@") — against every account
 * of every subject. The id is tried first, so a renamed account still matches once its id is
 * recorded.
 */
export function subjectIndex(subjects: readonly Subject[]): (item: Item) => Subject | undefined {
  const byKey = new Map<string, Subject>();
  for (const subject of subjects) {
    for (const account of subject.accounts) for (const key of accountLookupKeys(account.platform, account)) if (!byKey.has(key)) byKey.set(key, subject);
  }
  return (item) => {
    for (const key of accountLookupKeys(item.platform, item.author)) {
      const subject = byKey.get(key);
      if (subject) return subject;
    }
    return undefined;
  };
}
