import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createFsStore } from '@sipansos/store-fs';
import { buildCaseFixture, hostilePostText, TINY_PNG } from '../../core/src/report/__fixtures__/case-fixture.js';

/**
 * An office folder whose store holds one invented ASN's post, its captures and finding, plus
 * `extraBlobs` raw bodies (a store that has run for a while), under `parent`.
 */
export async function caseOffice(parent: string, extraBlobs = 0): Promise<string> {
  const dir = await mkdtemp(path.join(parent, 'sipansos-office-'));
  const { privateKey } = generateKeyPairSync('ed25519');
  const signingKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await mkdir(path.join(dir, 'keys'));
  await writeFile(path.join(dir, 'keys', 'office-ed25519.pem'), signingKeyPem, { mode: 0o600 });
  const text = hostilePostText();
  const fixture = buildCaseFixture({ text, editedText: `${text.slice(0, -5)}EDIT!` });
  await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ office: 'Bawaslu Kabupaten Lembah Harapan', actor: 'petugas-a' }));
  await writeFile(path.join(dir, 'subjects.json'), JSON.stringify([fixture.subject]));
  const store = createFsStore({ dir: path.join(dir, 'store'), signingKeyPem });
  (await store.open())._unsafeUnwrap();
  (await store.putBlob(fixture.rawBody))._unsafeUnwrap();
  (await store.putBlob(TINY_PNG))._unsafeUnwrap();
  for (let index = 0; index < extraBlobs; index++) (await store.putBlob(randomBytes(2048)))._unsafeUnwrap();
  (await store.append('capture', fixture.captures))._unsafeUnwrap();
  (await store.append('finding', fixture.findings))._unsafeUnwrap();
  (await store.close())._unsafeUnwrap();
  return dir;
}
