import { accountKey, loadResolutions, type Subject } from '@sipansos/core';
import { type EvidenceStoreV1 } from '@sipansos/core/spec';

/** Who an account key belongs to, for listings. */
export interface AccountOwner {
  subjectId: string;
  subjectName: string;
  handle: string;
}

/**
 * Map account keys (`platform:id` once resolved, `platform:@handle` before) to their subjects,
 * using the handle resolutions the monitor recorded in the store.
 */
export async function accountDirectory(store: EvidenceStoreV1, subjects: readonly Subject[]): Promise<Map<string, AccountOwner>> {
  const resolutions = await loadResolutions(store);
  const resolved = resolutions.isOk() ? resolutions.value : new Map<string, string>();
  const directory = new Map<string, AccountOwner>();
  for (const subject of subjects) {
    for (const account of subject.accounts) {
      const owner = { subjectId: subject.id, subjectName: subject.name, handle: account.handle };
      directory.set(accountKey(account), owner);
      const id = account.id ?? resolved.get(`${account.platform}:@${account.handle.toLowerCase()}`);
      if (id) directory.set(accountKey({ ...account, id }), owner);
    }
  }
  return directory;
}
