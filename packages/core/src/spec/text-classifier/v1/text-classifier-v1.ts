import type { ResultAsync } from 'neverthrow';

/** One label a classifier gives a text, with its score. */
export interface LabelScoreV1 {
  /** The classifier's own label, e.g. "hate_speech", "HS_Religion", "neutral". */
  label: string;
  /** Between 0 and 1; higher means the classifier is surer the label applies. */
  score: number;
}

/** Per-call options. */
export interface ClassifyOptionsV1 {
  /**
   * Aborted when the caller gives up (timeout, cycle stopped). A classifier must stop work
   * and settle promptly once it fires.
   */
  signal?: AbortSignal;
}

/** What a classifier can do, declared rather than probed. */
export interface TextClassifierCapabilitiesV1 {
  /**
   * Most texts one `classify` call accepts; callers split larger batches.
   * @default 1
   */
  maxBatchSize: number;
  /** Labels the classifier may return, when it knows them in advance (shown in `sipansos validate`). */
  labels?: readonly string[];
  /** Languages it was trained for (BCP 47, e.g. "id"); informational. */
  languages?: readonly string[];
}

/**
 * Why a classifier could not score a batch. Plain objects with a `type` discriminant. A cycle
 * never waits on or fails for these: the items go unscored and the error is reported.
 */
export type ClassifierErrorV1 =
  | { type: 'timeout'; message: string; timeoutMs: number }
  | { type: 'aborted'; message: string }
  | {
      /** The service answered with a non-success status. */
      type: 'http';
      message: string;
      status: number;
    }
  | {
      /** The answer did not have the documented shape (or a different number of results). */
      type: 'parse';
      message: string;
    }
  | {
      /** The service could not be reached (refused, reset, DNS). */
      type: 'network';
      message: string;
      cause?: unknown;
    };

/**
 * An office's own text classifier (for example an IndoBERT hate-speech model it hosts), used by
 * rules as one more predicate: `{ "type": "classifier", "id": ..., "label": ..., "minScore": ... }`.
 *
 * Text in, labels with scores out. Core calls it before rule evaluation, in batches, with a
 * timeout and limited concurrency (`scoreItems`); rule evaluation itself stays synchronous.
 * `createHttpClassifier` in `@sipansos/core/rules` implements it over HTTP.
 */
export interface TextClassifierV1 {
  /** Always `'v1'`; core checks it once (`asTextClassifier`) and rejects other versions. */
  readonly specificationVersion: 'v1';
  /** Stable id rules refer to, e.g. "indobert-hs"; lowercase letters, digits, ".", "_", "-". */
  readonly classifierId: string;
  /** The model or service version, copied into findings' spans for the record. */
  readonly version: string;
  readonly capabilities: TextClassifierCapabilitiesV1;
  /**
   * Score each text. The result has one entry per input text, in the same order; an entry may
   * be empty when the classifier gives no label. Never throws: failures are `err` values.
   */
  classify(texts: readonly string[], options?: ClassifyOptionsV1): ResultAsync<LabelScoreV1[][], ClassifierErrorV1>;
}
