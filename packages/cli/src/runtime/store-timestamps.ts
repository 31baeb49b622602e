import { checkpointTimestamps, timestampCheckpoint, verifyCheckpointTimestamp, type CheckedCheckpointTimestamp, type CheckpointTimestampReport } from '@sipansos/core/evidence';
import type { EvidenceStoreV1, SignedCheckpointV1 } from '@sipansos/core/spec';
import type { TimestampSettings } from './timestamp-settings.js';

/** One kept token that did not check out. */
export interface TimestampProblem {
  checkpointHash: string;
  tsaUrl: string;
  tokenSha256: string;
  type: string;
  message: string;
}

/** What {@link checkStoreTimestamps} found. */
export interface StoreTimestampCheck {
  checked: CheckedCheckpointTimestamp[];
  problems: TimestampProblem[];
}

/**
 * Check every token the store links to a checkpoint: the token's blob, the checkpoint's office
 * signature, that the token timestamps that checkpoint's hash, its signature and chain to the
 * office's trust anchors.
 */
export async function checkStoreTimestamps(store: EvidenceStoreV1, settings: Pick<TimestampSettings, 'trustAnchors' | 'intermediates'>): Promise<StoreTimestampCheck> {
  const out: StoreTimestampCheck = { checked: [], problems: [] };
  const listed = await checkpointTimestamps(store);
  if (listed.isErr()) {
    out.problems.push({ checkpointHash: '-', tsaUrl: '-', tokenSha256: '-', type: listed.error.type, message: `the audit log could not be read: ${listed.error.message}` });
    return out;
  }
  const publicKeyPem = store.proofs ? await store.proofs.publicKeyPem().unwrapOr(undefined) : undefined;
  for (const entry of listed.value) {
    const problem = (type: string, message: string): void => {
      out.problems.push({ checkpointHash: entry.checkpointHash, tsaUrl: entry.tsaUrl, tokenSha256: entry.tokenSha256, type, message });
    };
    const token = await store.getBlob(entry.tokenSha256);
    if (token.isErr()) {
      problem(token.error.type === 'not_found' ? 'missing_blob' : token.error.type, `token blob ${entry.tokenSha256}: ${token.error.message}`);
      continue;
    }
    const checked = await verifyCheckpointTimestamp({
      checkpoint: entry.checkpoint,
      tsaUrl: entry.tsaUrl,
      token: token.value,
      trustAnchors: settings.trustAnchors,
      intermediates: settings.intermediates,
      expectedHash: entry.checkpointHash,
      ...(publicKeyPem ? { publicKeyPem } : {}),
    });
    if (checked.isErr()) problem(checked.error.type, checked.error.message);
    else if (checked.value.info.genTime !== entry.genTime) problem('gen_time_mismatch', `the audit entry says genTime ${entry.genTime}, the token ${checked.value.info.genTime}`);
    else out.checked.push(checked.value);
  }
  return out;
}

/** Have every configured TSA timestamp a checkpoint (never fails: see {@link timestampCheckpoint}). */
export async function stampCheckpoint(store: EvidenceStoreV1, checkpoint: SignedCheckpointV1, settings: TimestampSettings, actor: string, signal?: AbortSignal): Promise<CheckpointTimestampReport> {
  const { tsaUrls, trustAnchors, intermediates, timeoutMs, retries } = settings;
  const stamped = await timestampCheckpoint({ store, checkpoint, tsaUrls, trustAnchors, intermediates, timeoutMs, retries, actor, ...(signal ? { signal } : {}) });
  return stamped._unsafeUnwrap();
}
