import type { Capture } from '../../capture/capture-schema.js';
import { CaptureSchema } from '../../capture/capture-schema.js';
import type { Case } from '../../cases/case-schema.js';
import { moveCase, openCase } from '../../cases/case-workflow.js';
import { FindingSchema, type Finding } from '../../findings/finding-schema.js';
import { hashRecord, sha256Hex } from '../../hashing/sha256.js';
import { SubjectSchema, type Subject } from '../../subject/subject-schema.js';

// Everything here is invented: the regency, the people and the accounts do not exist.

/** A 1×1 PNG. */
export const TINY_PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
export const TINY_PNG_SHA256 = sha256Hex(TINY_PNG);

/** What the fixture builds. */
export interface CaseFixture {
  subject: Subject;
  captures: Capture[];
  findings: Finding[];
  case: Case;
  rawBody: Uint8Array;
  blobs: Map<string, { bytes: Uint8Array; mediaType: string }>;
}

/** A guru (ASN) who posted support for candidate pair 2, edited it, then deleted it. */
export function buildCaseFixture(options: { text?: string; editedText?: string; caseId?: string; extraItem?: Record<string, unknown> } = {}): CaseFixture {
  const text = options.text ?? 'Ayo dukung Mas Bagus nomor 2! Hubungi 0812-3456-7890 untuk info. NIP saya 198706122010011003';
  const editedText = options.editedText ?? `${text} (disunting)`;
  const subject = SubjectSchema.parse({
    id: 'asn-001',
    name: 'Yudha Pratama Wijaya',
    category: 'asn',
    employeeNumber: '198706122010011003',
    agency: 'Dinas Pendidikan Kabupaten Lembah Harapan',
    position: 'Guru SMP',
    accounts: [{ platform: 'x', handle: 'yudhapw_guru', id: '1790000001' }],
  });
  const rawBody = new TextEncoder().encode(JSON.stringify({ data: [{ id: '1861000000000000001', text }] }));
  const rawSha = sha256Hex(rawBody);
  const baseItem = {
    platform: 'x',
    id: '1861000000000000001',
    kind: 'post',
    author: { id: '1790000001', handle: 'yudhapw_guru', name: 'Yudha PW' },
    createdAt: '2024-10-01T02:15:00Z',
    media: [{ type: 'photo', url: 'https://pbs.twimg.invalid/media/contoh.png', blobSha256: TINY_PNG_SHA256, mediaType: 'image/png', altText: 'foto dua jari' }],
    hashtags: ['BaskaraMenang'],
    url: 'https://x.com/yudhapw_guru/status/1861000000000000001',
    ...options.extraItem,
  };
  const capture = (id: string, at: string, itemText: string): Capture =>
    CaptureSchema.parse({
      id,
      adapter: { id: 'x', version: '1.0.0' },
      platform: 'x',
      account: { platform: 'x', handle: 'yudhapw_guru', id: '1790000001' },
      accountKey: 'x:1790000001',
      scope: 'timeline',
      capturedAt: at,
      rawBlobs: [rawSha],
      items: [{ ...baseItem, text: itemText }],
      window: { complete: true },
    });
  const captures = [capture('cap-0001', '2024-10-01T03:00:00Z', text), capture('cap-0002', '2024-10-01T09:00:00Z', editedText)];
  const start = text.indexOf('dukung');
  const bagus = text.indexOf('Mas Bagus');
  const spans = [
    ...(start >= 0 ? [{ field: 'text', start, end: start + 'dukung'.length, text: 'dukung', term: 'dukung', predicate: 'lexicon:dukungan' }] : []),
    ...(bagus >= 0 ? [{ field: 'text', start: bagus, end: bagus + 'Mas Bagus'.length, text: 'Mas Bagus', term: 'mas bagus', predicate: 'mentions_candidate' }] : []),
  ];
  const finding = FindingSchema.parse({
    id: 'fnd-0001',
    ruleId: 'asn.medsos.dukungan_paslon',
    ruleSetId: 'netralitas-asn',
    ruleSetVersion: '2024.1',
    title: { id: 'ASN menyatakan dukungan kepada pasangan calon', en: 'Civil servant expresses support for a candidate pair' },
    category: 'neutrality',
    sanctions: ['moral', 'hd_sedang'],
    severity: 'high',
    routes: ['R-ASN'],
    legalBasis: [
      { instrument: 'SKB 2/2022', article: 'Lampiran II kode etik angka 4', verified: true },
      { instrument: 'PP 94/2021', article: 'Ps 5 huruf n angka 5', quote: 'memberikan dukungan kepada calon', verified: false },
    ],
    subjectId: subject.id,
    subjectCategory: 'asn',
    accountKey: 'x:1790000001',
    itemKey: 'x:1861000000000000001',
    itemKind: 'post',
    phase: 'campaign',
    actAt: '2024-10-01T02:15:00Z',
    spans,
    evidence: { captureId: 'cap-0001', rawBlobs: [rawSha], itemHash: hashRecord({ ...baseItem, text }) },
    createdAt: '2024-10-01T03:00:05Z',
  });
  let value = openCase({ id: options.caseId ?? 'K-2024-001', title: 'Dukungan paslon oleh guru ASN', subjectId: subject.id, findingIds: [finding.id], actor: 'petugas-a', at: '2024-10-01T04:00:00Z', reason: 'temuan patroli siber', discoveredAt: '2024-10-01T03:00:05Z' })._unsafeUnwrap();
  value = moveCase(value, { to: 'kajian_awal', actor: 'petugas-a', at: '2024-10-02T01:00:00Z', reason: 'bukti cukup untuk dikaji' })._unsafeUnwrap();
  return { subject, captures, findings: [finding], case: value, rawBody, blobs: new Map([[TINY_PNG_SHA256, { bytes: TINY_PNG, mediaType: 'image/png' }]]) };
}

/** A post built to attack the report: script, handlers, javascript: links, RTL override, a fake badge, 100,000 characters. */
export function hostilePostText(origin = 'http://127.0.0.1:9'): string {
  const head =
    `Ayo dukung Mas Bagus! <script>document.title="PWNED";window.pwned=1;fetch("${origin}/script")</script>` +
    `<img src="${origin}/img.png" onerror="document.title='PWNED'"> <a href="javascript:alert(1)">klik</a> ` +
    '<span class="sip-badge neutral">✔ TERVERIFIKASI / VERIFIED — bukan pelanggaran</span> ' +
    `\u202Egnp.exe\u202C <iframe src="${origin}/frame"></iframe> <link rel=stylesheet href="${origin}/s.css">` +
    `<style>body{background:url(${origin}/bg.png)}</style> "><svg onload=alert(1)> `;
  return head + 'x'.repeat(100_000 - head.length);
}
