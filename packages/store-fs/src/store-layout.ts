import path from 'node:path';
import { RECORD_KINDS, type RecordKind } from '@sipansos/core/evidence';

/** File format marker; its bytes never vary, so `verify` can check them exactly. */
export const STORE_MARKER_FILE = 'STORE.json';
/** The exact content of `STORE.json` in a version 1 store. */
export const STORE_MARKER_CONTENT = '{"format":"sipansos-evidence-store","version":1}\n';

/** Files are readable by the owner only. */
export const FILE_MODE = 0o600;
/** Directories are open to the owner only. */
export const DIR_MODE = 0o700;

/**
 * Every path the store uses, derived from its root. Names come from constants, record kinds
 * (a fixed list) and validated sha256 digests only: never from an outside string.
 */
export interface StoreLayout {
  root: string;
  marker: string;
  lock: string;
  logsDir: string;
  blobsDir: string;
  blobsShaDir: string;
  blobsTmpDir: string;
  checkpoints: string;
  checkpointKeysDir: string;
  recoveredDir: string;
  log(kind: RecordKind): string;
  blob(sha256: string): string;
  blobShard(sha256: string): string;
  checkpointKey(keyId: string): string;
  /** Path relative to the root, with `/`, as problems name files. */
  relative(file: string): string;
}

/** The layout of a store rooted at `root`. */
export function storeLayout(root: string): StoreLayout {
  const absolute = path.resolve(root);
  const logsDir = path.join(absolute, 'logs');
  const blobsDir = path.join(absolute, 'blobs');
  const blobsShaDir = path.join(blobsDir, 'sha256');
  const checkpointKeysDir = path.join(absolute, 'checkpoint-keys');
  return {
    root: absolute,
    marker: path.join(absolute, STORE_MARKER_FILE),
    lock: path.join(absolute, 'LOCK'),
    logsDir,
    blobsDir,
    blobsShaDir,
    blobsTmpDir: path.join(blobsDir, 'tmp'),
    checkpoints: path.join(absolute, 'checkpoints.jsonl'),
    checkpointKeysDir,
    recoveredDir: path.join(absolute, 'recovered'),
    log: (kind) => {
      if (!RECORD_KINDS.includes(kind)) throw new Error(`unknown record kind ${String(kind)}`);
      return path.join(logsDir, `${kind}.jsonl`);
    },
    blob: (sha256) => path.join(blobsShaDir, assertHex(sha256).slice(0, 2), sha256),
    blobShard: (sha256) => path.join(blobsShaDir, assertHex(sha256).slice(0, 2)),
    checkpointKey: (keyId) => path.join(checkpointKeysDir, `${assertHex(keyId)}.pem`),
    relative: (file) => path.relative(absolute, file).split(path.sep).join('/'),
  };
}

function assertHex(value: string): string {
  if (!/^[0-9a-f]{64}$/.test(value)) throw new Error('a store path was asked for a name that is not a sha256 digest');
  return value;
}
