import { describe, expect, it } from 'vitest';
import { moveCase } from '../cases/case-workflow.js';
import { DEFAULT_ROUTING_TABLE } from '../referral/default-routing-table.js';
import { resolveReferral, toCaseReferral } from '../referral/resolve-referral.js';
import { buildCaseFixture } from './__fixtures__/case-fixture.js';
import { DEFAULT_FORWARDING_TEMPLATE } from './letter-template.js';
import { formatIndonesianDate, renderLetter } from './letter.js';

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
    expect(html).not.toContain('198706122010011003');
    expect(html).toContain('•••••••••••••••003');
    expect(html).toContain('UU 10/2016 Ps 30 huruf e');
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
