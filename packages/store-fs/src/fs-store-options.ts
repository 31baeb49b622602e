import { err, ok, type Result } from 'neverthrow';
import type { StoreErrorV1 } from '@sipansos/core/spec';
import type { FsyncFunction } from './durable-io.js';

/** Settings of `createFsStore`. */
export interface FsStoreOptions {
  /** The store directory. Created (mode 0700) when absent; keep it on a local disk. */
  dir: string;
  /**
   * The office's Ed25519 private key (PKCS#8 PEM text, as `sipansos init` writes to
   * `keys/office-ed25519.pem`, outside the store). Needed to sign checkpoints; without it the
   * store works but `proofs.createCheckpoint()` returns an `unsupported` error. `verify()`
   * also reports checkpoints signed by any other key.
   */
  signingKeyPem?: string;
  /**
   * Open as a reader: no lock, no writes, no repair. Any number of readers may open a store
   * while one writer writes. @default false
   */
  readOnly?: boolean;
  /** Clock for `appendedAt`, lock and checkpoint times. @default () => new Date() */
  now?: () => Date;
  /**
   * How files and directories are fsynced. For fault-injection tests only.
   * @default handle.sync()
   */
  fsync?: FsyncFunction;
  /** Actor recorded in the store's own audit entries (stale lock taken over, recovery, repair). @default "sipansos-store" */
  actor?: string;
  /**
   * On `close()`, sign a checkpoint when any log changed since the latest one (needs
   * `signingKeyPem`), so every finding, case and audit entry written is under a signature.
   * `close()` returns the error when that checkpoint cannot be written. @default false
   */
  checkpointOnClose?: boolean;
  /**
   * The operator's repair (`sipansos verify --repair`), for a store that opened read-only
   * because a log ends in complete lines whose hash or chain is wrong, or no longer holds what
   * the latest checkpoint signed. Open then cuts those lines (kept in `recovered/`), accepts
   * the missing entries, writes one `store.repaired` audit entry for each, and signs a new
   * checkpoint (so it needs `signingKeyPem`). Damage followed by sound entries is not
   * repairable: open fails and nothing is changed. Ignored with `readOnly`. @default false
   */
  repair?: boolean;
}

/** Check settings at construction, naming the field at fault. */
export function checkFsStoreOptions(options: unknown): Result<FsStoreOptions, StoreErrorV1> {
  const issues: Array<{ path: string; message: string }> = [];
  const value = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  if (typeof value.dir !== 'string' || value.dir.trim() === '') issues.push({ path: 'dir', message: 'dir is required: the store directory, e.g. createFsStore({ dir: "./store" })' });
  else if (value.dir.includes('\0')) issues.push({ path: 'dir', message: 'dir must not contain a NUL character' });
  if (value.signingKeyPem !== undefined && (typeof value.signingKeyPem !== 'string' || !value.signingKeyPem.includes('PRIVATE KEY'))) {
    issues.push({ path: 'signingKeyPem', message: 'signingKeyPem must be the PEM text of an Ed25519 private key (read the file first), not a path' });
  }
  for (const name of ['readOnly', 'checkpointOnClose', 'repair'] as const) {
    if (value[name] !== undefined && typeof value[name] !== 'boolean') issues.push({ path: name, message: `${name} must be true or false` });
  }
  if (value.repair === true && value.signingKeyPem === undefined) issues.push({ path: 'repair', message: 'repair signs a new checkpoint over the repaired store: pass signingKeyPem (the office key) too' });
  for (const name of ['now', 'fsync'] as const) {
    if (value[name] !== undefined && typeof value[name] !== 'function') issues.push({ path: name, message: `${name} must be a function` });
  }
  if (value.actor !== undefined && (typeof value.actor !== 'string' || value.actor.length === 0)) issues.push({ path: 'actor', message: 'actor must be a non-empty string' });
  if (issues.length > 0) return err({ type: 'invalid_input', message: `createFsStore: ${issues.map((issue) => issue.message).join('; ')}`, issues });
  return ok(value as unknown as FsStoreOptions);
}
