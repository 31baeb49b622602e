import { canonicalJsonOrThrow } from '@sipansos/core/evidence';
import type { EvidenceStoreV1, StoreErrorV1 } from '@sipansos/core/spec';
import { okAsync, ResultAsync } from 'neverthrow';
import type { ImageFingerprint } from './image-fingerprint.js';
import type { MediaError } from './media-error.js';
import type { OcrText } from './ocr-tsv.js';

/** What was derived from one image. */
export type MediaAnalysisKind = 'ocr' | 'fingerprint';

/** A derived record: what was read or hashed from one blob, kept as a blob of its own. */
export interface MediaAnalysis {
  format: 'sipansos.media-analysis';
  version: 1;
  kind: MediaAnalysisKind;
  /** The image it was derived from. */
  sourceSha256: string;
  /** What made it, e.g. `tesseract 5.3.0 ind+eng` or `dct-phash-64`. */
  engine: string;
  createdAt: string;
  ocr?: OcrText;
  fingerprint?: ImageFingerprint;
}

/** The audit target kind that derived records are filed under. */
export const MEDIA_AUDIT_TARGET = 'media';

const storeError = (error: StoreErrorV1): MediaError => ({ type: 'store', message: `penyimpanan gagal / store failed: ${error.message}`, cause: error });

/**
 * Derived records tied to a blob's sha256, kept without changing the store contract: the
 * analysis is stored as a blob (canonical JSON) and an audit entry `media.<kind>` with target
 * `{ kind: 'media', id: <source sha256> }` points to it. The audit log is append-only and
 * hash-chained, so a derived record is covered by checkpoints like any other evidence, and the
 * source image is never touched. Asking again returns the stored analysis; `recompute` appends
 * a new entry, and the latest wins.
 */
export class MediaAnalysisStore {
  private readonly latest = new Map<string, { blob: string; seq: number }>();
  private readSeq = 0;
  private readonly analyses = new Map<string, MediaAnalysis>();

  constructor(
    private readonly store: EvidenceStoreV1,
    private readonly actor = 'media',
  ) {}

  /** The stored analysis of a kind for a blob, or undefined. */
  get(sourceSha256: string, kind: MediaAnalysisKind): ResultAsync<MediaAnalysis | undefined, MediaError> {
    return this.refresh().andThen(() => {
      const entry = this.latest.get(`${kind}:${sourceSha256}`);
      if (!entry) return okAsync(undefined);
      const cached = this.analyses.get(entry.blob);
      if (cached) return okAsync(cached);
      return this.store
        .getBlob(entry.blob)
        .mapErr(storeError)
        .map((bytes) => {
          const analysis = JSON.parse(new TextDecoder().decode(bytes)) as MediaAnalysis;
          this.analyses.set(entry.blob, analysis);
          return analysis;
        });
    });
  }

  /**
   * The stored analysis, or the one `compute` makes (then stored). With `recompute`, always
   * computes and stores a new version.
   */
  getOrCompute(sourceSha256: string, kind: MediaAnalysisKind, compute: () => ResultAsync<Omit<MediaAnalysis, 'format' | 'version' | 'kind' | 'sourceSha256'>, MediaError>, options: { recompute?: boolean } = {}): ResultAsync<MediaAnalysis, MediaError> {
    const stored = options.recompute ? okAsync<MediaAnalysis | undefined, MediaError>(undefined) : this.get(sourceSha256, kind);
    return stored.andThen((found) => {
      if (found) return okAsync(found);
      return compute().andThen((made) => this.put({ format: 'sipansos.media-analysis', version: 1, kind, sourceSha256, ...made }));
    });
  }

  private put(analysis: MediaAnalysis): ResultAsync<MediaAnalysis, MediaError> {
    const bytes = new TextEncoder().encode(canonicalJsonOrThrow(analysis));
    return this.refresh()
      .andThen(() => this.store.putBlob(bytes).mapErr(storeError))
      .andThen((blob) => {
        const key = `${analysis.kind}:${analysis.sourceSha256}`;
        const previous = this.latest.get(key);
        const id = `media-${analysis.kind}-${analysis.sourceSha256}${previous ? `-${blob.sha256.slice(0, 16)}` : ''}`;
        return this.store
          .append('audit', [{ id, at: analysis.createdAt, actor: this.actor, action: `media.${analysis.kind}`, target: { kind: MEDIA_AUDIT_TARGET, id: analysis.sourceSha256 }, details: { derivedBlob: blob.sha256, engine: analysis.engine } }])
          .mapErr(storeError)
          .map((stored) => {
            this.latest.set(key, { blob: blob.sha256, seq: stored[0]!.seq });
            this.analyses.set(blob.sha256, analysis);
            return analysis;
          });
      });
  }

  /** Read audit entries appended since the last look (by this or another process). */
  private refresh(): ResultAsync<void, MediaError> {
    return this.store
      .query('audit', { category: MEDIA_AUDIT_TARGET, afterSeq: this.readSeq })
      .mapErr(storeError)
      .map((entries) => {
        for (const entry of entries) {
          this.readSeq = Math.max(this.readSeq, entry.seq);
          const kind = entry.record.action.replace(/^media\./, '');
          const source = entry.record.target?.id;
          const blob = entry.record.details.derivedBlob;
          if ((kind !== 'ocr' && kind !== 'fingerprint') || !source || typeof blob !== 'string') continue;
          const key = `${kind}:${source}`;
          const previous = this.latest.get(key);
          if (!previous || previous.seq < entry.seq) this.latest.set(key, { blob, seq: entry.seq });
        }
      });
  }
}
