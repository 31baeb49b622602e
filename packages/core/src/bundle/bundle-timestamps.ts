/**
 * RFC 3161 tokens in a bundle: `timestamps/<token sha256>.tsr` (the DER token, as
 * `openssl ts -verify -token_in` reads it), `timestamps/<token sha256>.json` (the TSA, genTime
 * and the whole signed checkpoint the token covers) and `timestamps/tsa-trust-anchors.pem`
 * (the TSA roots the office trusts; compare them with the TSA's published ones).
 */
import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { SignedCheckpointSchema } from '../evidence/checkpoint-signature.js';
import { sha256Hex } from '../hashing/sha256.js';
import type { SignedCheckpointV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import { CheckpointTimestampDetailsSchema, verifyCheckpointTimestamp, type CheckpointTimestampDetails } from '../timestamp/checkpoint-timestamps.js';
import { BUNDLE_FILES } from './bundle-layout.js';
import type { BundleFileContent, BundleProblem } from './verify-bundle.js';

/** The bundle file of the TSA roots. */
export const TSA_TRUST_ANCHORS_FILE = 'timestamps/tsa-trust-anchors.pem';

/** `timestamps/<token sha256>.tsr` and its `.json`. */
export function timestampFileNames(tokenSha256: string): { token: string; details: string } {
  return { token: `timestamps/${tokenSha256}.tsr`, details: `timestamps/${tokenSha256}.json` };
}

/** A kept token with its bytes, as a bundle carries it. */
export interface BundleTimestamp {
  details: CheckpointTimestampDetails;
  token: Uint8Array;
}

/** Whether a token's checkpoint signs the same capture tree as this checkpoint. */
export function coversSameTree(details: Pick<CheckpointTimestampDetails, 'checkpoint'>, checkpoint: Pick<SignedCheckpointV1, 'treeSize' | 'rootHash'>): boolean {
  return details.checkpoint.treeSize === checkpoint.treeSize && details.checkpoint.rootHash === checkpoint.rootHash;
}

/** One token that checked out in a bundle. */
export interface BundleTimestampCheck {
  file: string;
  tsaUrl: string;
  /** The office's own clock at signing. */
  signedAt: string;
  /** The TSA's time: the checkpoint existed no later than this. */
  genTime: string;
  treeSize: number;
  rootHash: string;
}

/** What {@link verifyBundleTimestamps} found. */
export interface BundleTimestampsReport {
  checked: BundleTimestampCheck[];
  problems: BundleProblem[];
  warnings: string[];
}

/** Options of {@link verifyBundleTimestamps}. */
export interface VerifyBundleTimestampsOptions {
  /** TSA roots (PEM) known from elsewhere; without them the bundle's own anchors are used (and a warning says so). */
  trustAnchors?: readonly string[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

const DetailsFileSchema = CheckpointTimestampDetailsSchema.extend({ checkpoint: SignedCheckpointSchema });

/**
 * Check every token in a bundle: the checkpoint it names is signed by the bundle's office key,
 * the token timestamps that checkpoint's hash, its CMS signature holds and its signer chains
 * to the TSA trust anchors at genTime. Each problem names the token's file.
 */
export async function verifyBundleTimestamps(contents: ReadonlyMap<string, BundleFileContent>, options: VerifyBundleTimestampsOptions = {}): Promise<BundleTimestampsReport> {
  const report: BundleTimestampsReport = { checked: [], problems: [], warnings: [] };
  const bytesOf = (path: string): Uint8Array | undefined => {
    const content = contents.get(path);
    return content instanceof Uint8Array ? content : undefined;
  };
  const detailFiles = [...contents.keys()].filter((path) => /^timestamps\/[0-9a-f]{64}\.json$/.test(path)).sort();
  const tokenFiles = [...contents.keys()].filter((path) => /^timestamps\/[0-9a-f]{64}\.tsr$/.test(path));
  if (detailFiles.length === 0 && tokenFiles.length === 0) return report;
  const bundled = bytesOf(TSA_TRUST_ANCHORS_FILE);
  const anchors = options.trustAnchors ?? (bundled ? [decoder.decode(bundled)] : []);
  if (!options.trustAnchors) report.warnings.push(`akar TSA diambil dari bundel (${TSA_TRUST_ANCHORS_FILE}); bandingkan dengan yang diterbitkan TSA / the TSA roots come from the bundle itself; compare them with the ones the TSA publishes`);
  if (anchors.length === 0) {
    report.problems.push({ type: 'missing_file', file: TSA_TRUST_ANCHORS_FILE, message: `the bundle holds TSA tokens but no ${TSA_TRUST_ANCHORS_FILE} to check them against` });
    return report;
  }
  const keyBytes = bytesOf(BUNDLE_FILES.publicKey);
  let publicKeyPem: string | undefined;
  if (keyBytes) {
    try {
      publicKeyPem = createPublicKey(decoder.decode(keyBytes)).export({ type: 'spki', format: 'pem' }).toString();
    } catch {
      publicKeyPem = undefined;
    }
  }
  for (const file of tokenFiles) {
    if (!contents.has(file.replace(/\.tsr$/, '.json'))) report.problems.push({ type: 'missing_file', file: file.replace(/\.tsr$/, '.json'), message: `${file} has no ${file.replace(/\.tsr$/, '.json')} naming its checkpoint and TSA` });
  }
  for (const file of detailFiles) {
    const tokenFile = file.replace(/\.json$/, '.tsr');
    const token = bytesOf(tokenFile);
    if (!token) {
      report.problems.push({ type: 'missing_file', file: tokenFile, message: `${file} names a token, but ${tokenFile} is missing` });
      continue;
    }
    let details: z.infer<typeof DetailsFileSchema>;
    try {
      const parsed = DetailsFileSchema.safeParse(JSON.parse(decoder.decode(bytesOf(file) ?? new Uint8Array())));
      if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
      details = parsed.data;
    } catch (error) {
      report.problems.push({ type: 'unreadable', file, message: `${file}: ${(error as Error).message}` });
      continue;
    }
    const tokenSha256 = sha256Hex(token);
    if (tokenSha256 !== details.tokenSha256 || tokenFile !== timestampFileNames(tokenSha256).token) {
      report.problems.push({ type: 'timestamp_token', file: tokenFile, expected: details.tokenSha256, found: tokenSha256, message: `${tokenFile} was changed: its bytes no longer hash to the token ${details.tokenSha256} that ${file} names` });
      continue;
    }
    const checked = await verifyCheckpointTimestamp({ checkpoint: details.checkpoint as SignedCheckpointV1, tsaUrl: details.tsaUrl, token, trustAnchors: anchors, expectedHash: details.checkpointHash, ...(publicKeyPem ? { publicKeyPem } : {}) });
    if (checked.isErr()) {
      report.problems.push({ type: 'timestamp_token', file: tokenFile, message: `${tokenFile} (TSA ${details.tsaUrl}): ${checked.error.type}: ${checked.error.message}` });
      continue;
    }
    report.checked.push({ file: tokenFile, tsaUrl: details.tsaUrl, signedAt: details.checkpoint.at, genTime: checked.value.info.genTime, treeSize: details.checkpoint.treeSize, rootHash: details.checkpoint.rootHash });
  }
  return report;
}

/** The bundle files of these tokens and the anchors (PEM texts joined). */
export function bundleTimestampFiles(timestamps: readonly BundleTimestamp[], trustAnchors: readonly string[]): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  if (timestamps.length === 0) return files;
  const encoder = new TextEncoder();
  for (const { details, token } of timestamps) {
    const names = timestampFileNames(details.tokenSha256);
    files.set(names.token, token);
    files.set(names.details, encoder.encode(`${JSON.stringify(details, null, 2)}\n`));
  }
  if (trustAnchors.length > 0) files.set(TSA_TRUST_ANCHORS_FILE, encoder.encode(trustAnchors.map((pem) => (pem.endsWith('\n') ? pem : `${pem}\n`)).join('')));
  return files;
}
