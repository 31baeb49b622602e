import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ElectionContext, Finding, Item, Subject } from '@sipansos/core';
import { sha256Hex } from '@sipansos/core/evidence';
import type { CompiledRules } from '@sipansos/core/rules';
import { MediaPipeline, type MediaAnalysis, type MediaError } from '@sipansos/media';
import { errAsync, okAsync, ResultAsync } from 'neverthrow';

/** Where a blob may sit under `--blobs DIR`: flat, sharded, or a store-fs store's blob folder. */
function candidatePaths(dir: string, sha: string): string[] {
  return [path.join(dir, sha), path.join(dir, sha.slice(0, 2), sha), path.join(dir, 'blobs', 'sha256', sha.slice(0, 2), sha)];
}

function readBlobFrom(dir: string, sha: string): ResultAsync<Uint8Array, MediaError> {
  if (!/^[0-9a-f]{64}$/.test(sha)) return errAsync({ type: 'invalid_input', message: `bukan sha256: ${sha} / not a sha256` });
  const attempt = async (): Promise<Uint8Array | undefined> => {
    for (const file of candidatePaths(dir, sha)) {
      const bytes = await readFile(file).catch(() => undefined);
      if (bytes && sha256Hex(bytes) === sha) return new Uint8Array(bytes);
    }
    return undefined;
  };
  return ResultAsync.fromSafePromise(attempt()).andThen((bytes) => (bytes ? okAsync(bytes) : errAsync<Uint8Array, MediaError>({ type: 'store', message: `gambar ${sha} tidak ada di ${dir} / image ${sha} not found under ${dir} (as <sha256>, <ab>/<sha256> or blobs/sha256/<ab>/<sha256>)` })));
}

/** What `sipansos scan --media` needs. */
export interface ScanMediaSettings {
  context: ElectionContext;
  subjects: readonly Subject[];
  rules: CompiledRules;
  blobsDir: string;
  ocr: boolean;
}

/**
 * The media side of `sipansos scan`: each item's pictures are read from the blobs folder (their
 * sha256 checked), their text run through the rules and matched against the pairs' own pictures
 * seen in the same input (a pair's post may come before or after the share). Analyses are kept
 * in memory for the run only: scan writes no store.
 */
export function scanMedia(settings: ScanMediaSettings): { process(item: Item, subject: Subject | undefined, captureId: string, now: string): Promise<{ findings: Finding[]; problems: string[]; ocrSkipped?: string }> } {
  const analyses = new Map<string, MediaAnalysis>();
  const pipeline = new MediaPipeline({
    context: settings.context,
    subjects: settings.subjects,
    rules: settings.rules,
    ocr: settings.ocr,
    source: {
      readBlob: (sha) => readBlobFrom(settings.blobsDir, sha),
      analysis: (sha, kind, compute) => {
        const known = analyses.get(`${kind}:${sha}`);
        if (known) return okAsync(known);
        return compute().map((made) => {
          const analysis: MediaAnalysis = { format: 'sipansos.media-analysis', version: 1, kind, sourceSha256: sha, ...made };
          analyses.set(`${kind}:${sha}`, analysis);
          return analysis;
        });
      },
    },
  });
  let ocrNoted = false;
  return {
    async process(item, subject, captureId, now) {
      const result = await pipeline.processItem({ item, subject, evidence: { captureId, rawBlobs: [] }, capturedAt: item.createdAt ?? now });
      const problems = result.problems.map((problem) => `${problem.blobSha256}: ${problem.error.message}`);
      const note = result.ocrUnavailable && !ocrNoted ? result.ocrUnavailable.message : undefined;
      if (note) ocrNoted = true;
      return { findings: result.findings, problems, ...(note ? { ocrSkipped: note } : {}) };
    },
  };
}
