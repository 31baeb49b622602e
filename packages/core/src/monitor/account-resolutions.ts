import { ResultAsync } from 'neverthrow';
import type { Account } from '../account/account-schema.js';
import type { AuditEntry } from '../records/audit-entry-schema.js';
import type { EvidenceStoreV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';

/** Audit target kind of "this handle is this platform id" entries. */
export const RESOLUTION_AUDIT_KIND = 'account_resolution';

/** The key a handle is resolved under: `platform:@handle`, lowercased. */
export function handleKey(account: Pick<Account, 'platform' | 'handle'>): string {
  return `${account.platform}:@${account.handle.toLowerCase()}`;
}

/**
 * Handles resolved in earlier cycles, so each account costs one user lookup once, not every
 * cycle, and its evidence stays filed under the platform id after a rename.
 */
export function loadResolutions(store: EvidenceStoreV1): ResultAsync<Map<string, string>, StoreErrorV1> {
  return store.query('audit', { category: RESOLUTION_AUDIT_KIND }).map((entries) => {
    const resolved = new Map<string, string>();
    for (const { record } of entries) {
      const id = record.details.id;
      if (record.target && typeof id === 'string') resolved.set(record.target.id, id);
    }
    return resolved;
  });
}

/** The audit entry recording a resolution, with the raw response it rests on. */
export function resolutionEntry(input: { account: Account; id: string; rawBlobs: string[]; at: string; actor: string }): AuditEntry {
  const key = handleKey(input.account);
  return {
    id: `resolve.${key}`,
    at: input.at,
    actor: input.actor,
    action: 'monitor.account_resolved',
    target: { kind: RESOLUTION_AUDIT_KIND, id: key },
    details: { platform: input.account.platform, handle: input.account.handle, id: input.id, rawBlobs: input.rawBlobs },
  };
}
