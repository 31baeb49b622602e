import { createHash } from 'node:crypto';
import { checkpointHash, requestTimestamp, signCheckpoint, verifyCheckpointTimestamp, verifyTimestampToken } from '@sipansos/core/evidence';
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTsaCa, type TestTsaCa } from './test-tsa-ca.js';
import { startLocalTsa, type LocalTsa } from './local-tsa.js';

const imprint = createHash('sha256').update('a checkpoint').digest('hex');

describe('local RFC 3161 TSA and the token checks', () => {
  let tsa: LocalTsa;
  let other: TestTsaCa;
  beforeAll(async () => {
    tsa = await startLocalTsa();
    other = await createTestTsaCa({ name: 'Other Test TSA' });
  });
  afterAll(async () => {
    await tsa.close();
  });

  it('a token from the local TSA checks out against its root, with the nonce and genTime', async () => {
    const before = Date.now();
    const token = await requestTimestamp({ tsaUrl: tsa.url, imprint, trustAnchors: [tsa.ca.rootPem] });
    expect(token.isOk(), token.isErr() ? token.error.message : '').toBe(true);
    const value = token._unsafeUnwrap();
    expect(value.info.imprint).toBe(imprint);
    expect(value.info.signer).toContain('CN=SIPANSOS Test TSA');
    expect(value.info.nonce).toMatch(/^\d+$/);
    expect(Date.parse(value.info.genTime)).toBeGreaterThanOrEqual(before - 2000);
    const again = await verifyTimestampToken(value.token, { imprint, trustAnchors: [tsa.ca.rootPem] });
    expect(again._unsafeUnwrap().genTime).toBe(value.info.genTime);
  });

  it('answers requests made at once, each token with its own serial number', async () => {
    const tokens = await Promise.all(Array.from({ length: 24 }, () => requestTimestamp({ tsaUrl: tsa.url, imprint, trustAnchors: [tsa.ca.rootPem], retries: 0 })));
    const serials = tokens.map((token) => {
      if (token.isErr()) throw new Error(token.error.message);
      return token.value.info.serialNumber;
    });
    expect(new Set(serials).size).toBe(tokens.length);
  });

  it('a token for another digest fails as imprint_mismatch', async () => {
    const token = (await requestTimestamp({ tsaUrl: tsa.url, imprint, trustAnchors: [tsa.ca.rootPem] }))._unsafeUnwrap();
    const wrong = createHash('sha256').update('another checkpoint').digest('hex');
    const checked = await verifyTimestampToken(token.token, { imprint: wrong, trustAnchors: [tsa.ca.rootPem] });
    expect(checked._unsafeUnwrapErr().type).toBe('imprint_mismatch');
  });

  it('a token whose signature or signed time was altered fails', async () => {
    const token = (await requestTimestamp({ tsaUrl: tsa.url, imprint, trustAnchors: [tsa.ca.rootPem] }))._unsafeUnwrap();
    const signature = Uint8Array.from(token.token);
    signature[signature.length - 3] = (signature[signature.length - 3] as number) ^ 0x01;
    expect((await verifyTimestampToken(signature, { imprint, trustAnchors: [tsa.ca.rootPem] }))._unsafeUnwrapErr().type).toMatch(/^(bad_signature|invalid_token)$/);
    // genTime is a GeneralizedTime "YYYYMMDDHHMMSSZ" inside the signed TSTInfo: shift its tens of seconds.
    const text = Buffer.from(token.token).toString('latin1');
    const at = text.search(/20\d{12}Z/);
    expect(at).toBeGreaterThan(0);
    const backdated = Buffer.from(token.token);
    backdated.write(text[at + 12] === '0' ? '1' : '0', at + 12, 'latin1');
    // Ten seconds earlier may fall before the fresh signer certificate: then the chain fails first.
    expect((await verifyTimestampToken(backdated, { imprint, trustAnchors: [tsa.ca.rootPem] }))._unsafeUnwrapErr().type).toMatch(/^(bad_signature|untrusted_signer)$/);
  });

  it('a signer that does not chain to the configured roots is untrusted, and the token is not kept', async () => {
    const asked = await requestTimestamp({ tsaUrl: tsa.url, imprint, trustAnchors: [other.rootPem] });
    expect(asked._unsafeUnwrapErr()).toMatchObject({ type: 'untrusted_signer', tsaUrl: tsa.url });
  });

  it('an expired signer certificate is untrusted', async () => {
    const expired = await startLocalTsa({ expiredSigner: true, name: 'Expired Test TSA' });
    try {
      const asked = await requestTimestamp({ tsaUrl: expired.url, imprint, trustAnchors: [expired.ca.rootPem] });
      expect(asked._unsafeUnwrapErr().type).toBe('untrusted_signer');
    } finally {
      await expired.close();
    }
  });

  it('a TSA that is down fails after its retries with a typed error', async () => {
    tsa.setMode('unavailable');
    const seen = tsa.requests;
    try {
      const asked = await requestTimestamp({ tsaUrl: tsa.url, imprint, trustAnchors: [tsa.ca.rootPem], retries: 2, retryDelayMs: 10 });
      expect(asked._unsafeUnwrapErr()).toMatchObject({ type: 'tsa_http', tsaUrl: tsa.url });
      expect(tsa.requests - seen).toBe(3);
      tsa.setMode('drop');
      const dropped = await requestTimestamp({ tsaUrl: tsa.url, imprint, trustAnchors: [tsa.ca.rootPem], retries: 0 });
      expect(dropped._unsafeUnwrapErr().type).toBe('tsa_unreachable');
    } finally {
      tsa.setMode('up');
    }
  });

  it('any change to a checkpoint invalidates every token that covers it', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const checkpoint = signCheckpoint({ treeSize: 3, rootHash: 'a'.repeat(64), at: '2024-11-20T01:00:00.000Z' }, privateKey)._unsafeUnwrap();
    const hash = checkpointHash(checkpoint);
    const tokens = await Promise.all([0, 1].map(async () => (await requestTimestamp({ tsaUrl: tsa.url, imprint: hash, trustAnchors: [tsa.ca.rootPem] }))._unsafeUnwrap().token));
    for (const token of tokens) expect((await verifyCheckpointTimestamp({ checkpoint, tsaUrl: tsa.url, token, trustAnchors: [tsa.ca.rootPem] })).isOk()).toBe(true);
    const change = fc.oneof(
      fc.nat({ max: 1_000_000 }).filter((value) => value !== checkpoint.treeSize).map((treeSize) => ({ ...checkpoint, treeSize })),
      fc.stringMatching(/^[0-9a-f]{64}$/).filter((value) => value !== checkpoint.rootHash).map((rootHash) => ({ ...checkpoint, rootHash })),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()).filter((at) => at !== checkpoint.at).map((at) => ({ ...checkpoint, at })),
      fc.stringMatching(/^[0-9a-f]{64}$/).filter((value) => value !== checkpoint.keyId).map((keyId) => ({ ...checkpoint, keyId })),
      fc.uint8Array({ minLength: 64, maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64')).filter((value) => value !== checkpoint.signature).map((signature) => ({ ...checkpoint, signature })),
    );
    await fc.assert(
      fc.asyncProperty(change, async (changed) => {
        for (const token of tokens) {
          // Without the office key: the token alone must already refuse the changed checkpoint.
          const alone = await verifyCheckpointTimestamp({ checkpoint: changed, tsaUrl: tsa.url, token, trustAnchors: [tsa.ca.rootPem] });
          expect(alone._unsafeUnwrapErr().type).toBe('imprint_mismatch');
          const withKey = await verifyCheckpointTimestamp({ checkpoint: changed, tsaUrl: tsa.url, token, trustAnchors: [tsa.ca.rootPem], publicKeyPem });
          expect(withKey.isErr()).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});
