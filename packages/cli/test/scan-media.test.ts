import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sha256Hex } from '@sipansos/core/evidence';
import { EXAMPLE_CONTEXT, EXAMPLE_SUBJECTS } from '@sipansos/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { degrade, renderPoster } from '../../media/src/__fixtures__/render-poster.js';
import { requireTesseract } from '../../media/src/__fixtures__/tesseract-present.js';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

beforeAll(() => requireTesseract());

describe('sipansos scan --media', () => {
  it('reads a banner held by a civil servant and matches a shared copy of a pair poster, with the image and box in each finding', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-scan-media-'));
    await writeFile(path.join(dir, 'election.json'), JSON.stringify(EXAMPLE_CONTEXT));
    await writeFile(path.join(dir, 'subjects.json'), JSON.stringify(EXAMPLE_SUBJECTS));
    await mkdir(path.join(dir, 'gambar'));
    const poster = await renderPoster({ seed: 91, ballotNumber: 3, call: 'Coblos No. 3', names: 'Citra Halim – Darma Saputra', slogan: 'Kerja Nyata Bukan Janji', kind: 'poster' });
    const copy = await degrade(poster, 'crop_10', 4);
    const banner = await renderPoster({ seed: 92, ballotNumber: 2, call: 'Coblos No. 2', names: 'Bagus Wiratmaja – Sekar Pramesti', slogan: 'Harapan Baru untuk Lembah', kind: 'banner' });
    const shas = [poster, copy, banner].map((bytes) => sha256Hex(bytes));
    for (const [index, bytes] of [poster, copy, banner].entries()) await writeFile(path.join(dir, 'gambar', shas[index]!), bytes);
    const lines = [
      { platform: 'x', id: '71', kind: 'post', author: { handle: 'yudhapw_guru' }, createdAt: '2024-10-15T19:30:00+07:00', media: [{ type: 'photo', blobSha256: shas[1] }] },
      { platform: 'x', id: '72', kind: 'post', author: { handle: 'cidar_resmi' }, createdAt: '2024-10-10T19:30:00+07:00', text: 'Poster resmi', media: [{ type: 'photo', blobSha256: shas[0] }] },
      { platform: 'x', id: '73', kind: 'post', author: { handle: 'yudhapw_guru' }, createdAt: '2024-10-16T19:30:00+07:00', text: 'Sore di balai desa', media: [{ type: 'photo', blobSha256: shas[2] }] },
    ];
    await writeFile(path.join(dir, 'items.jsonl'), `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const io = memoryIo(dir);
    const code = await main(['scan', '--context', 'election.json', '--subjects', 'subjects.json', '--now', '2024-10-20T00:00:00Z', '--media', '--blobs', 'gambar', 'items.jsonl'], io);
    expect(io.err()).not.toMatch(/galat|error:/);
    expect(code).toBe(0);
    const findings = io.out().trim().split('\n').map((line) => JSON.parse(line) as { itemId: string; ruleId: string; title: { id: string; en: string }; spans: Array<{ field: string; text: string; image?: { blobSha256: string; box: { x: number } } }> });
    const share = findings.find((finding) => finding.ruleId === 'media.materi_kampanye');
    expect(share).toMatchObject({ itemId: '71', title: { id: expect.stringContaining('paslon 3'), en: expect.stringContaining('pair 3') } });
    expect(share!.spans[0]!.image!.blobSha256).toBe(shas[1]);
    const bannerSpan = findings.filter((finding) => finding.itemId === '73').flatMap((finding) => finding.spans).find((span) => span.field === 'media_text.0');
    expect(bannerSpan?.image?.blobSha256).toBe(shas[2]);
    expect(bannerSpan!.image!.box.x).toBeGreaterThan(400);
  }, 240_000);

  it('needs --blobs with --media', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-scan-media-'));
    const io = memoryIo(dir);
    expect(await main(['scan', '--context', 'election.json', '--subjects', 'subjects.json', '--media', 'items.jsonl'], io)).toBe(2);
    expect(io.err()).toMatch(/--media perlu --blobs DIR .* \/ .*--media needs --blobs DIR/);
  });
});
