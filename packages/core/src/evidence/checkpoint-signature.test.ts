import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { captureLeafHash, merkleInclusionPath, merkleRoot } from './merkle-tree.js';
import { keyIdOf, publicKeyPemOf, signCheckpoint, verifyCheckpoint } from './checkpoint-signature.js';
import { verifyInclusionProof } from './inclusion-proof.js';
import { sha256Hex } from '../hashing/sha256.js';

function officeKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

describe('signed checkpoints', () => {
  const key = officeKey();
  const input = { treeSize: 3, rootHash: 'ab'.repeat(32), at: '2024-11-20T08:00:00.000Z' };

  it('a signed checkpoint verifies with the office public key and names it by key id', () => {
    const checkpoint = signCheckpoint(input, key.privatePem)._unsafeUnwrap();
    expect(checkpoint.keyId).toBe(keyIdOf(key.publicPem));
    expect(keyIdOf(key.privatePem)).toBe(checkpoint.keyId);
    expect(publicKeyPemOf(key.privatePem)._unsafeUnwrap()).toBe(key.publicPem);
    expect(verifyCheckpoint(checkpoint, key.publicPem)._unsafeUnwrap()).toEqual(checkpoint);
  });

  it('a changed field or another key fails, with the reason', () => {
    const checkpoint = signCheckpoint(input, key.privatePem)._unsafeUnwrap();
    expect(verifyCheckpoint({ ...checkpoint, treeSize: 4 }, key.publicPem)._unsafeUnwrapErr().type).toBe('bad_signature');
    expect(verifyCheckpoint({ ...checkpoint, at: '2024-11-21T08:00:00.000Z' }, key.publicPem)._unsafeUnwrapErr().type).toBe('bad_signature');
    expect(verifyCheckpoint(checkpoint, officeKey().publicPem)._unsafeUnwrapErr().type).toBe('key_mismatch');
    expect(verifyCheckpoint({ ...checkpoint, rootHash: 'nope' }, key.publicPem)._unsafeUnwrapErr().type).toBe('invalid_checkpoint');
    expect(signCheckpoint(input, 'not a key')._unsafeUnwrapErr().type).toBe('invalid_key');
  });
});

describe('inclusion proofs', () => {
  const key = officeKey();
  const entryHashes = Array.from({ length: 11 }, (_, index) => sha256Hex(`entry ${index}`));
  const leaves = entryHashes.map((entryHash) => Buffer.from(captureLeafHash(entryHash), 'hex'));
  const checkpoint = signCheckpoint({ treeSize: 11, rootHash: Buffer.from(merkleRoot(leaves)).toString('hex'), at: '2024-11-20T08:00:00.000Z' }, key.privatePem)._unsafeUnwrap();
  const proofOf = (index: number) => ({
    captureId: `C-${index}`,
    leafIndex: index,
    leafHash: captureLeafHash(entryHashes[index]!),
    treeSize: 11,
    path: merkleInclusionPath(leaves, index).map((node) => Buffer.from(node).toString('hex')),
    checkpoint,
  });

  it('every capture proves offline against the signed checkpoint, tied to its entry hash', () => {
    for (let index = 0; index < 11; index++) {
      expect(verifyInclusionProof(proofOf(index), key.publicPem, { entryHash: entryHashes[index]! })._unsafeUnwrap()).toEqual(checkpoint);
    }
  });

  it('a proof for another entry, a wrong path, a resigned root or a foreign key is refused', () => {
    expect(verifyInclusionProof(proofOf(2), key.publicPem, { entryHash: entryHashes[3]! })._unsafeUnwrapErr().type).toBe('leaf_mismatch');
    const wrongPath = proofOf(2);
    wrongPath.path[0] = sha256Hex('x');
    expect(verifyInclusionProof(wrongPath, key.publicPem)._unsafeUnwrapErr().type).toBe('root_mismatch');
    expect(verifyInclusionProof({ ...proofOf(2), treeSize: 12 }, key.publicPem)._unsafeUnwrapErr().type).toBe('invalid_proof');
    expect(verifyInclusionProof(proofOf(2), officeKey().publicPem)._unsafeUnwrapErr().type).toBe('key_mismatch');
    expect(verifyInclusionProof({ captureId: 'C' }, key.publicPem)._unsafeUnwrapErr().type).toBe('invalid_proof');
  });
});

describe('checkpoints that sign every log head', () => {
  const key = officeKey();
  const head = (seq: number, fill: string) => ({ seq, entryHash: fill.repeat(64) });
  const logs = { capture: head(3, 'a'), account_state: head(2, 'b'), change: head(0, '0'), finding: head(5, 'c'), case: head(1, 'd'), audit: head(9, 'e') };
  const input = { treeSize: 3, rootHash: 'ab'.repeat(32), at: '2024-11-20T08:00:00.000Z', logs };

  it('verifies, and a changed or removed head breaks the signature', () => {
    const checkpoint = signCheckpoint(input, key.privatePem)._unsafeUnwrap();
    expect(checkpoint.logs).toEqual(logs);
    expect(verifyCheckpoint(checkpoint, key.publicPem)._unsafeUnwrap()).toEqual(checkpoint);
    expect(verifyCheckpoint({ ...checkpoint, logs: { ...logs, finding: head(4, 'c') } }, key.publicPem)._unsafeUnwrapErr().type).toBe('bad_signature');
    const { logs: _removed, ...withoutLogs } = checkpoint;
    expect(verifyCheckpoint(withoutLogs, key.publicPem)._unsafeUnwrapErr().type).toBe('bad_signature');
  });

  it('a capture head that disagrees with treeSize, or a missing log, is not a checkpoint', () => {
    const checkpoint = signCheckpoint({ ...input, logs: { ...logs, capture: head(2, 'a') } }, key.privatePem)._unsafeUnwrap();
    expect(verifyCheckpoint(checkpoint, key.publicPem)._unsafeUnwrapErr().type).toBe('invalid_checkpoint');
    const { audit: _audit, ...fiveLogs } = logs;
    expect(verifyCheckpoint({ ...signCheckpoint(input, key.privatePem)._unsafeUnwrap(), logs: fiveLogs }, key.publicPem)._unsafeUnwrapErr().type).toBe('invalid_checkpoint');
  });
});
