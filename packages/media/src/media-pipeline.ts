import type { ElectionContext, Finding, Item, Subject } from '@sipansos/core';
import { evaluateItem, type CompiledRules, type MediaText } from '@sipansos/core/rules';
import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import { campaignAccountIndex } from './campaign-accounts.js';
import { campaignImageFinding } from './campaign-finding.js';
import { CampaignMatcher, DEFAULT_MATCH_DISTANCE, type CampaignMatch } from './campaign-matcher.js';
import { checkImage } from './decode-image.js';
import { imageFingerprint, type ImageFingerprint } from './image-fingerprint.js';
import type { ImageLimits } from './image-limits.js';
import type { MediaAnalysis, MediaAnalysisKind } from './media-analysis-store.js';
import type { MediaError } from './media-error.js';
import type { OcrText } from './ocr-tsv.js';
import { readImageText, type TesseractOptions } from './tesseract-ocr.js';

/** Where the pipeline reads images and keeps what it derived from them. */
export interface MediaSource {
  readBlob(sha256: string): ResultAsync<Uint8Array, MediaError>;
  /** The stored analysis or the one `compute` makes (then stored). */
  analysis(sha256: string, kind: MediaAnalysisKind, compute: () => ResultAsync<Omit<MediaAnalysis, 'format' | 'version' | 'kind' | 'sourceSha256'>, MediaError>): ResultAsync<MediaAnalysis, MediaError>;
}

/** Settings of a {@link MediaPipeline}. */
export interface MediaPipelineSettings {
  context: ElectionContext;
  subjects: readonly Subject[];
  /** Compiled rule sets run over the text read from images; omit to only match pictures. */
  rules?: CompiledRules;
  source: MediaSource;
  /** Read text in images with Tesseract. @default true */
  ocr?: boolean | TesseractOptions;
  /** Match pictures against the pairs' own. @default true */
  match?: boolean;
  /** @default {@link DEFAULT_MATCH_DISTANCE} */
  maxDistance?: number;
  limits?: ImageLimits;
  /** The clock for derived records. @default () => new Date().toISOString() */
  now?: () => string;
}

/** One item to look at, with the capture it came from. */
export interface MediaItemInput {
  item: Item;
  /** The subject whose account made it (undefined: only a pair's account can still give references). */
  subject?: Subject;
  evidence: { captureId: string; rawBlobs: string[] };
  capturedAt: string;
}

/** What looking at one item's pictures gave. */
export interface MediaItemResult {
  findings: Finding[];
  images: number;
  read: number;
  hashed: number;
  references: number;
  /** Problems with single images; the rest went on. */
  problems: Array<{ blobSha256: string; error: MediaError }>;
  /** Set once Tesseract was found missing: OCR is off for the rest of the run. */
  ocrUnavailable?: MediaError;
}

interface Seen {
  input: MediaItemInput;
  media: number | 'profile';
  size: { width: number; height: number };
}

/**
 * Reads the text in items' pictures (rules run over it as `media_text`) and matches their
 * pictures against the pairs' own (from official and campaign accounts). Each image is hashed
 * and read once: the results are derived records tied to its sha256.
 */
export class MediaPipeline {
  private readonly matcher: CampaignMatcher;
  private readonly pairOf: ReturnType<typeof campaignAccountIndex>;
  private readonly seen = new Map<string, Seen>();
  private ocrUnavailable: MediaError | undefined;

  constructor(private readonly settings: MediaPipelineSettings) {
    this.matcher = new CampaignMatcher(settings.maxDistance ?? DEFAULT_MATCH_DISTANCE);
    this.pairOf = campaignAccountIndex(settings.context, settings.subjects);
  }

  /** Why OCR is off, when Tesseract was found missing. */
  get ocrProblem(): MediaError | undefined {
    return this.ocrUnavailable;
  }

