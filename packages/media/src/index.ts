/**
 * @sipansos/media — pictures as evidence: text in posters and banners read with Tesseract (rules
 * run over it as `media_text`), perceptual hashes of every stored picture in a Hamming index, and
 * findings for subjects who share a pair's campaign material. Derived records are tied to the
 * image's sha256 and kept in the evidence store.
 *
 * @packageDocumentation
 */
export { campaignAccountIndex } from './campaign-accounts.js';
export { CAMPAIGN_IMAGE_RULE_ID, campaignImageFinding, type CampaignImageFindingInput, MEDIA_RULE_SET_ID, MEDIA_RULE_SET_VERSION } from './campaign-finding.js';
export { type CampaignMatch, CampaignMatcher, DEFAULT_MATCH_DISTANCE, type MatchedImage } from './campaign-matcher.js';
export { type Box, contentBox } from './content-box.js';
export { checkImage, type ImageSize } from './decode-image.js';
export { hammingDistance, hexToWords, popcount32 } from './hamming-distance.js';
export { type HammingHit, HammingIndex } from './hamming-index.js';
export { type FingerprintOptions, fingerprintDistance, type HashedView, type ImageFingerprint, imageFingerprint } from './image-fingerprint.js';
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, type ImageLimits } from './image-limits.js';
export { MEDIA_AUDIT_TARGET, type MediaAnalysis, type MediaAnalysisKind, MediaAnalysisStore } from './media-analysis-store.js';
export { INSTALL_TESSERACT_HINT, type MediaError } from './media-error.js';
export { type MediaItemInput, type MediaItemResult, MediaPipeline, type MediaPipelineSettings, type MediaSource } from './media-pipeline.js';
export { createMediaQueue, type MediaQueue, type MediaQueueReport, type MediaQueueSettings } from './media-queue.js';
export { type OcrText, type OcrWord, parseOcrTsv } from './ocr-tsv.js';
export { hashGreyPixels, type PerceptualHash, type PerceptualHashBits, perceptualHash } from './perceptual-hash.js';
export { readImageText, type TesseractOptions } from './tesseract-ocr.js';
