import { okAsync, ResultAsync } from 'neverthrow';
import type { RecordKind, RecordOf } from '../records/record-kinds.js';
import type { EvidenceStoreV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';

/**
 * Append the records whose id the store does not hold yet; resolves to those appended. A cycle
 * resumed after a crash re-derives records it may already have stored, and some carry the time
 * they were derived (a finding's `createdAt`), so "same id" — not "same content" — means
 * "already there". The first one stored stays: evidence is never overwritten. Safe because a
 * store has one writer.
 */
export function appendIfAbsent<K extends Exclude<RecordKind, 'account_state' | 'case'>>(
  store: EvidenceStoreV1,
  kind: K,
  records: ReadonlyArray<RecordOf<K>>,
): ResultAsync<Array<RecordOf<K>>, StoreErrorV1> {
  const unique = new Map<string, RecordOf<K>>();
  for (const record of records) {
    const id = (record as { id: string }).id;
    if (!unique.has(id)) unique.set(id, record);
  }
  if (unique.size === 0) return okAsync([]);
  return ResultAsync.combine([...unique.entries()].map(([id, record]) => store.get(kind, id).map((found) => (found ? undefined : record)))).andThen((checked) => {
    const missing = checked.filter((record): record is RecordOf<K> => record !== undefined);
    if (missing.length === 0) return okAsync([]);
    return store.append(kind, missing).map(() => missing);
  });
}
