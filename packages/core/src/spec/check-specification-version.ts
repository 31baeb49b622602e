import { err, ok, type Result } from 'neverthrow';
import type { EvidenceStoreV1 } from './evidence-store/v1/evidence-store-v1.js';
import type { PlatformAdapterV1 } from './platform-adapter/v1/platform-adapter-v1.js';
import type { TextClassifierV1 } from './text-classifier/v1/text-classifier-v1.js';

/** Contract versions this core understands. */
export const SUPPORTED_SPECIFICATION_VERSIONS = ['v1'] as const;

/** An adapter or store declared a contract version core does not know. */
export interface UnsupportedSpecificationError {
  type: 'unsupported_specification';
  contract: 'PlatformAdapter' | 'EvidenceStore' | 'TextClassifier';
  /** What the object declared (`undefined` when it declared nothing). */
  found: unknown;
  supported: readonly string[];
  message: string;
}

function check<T>(value: unknown, contract: UnsupportedSpecificationError['contract'], name: string): Result<T, UnsupportedSpecificationError> {
  const found = typeof value === 'object' && value !== null ? (value as { specificationVersion?: unknown }).specificationVersion : undefined;
  if (found === 'v1') return ok(value as T);
  return err({
    type: 'unsupported_specification',
    contract,
    found,
    supported: SUPPORTED_SPECIFICATION_VERSIONS,
    message: `${name} declares specificationVersion ${JSON.stringify(found)}; this @sipansos/core supports ${SUPPORTED_SPECIFICATION_VERSIONS.join(', ')}. Upgrade @sipansos/core or use an adapter/store built for ${SUPPORTED_SPECIFICATION_VERSIONS.join(', ')}.`,
  });
}

/** The one place core checks an adapter's contract version. */
export function asPlatformAdapter(value: unknown): Result<PlatformAdapterV1, UnsupportedSpecificationError> {
  const name = typeof value === 'object' && value !== null && 'adapterId' in value ? `adapter "${String((value as { adapterId: unknown }).adapterId)}"` : 'the adapter';
  return check<PlatformAdapterV1>(value, 'PlatformAdapter', name);
}

/** The one place core checks a store's contract version. */
export function asEvidenceStore(value: unknown): Result<EvidenceStoreV1, UnsupportedSpecificationError> {
  const name = typeof value === 'object' && value !== null && 'storeId' in value ? `store "${String((value as { storeId: unknown }).storeId)}"` : 'the store';
  return check<EvidenceStoreV1>(value, 'EvidenceStore', name);
}

/** The one place core checks a text classifier's contract version. */
export function asTextClassifier(value: unknown): Result<TextClassifierV1, UnsupportedSpecificationError> {
  const name = typeof value === 'object' && value !== null && 'classifierId' in value ? `classifier "${String((value as { classifierId: unknown }).classifierId)}"` : 'the classifier';
  return check<TextClassifierV1>(value, 'TextClassifier', name);
}
