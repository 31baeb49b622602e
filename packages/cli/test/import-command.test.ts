import { generateKeyPairSync } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Capture } from '@sipansos/core';
import { sha256Hex } from '@sipansos/core/evidence';
import { createFsStore } from '@sipansos/store-fs';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';
import { EXAMPLE_CONTEXT } from '@sipansos/testkit';

const fixture = (pkg: string, name: string): string => fileURLToPath(new URL(`../../${pkg}/src/__fixtures__/${name}`, import.meta.url));

const SUBJECTS = [
  {
    id: 'asn-101',
    name: 'Sari Wulandari Contoh',
    category: 'asn',
    agency: 'Dinas Pendidikan Kabupaten Contoh',
    accounts: [
      { platform: 'facebook', handle: 'sari.wulandari.contoh' },
      { platform: 'instagram', handle: 'dewi.lestari.contoh' },
    ],
  },
  { id: 'kades-103', name: 'Kepala Desa Sukamaju Contoh', category: 'kepala_desa', accounts: [{ platform: 'facebook', handle: 'infodesasukamaju.contoh' }] },
  { id: 'ptt-102', name: 'Rudi Hartono Contoh', category: 'ptt', accounts: [{ platform: 'instagram', handle: 'rudi.hartono.contoh' }, { platform: 'instagram', handle: 'rudi.kedua.contoh' }] },
];

async function office(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-import-'));
  await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ subjects: 'subjects.json', store: { dir: 'store' }, actor: 'petugas.kantor' }));
  await writeFile(path.join(dir, 'subjects.json'), JSON.stringify(SUBJECTS));
  await writeFile(path.join(dir, 'election.json'), JSON.stringify(EXAMPLE_CONTEXT));
  await mkdir(path.join(dir, 'keys'));
  await writeFile(path.join(dir, 'keys', 'office-ed25519.pem'), generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  return dir;
}

async function readStore(dir: string) {
  const store = createFsStore({ dir: path.join(dir, 'store'), readOnly: true });
  (await store.open())._unsafeUnwrap();
  try {
    const captures = (await store.query('capture'))._unsafeUnwrap().map((entry) => entry.record as Capture);
    const audit = (await store.query('audit'))._unsafeUnwrap().map((entry) => entry.record);
    const blobs = await Promise.all(captures.flatMap((capture) => capture.rawBlobs).map(async (sha) => (await store.getBlob(sha))._unsafeUnwrap()));
    return { captures, audit, blobs };
  } finally {
    await store.close();
  }
}

