import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { LoadedConfig } from '../config/load-config.js';
import type { BilingualLine } from './runtime-error.js';

/** The office key as PEM, `undefined` when the config says `"signingKey": null`, or why it cannot be used. */
export type SigningKey = { pem: string | undefined } | { problem: BilingualLine };

const FIX = {
  id: 'buat kunci dengan "sipansos init" atau tulis "signingKey": null di konfigurasi bila kantor sengaja tanpa tanda tangan',
  en: 'create one with "sipansos init", or write "signingKey": null in the config if the office signs nothing on purpose',
};

/**
 * Read and check the office signing key for a command that writes evidence. A key that is missing,
 * unreadable or not Ed25519 is an error rather than a note: checkpoints would silently go unsigned.
 */
export async function loadSigningKey(config: LoadedConfig): Promise<SigningKey> {
  const configured = config.config.signingKey;
  if (configured === null) return { pem: undefined };
  const file = config.resolve(configured);
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    const why =
      code === 'ENOENT'
        ? { id: 'tidak ada', en: 'does not exist' }
        : code === 'EACCES' || code === 'EPERM'
          ? { id: 'tidak boleh dibaca oleh pengguna ini (izin berkas)', en: 'may not be read by this user (file permissions)' }
          : code === 'EISDIR'
            ? { id: 'adalah folder, bukan berkas', en: 'is a directory, not a file' }
            : { id: `tidak terbaca (${code})`, en: `cannot be read (${code})` };
    return { problem: { id: `kunci tanda tangan ${file} ${why.id}; ${FIX.id}`, en: `signing key ${file} ${why.en}; ${FIX.en}` } };
  }
  let type: string | undefined;
  try {
    type = createPrivateKey(pem).asymmetricKeyType;
  } catch {
    return {
      problem: {
        id: `kunci tanda tangan ${file} bukan kunci privat PEM yang terbaca (diharapkan "-----BEGIN PRIVATE KEY-----" Ed25519); ${FIX.id}`,
        en: `signing key ${file} is not a readable PEM private key (expected an Ed25519 "-----BEGIN PRIVATE KEY-----"); ${FIX.en}`,
      },
    };
  }
  if (type !== 'ed25519') {
    return { problem: { id: `kunci tanda tangan ${file} adalah kunci ${type ?? '?'}, bukan Ed25519; ${FIX.id}`, en: `signing key ${file} is a ${type ?? 'unknown'} key, not Ed25519; ${FIX.en}` } };
  }
  return { pem };
}
