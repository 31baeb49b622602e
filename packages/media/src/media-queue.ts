import type { Capture, Finding, Item, MonitorProgressListener, Subject } from '@sipansos/core';
import type { EvidenceStoreV1 } from '@sipansos/core/spec';
import { accountLookupKeys } from '@sipansos/core/rules';
import { ResultAsync } from 'neverthrow';
import PQueue from 'p-queue';
import { MediaAnalysisStore } from './media-analysis-store.js';
import type { MediaError } from './media-error.js';
import { MediaPipeline, type MediaPipelineSettings } from './media-pipeline.js';

/** Settings of {@link createMediaQueue}. */
export interface MediaQueueSettings extends Omit<MediaPipelineSettings, 'source'> {
  store: EvidenceStoreV1;
  /** Captures looked at in parallel (each runs one Tesseract at a time). @default 1 */
  concurrency?: number;
  /** How long `drain` waits before it leaves the rest for the next run. @default 600_000 */
  deadlineMs?: number;
  /** Who the derived records' audit entries name. @default 'media' */
  actor?: string;
}

/** What a drain did. */
export interface MediaQueueReport {
  captures: number;
  images: number;
  hashed: number;
  read: number;
  references: number;
  findings: number;
  /** Captures left in the queue at the deadline (the next run picks them up). */
  unfinished: number;
  problems: Array<{ captureId: string; blobSha256?: string; type: MediaError['type']; message: string }>;
  /** Set when OCR was skipped because Tesseract is missing, with the fix. */
  ocrSkipped?: string;
}

/** The media step beside a monitor: a queue of its own that never holds a cycle up. */
export interface MediaQueue {
  /** Pass to the monitor (`onProgress`): every stored capture is queued, nothing awaited. */
  readonly listener: MonitorProgressListener;
  enqueueCapture(captureId: string): void;
  /** Queue every capture in the store (a first run, or `sipansos scan --media` on a store). */
  enqueueStore(): ResultAsync<number, MediaError>;
  /** Wait for the queue to empty, or for the deadline; then report. */
  drain(options?: { deadlineMs?: number }): Promise<MediaQueueReport>;
}

/**
 * Build the media queue: OCR and picture matching over the captures a monitor stores, with its
 * own concurrency and deadline, so a slow or missing Tesseract never delays a cycle. Images are
 * read from the store's blobs; derived records are kept in the store ({@link MediaAnalysisStore});
 * findings are appended to the store's finding log.
 *
 * @example
 * const media = createMediaQueue({ store, context, subjects, rules });
 * await monitor.runCycle({ onProgress: media.listener });
 * const report = await media.drain();
 */
export function createMediaQueue(settings: MediaQueueSettings): MediaQueue {
  const { store } = settings;
  const analyses = new MediaAnalysisStore(store, settings.actor ?? 'media');
  const pipeline = new MediaPipeline({
    ...settings,
    source: {
      readBlob: (sha) => store.getBlob(sha).mapErr((error): MediaError => ({ type: 'store', message: `blob ${sha} tidak terbaca / could not be read: ${error.message}`, cause: error })),
      analysis: (sha, kind, compute) => analyses.getOrCompute(sha, kind, compute),
    },
  });
  const subjectOf = subjectIndex(settings.subjects);
  const queue = new PQueue({ concurrency: settings.concurrency ?? 1 });
  const queued = new Set<string>();
  let report = emptyReport();

  const run = async (captureId: string): Promise<void> => {
    const stored = await store.get('capture', captureId);
    if (stored.isErr() || !stored.value) {
      report.problems.push({ captureId, type: 'store', message: stored.isErr() ? stored.error.message : 'capture not found' });
      return;
    }
    const capture: Capture = stored.value.record;
    report.captures++;
    for (const item of capture.items) {
      if (item.media.length === 0 && !item.profile?.photoSha256) continue;
      const result = await pipeline.processItem({ item, subject: subjectOf(item), evidence: { captureId: capture.id, rawBlobs: capture.rawBlobs }, capturedAt: capture.capturedAt });
      report.images += result.images;
      report.hashed += result.hashed;
      report.read += result.read;
      report.references += result.references;
      for (const problem of result.problems) report.problems.push({ captureId, blobSha256: problem.blobSha256, type: problem.error.type, message: problem.error.message });
      if (result.ocrUnavailable) report.ocrSkipped = result.ocrUnavailable.message;
      report.findings += await appendFindings(store, result.findings, captureId, report);
    }
  };

  const enqueueCapture = (captureId: string): void => {
    if (queued.has(captureId)) return;
    queued.add(captureId);
    void queue.add(() => run(captureId).catch((error: unknown) => void report.problems.push({ captureId, type: 'ocr_failed', message: String((error as Error)?.message ?? error) })));
  };

  return {
    listener: (event) => {
      if (event.type === 'capture_stored') enqueueCapture(event.captureId);
    },
    enqueueCapture,
    enqueueStore: () =>
      store
        .query('capture')
        .mapErr((error): MediaError => ({ type: 'store', message: error.message, cause: error }))
        .map((captures) => {
          for (const entry of captures) enqueueCapture(entry.record.id);
          return captures.length;
        }),
    async drain(options = {}) {
      const deadlineMs = options.deadlineMs ?? settings.deadlineMs ?? 600_000;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'deadline'>((resolve) => {
        timer = setTimeout(() => resolve('deadline'), deadlineMs);
        timer.unref?.();
      });
      const outcome = await Promise.race([queue.onIdle().then(() => 'idle' as const), deadline]);
      clearTimeout(timer);
      if (outcome === 'deadline') {
        report.unfinished = queue.size;
        // What is left is not lost: derived records are kept per blob, so the next run skips the done part.
        for (const id of [...queued]) queued.delete(id);
        queue.clear();
      }
      if (pipeline.ocrProblem) report.ocrSkipped = pipeline.ocrProblem.message;
      const done = report;
      report = emptyReport();
      return done;
    },
  };
}

function emptyReport(): MediaQueueReport {
  return { captures: 0, images: 0, hashed: 0, read: 0, references: 0, findings: 0, unfinished: 0, problems: [] };
}

/** Append findings one by one: one already there (a re-run) is no error, and does not stop the others. */
async function appendFindings(store: EvidenceStoreV1, findings: Finding[], captureId: string, report: MediaQueueReport): Promise<number> {
  let added = 0;
  for (const finding of findings) {
    const existing = await store.get('finding', finding.id);
    if (existing.isOk() && existing.value) continue;
    const appended = await store.append('finding', [finding]);
    if (appended.isErr()) report.problems.push({ captureId, type: 'store', message: `temuan ${finding.id} tidak tersimpan / finding not stored: ${appended.error.message}` });
    else added++;
  }
  return added;
}

/** An item's subject by its author account (id first, then handle). */
function subjectIndex(subjects: readonly Subject[]): (item: Item) => Subject | undefined {
  const byKey = new Map<string, Subject>();
  for (const subject of subjects) for (const account of subject.accounts) for (const key of accountLookupKeys(account.platform, account)) if (!byKey.has(key)) byKey.set(key, subject);
  return (item) => {
    for (const key of accountLookupKeys(item.platform, item.author)) {
      const subject = byKey.get(key);
      if (subject) return subject;
    }
    return undefined;
  };
}