describe('sipansos import', () => {
  it('stores a saved MHTML Facebook page as a manual capture with the items read from it, and audits it', async () => {
    const dir = await office();
    await copyFile(fixture('adapter-facebook', 'facebook-profile-saved.mhtml'), path.join(dir, 'sari.mhtml'));
    const io = memoryIo(dir);
    const code = await main(['import', 'sari.mhtml', '--subject', 'asn-101', '--url', 'https://m.facebook.com/sari.wulandari.contoh', '--note', 'dilihat 21 Nov pukul 09.30', '--actor', 'andi.pengawas'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(io.out()).toContain('unggahan terbaca / items read: 2');
    const { captures, audit, blobs } = await readStore(dir);
    expect(captures).toHaveLength(1);
    const capture = captures[0] as Capture;
    expect(capture.adapter.id).toBe('manual');
    expect(capture.accountKey).toBe('facebook:@sari.wulandari.contoh');
    expect(capture.manual).toMatchObject({ importedBy: 'andi.pengawas', sourceUrl: 'https://m.facebook.com/sari.wulandari.contoh', note: 'dilihat 21 Nov pukul 09.30', fileName: 'sari.mhtml', mediaType: 'multipart/related' });
    expect(capture.items.map((item) => item.id)).toEqual(['1234567890123456', '1234567890999999']);
    expect(sha256Hex(blobs[0] ?? new Uint8Array())).toBe(capture.rawBlobs[0]);
    expect(audit).toEqual([expect.objectContaining({ actor: 'andi.pengawas', action: 'import.capture', target: { kind: 'capture', id: capture.id }, details: expect.objectContaining({ subjectId: 'asn-101', items: 2, format: 'mhtml' }) })]);
  });

  it('runs the rules on the items a person saved: a village Page sharing a ballot call in the campaign period becomes a neutrality finding', async () => {
    const dir = await office();
    await copyFile(fixture('adapter-facebook', 'facebook-page-public.html'), path.join(dir, 'desa.html'));
    const io = memoryIo(dir);
    const code = await main(['import', 'desa.html', '--subject', 'kades-103', '--url', 'https://www.facebook.com/infodesasukamaju.contoh', '--json'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(io.out()) as { captureId: string; findings: number };
    expect(summary.findings).toBeGreaterThan(0);
    const store = createFsStore({ dir: path.join(dir, 'store'), readOnly: true });
    (await store.open())._unsafeUnwrap();
    try {
      const findings = (await store.query('finding'))._unsafeUnwrap().map((entry) => entry.record);
      expect(findings).toHaveLength(summary.findings);
      // The shared ballot call (18 Nov 2024, campaign period), not the village's turnout notice.
      expect(findings.every((finding) => finding.subjectId === 'kades-103' && finding.evidence.captureId === summary.captureId)).toBe(true);
      expect(findings.some((finding) => finding.category === 'neutrality' && finding.phase === 'campaign' && finding.spans.some((span) => /Nomor 2|Coblos2/.test(span.text)))).toBe(true);
      expect(findings.some((finding) => finding.spans.some((span) => /sukseskan Pilkada/.test(span.text)))).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('keeps a screenshot as evidence without items, recorded as imported by the config actor', async () => {
    const dir = await office();
    await writeFile(path.join(dir, 'layar.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const io = memoryIo(dir);
    expect(await main(['import', 'layar.png', '--subject', 'asn-101', '--url', 'https://www.instagram.com/dewi.lestari.contoh/', '--json'], io)).toBe(0);
    const summary = JSON.parse(io.out()) as { format: string; items: number; accountKey: string };
    expect(summary).toMatchObject({ format: 'png', items: 0, accountKey: 'instagram:@dewi.lestari.contoh' });
    const { captures } = await readStore(dir);
    expect(captures[0]?.manual).toMatchObject({ importedBy: 'petugas.kantor', mediaType: 'image/png' });
  });

  it('refuses a saved login wall and stores nothing', async () => {
    const dir = await office();
    await copyFile(fixture('adapter-facebook', 'facebook-login-wall.html'), path.join(dir, 'login.html'));
    const io = memoryIo(dir);
    expect(await main(['import', 'login.html', '--subject', 'asn-101', '--url', 'https://www.facebook.com/sari.wulandari.contoh'], io)).toBe(1);
    expect(io.err()).toMatch(/^galat: halaman ini adalah halaman login/);
    const { captures, audit } = await readStore(dir);
    expect(captures).toEqual([]);
    expect(audit).toEqual([]);
  });

  it('picks the subject account named in the URL when the subject has several', async () => {
    const dir = await office();
    await copyFile(fixture('adapter-instagram', 'instagram-profile-saved-dom.html'), path.join(dir, 'rudi.html'));
    const io = memoryIo(dir);
    expect(await main(['import', 'rudi.html', '--subject', 'ptt-102', '--url', 'https://www.instagram.com/rudi.hartono.contoh/'], io)).toBe(0);
    const { captures } = await readStore(dir);
    expect(captures[0]?.accountKey).toBe('instagram:@rudi.hartono.contoh');
    expect(captures[0]?.items).toHaveLength(3);
  });

  it('asks for --handle when the URL does not say which of several accounts', async () => {
    const dir = await office();
    await copyFile(fixture('adapter-instagram', 'instagram-post-with-comments.html'), path.join(dir, 'post.html'));
    const io = memoryIo(dir);
    expect(await main(['import', 'post.html', '--subject', 'ptt-102', '--url', 'https://www.instagram.com/p/DCkOpi0003x/'], io)).toBe(1);
    expect(io.err()).toContain('--handle');
  });

  it('keeps a page with unrecognised markup as evidence and warns with its hash', async () => {
    const dir = await office();
    await copyFile(fixture('adapter-facebook', 'facebook-page-drifted.html'), path.join(dir, 'baru.html'));
    const io = memoryIo(dir);
    expect(await main(['import', 'baru.html', '--subject', 'asn-101', '--url', 'https://www.facebook.com/sari.wulandari.contoh'], io)).toBe(0);
    expect(io.err()).toContain('peringatan / warning: no items read: Facebook page markup not recognised');
    const { audit } = await readStore(dir);
    expect(audit[0]).toMatchObject({ details: { parseProblem: 'parse', items: 0 } });
  });

  it('checks its arguments before touching the store', async () => {
    const dir = await office();
    const missingUrl = memoryIo(dir);
    expect(await main(['import', 'x.html', '--subject', 'asn-101'], missingUrl)).toBe(2);
    expect(missingUrl.err()).toContain('--url');
    const unknownSubject = memoryIo(dir);
    await writeFile(path.join(dir, 'x.html'), '<html></html>');
    expect(await main(['import', 'x.html', '--subject', 'tidak-ada', '--url', 'https://x.com/a'], unknownSubject)).toBe(1);
    expect(unknownSubject.err()).toContain('tidak-ada');
  });
});
