import { describe, expect, it } from 'vitest';
import { moveCase } from '../cases/case-workflow.js';
import { DEFAULT_ROUTING_TABLE } from '../referral/default-routing-table.js';
import { resolveReferral, toCaseReferral } from '../referral/resolve-referral.js';
import { buildCaseFixture } from './__fixtures__/case-fixture.js';
import { DEFAULT_FORWARDING_TEMPLATE } from './letter-template.js';
import { formatIndonesianDate, officeSeatOf, renderLetter } from './letter.js';

function referredFixture(text?: string) {
  const fixture = buildCaseFixture(text ? { text } : {});
  let value = fixture.case;
  for (const to of ['registrasi', 'klarifikasi', 'kajian'] as const) value = moveCase(value, { to, actor: 'a', at: '2024-10-03T01:00:00Z', reason: 'r' })._unsafeUnwrap();
  value = moveCase(value, { to: 'pelanggaran', actor: 'a', at: '2024-10-04T01:00:00Z', reason: 'r', violationType: 'peraturan_lainnya', kajianSummary: 'Terlapor mengunggah ajakan <b>memilih</b> paslon 2.' })._unsafeUnwrap();
  const resolution = resolveReferral({ table: DEFAULT_ROUTING_TABLE, subjectCategory: 'asn', actAt: fixture.findings[0]!.actAt })._unsafeUnwrap();
  value = moveCase(value, { to: 'rekomendasi', actor: 'a', at: '2024-10-05T01:00:00Z', reason: 'r', referral: toCaseReferral(resolution, { actAt: fixture.findings[0]!.actAt, preparedAt: '2024-10-05T01:00:00Z' }) })._unsafeUnwrap();
  return { ...fixture, case: value };
}

const office = { name: 'Bawaslu Kabupaten Lembah Harapan', city: 'Lembah Harapan' };

