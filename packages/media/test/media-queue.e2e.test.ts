import { beforeAll, describe, expect, it } from 'vitest';
import { type Capture, createMemoryStore, EXAMPLE_CONTEXT, EXAMPLE_SUBJECTS, ElectionContextSchema, type Finding, SubjectSchema, type CaptureInput, CaptureSchema } from '@sipansos/core';
import { openCase } from '@sipansos/core/cases';
import { renderEvidenceReport, type EvidenceReportInput } from '@sipansos/core/report';
import { BUILTIN_RULE_SETS, compileRules } from '@sipansos/core/rules';
import { degrade, posterSpec, renderPoster } from '../src/__fixtures__/render-poster.js';
import { requireTesseract } from '../src/__fixtures__/tesseract-present.js';
import { CAMPAIGN_IMAGE_RULE_ID } from '../src/campaign-finding.js';
import { createMediaQueue } from '../src/media-queue.js';
import { MEDIA_AUDIT_TARGET } from '../src/media-analysis-store.js';

beforeAll(() => requireTesseract());

const context = ElectionContextSchema.parse(EXAMPLE_CONTEXT);
const subjects = EXAMPLE_SUBJECTS.map((subject) => SubjectSchema.parse(subject));
const rules = compileRules(BUILTIN_RULE_SETS, context)._unsafeUnwrap();

function capture(id: string, handle: string, items: CaptureInput['items'], capturedAt: string): CaptureInput {
  return { id, adapter: { id: 'test', version: '1' }, platform: 'x', account: { platform: 'x', handle }, accountKey: `x:@${handle}`, scope: 'timeline', capturedAt, items, window: { complete: true } };
}

/** A case on the civil servant's findings, as staff would open it, for the evidence report. */
function reportInput(captures: Capture[], findings: Finding[]): EvidenceReportInput {
  const opened = openCase({ id: 'K-2024-900', title: 'Poster paslon', subjectId: 'asn-001', findingIds: findings.map((finding) => finding.id), captureIds: captures.map((entry) => entry.id), actor: 'petugas-contoh', at: '2024-10-23T02:00:00Z', reason: 'temuan gambar / image finding' })._unsafeUnwrap();
  return { office: { name: 'Bawaslu Kabupaten Contoh' }, case: opened, subject: subjects.find((subject) => subject.id === 'asn-001'), findings, captures, generatedAt: '2024-10-23T03:00:00Z', generatedBy: 'petugas-contoh' };
}

