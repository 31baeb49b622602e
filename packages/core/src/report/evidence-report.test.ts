import { describe, expect, it } from 'vitest';
import { buildCaseFixture, hostilePostText, TINY_PNG_SHA256 } from './__fixtures__/case-fixture.js';
import { renderEvidenceReport } from './evidence-report.js';

const base = { office: { name: 'Bawaslu Kabupaten Lembah Harapan' }, generatedAt: '2024-10-03T00:00:00Z', generatedBy: 'petugas-a' };

function render(options: Parameters<typeof buildCaseFixture>[0] = {}, extra: Partial<Parameters<typeof renderEvidenceReport>[0]> = {}): string {
  const fixture = buildCaseFixture(options);
  return renderEvidenceReport({ ...base, case: fixture.case, subject: fixture.subject, findings: fixture.findings, captures: fixture.captures, blobs: fixture.blobs, ...extra });
}

describe('evidence report', () => {
  it('carries a restrictive CSP and loads nothing from outside', () => {
    const html = render();
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;none&#39;; style-src &#39;sha256-[A-Za-z0-9+/=]+&#39;; img-src data:/);
    expect(html).not.toMatch(/(?:src|href)="(?!data:)/);
    expect(html).not.toMatch(/<script|<link|<iframe|@import/i);
  });

  it('escapes hostile post text and makes RTL overrides visible', () => {
    const text = hostilePostText();
    expect(text).toHaveLength(100_000);
    const html = render({ text, editedText: `${text.slice(0, -5)}EDIT!` });
    expect(html).not.toContain('<script>document.title');
    expect(html).toContain('&lt;script&gt;document.title=&quot;PWNED&quot;');
    expect(html).not.toMatch(/<img src=x/);
    expect(html).not.toMatch(/<a href/);
    expect(html).not.toContain('\u202E');
    expect(html).toContain('⟦U+202E⟧');
    expect(html).toContain('&lt;span class=&quot;sip-badge neutral&quot;&gt;✔ TERVERIFIKASI');
    expect(html.length).toBeGreaterThan(200_000);
  });

  it('shows every version, the edited badge, highlights and the image as a data: URI', () => {
    const html = render();
    expect(html).toContain('Versi 1 dari 2');
    expect(html).toContain('Versi 2 dari 2');
    expect(html).toContain('Edited (2 versions kept)');
    expect(html).toMatch(/<mark title="dukung · lexicon:dukungan">dukung<\/mark>/);
    expect(html).toMatch(/<mark[^>]*>Mas Bagus<\/mark>/);
    expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="foto dua jari">/);
    expect(html).toContain(TINY_PNG_SHA256);
    expect(html).toContain('URL asal (tidak dimuat)');
  });

  it('says where a legal basis is unverified and that findings are flags for review', () => {
    const html = render();
    expect(html).toContain('dasar hukum perlu diverifikasi / legal basis to be verified');
    expect(html).toContain('flags for human review');
  });

  it('masks personal data unless asked to include it', () => {
    const masked = render();
    expect(masked).not.toContain('198706122010011003');
    expect(masked).not.toContain('0812-3456-7890');
    expect(masked).toContain('•••••••••••••••003');
    const open = render({}, { includePersonalData: true });
    expect(open).toContain('198706122010011003');
    expect(open).toContain('0812-3456-7890');
  });

  it('shows deletion status, lookups and how long the post was public from the deletion history', () => {
    const fixture = buildCaseFixture();
    const html = renderEvidenceReport({
      ...base,
      case: fixture.case,
      findings: fixture.findings,
      captures: fixture.captures,
      itemHistories: {
        'x:1861000000000000001': {
          status: 'deleted',
          firstSeenAt: '2024-10-01T03:00:00Z',
          lastSeenAt: '2024-10-02T05:00:00Z',
          episode: { firstMissingAt: '2024-10-02T11:00:00Z', confirmedAt: '2024-10-02T11:05:00Z', confirmedBy: 'lookup', lookups: [{ id: '1861000000000000001', status: 'gone', at: '2024-10-02T11:05:00Z', rawBlobs: ['a'.repeat(64)] }] },
        },
      },
      verification: { storeId: 'fs', checkedAt: '2024-10-03T00:00:00Z', ok: true, problems: [] },
    });
    expect(html).toContain('Dihapus (terkonfirmasi) / Deleted (confirmed)');
    expect(html).toContain('1 hari 2 jam / 1 day 2 hours');
    expect(html).toContain('a'.repeat(64));
    expect(html).toContain('Penyimpanan bukti utuh / evidence store intact');
  });

  it('warns loudly when the store failed verification', () => {
    const html = render({}, { verification: { storeId: 'fs', checkedAt: '2024-10-03T00:00:00Z', ok: false, problems: [{ type: 'record_hash', file: 'logs/finding.jsonl', seq: 3, message: 'changed' }] } });
    expect(html).toContain('WARNING: the evidence store failed verification');
    expect(html).toContain('logs/finding.jsonl');
  });

  it('counts how long a deleted post was public from its creation time, with an upper bound', () => {
    const fixture = buildCaseFixture();
    const one = fixture.captures[0]!;
    // One capture, 13 hours after the post was made; the next capture lacked it.
    const capture = { ...one, capturedAt: '2024-10-01T15:15:00Z' };
    const html = renderEvidenceReport({
      ...base,
      case: fixture.case,
      findings: fixture.findings,
      captures: [capture],
      itemHistories: {
        'x:1861000000000000001': {
          status: 'deleted',
          createdAt: '2024-10-01T02:15:00Z',
          firstSeenAt: '2024-10-01T15:15:00Z',
          lastSeenAt: '2024-10-01T15:15:00Z',
          episode: { firstMissingAt: '2024-10-01T21:15:00Z', confirmedAt: '2024-10-01T21:20:00Z', confirmedBy: 'lookup' },
        },
      },
    });
    const cell = /Lama tayang \/ how long public<\/th><td>(.*?)<\/td><\/tr>/s.exec(html)?.[1] ?? '';
    expect(cell).toContain('Paling sedikit 13 jam / 13 hours');
    expect(cell).toContain('Paling lama 19 jam / 19 hours');
    expect(cell).not.toContain('kurang dari 1 menit');
    expect(cell).toContain('pemeriksaan per id / lookup by id');
  });

  it('counts from the first capture, and says so, when the platform gives no creation time', () => {
    const fixture = buildCaseFixture({ extraItem: { createdAt: undefined } });
    const html = render({ extraItem: { createdAt: undefined } }, { captures: fixture.captures });
    const cell = /Lama tayang \/ how long public<\/th><td>(.*?)<\/td><\/tr>/s.exec(html)?.[1] ?? '';
    expect(cell).toContain('Paling sedikit 6 jam / 6 hours');
    expect(cell).toContain('the platform gave no creation time');
  });

  it('shows every time in the election zone with the zone named, and codes in words', () => {
    const wib = render();
    expect(wib).toContain('<time datetime="2024-10-01T02:15:00Z" title="2024-10-01T02:15:00Z">1 Oktober 2024 pukul 09.15.00 WIB</time>');
    const wit = render({}, { timeZone: 'WIT' });
    expect(wit).toContain('1 Oktober 2024 pukul 11.15.00 WIT');
    expect(wit).not.toContain(' WIB<');
    const visible = wib.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
    expect(visible).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(visible).toContain('Masa kampanye / Campaign period');
    expect(visible).toContain('Tinggi / High');
    expect(visible).toContain('unggahan / post');
    expect(visible).toContain('Temuan pengawas');
    for (const code of [' high ', ' campaign ', 'kind post', 'origin temuan']) expect(visible, code).not.toContain(code);
  });

  it('names an emoji font in its font stack', () => {
    expect(render()).toMatch(/body\{font:[^}]*"Noto Color Emoji"/);
  });
});

describe('evidence report: what a capture proves', () => {
  it('a case resting on a patrol capture says it proves custody, not origin (Indonesian first); API captures carry no such note', () => {
    const fixture = buildCaseFixture();
    const patrolled = fixture.captures.map((capture) => ({
      ...capture,
      adapter: { id: 'patrol', version: '0.1.0' },
      patrol: { actor: 'petugas-patroli-1', browser: { product: 'Chrome/131.0', userAgent: 'Mozilla/5.0' }, urlChain: ['https://www.facebook.com/contoh'], warcSha256: 'a'.repeat(64) },
    }));
    const html = renderEvidenceReport({ ...base, case: fixture.case, subject: fixture.subject, findings: fixture.findings, captures: patrolled, blobs: fixture.blobs });
    expect(html).toMatch(/membuktikan penguasaan[^<]*bukan asal[^<]*<span class="en">\/ A patrol \(browser\) capture[^<]*proves custody[^<]*not origin/);
    expect(html).toContain('patroli / patrol: petugas-patroli-1, Chrome/131.0');
    expect(render()).not.toContain('proves custody');
  });
});
