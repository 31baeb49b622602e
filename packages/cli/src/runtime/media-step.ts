import type { ElectionContext, MonitorProgressListener, Subject } from '@sipansos/core';
import type { CompiledRules } from '@sipansos/core/rules';
import type { EvidenceStoreV1 } from '@sipansos/core/spec';
import { createMediaQueue, type MediaQueueReport } from '@sipansos/media';
import type { CliConfig } from '../config/config-schema.js';
import { parseDuration } from './duration.js';

/** The media step `sipansos run` adds beside the monitor, when the config has a `media` section. */
export interface RunMediaStep {
  listener: MonitorProgressListener;
  /** Wait for the queue (up to the media deadline); the lines to print. */
  finish(): Promise<{ report: MediaQueueReport; line: { id: string; en: string } }>;
}

export function createRunMediaStep(media: NonNullable<CliConfig['media']>, office: { store: EvidenceStoreV1; context: ElectionContext; subjects: Subject[]; rules: CompiledRules; actor: string }): RunMediaStep {
  const deadlineMs = parseDuration(media.deadline) ?? 600_000;
  const limits = { ...(media.maxBytes ? { maxBytes: media.maxBytes } : {}), ...(media.maxPixels ? { maxPixels: media.maxPixels } : {}) };
  const queue = createMediaQueue({ store: office.store, context: office.context, subjects: office.subjects, rules: office.rules, ocr: media.ocr, match: media.match, concurrency: media.concurrency, deadlineMs, actor: office.actor, limits });
  // The pairs' pictures from earlier runs are references too: queue what the store holds. Done
  // work is not redone (derived records and findings are kept), so this costs reads, not OCR.
  let backfill: Promise<unknown> | undefined = queue.enqueueStore().match(() => undefined, () => undefined);
  return {
    listener: queue.listener,
    async finish() {
      if (backfill) await backfill;
      backfill = undefined;
      const report = await queue.drain();
      const skipped = report.ocrSkipped ? ` (OCR dilewati: ${report.ocrSkipped})` : '';
      const left = report.unfinished > 0 ? `, ${report.unfinished} rekaman menunggu siklus berikut` : '';
      return {
        report,
        line: {
          id: `media: ${report.images} gambar, ${report.read} dibaca OCR, ${report.hashed} di-hash, ${report.findings} temuan baru, ${report.problems.length} masalah${left}${skipped}`,
          en: `media: ${report.images} pictures, ${report.read} read by OCR, ${report.hashed} hashed, ${report.findings} new findings, ${report.problems.length} problems${report.unfinished > 0 ? `, ${report.unfinished} captures wait for the next cycle` : ''}`,
        },
      };
    },
  };
}