  async processItem(input: MediaItemInput): Promise<MediaItemResult> {
    const result: MediaItemResult = { findings: [], images: 0, read: 0, hashed: 0, references: 0, problems: [] };
    const pictures: Array<{ sha: string; media: number | 'profile' }> = [];
    input.item.media.forEach((media, index) => {
      if (media.blobSha256 && (media.type === 'photo' || media.type === 'other' || media.type === 'gif')) pictures.push({ sha: media.blobSha256, media: index });
    });
    if (input.item.profile?.photoSha256) pictures.push({ sha: input.item.profile.photoSha256, media: 'profile' });
    const pair = this.pairOf(input.item);
    const mediaTexts: MediaText[] = [];
    for (const picture of pictures) {
      result.images++;
      const bytes = await this.settings.source.readBlob(picture.sha);
      if (bytes.isErr()) {
        result.problems.push({ blobSha256: picture.sha, error: bytes.error });
        continue;
      }
      if (this.settings.match !== false) {
        const fingerprint = await this.fingerprint(picture.sha, bytes.value);
        if (fingerprint.isErr()) result.problems.push({ blobSha256: picture.sha, error: fingerprint.error });
        else {
          result.hashed++;
          result.findings.push(...this.match(input, picture, fingerprint.value, pair, result));
        }
      }
      if (picture.media !== 'profile' && this.ocrEnabled() && this.settings.rules && input.subject) {
        const text = await this.readText(picture.sha, bytes.value);
        const size = await checkImage(bytes.value, this.settings.limits);
        if (text.isErr()) {
          if (text.error.type === 'tesseract_missing') {
            this.ocrUnavailable = text.error;
            result.ocrUnavailable = text.error;
          } else result.problems.push({ blobSha256: picture.sha, error: text.error });
        } else {
          result.read++;
          mediaTexts.push({ mediaIndex: picture.media, blobSha256: picture.sha, text: text.value.text, words: text.value.words, ...(size.isOk() ? { size: size.value } : {}) });
        }
      }
    }
    if (mediaTexts.length > 0 && this.settings.rules && input.subject) {
      // The pictures read are evidence of the finding too, beside the capture's raw bodies.
      const evidence = { captureId: input.evidence.captureId, rawBlobs: [...new Set([...input.evidence.rawBlobs, ...mediaTexts.map((text) => text.blobSha256)])] };
      const findings = evaluateItem(this.settings.rules, { item: input.item, subject: input.subject, evidence, now: input.capturedAt, mediaTexts });
      // Findings on the item's own text came from the cycle already: keep those the images made.
      result.findings.push(...findings.filter((finding) => finding.spans.some((span) => span.image !== undefined)));
    }
    return result;
  }

  private ocrEnabled(): boolean {
    return this.settings.ocr !== false && this.ocrUnavailable === undefined;
  }

  private match(input: MediaItemInput, picture: { sha: string; media: number | 'profile' }, fingerprint: ImageFingerprint, pair: number | undefined, result: MediaItemResult): Finding[] {
    const itemKey = `${input.item.platform}:${input.item.id}`;
    const size = { width: fingerprint.width, height: fingerprint.height };
    let matches: CampaignMatch[];
    if (pair !== undefined) {
      result.references++;
      matches = this.matcher.addReference(pair, picture.sha, itemKey, fingerprint);
    } else {
      this.seen.set(`${itemKey}|${picture.sha}`, { input, media: picture.media, size });
      matches = this.matcher.addPicture(picture.sha, itemKey, { ...fingerprint, views: fingerprint.views.filter((view) => !view.view.startsWith('crop.')) });
    }
    const findings: Finding[] = [];
    for (const match of matches) {
      const seen = this.seen.get(`${match.candidate.itemKey}|${match.candidate.blobSha256}`);
      if (!seen?.input.subject) continue;
      const finding = campaignImageFinding({ match, item: seen.input.item, media: seen.media, subject: seen.input.subject, context: this.settings.context, evidence: seen.input.evidence, capturedAt: seen.input.capturedAt, size: seen.size });
      if (finding) findings.push(finding);
    }
    return findings;
  }

  private fingerprint(sha: string, bytes: Uint8Array): ResultAsync<ImageFingerprint, MediaError> {
    return this.settings.source
      .analysis(sha, 'fingerprint', () => imageFingerprint(bytes, { bits: 64, trims: true, limits: this.settings.limits }).map((fingerprint) => ({ engine: 'dct-phash-64', createdAt: this.now(), fingerprint })))
      .andThen((analysis) => (analysis.fingerprint ? okAsync(analysis.fingerprint) : errAsync<ImageFingerprint, MediaError>({ type: 'store', message: `derived record for ${sha} holds no fingerprint` })));
  }

  private readText(sha: string, bytes: Uint8Array): ResultAsync<OcrText, MediaError> {
    const options: TesseractOptions = typeof this.settings.ocr === 'object' ? this.settings.ocr : {};
    return this.settings.source
      .analysis(sha, 'ocr', () => readImageText(bytes, { limits: this.settings.limits, ...options }).map((ocr) => ({ engine: `tesseract ${options.languages ?? 'ind+eng'}`, createdAt: this.now(), ocr })))
      .andThen((analysis) => (analysis.ocr ? okAsync(analysis.ocr) : errAsync<OcrText, MediaError>({ type: 'store', message: `derived record for ${sha} holds no OCR text` })));
  }

  private now(): string {
    return (this.settings.now ?? (() => new Date().toISOString()))();
  }
}
