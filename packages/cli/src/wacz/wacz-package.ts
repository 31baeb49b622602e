import { createHash, type KeyObject } from 'node:crypto';
import type { Capture } from '@sipansos/core';
import { bundleTimestampFiles, compareCodeUnits, proofFileName, storedRecordLine, type BundleTimestamp } from '@sipansos/core/evidence';
import type { InclusionProofV1, SignedCheckpointV1, StoredRecordV1 } from '@sipansos/core/spec';
import { captureResponsesWarc } from './capture-warc.js';
import { cdxjIndex } from './cdxj-index.js';
import { indexPatrolWarc } from './patrol-warc-index.js';
import type { WarcIndexEntry } from './warc-index-entry.js';
import { signWaczDigest } from './wacz-signature.js';

/** The WACZ version this export follows. */
export const WACZ_VERSION = '1.2.0';
/** SIPANSOS's own files inside the WACZ. */
export const SIPANSOS_WACZ_DIR = 'sipansos';
const RESPONSES_WARC = 'responses.warc.gz';

/** What {@link buildWacz} packs. */
export interface BuildWaczInput {
  title: string;
  office: string;
  created: string;
  software: string;
  version: string;
  /** The captures as stored (their entry hashes are the Merkle leaves). */
  captures: ReadonlyArray<StoredRecordV1<Capture>>;
  proofs: ReadonlyMap<string, InclusionProofV1>;
  checkpoint?: SignedCheckpointV1;
  publicKeyPem?: string;
  timestamps?: readonly BundleTimestamp[];
  tsaTrustAnchors?: readonly string[];
  blob(sha256: string): Promise<Uint8Array | undefined>;
  key: KeyObject;
}

/** A built WACZ: its files, and which of them are stored uncompressed in the ZIP. */
export interface BuiltWacz {
  files: Map<string, Uint8Array>;
  stored(name: string): boolean;
  records: number;
  pages: number;
  /** Raw bodies the captures name but the store does not hold. */
  missing: string[];
}

const encoder = new TextEncoder();

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A WACZ 1.2.0 of captures: `archive/responses.warc.gz` (API and saved-page responses),
 * `archive/patrol-<sha256>.warc` (each patrol capture's WARC as recorded), `indexes/index.cdxj`,
 * `pages/pages.jsonl`, `datapackage.json` with every file's sha256 and size,
 * `datapackage-digest.json` signed (wacz-auth 0.1.0 anonymous), and `sipansos/` linking each
 * WARC record to its capture, inclusion proof, signed checkpoint and TSA tokens.
 */
export async function buildWacz(input: BuildWaczInput): Promise<BuiltWacz> {
  const files = new Map<string, Uint8Array>();
  const apiCaptures = input.captures.filter((entry) => !entry.record.patrol).map((entry) => entry.record);
  const responses = await captureResponsesWarc(apiCaptures, input.blob, RESPONSES_WARC);
  const entries: WarcIndexEntry[] = [...responses.entries];
  const missing = [...responses.missing];
  if (responses.bytes.byteLength > 0) files.set(`archive/${RESPONSES_WARC}`, responses.bytes);
  for (const { record: capture } of input.captures) {
    if (!capture.patrol) continue;
    const warc = await input.blob(capture.patrol.warcSha256);
    if (!warc) {
      missing.push(capture.patrol.warcSha256);
      continue;
    }
    const name = `patrol-${capture.patrol.warcSha256}.warc`;
    files.set(`archive/${name}`, warc);
    entries.push(...(await indexPatrolWarc(warc, name, capture.id)));
  }
  files.set('indexes/index.cdxj', encoder.encode(cdxjIndex(entries)));

  const indexed = new Set(entries.map((entry) => entry.url));
  const pages = input.captures.flatMap(({ record: capture }) => {
    const url = capture.patrol ? capture.patrol.urlChain.at(-1) : entries.find((entry) => entry.captureId === capture.id)?.url;
    if (!url || !indexed.has(url)) return [];
    return [{ id: capture.id, url, ts: new Date(capture.capturedAt).toISOString(), title: `${capture.platform} @${capture.account.handle} — ${capture.scope} (${capture.id})` }];
  });
  files.set('pages/pages.jsonl', encoder.encode([{ format: 'json-pages-1.0', id: 'pages', title: input.title }, ...pages].map((line) => `${JSON.stringify(line)}\n`).join('')));

  const own = (name: string, bytes: Uint8Array | string): void => {
    files.set(`${SIPANSOS_WACZ_DIR}/${name}`, typeof bytes === 'string' ? encoder.encode(bytes) : bytes);
  };
  own('records/capture.jsonl', [...input.captures].sort((a, b) => a.seq - b.seq).map((entry) => `${storedRecordLine(entry)}\n`).join(''));
  for (const proof of input.proofs.values()) own(proofFileName(proof.captureId), `${JSON.stringify(proof, null, 2)}\n`);
  if (input.checkpoint) own('checkpoint.json', `${JSON.stringify(input.checkpoint, null, 2)}\n`);
  if (input.publicKeyPem) own('office-public-key.pem', input.publicKeyPem.endsWith('\n') ? input.publicKeyPem : `${input.publicKeyPem}\n`);
  for (const [name, bytes] of bundleTimestampFiles(input.timestamps ?? [], input.tsaTrustAnchors ?? [])) own(name, bytes);
  own(
    'manifest.json',
    `${JSON.stringify(
      {
        format: 'sipansos-wacz/1',
        office: input.office,
        created: input.created,
        ...(input.checkpoint ? { keyId: input.checkpoint.keyId, checkpoint: { treeSize: input.checkpoint.treeSize, rootHash: input.checkpoint.rootHash, at: input.checkpoint.at } } : {}),
        records: entries.map((entry) => ({
          file: `archive/${entry.filename}`,
          offset: entry.offset,
          length: entry.length,
          recordId: entry.recordId,
          url: entry.url,
          digest: entry.digest,
          captureId: entry.captureId,
          ...(input.proofs.has(entry.captureId) ? { proof: `${SIPANSOS_WACZ_DIR}/${proofFileName(entry.captureId)}` } : {}),
        })),
        missingBlobs: missing,
      },
      null,
      2,
    )}\n`,
  );

  const resources = [...files.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([path, bytes]) => ({ name: path.split('/').at(-1) as string, path, hash: `sha256:${sha256(bytes)}`, bytes: bytes.byteLength }));
  const datapackage = encoder.encode(
    `${JSON.stringify({ profile: 'data-package', wacz_version: WACZ_VERSION, title: input.title, created: input.created, modified: input.created, software: input.software, ...(pages[0] ? { mainPageURL: pages[0].url, mainPageDate: pages[0].ts } : {}), resources }, null, 2)}\n`,
  );
  files.set('datapackage.json', datapackage);
  const digest = signWaczDigest(`sha256:${sha256(datapackage)}`, input.key, { created: input.created, software: input.software, version: input.version });
  files.set('datapackage-digest.json', encoder.encode(`${JSON.stringify(digest, null, 2)}\n`));
  return { files, stored: (name) => name.startsWith('archive/'), records: entries.length, pages: pages.length, missing };
}
