/**
 * Trusted time for signed checkpoints. After the office signs a checkpoint, every configured
 * TSA is asked to timestamp its hash; each token is kept as a blob and linked by an audit
 * entry `checkpoint.timestamped` that names the checkpoint (embedded whole, so the entry can be
 * checked alone), the TSA, the token's blob and `genTime`. A TSA that fails gets a
 * `checkpoint.timestamp_failed` entry and is asked again at the next checkpoint; nothing here
 * ever fails a cycle.
 *
 * Why an audit entry and not a field of the checkpoint: the token is made after the signature
 * (it timestamps the signed checkpoint), so it cannot be inside what was signed, and
 * `checkpoints.jsonl` lines are verified byte for byte. The audit log is hash-chained and its
 * head is signed by the next checkpoint, so the link itself is evidence too.
 */
import { errAsync, ResultAsync } from 'neverthrow';
import { z } from 'zod';
import { SignedCheckpointSchema, verifyCheckpoint } from '../evidence/checkpoint-signature.js';
import { sha256Hex } from '../hashing/sha256.js';
import type { AuditEntry } from '../records/audit-entry-schema.js';
import type { EvidenceStoreV1, SignedCheckpointV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';
import { checkpointHash } from './checkpoint-digest.js';
import type { TimestampError } from './timestamp-error.js';
import { verifyTimestampToken, type TimestampTokenInfo } from './timestamp-token.js';
import { requestTimestamp, type RequestTimestampOptions } from './tsa-client.js';

/** Audit action of a kept token. */
export const CHECKPOINT_TIMESTAMPED = 'checkpoint.timestamped';
/** Audit action of a TSA that could not timestamp a checkpoint. */
export const CHECKPOINT_TIMESTAMP_FAILED = 'checkpoint.timestamp_failed';

/** The `details` of a `checkpoint.timestamped` audit entry. */
export const CheckpointTimestampDetailsSchema = z.object({
  checkpointHash: z.string().regex(/^[0-9a-f]{64}$/),
  checkpoint: SignedCheckpointSchema,
  tsaUrl: z.string().min(1),
  tokenSha256: z.string().regex(/^[0-9a-f]{64}$/),
  genTime: z.string().min(1),
  serialNumber: z.string(),
  signer: z.string(),
});
export type CheckpointTimestampDetails = z.infer<typeof CheckpointTimestampDetailsSchema>;

/** Settings of {@link timestampCheckpoint}. */
export interface TimestampCheckpointOptions extends Pick<RequestTimestampOptions, 'fetch' | 'timeoutMs' | 'retries' | 'retryDelayMs' | 'signal' | 'intermediates'> {
  store: EvidenceStoreV1;
  checkpoint: SignedCheckpointV1;
  /** Every TSA to ask; each is asked independently. */
  tsaUrls: readonly string[];
  /** PEM roots the TSAs' certificates must chain to. */
  trustAnchors: readonly string[];
  /** Who the audit entries name. */
  actor: string;
  /** @default () => new Date() */
  now?: () => Date;
}

/** What {@link timestampCheckpoint} did. */
export interface CheckpointTimestampReport {
  checkpointHash: string;
  /** Tokens kept now or before (a TSA already holding a token for this checkpoint is not asked again). */
  tokens: CheckpointTimestampDetails[];
  /** TSAs that failed this time; each is recorded and asked again at the next checkpoint. */
  failures: TimestampError[];
  /** Writing the token or its audit entry failed (the TSA answered). */
  storeErrors: StoreErrorV1[];
}

/**
 * Ask every TSA to timestamp a signed checkpoint and keep what comes back. Never fails: TSA
 * trouble and store trouble are reported in the result so a cycle goes on.
 */
export function timestampCheckpoint(options: TimestampCheckpointOptions): ResultAsync<CheckpointTimestampReport, never> {
  const hash = checkpointHash(options.checkpoint);
  const now = options.now ?? (() => new Date());
  const report: CheckpointTimestampReport = { checkpointHash: hash, tokens: [], failures: [], storeErrors: [] };
  const run = async (): Promise<CheckpointTimestampReport> => {
    const existing = await checkpointTimestamps(options.store, hash);
    if (existing.isErr()) report.storeErrors.push(existing.error);
    const done = new Set((existing.isOk() ? existing.value : []).map((entry) => entry.tsaUrl));
    report.tokens.push(...(existing.isOk() ? existing.value : []));
    await Promise.all(
      [...new Set(options.tsaUrls)].filter((url) => !done.has(url)).map(async (tsaUrl) => {
        const token = await requestTimestamp({
          tsaUrl,
          imprint: hash,
          trustAnchors: options.trustAnchors,
          ...pick(options),
        });
        const at = now().toISOString();
        if (token.isErr()) {
          report.failures.push(token.error);
          const entry: AuditEntry = {
            id: `${CHECKPOINT_TIMESTAMP_FAILED}:${hash}:${sha256Hex(tsaUrl).slice(0, 16)}:${at}`,
            at,
            actor: options.actor,
            action: CHECKPOINT_TIMESTAMP_FAILED,
            target: { kind: 'checkpoint', id: hash },
            details: { checkpointHash: hash, tsaUrl, error: token.error.type, message: token.error.message },
          };
          const appended = await options.store.append('audit', [entry]);
          if (appended.isErr()) report.storeErrors.push(appended.error);
          return;
        }
        const blob = await options.store.putBlob(token.value.token);
        if (blob.isErr()) {
          report.storeErrors.push(blob.error);
          return;
        }
        const details: CheckpointTimestampDetails = {
          checkpointHash: hash,
          checkpoint: options.checkpoint,
          tsaUrl,
          tokenSha256: blob.value.sha256,
          genTime: token.value.info.genTime,
          serialNumber: token.value.info.serialNumber,
          signer: token.value.info.signer,
        };
        const appended = await options.store.append('audit', [
          { id: `${CHECKPOINT_TIMESTAMPED}:${hash}:${blob.value.sha256}`, at, actor: options.actor, action: CHECKPOINT_TIMESTAMPED, target: { kind: 'checkpoint', id: hash }, details: { ...details } },
        ]);
        if (appended.isErr()) report.storeErrors.push(appended.error);
        else report.tokens.push(details);
      }),
    );
    return report;
  };
  return ResultAsync.fromSafePromise(run());
}

function pick(options: TimestampCheckpointOptions): Partial<RequestTimestampOptions> {
  return {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.intermediates ? { intermediates: options.intermediates } : {}),
  };
}