describe('referral letters', () => {
  it('addresses BKN for an ASN act after August 2024, with the kajian summary escaped', () => {
    const fixture = referredFixture();
    const html = renderLetter({ case: fixture.case, subject: fixture.subject, findings: fixture.findings, captures: fixture.captures, office, letter: { number: '012/PM.00.02/K.LH/10/2024', date: '2024-10-05' }, signatory: { name: 'Dewi Lestari', title: 'Ketua' } })._unsafeUnwrap();
    expect(html).toContain('Kepala Badan Kepegawaian Negara');
    expect(html).toContain('5 Oktober 2024');
    expect(html).toContain('Terlapor mengunggah ajakan &lt;b&gt;memilih&lt;/b&gt; paslon 2.');
    expect(html).toContain('dasar hukum perlu diverifikasi');
    expect(html).toContain('Content-Security-Policy');
    expect(html).toContain('UU 10/2016 Ps 30 huruf e');
  });

  it('names what the case is about in the Hal, from its findings and route', () => {
    const fixture = referredFixture();
    const hal = (html: string) => /<td>Hal<\/td><td colspan="2">: ([^<]*)<\/td>/.exec(html)?.[1];
    const letter = (findings: typeof fixture.findings, referral = fixture.case.referral!) =>
      renderLetter({ case: fixture.case, subject: fixture.subject, findings, captures: fixture.captures, office, letter: { date: '2024-10-05' }, referral })._unsafeUnwrap();
    expect(hal(letter(fixture.findings))).toBe('Rekomendasi Dugaan Pelanggaran Netralitas Aparatur Sipil Negara a.n. Yudha Pratama Wijaya');
    const offSchedule = { ...fixture.findings[0]!, category: 'off_schedule_campaign' as const };
    expect(hal(letter([offSchedule]))).toBe('Rekomendasi Dugaan Kampanye di Luar Jadwal a.n. Yudha Pratama Wijaya');
    const money = { ...fixture.findings[0]!, id: 'fnd-0002', category: 'money_politics' as const };
    const hoax = { ...fixture.findings[0]!, id: 'fnd-0003', category: 'hoax' as const };
    expect(hal(letter([money, hoax]))).toBe('Rekomendasi Dugaan Penyebaran Berita Bohong (Hoaks) dan Politik Uang a.n. Yudha Pratama Wijaya');
    const gakkumdu = toCaseReferral(resolveReferral({ table: DEFAULT_ROUTING_TABLE, subjectCategory: 'asn', actAt: fixture.findings[0]!.actAt, routeCode: 'R-PIDANA' })._unsafeUnwrap(), { actAt: fixture.findings[0]!.actAt, preparedAt: '2024-10-05T01:00:00Z' });
    expect(hal(letter([money], gakkumdu))).toBe('Penerusan Dugaan Tindak Pidana Pemilihan berupa Politik Uang a.n. Yudha Pratama Wijaya');
    const black = { ...fixture.findings[0]!, category: 'black_campaign' as const };
    expect(hal(letter([black]))).not.toContain('Netralitas');
    expect(hal(letter([black]))).toContain('Kampanye Hitam');
  });

  it('shows the NIP in full to BKN and the PPK, masked to a recipient that does not need it', () => {
    const fixture = referredFixture();
    const toBkn = renderLetter({ case: fixture.case, subject: fixture.subject, findings: fixture.findings, captures: fixture.captures, office, letter: { date: '2024-10-05' } })._unsafeUnwrap();
    expect(toBkn).toMatch(/<td>NIP\/NRP<\/td><td>: 198706122010011003<\/td>/);
    // Other personal data in the quoted post stays masked.
    expect(toBkn).not.toContain('0812-3456-7890');
    const gakkumdu = toCaseReferral(resolveReferral({ table: DEFAULT_ROUTING_TABLE, subjectCategory: 'asn', actAt: fixture.findings[0]!.actAt, routeCode: 'R-PIDANA' })._unsafeUnwrap(), { actAt: fixture.findings[0]!.actAt, preparedAt: '2024-10-05T01:00:00Z' });
    const toGakkumdu = renderLetter({ case: fixture.case, subject: fixture.subject, findings: fixture.findings, captures: fixture.captures, office, letter: { date: '2024-10-05' }, referral: gakkumdu })._unsafeUnwrap();
    expect(toGakkumdu).not.toContain('198706122010011003');
    expect(toGakkumdu).toContain('•••••••••••••••003');
  });

  it('keeps internal ids, rule-set versions and hashes out of the prose, in an annex', () => {
    const fixture = referredFixture();
    const html = renderLetter({ case: fixture.case, subject: fixture.subject, findings: fixture.findings, captures: fixture.captures, office, letter: { date: '2024-10-05' } })._unsafeUnwrap();
    const annexAt = html.indexOf('<section class="lampiran">');
    expect(annexAt).toBeGreaterThan(0);
    const prose = html.slice(0, annexAt);
    const annex = html.slice(annexAt);
    const finding = fixture.findings[0]!;
    for (const internal of [finding.id, finding.ruleSetVersion, finding.evidence.itemHash, finding.evidence.rawBlobs[0]!, finding.evidence.captureId, fixture.case.id, 'sipansos-default', 'R-ASN.bkn', 'x:1790000001']) {
      expect(prose, internal).not.toContain(internal);
    }
    for (const reference of [finding.id, `versi ${finding.ruleSetVersion}`, finding.evidence.itemHash, finding.evidence.rawBlobs[0]!, finding.evidence.captureId, fixture.case.id, 'R-ASN.bkn']) {
      expect(annex, reference).toContain(reference);
    }
    expect(prose).toContain('unggahan melalui akun @yudhapw_guru di X (Twitter)');
  });

  it('adds the annex to an office template that leaves it out', () => {
    const fixture = referredFixture();
    const template = { ...DEFAULT_FORWARDING_TEMPLATE, id: 'lh-2', kind: 'rekomendasi' as const, body: '<p>{{case.about}}</p>' };
    const html = renderLetter({ case: fixture.case, subject: fixture.subject, findings: fixture.findings, office, letter: { date: '2024-10-05' }, template })._unsafeUnwrap();
    expect(html).toContain('<section class="lampiran">');
    expect(html).toContain(fixture.findings[0]!.evidence.itemHash);
  });

  it('writes every time in the election zone with the zone named, and codes in words', () => {
    const fixture = referredFixture();
    const render = (timeZone?: 'WIB' | 'WITA' | 'WIT') => renderLetter({ case: fixture.case, subject: fixture.subject, findings: fixture.findings, captures: fixture.captures, office, letter: { date: '2024-10-05' }, ...(timeZone ? { timeZone } : {}) })._unsafeUnwrap();
    const wib = render();
    expect(wib).toContain('pada 1 Oktober 2024 pukul 09.15 WIB (masa kampanye)');
    expect(render('WITA')).toContain('pada 1 Oktober 2024 pukul 10.15 WITA');
    // An act late in the UTC day falls on the next local date.
    const late = { ...fixture.findings[0]!, actAt: '2024-09-30T18:30:00Z' };
    const html = renderLetter({ case: fixture.case, subject: fixture.subject, findings: [late], office, letter: { date: '2024-10-05' }, timeZone: 'WIT' })._unsafeUnwrap();
    expect(html).toContain('pada tanggal 1 Oktober 2024');
    expect(html).toContain('1 Oktober 2024 pukul 03.30 WIT');
    const prose = wib.slice(0, wib.indexOf('<section class="lampiran">'));
    expect(prose).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(prose).not.toMatch(/\b(?:campaign|pre_campaign|post|high)\b/);
  });

  it('puts the office seat before the date, from the office name when no city is given', () => {
    const fixture = referredFixture();
    const html = renderLetter({ case: fixture.case, subject: fixture.subject, findings: fixture.findings, office: { name: 'Bawaslu Kabupaten Lembah Harapan' }, letter: { date: '2024-10-05' } })._unsafeUnwrap();
    expect(html).toContain('<td class="right">Lembah Harapan, 5 Oktober 2024</td>');
    const seatless = renderLetter({ case: fixture.case, findings: fixture.findings, office: { name: 'Bawaslu' }, letter: { date: '2024-10-05' } })._unsafeUnwrap();
    expect(seatless).toContain('<td class="right">5 Oktober 2024</td>');
    expect(officeSeatOf('Bawaslu Kota Tanjung Permai')).toBe('Tanjung Permai');
    expect(officeSeatOf('Bawaslu RI')).toBe('Jakarta');
  });

  it('marks a letter before the recommendation stage as DRAF, and only then', () => {
    const early = buildCaseFixture();
    const referral = toCaseReferral(resolveReferral({ table: DEFAULT_ROUTING_TABLE, subjectCategory: 'asn', actAt: early.findings[0]!.actAt })._unsafeUnwrap(), { actAt: early.findings[0]!.actAt, preparedAt: '2024-10-05T01:00:00Z' });
    const draft = renderLetter({ case: early.case, subject: early.subject, findings: early.findings, office, letter: { date: '2024-10-05' }, referral })._unsafeUnwrap();
    expect(draft).toContain('<div class="draf-tanda" aria-hidden="true">DRAF</div>');
    expect(draft).toContain('kasus masih pada tahap kajian awal');
    expect(draft).toMatch(/<title>DRAF — /);
    const final = referredFixture();
    const sent = renderLetter({ case: final.case, subject: final.subject, findings: final.findings, office, letter: { date: '2024-10-05' } })._unsafeUnwrap();
    expect(sent).not.toContain('draf-tanda"');
    expect(sent).not.toContain('DRAF');
  });

  it('quotes a hostile post as text', () => {
    const fixture = referredFixture('dukung Mas Bagus <script>alert(1)</script><img src=x onerror=alert(1)>');
    const html = renderLetter({ case: fixture.case, subject: fixture.subject, findings: fixture.findings, captures: fixture.captures, office, letter: { date: '2024-10-05' } })._unsafeUnwrap();
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('uses an office template and refuses unknown placeholders by name', () => {
    const fixture = referredFixture();
    const template = { ...DEFAULT_FORWARDING_TEMPLATE, id: 'lh-1', kind: 'rekomendasi' as const, body: '<p>Yth. {{recipients}} — {{ subject.name }}</p>' };
    const html = renderLetter({ case: fixture.case, subject: fixture.subject, findings: fixture.findings, office, letter: { date: '2024-10-05' }, template })._unsafeUnwrap();
    expect(html).toContain('<p>Yth. Kepala Badan Kepegawaian Negara');
    expect(html).toContain('Yudha Pratama Wijaya</p>');
    const bad = renderLetter({ case: fixture.case, findings: fixture.findings, office, letter: { date: '2024-10-05' }, template: { ...template, body: '{{subject.nama}} {{case.id}}' } });
    expect(bad._unsafeUnwrapErr()).toMatchObject({ type: 'unknown_placeholder', placeholders: ['subject.nama'] });
  });

  it('refuses a template carrying script or external references', () => {
    const fixture = referredFixture();
    for (const body of ['<script>alert(1)</script>', '<p onclick="x()">a</p>', '<img src="https://contoh.example/logo.png">']) {
      const result = renderLetter({ case: fixture.case, findings: fixture.findings, office, letter: { date: '2024-10-05' }, template: { ...DEFAULT_FORWARDING_TEMPLATE, body } });
      expect(result._unsafeUnwrapErr().type).toBe('invalid_input');
    }
    for (const style of ['</style><script>alert(1)</script>', 'body{background:url(https://contoh.example/x.png)}', '@import "https://contoh.example/a.css";']) {
      const result = renderLetter({ case: fixture.case, findings: fixture.findings, office, letter: { date: '2024-10-05' }, template: { ...DEFAULT_FORWARDING_TEMPLATE, style } });
      expect(result._unsafeUnwrapErr().type).toBe('invalid_input');
    }
  });

  it('needs a referral', () => {
    const fixture = buildCaseFixture();
    expect(renderLetter({ case: fixture.case, findings: fixture.findings, office, letter: { date: '2024-10-05' } })._unsafeUnwrapErr().type).toBe('no_referral');
  });

  it('writes dates the Indonesian way', () => {
    expect(formatIndonesianDate('2024-08-23')).toBe('23 Agustus 2024');
  });
});
