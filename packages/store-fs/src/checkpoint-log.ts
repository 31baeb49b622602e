import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { err, ok, type Result } from 'neverthrow';
import {
  captureLeafHash,
  keyIdOf,
  merkleInclusionPath,
  merkleRoot,
  publicKeyPemOf,
  signCheckpoint,
} from '@sipansos/core/evidence';
import {
  type CheckpointLogHeadsV1,
  type InclusionProofV1,
  type SignedCheckpointV1,
  type StoreErrorV1,
} from '@sipansos/core/spec';
import { checkpointLine } from './checkpoint-file.js';
import { ioError, writeFileDurably, writeFully, type FsyncFunction } from './durable-io.js';
import { FILE_MODE, type StoreLayout } from './store-layout.js';

/**
 * The store's checkpoints: the signed lines of `checkpoints.jsonl`, signing new ones with the
 * office key, and inclusion proofs against the latest.
 */
export class CheckpointLog {
  /** Sound checkpoints, oldest first. */
  checkpoints: SignedCheckpointV1[] = [];
  /** Bytes of `checkpoints.jsonl` known durable. */
  bytes = 0;
  private handle: FileHandle | undefined;

  constructor(
    private readonly layout: StoreLayout,
    private readonly fsync: FsyncFunction,
    private readonly signingKey: string | undefined,
    private readonly now: () => Date,
  ) {}

  /** Start from what open found on disk. */
  load(checkpoints: SignedCheckpointV1[], bytes: number): void {
    this.checkpoints = checkpoints;
    this.bytes = bytes;
  }

  latest(): SignedCheckpointV1 | undefined {
    return this.checkpoints.at(-1);
  }

  /** Whether the latest checkpoint signs exactly these heads. */
  covers(logs: CheckpointLogHeadsV1): boolean {
    const signed = this.latest()?.logs;
    if (!signed) return Object.values(logs).every((head) => head.seq === 0);
    return Object.entries(logs).every(([kind, head]) => signed[kind as keyof CheckpointLogHeadsV1].seq === head.seq && signed[kind as keyof CheckpointLogHeadsV1].entryHash === head.entryHash);
  }

  /**
   * Sign a checkpoint over the capture tree and append it durably. A failed write is thrown
   * (after cutting the unacknowledged bytes back): the store then refuses writes.
   */
  async create(captureLeaves: readonly Buffer[], logs: CheckpointLogHeadsV1): Promise<Result<SignedCheckpointV1, StoreErrorV1>> {
    if (!this.signingKey) return err({ type: 'unsupported', message: 'no signing key: pass signingKeyPem (the office key from "sipansos init", keys/office-ed25519.pem) to sign checkpoints' });
    const treeSize = captureLeaves.length;
    const rootHash = Buffer.from(merkleRoot(captureLeaves, treeSize)).toString('hex');
    const signed = signCheckpoint({ treeSize, rootHash, at: this.now().toISOString(), logs }, this.signingKey);
    if (signed.isErr()) return err({ type: 'invalid_input', message: `signingKeyPem: ${signed.error.message}`, issues: [{ path: 'signingKeyPem', message: signed.error.message }] });
    const checkpoint = signed.value;
    const keyFile = this.layout.checkpointKey(checkpoint.keyId);
    const hasKey = await stat(keyFile).then(() => true, () => false);
    if (!hasKey) {
      const publicPem = publicKeyPemOf(this.signingKey);
      if (publicPem.isErr()) return err({ type: 'invalid_input', message: publicPem.error.message, issues: [{ path: 'signingKeyPem', message: publicPem.error.message }] });
      await writeFileDurably(keyFile, publicPem.value, this.layout.blobsTmpDir, this.fsync);
    }
    const line = Buffer.from(`${checkpointLine(checkpoint)}\n`);
    try {
      this.handle ??= await open(this.layout.checkpoints, 'a', FILE_MODE);
      await writeFully(this.handle, line);
      await this.fsync(this.handle, this.layout.checkpoints);
    } catch (error) {
      await this.handle?.truncate(this.bytes).catch(() => undefined);
      throw error;
    }
    this.bytes += line.byteLength;
    this.checkpoints.push(checkpoint);
    return ok(checkpoint);
  }

  /** The inclusion proof of the capture at `leafIndex` under the latest checkpoint. */
  inclusionProof(captureLeaves: readonly Buffer[], captureId: string, leafIndex: number, entryHash: string): Result<InclusionProofV1, StoreErrorV1> {
    const checkpoint = this.latest();
    if (!checkpoint || checkpoint.treeSize <= leafIndex) {
      return err({ type: 'not_found', what: 'checkpoint', id: captureId, message: `capture "${captureId}" is not yet under a signed checkpoint; create one first (proofs.createCheckpoint)` });
    }
    const path = merkleInclusionPath(captureLeaves, leafIndex, checkpoint.treeSize).map((node) => Buffer.from(node).toString('hex'));
    return ok({ captureId, leafIndex, leafHash: captureLeafHash(entryHash), treeSize: checkpoint.treeSize, path, checkpoint });
  }

  /** The office public key: from the signing key, else the key file of the latest checkpoint. */
  async publicKeyPem(): Promise<Result<string, StoreErrorV1>> {
    if (this.signingKey) {
      const pem = publicKeyPemOf(this.signingKey);
      return pem.isErr() ? err({ type: 'invalid_input', message: pem.error.message, issues: [{ path: 'signingKeyPem', message: pem.error.message }] }) : ok(pem.value);
    }
    const latest = this.latest();
    if (!latest) return err({ type: 'unsupported', message: 'no signing key was given and the store holds no checkpoint yet' });
    try {
      const pem = await readFile(this.layout.checkpointKey(latest.keyId), 'utf8');
      if (keyIdOf(pem) !== latest.keyId) return err({ type: 'corrupt', message: `checkpoint key file for ${latest.keyId} does not hold that key`, file: this.layout.relative(this.layout.checkpointKey(latest.keyId)) });
      return ok(pem);
    } catch (error) {
      return err(ioError('read the checkpoint key', error));
    }
  }

  async close(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
  }
}