/**
 * The tokens a store links to checkpoints (every `checkpoint.timestamped` audit entry), or to
 * one checkpoint when its hash is given, oldest first.
 */
export function checkpointTimestamps(store: EvidenceStoreV1, hash?: string): ResultAsync<CheckpointTimestampDetails[], StoreErrorV1> {
  return store.query('audit', { category: 'checkpoint' }).map((entries) =>
    entries.flatMap((entry) => {
      if (entry.record.action !== CHECKPOINT_TIMESTAMPED || (hash !== undefined && entry.record.target?.id !== hash)) return [];
      const details = CheckpointTimestampDetailsSchema.safeParse(entry.record.details);
      return details.success ? [details.data as CheckpointTimestampDetails] : [];
    }),
  );
}

/** One token checked by {@link verifyCheckpointTimestamp}. */
export interface CheckedCheckpointTimestamp {
  checkpointHash: string;
  tsaUrl: string;
  /** When the office says it signed (its own clock). */
  signedAt: string;
  info: TimestampTokenInfo;
}

/**
 * Check one kept token against its checkpoint: the checkpoint's office signature (when a key
 * is given), that its hash is the one named, and the token (imprint, signature, chain).
 */
export function verifyCheckpointTimestamp(input: { checkpoint: SignedCheckpointV1; tsaUrl: string; token: Uint8Array; trustAnchors: readonly string[]; intermediates?: readonly string[]; publicKeyPem?: string; expectedHash?: string }): ResultAsync<CheckedCheckpointTimestamp, TimestampError> {
  if (input.publicKeyPem) {
    const checked = verifyCheckpoint(input.checkpoint, input.publicKeyPem);
    if (checked.isErr()) return errAsync({ type: 'bad_signature', message: `the timestamped checkpoint's office signature fails: ${checked.error.message}`, tsaUrl: input.tsaUrl });
  }
  const hash = checkpointHash(input.checkpoint);
  if (input.expectedHash !== undefined && input.expectedHash !== hash) {
    return errAsync({ type: 'imprint_mismatch', message: `the checkpoint hashes to ${hash}, not the ${input.expectedHash} its record names`, tsaUrl: input.tsaUrl });
  }
  return verifyTimestampToken(input.token, { imprint: hash, trustAnchors: input.trustAnchors, ...(input.intermediates ? { intermediates: input.intermediates } : {}) })
    .map((info) => ({ checkpointHash: hash, tsaUrl: input.tsaUrl, signedAt: input.checkpoint.at, info }))
    .mapErr((error) => ({ ...error, tsaUrl: input.tsaUrl }));
}
