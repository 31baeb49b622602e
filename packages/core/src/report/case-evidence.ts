import { errAsync, okAsync, ResultAsync } from 'neverthrow';
import type { Capture } from '../capture/capture-schema.js';
import type { Case } from '../cases/case-schema.js';
import type { Finding } from '../findings/finding-schema.js';
import type { AuditEntry } from '../records/audit-entry-schema.js';
import type { RecordKind } from '../records/record-kinds.js';
import type { EvidenceStoreV1, StoredRecordV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';
import type { ReportBlob, ReportItemHistory, ReportRecordRef } from './evidence-report-input.js';

/** Everything the store holds about one case, with each record's place in its chain. */
export interface CaseEvidence {
  case: StoredRecordV1<Case>;
  /** Every version of the case, oldest first. */
  caseVersions: Array<StoredRecordV1<Case>>;
  findings: Array<StoredRecordV1<Finding>>;
  /** Every capture that holds an item of the case (so every version is shown), plus its staff captures. */
  captures: Array<StoredRecordV1<Capture>>;
  /** Latest account state of each account concerned (deletion detection's record). */
  accountStates: Array<StoredRecordV1<Record<string, unknown>>>;
  /** The audit entries about this case. */
  audit: Array<StoredRecordV1<AuditEntry>>;
  /** Item histories from the account states, by item key. */
  itemHistories: Record<string, ReportItemHistory>;
  /** Every blob the evidence refers to: raw bodies, media, lookup responses. */
  blobHashes: string[];
}

/** Why case evidence could not be read. */
export type CaseEvidenceError = StoreErrorV1 | { type: 'case_not_found'; message: string; caseId: string };

/**
 * Find a tracked item in an account-state record by key or alias, without depending on the
 * deletion module's full types: items are filed as `items[bucket][key]`, aliases as
 * `aliases[id] = { key, bucket }`.
 */
export function trackedItemOf(state: Record<string, unknown>, key: string): ReportItemHistory | undefined {
  const items = state.items as Record<string, Record<string, ReportItemHistory>> | undefined;
  if (!items || typeof items !== 'object') return undefined;
  for (const bucket of Object.values(items)) {
    const found = bucket?.[key];
    if (found && typeof found === 'object' && typeof found.status === 'string') return found;
  }
  const id = key.slice(key.indexOf(':') + 1);
  const alias = (state.aliases as Record<string, { key: string; bucket: string }> | undefined)?.[id];
  if (alias) return items[alias.bucket]?.[alias.key];
  return undefined;
}

function blobsOfHistory(history: ReportItemHistory): string[] {
  const episodes = [...(history.pastEpisodes ?? []), ...(history.episode ? [history.episode] : [])];
  return [
    ...episodes.flatMap((episode) => (episode.lookups ?? []).flatMap((lookup) => lookup.rawBlobs ?? [])),
    ...(history.versions ?? []).flatMap((version) => version.item.media.flatMap((media) => (media.blobSha256 ? [media.blobSha256] : []))),
  ];
}

/** Read a case and everything its evidence rests on from a store. */
export function collectCaseEvidence(store: EvidenceStoreV1, caseId: string): ResultAsync<CaseEvidence, CaseEvidenceError> {
  return store
    .get('case', caseId)
    .andThen((stored) => (stored ? okAsync(stored) : errAsync<StoredRecordV1<Case>, CaseEvidenceError>({ type: 'case_not_found', caseId, message: `kasus ${caseId} tidak ditemukan / case ${caseId} not found` })))
    .andThen((caseRecord) => {
      const value = caseRecord.record;
      const versions = store.query('case', { allVersions: true }).map((entries) => entries.filter((entry) => entry.id === caseId));
      const findings = ResultAsync.combine(value.findingIds.map((id) => store.get('finding', id))).map((entries) => entries.filter((entry): entry is StoredRecordV1<Finding> => entry !== undefined));
      return ResultAsync.combine([versions, findings] as const).andThen(([caseVersions, findingRecords]) => {
        const itemKeys = [...new Set(findingRecords.map((entry) => entry.record.itemKey))];
        const captureIds = new Set([...value.captureIds, ...findingRecords.map((entry) => entry.record.evidence.captureId)]);
        const byItem = ResultAsync.combine(itemKeys.map((key) => store.query('capture', { itemKey: key })));
        const direct = ResultAsync.combine([...captureIds].map((id) => store.get('capture', id)));
        return ResultAsync.combine([byItem, direct] as const).andThen(([itemCaptures, directCaptures]) => {
          const captures = new Map<string, StoredRecordV1<Capture>>();
          for (const entry of [...itemCaptures.flat(), ...directCaptures.filter((entry): entry is StoredRecordV1<Capture> => entry !== undefined)]) captures.set(entry.id, entry);
          const sortedCaptures = [...captures.values()].sort((a, b) => a.seq - b.seq);
          const accountKeys = [...new Set([...findingRecords.map((entry) => entry.record.accountKey), ...sortedCaptures.map((entry) => entry.record.accountKey)])];
          const states = ResultAsync.combine(accountKeys.map((key) => store.get('account_state', key)));
          const audit = store.query('audit', { category: 'case' }).map((entries) => entries.filter((entry) => entry.record.target?.id === caseId));
          return ResultAsync.combine([states, audit] as const).map(([stateRecords, auditRecords]) => {
            const accountStates = stateRecords.filter((entry) => entry !== undefined) as unknown as Array<StoredRecordV1<Record<string, unknown>>>;
            const itemHistories: Record<string, ReportItemHistory> = {};
            for (const key of [...itemKeys, ...sortedCaptures.filter((entry) => value.captureIds.includes(entry.id)).flatMap((entry) => entry.record.items.map((item) => `${item.platform}:${item.id}`))]) {
              for (const state of accountStates) {
                const history = trackedItemOf(state.record, key);
                if (history) itemHistories[key] = history;
              }
            }
            const blobHashes = new Set<string>();
            for (const entry of sortedCaptures) {
              for (const hash of entry.record.rawBlobs) blobHashes.add(hash);
              for (const request of entry.record.requests) if (request.bodySha256) blobHashes.add(request.bodySha256);
              for (const item of entry.record.items) for (const media of item.media) if (media.blobSha256) blobHashes.add(media.blobSha256);
              for (const item of entry.record.items) if (item.profile?.photoSha256) blobHashes.add(item.profile.photoSha256);
            }
            for (const entry of findingRecords) for (const hash of entry.record.evidence.rawBlobs) blobHashes.add(hash);
            for (const history of Object.values(itemHistories)) for (const hash of blobsOfHistory(history)) blobHashes.add(hash);
            return {
              case: caseRecord,
              caseVersions,
              findings: findingRecords,
              captures: sortedCaptures,
              accountStates,
              audit: auditRecords,
              itemHistories,
              blobHashes: [...blobHashes].sort(),
            };
          });
        });
      });
    });
}

/** Where each record of the evidence sits, keyed `kind:id`, for the report's hash columns. */
export function recordRefsOf(evidence: CaseEvidence): Record<string, ReportRecordRef> {
  const refs: Record<string, ReportRecordRef> = {};
  const add = (kind: RecordKind, entry: StoredRecordV1<unknown>) => {
    refs[`${kind}:${entry.id}`] = { kind, id: entry.id, seq: entry.seq, recordHash: entry.recordHash, entryHash: entry.entryHash, appendedAt: entry.appendedAt };
  };
  add('case', evidence.case);
  for (const entry of evidence.findings) add('finding', entry);
  for (const entry of evidence.captures) add('capture', entry);
  return refs;
}

/**
 * Read blobs from the store. Missing blobs are left out (the report says "not stored");
 * any other store error fails. `filter` picks which (e.g. only media for a report).
 */
export function loadBlobs(store: EvidenceStoreV1, hashes: readonly string[], mediaTypes: ReadonlyMap<string, string> = new Map()): ResultAsync<Map<string, ReportBlob>, StoreErrorV1> {
  return ResultAsync.combine(
    hashes.map((hash) =>
      store
        .getBlob(hash)
        .map((bytes): [string, ReportBlob] | undefined => [hash, { bytes, ...(mediaTypes.get(hash) ? { mediaType: mediaTypes.get(hash) as string } : {}) }])
        .orElse((error) => (error.type === 'not_found' ? okAsync(undefined) : errAsync(error))),
    ),
  ).map((entries) => new Map(entries.filter((entry): entry is [string, ReportBlob] => entry !== undefined)));
}

/** Media blobs (with their declared media types) referenced by the evidence's items. */
export function mediaTypesOf(evidence: CaseEvidence): Map<string, string> {
  const out = new Map<string, string>();
  const items = [...evidence.captures.flatMap((entry) => entry.record.items), ...Object.values(evidence.itemHistories).flatMap((history) => (history.versions ?? []).map((version) => version.item))];
  for (const item of items) for (const media of item.media) if (media.blobSha256) out.set(media.blobSha256, media.mediaType ?? (media.type === 'photo' ? 'image/jpeg' : ''));
  return out;
}