describe('media queue beside a monitor (OCR + campaign pictures, stored)', () => {
  it('turns a shared campaign poster and a banner photo into findings with the image, the box, both hashes and the distance', async () => {
    const store = createMemoryStore();
    const poster = await renderPoster({ seed: 77, ballotNumber: 2, call: 'Coblos No. 2', names: 'Bagus Wiratmaja – Sekar Pramesti', slogan: 'Harapan Baru untuk Lembah', kind: 'poster' });
    const shared = await degrade(poster, 'screenshot_twice');
    const banner = await renderPoster({ seed: 78, ballotNumber: 1, call: 'Coblos No. 1', names: 'Arman Sasmita – Rina Kartikasari', slogan: 'Lembah Maju Bersama', kind: 'banner' });
    const posterBlob = (await store.putBlob(poster))._unsafeUnwrap().sha256;
    const sharedBlob = (await store.putBlob(shared))._unsafeUnwrap().sha256;
    const bannerBlob = (await store.putBlob(banner))._unsafeUnwrap().sha256;
    const captures = [
      // The civil servant's share arrives before the pair's own post: matching works in either order.
      capture('cap-asn', 'yudhapw_guru', [
        { platform: 'x', id: '9001', kind: 'post', author: { handle: 'yudhapw_guru' }, createdAt: '2024-10-20T02:00:00Z', media: [{ type: 'photo', blobSha256: sharedBlob }] },
        { platform: 'x', id: '9002', kind: 'post', author: { handle: 'yudhapw_guru' }, createdAt: '2024-10-21T02:00:00Z', text: 'Kegiatan sore ini', media: [{ type: 'photo', blobSha256: bannerBlob }] },
      ], '2024-10-22T03:00:00Z'),
      capture('cap-pair2', 'baskara_resmi', [{ platform: 'x', id: '8001', kind: 'post', author: { handle: 'baskara_resmi' }, createdAt: '2024-10-02T12:00:00Z', text: 'Poster resmi', media: [{ type: 'photo', blobSha256: posterBlob }] }], '2024-10-22T03:00:00Z'),
    ].map((input) => CaptureSchema.parse(input));
    (await store.append('capture', captures))._unsafeUnwrap();

    const media = createMediaQueue({ store, context, subjects, rules, concurrency: 1 });
    // The monitor's progress events queue the work; nothing waits for it.
    for (const entry of captures) media.listener({ type: 'capture_stored', cycleId: 'c1', accountKey: entry.accountKey, scope: 'timeline', captureId: entry.id, items: entry.items.length, reused: false, at: entry.capturedAt });
    const report = await media.drain({ deadlineMs: 240_000 });
    expect(report).toMatchObject({ captures: 2, images: 3, hashed: 3, references: 1, unfinished: 0, problems: [] });

    const findings = (await store.query('finding'))._unsafeUnwrap().map((entry) => entry.record);
    const shares = findings.filter((finding) => finding.ruleId === CAMPAIGN_IMAGE_RULE_ID);
    expect(shares).toHaveLength(1);
    expect(shares[0]).toMatchObject({ subjectId: 'asn-001', itemKey: 'x:9001', title: { id: expect.stringContaining('Membagikan materi kampanye paslon 2'), en: expect.stringContaining('Shares campaign material of pair 2') } });
    expect(shares[0]!.evidence.rawBlobs).toEqual(expect.arrayContaining([sharedBlob, posterBlob]));
    expect(shares[0]!.notes.join(' ')).toMatch(/berjarak \d+ bit/);
    expect(shares[0]!.spans[0]!.image?.blobSha256).toBe(sharedBlob);

    const bannerFindings = findings.filter((finding) => finding.itemKey === 'x:9002');
    expect(bannerFindings.length).toBeGreaterThan(0);
    for (const finding of bannerFindings) expect(finding.evidence.rawBlobs).toContain(bannerBlob);
    const span = bannerFindings.flatMap((finding) => finding.spans).find((entry) => entry.field === 'media_text.0' && /coblos/i.test(entry.text));
    expect(span?.image?.blobSha256).toBe(bannerBlob);
    // The call is drawn from x = 480, its letters between y ≈ 100 and 150, on the 1200×400 banner: the box covers it.
    const box = span!.image!.box;
    expect(box.x).toBeGreaterThan(440);
    expect(box.x).toBeLessThan(520);
    expect(box.y).toBeLessThanOrEqual(105);
    expect(box.y + box.height).toBeGreaterThanOrEqual(145);
    expect(box.y + box.height).toBeLessThan(200);
    expect(span!.image!.size).toEqual({ width: 1200, height: 400 });

    // The evidence report draws that box on the picture.
    const html = renderEvidenceReport({ ...reportInput(captures, findings), blobs: new Map([[bannerBlob, { bytes: banner, mediaType: 'image/png' }]]) });
    expect(html).toMatch(/<div class="sip-boxed"><img src="data:image\/png;base64,[^"]+" alt=""><div class="sip-box" style="left:[\d.]+%;top:[\d.]+%;width:[\d.]+%;height:[\d.]+%"><\/div>/);

    // Derived records are tied to each blob (the candidate's own poster is read too: rules bind
    // candidates as well) and reused: a second run reads nothing again and adds nothing.
    const derived = (await store.query('audit', { category: MEDIA_AUDIT_TARGET }))._unsafeUnwrap();
    expect(derived.map((entry) => entry.record.action).sort()).toEqual(['media.fingerprint', 'media.fingerprint', 'media.fingerprint', 'media.ocr', 'media.ocr', 'media.ocr']);
    const again = createMediaQueue({ store, context, subjects, rules, ocr: { binary: '/nonexistent/tesseract' } });
    expect((await again.enqueueStore())._unsafeUnwrap()).toBe(2);
    const second = await again.drain();
    expect(second).toMatchObject({ findings: 0, read: 3, problems: [] });
    expect(second.ocrSkipped).toBeUndefined();
    expect((await store.query('audit', { category: MEDIA_AUDIT_TARGET }))._unsafeUnwrap()).toHaveLength(6);
    expect((await store.verify())._unsafeUnwrap().ok).toBe(true);
  }, 300_000);

  it('skips OCR with a clear note when Tesseract is missing, and still matches pictures', async () => {
    const store = createMemoryStore();
    const banner = await renderPoster({ seed: 79, ballotNumber: 3, call: 'Coblos No. 3', names: 'Citra Halim – Darma Saputra', slogan: 'Kerja Nyata Bukan Janji', kind: 'banner' });
    const blob = (await store.putBlob(banner))._unsafeUnwrap().sha256;
    const entry = CaptureSchema.parse(capture('cap-1', 'yudhapw_guru', [{ platform: 'x', id: '9101', kind: 'post', author: { handle: 'yudhapw_guru' }, createdAt: '2024-10-20T02:00:00Z', media: [{ type: 'photo', blobSha256: blob }] }], '2024-10-22T03:00:00Z'));
    (await store.append('capture', [entry]))._unsafeUnwrap();
    const media = createMediaQueue({ store, context, subjects, rules, ocr: { binary: '/nonexistent/tesseract' } });
    media.enqueueCapture('cap-1');
    const report = await media.drain();
    expect(report.ocrSkipped).toContain('scripts/services/install-tesseract.sh');
    expect(report).toMatchObject({ images: 1, hashed: 1, read: 0 });
  });
});
