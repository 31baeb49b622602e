import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * `datapackage-digest.json` signed per WACZ Signing and Verification 0.1.0, anonymous mode:
 * an ECDSA signature (P-384, SHA-256, IEEE P1363 `r||s`, base64) over the UTF-8 text of
 * `hash` (`sha256:<hex of datapackage.json>`), with the public key as base64 SPKI DER.
 * ArchiveWeb.page signs the same way; the key is distributed out of band like the office's
 * Ed25519 key.
 */
export interface WaczSignedData {
  hash: string;
  created: string;
  software: string;
  version: string;
  signature: string;
  publicKey: string;
}

/** `datapackage-digest.json`. */
export interface WaczDigest {
  path: 'datapackage.json';
  hash: string;
  signedData: WaczSignedData;
}

/**
 * The office's WACZ key (ECDSA P-384, PKCS#8 PEM). A missing file is created (mode 0600, never
 * overwritten): WACZ signatures need ECDSA, which the office's Ed25519 key is not.
 */
export async function loadOrCreateWaczKey(file: string): Promise<{ key: KeyObject; created: boolean }> {
  try {
    const key = createPrivateKey(await readFile(file, 'utf8'));
    if (key.asymmetricKeyType !== 'ec') throw new Error(`${file} is not an ECDSA key`);
    return { key, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  return { key: privateKey, created: true };
}

/** Base64 SPKI DER of a key's public half: the `publicKey` of the signed data. */
export function waczPublicKeyOf(key: KeyObject): string {
  return createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64');
}

/** Sign the hash of `datapackage.json`. */
export function signWaczDigest(hash: string, key: KeyObject, meta: { created: string; software: string; version: string }): WaczDigest {
  const signature = sign('sha256', Buffer.from(hash, 'utf8'), { key, dsaEncoding: 'ieee-p1363' }).toString('base64');
  return { path: 'datapackage.json', hash, signedData: { hash, created: meta.created, software: meta.software, version: meta.version, signature, publicKey: waczPublicKeyOf(key) } };
}

/** Whether an anonymous signature holds for its own public key (authorship needs the key known out of band). */
export function verifyWaczSignature(signed: Pick<WaczSignedData, 'hash' | 'signature' | 'publicKey'>): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(signed.publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify('sha256', Buffer.from(signed.hash, 'utf8'), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signed.signature, 'base64'));
  } catch {
    return false;
  }
}
