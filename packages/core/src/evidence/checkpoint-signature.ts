/**
 * Signed checkpoints: an office's Ed25519 statement "the capture log had this many entries and
 * this Merkle root at this time". Pure functions over node:crypto, so a bundle can be checked
 * offline with only the office's public key.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import { canonicalJsonOrThrow } from '../hashing/canonical-json.js';
import { RECORD_KINDS } from '../records/record-kinds.js';
import type { CheckpointLogHeadsV1, SignedCheckpointV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';

/** Why a checkpoint or proof did not check out. */
export interface EvidenceProofError {
  type: 'invalid_key' | 'invalid_checkpoint' | 'key_mismatch' | 'bad_signature' | 'invalid_proof' | 'root_mismatch' | 'leaf_mismatch';
  message: string;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'expected a lowercase hex sha256' });

const LogHeadSchema = z.object({ seq: z.number().int().nonnegative(), entryHash: hex64 }).strict();
const LogHeadsSchema = z.object(Object.fromEntries(RECORD_KINDS.map((kind) => [kind, LogHeadSchema])) as Record<(typeof RECORD_KINDS)[number], typeof LogHeadSchema>).strict();

/** Shape of {@link SignedCheckpointV1}, for checkpoints read from files or bundles. */
export const SignedCheckpointSchema = z.object({
  treeSize: z.number().int().nonnegative(),
  rootHash: hex64,
  at: z.string().min(1),
  keyId: hex64,
  logs: LogHeadsSchema.optional(),
  signature: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'expected base64' }),
});

/** What {@link signCheckpoint} signs besides the key id. */
export interface CheckpointInput {
  treeSize: number;
  rootHash: string;
  at: string;
  /** The head of every log; new checkpoints always carry it. */
  logs?: CheckpointLogHeadsV1;
}

function toPublicKey(key: string | KeyObject): Result<KeyObject, EvidenceProofError> {
  try {
    const object = typeof key === 'string' ? createPublicKey(key) : key.type === 'private' ? createPublicKey(key) : key;
    if (object.asymmetricKeyType !== 'ed25519') return err({ type: 'invalid_key', message: `expected an Ed25519 key, got ${object.asymmetricKeyType ?? 'unknown'}` });
    return ok(object);
  } catch (error) {
    return err({ type: 'invalid_key', message: `not a PEM public or private key: ${(error as Error).message}` });
  }
}

/**
 * The office key id: sha256 of the Ed25519 public key in SPKI DER form, hex. Accepts a public
 * or private key (PEM or KeyObject); a private key gives the id of its public half.
 * Throws on a key that is not Ed25519 PEM; use it on keys already loaded.
 */
export function keyIdOf(publicKey: string | KeyObject): string {
  const key = toPublicKey(publicKey);
  if (key.isErr()) throw new Error(key.error.message);
  return createHash('sha256').update(key.value.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** The public key (SPKI PEM) of an Ed25519 private key PEM. */
export function publicKeyPemOf(privateKeyPem: string): Result<string, EvidenceProofError> {
  const key = toPublicKey(privateKeyPem);
  return key.map((value) => value.export({ type: 'spki', format: 'pem' }).toString());
}

/**
 * The exact bytes a checkpoint signature covers: canonical JSON of
 * `{ at, keyId, logs, rootHash, treeSize }`, or `{ at, keyId, rootHash, treeSize }` for a
 * checkpoint written before log heads were signed.
 */
export function checkpointSigningPayload(checkpoint: CheckpointInput & { keyId: string }): string {
  return canonicalJsonOrThrow({ treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, at: checkpoint.at, keyId: checkpoint.keyId, ...(checkpoint.logs ? { logs: checkpoint.logs } : {}) });
}

/** Sign a checkpoint with the office's Ed25519 private key (PKCS#8 PEM, as `sipansos init` writes it). */
export function signCheckpoint(input: CheckpointInput, privateKeyPem: string | KeyObject): Result<SignedCheckpointV1, EvidenceProofError> {
  let privateKey: KeyObject;
  try {
    privateKey = typeof privateKeyPem === 'string' ? createPrivateKey(privateKeyPem) : privateKeyPem;
  } catch (error) {
    return err({ type: 'invalid_key', message: `not a PEM private key: ${(error as Error).message}` });
  }
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') return err({ type: 'invalid_key', message: 'the signing key must be an Ed25519 private key' });
  const keyId = keyIdOf(privateKey);
  const signature = sign(null, Buffer.from(checkpointSigningPayload({ ...input, keyId })), privateKey).toString('base64');
  return ok({ treeSize: input.treeSize, rootHash: input.rootHash, at: input.at, keyId, ...(input.logs ? { logs: input.logs } : {}), signature });
}

/**
 * Check a checkpoint's shape, that it names this public key, and its signature. Returns the
 * checkpoint when it is sound.
 */
export function verifyCheckpoint(checkpoint: unknown, publicKeyPem: string | KeyObject): Result<SignedCheckpointV1, EvidenceProofError> {
  const parsed = SignedCheckpointSchema.safeParse(checkpoint);
  if (!parsed.success) return err({ type: 'invalid_checkpoint', message: `checkpoint: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}` });
  const key = toPublicKey(publicKeyPem);
  if (key.isErr()) return err(key.error);
  const value = parsed.data as SignedCheckpointV1;
  if (value.logs && value.logs.capture.seq !== value.treeSize) {
    return err({ type: 'invalid_checkpoint', message: `checkpoint: logs.capture.seq ${value.logs.capture.seq} differs from treeSize ${value.treeSize}` });
  }
  const keyId = keyIdOf(key.value);
  if (keyId !== value.keyId) return err({ type: 'key_mismatch', message: `checkpoint was signed by key ${value.keyId}, not by the given key ${keyId}` });
  const good = verify(null, Buffer.from(checkpointSigningPayload(value)), key.value, Buffer.from(value.signature, 'base64'));
  if (!good) return err({ type: 'bad_signature', message: `the signature of checkpoint (tree size ${value.treeSize}, ${value.at}) does not match its content` });
  return ok(value);
}
