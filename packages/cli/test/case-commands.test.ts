import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFsStore } from '@sipansos/store-fs';
import { EXAMPLE_CONTEXT } from '@sipansos/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { caseOffice } from './case-office-fixture.js';
import { memoryIo } from './memory-io.js';

// An office directory with a store holding one invented ASN's hostile post, its captures and finding.
async function office(): Promise<string> {
  const dir = await caseOffice(tmpdir());
  await writeFile(path.join(dir, 'deadlines.json'), JSON.stringify({ holidays: ['2024-10-07'], reminderAfter: { amount: 10, unit: 'working_days' } }));
  return dir;
}

async function run(dir: string, args: string[], now = '2024-10-02T03:00:00Z'): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(dir, { SIPANSOS_NOW: now });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('sipansos cases, findings, report, letter, bundle, verify-bundle', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await office();
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens a case from a finding and walks it through the procedure to a letter, refusing an illegal move', async () => {
    expect((await run(dir, ['cases', 'open', '--id', 'K-2024-001', '--title', 'Dukungan paslon oleh guru', '--finding', 'fnd-0001', '--reason', 'temuan patroli siber'])).code).toBe(0);
    const illegal = await run(dir, ['cases', 'move', 'K-2024-001', 'selesai', '--reason', 'coba']);
    expect(illegal.code).toBe(1);
    expect(illegal.err).toContain('illegal transition temuan → selesai; allowed: kajian_awal');
    for (const [state, at] of [['kajian_awal', '2024-10-02T04:00:00Z'], ['registrasi', '2024-10-03T01:00:00Z'], ['klarifikasi', '2024-10-03T02:00:00Z'], ['kajian', '2024-10-04T01:00:00Z']] as const) {
      expect((await run(dir, ['cases', 'move', 'K-2024-001', state, '--reason', `ke ${state}`, '--actor', 'petugas-b'], at)).code).toBe(0);
    }
    const draft = await run(dir, ['letter', 'K-2024-001', '--out', 'draf.html', '--date', '2024-10-04'], '2024-10-04T01:30:00Z');
    expect(draft.code).toBe(0);
    expect(draft.out).toContain('DRAF: kasus masih kajian');
    expect(await readFile(path.join(dir, 'draf.html'), 'utf8')).toContain('<div class="draf-tanda" aria-hidden="true">DRAF</div>');
    const missingType = await run(dir, ['cases', 'move', 'K-2024-001', 'pelanggaran', '--reason', 'r'], '2024-10-04T02:00:00Z');
    expect(missingType.code).toBe(1);
    expect((await run(dir, ['cases', 'move', 'K-2024-001', 'pelanggaran', '--reason', 'terbukti', '--violation-type', 'peraturan_lainnya', '--kajian', 'Terlapor mengajak memilih paslon 2.'], '2024-10-04T02:00:00Z')).code).toBe(0);
    expect((await run(dir, ['cases', 'move', 'K-2024-001', 'rekomendasi', '--reason', 'rekomendasi ke BKN'], '2024-10-04T03:00:00Z')).code).toBe(0);
    const letter = await run(dir, ['letter', 'K-2024-001', '--out', 'surat.html', '--number', '012/PM.00.02/K.LH/10/2024', '--date', '2024-10-04'], '2024-10-04T03:30:00Z');
    expect(letter.code).toBe(0);
    const html = await readFile(path.join(dir, 'surat.html'), 'utf8');
    expect(html).toContain('Kepala Badan Kepegawaian Negara');
    expect(html).not.toContain('<script>document.title');
    expect(html).not.toContain('draf-tanda"');
    // The seat comes from the office name when the config has none; no context file: times in WIB, named.
    expect(html).toContain('Lembah Harapan, 4 Oktober 2024');
    expect(html).toContain('Rekomendasi Dugaan Pelanggaran Netralitas Aparatur Sipil Negara a.n. Yudha Pratama Wijaya');
    expect(html).toContain('1 Oktober 2024 pukul 09.15 WIB');
    // BKN needs the NIP; the export says so in the audit log.
    expect(html).toContain(': 198706122010011003</td>');
    expect(letter.out).toContain('NIP/NRP ditulis lengkap');
    expect((await run(dir, ['cases', 'move', 'K-2024-001', 'tindak_lanjut', '--reason', 'surat dikirim', '--letter-number', '012/PM.00.02/K.LH/10/2024'], '2024-10-04T04:00:00Z')).code).toBe(0);
    const show = await run(dir, ['cases', 'show', 'K-2024-001'], '2024-10-05T00:00:00Z');
    expect(show.out).toContain('Tindak lanjut / Follow-up by the authority');
    expect(show.out).toContain('2024-10-04 11:00 WIB  Rekomendasi / penerusan → Tindak lanjut');
    expect(show.out).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(show.out).toContain('Kepala Badan Kepegawaian Negara');
  });

  it('flags the case for a reminder after the office’s working-day period, then records the answer', async () => {
    // Sent Friday 4 Oct; 10 working days skip two weekends and the office holiday of 7 Oct → Monday 21 Oct.
    expect((await run(dir, ['cases', 'list', '--reminders'], '2024-10-21T10:00:00Z')).out).toContain('0 kasus perlu pengingat');
    const due = await run(dir, ['cases', 'list', '--reminders'], '2024-10-21T17:00:00Z');
    expect(due.out).toContain('K-2024-001  perlu pengingat');
    expect((await run(dir, ['cases', 'remind', 'K-2024-001', '--note', 'surat pengingat 1'], '2024-10-22T01:00:00Z')).code).toBe(0);
    expect((await run(dir, ['cases', 'respond', 'K-2024-001', '--outcome', 'sanction_imposed', '--sanction', 'hukuman disiplin sedang', '--answered-at', '2024-10-25T00:00:00Z'], '2024-10-25T02:00:00Z')).code).toBe(0);
    expect((await run(dir, ['cases', 'move', 'K-2024-001', 'selesai', '--reason', 'sanksi dijatuhkan'], '2024-10-25T03:00:00Z')).code).toBe(0);
    const list = await run(dir, ['cases', 'list', '--json'], '2024-10-26T00:00:00Z');
    expect(JSON.parse(list.out.trim())).toMatchObject({ id: 'K-2024-001', state: 'selesai', authorityResponses: [{ outcome: 'sanction_imposed' }] });
  });

  it('exports findings as CSV (formula-safe, masked) and audits who exported what', async () => {
    const exported = await run(dir, ['findings', '--format', 'csv', '--category', 'neutrality', '--since', '2024-10-01', '--out', 'temuan.csv'], '2024-10-26T01:00:00Z');
    expect(exported.code).toBe(0);
    const csv = await readFile(path.join(dir, 'temuan.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^id,kategori/);
    expect(csv).toContain('fnd-0001');
    const none = await run(dir, ['findings', '--json', '--since', '2024-11-01'], '2024-10-26T01:00:00Z');
    expect(none.out).toBe('');
    const text = await run(dir, ['findings'], '2024-10-26T01:00:00Z');
    expect(text.out).toContain('1 temuan');
    expect(text.out).toContain('2024-10-01 09:15 WIB');
  });

  it('writes a self-contained report and a bundle that verify-bundle accepts, and rejects one changed byte by file name', async () => {
    const report = await run(dir, ['report', 'K-2024-001', '--out', 'laporan.html'], '2024-10-26T02:00:00Z');
    expect(report.code).toBe(0);
    const html = await readFile(path.join(dir, 'laporan.html'), 'utf8');
    expect(html).toContain('Penyimpanan bukti utuh');
    expect(html).toContain('in signed checkpoint');
    expect(html).not.toContain('198706122010011003');
    const bundle = await run(dir, ['bundle', 'K-2024-001', '--out', 'bundel'], '2024-10-26T03:00:00Z');
    expect(bundle.code).toBe(0);
    expect(bundle.out).toContain('bundle written to bundel');
    const good = await run(dir, ['verify-bundle', 'bundel']);
    expect(good.code).toBe(0);
    expect(good.out).toContain('UTUH / INTACT');
    const file = path.join(dir, 'bundel', 'records', 'finding.jsonl');
    const bytes = await readFile(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x01;
    await writeFile(file, bytes);
    const bad = await run(dir, ['verify-bundle', 'bundel']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('RUSAK / DAMAGED');
    expect(bad.out).toContain('records/finding.jsonl');
    const again = await run(dir, ['bundle', 'K-2024-001', '--out', 'bundel'], '2024-10-26T04:00:00Z');
    expect(again.code).toBe(2);
    const zipped = await run(dir, ['bundle', 'K-2024-001', '--out', 'bundel.zip'], '2024-10-26T05:00:00Z');
    expect(zipped.code).toBe(0);
    expect((await run(dir, ['verify-bundle', 'bundel.zip'])).out).toContain('UTUH / INTACT');
    const zip = await readFile(path.join(dir, 'bundel.zip'));
    const at = zip.indexOf(Buffer.from('checkpoint.json')) + 40;
    zip[at] = zip[at]! ^ 0x01;
    await writeFile(path.join(dir, 'bundel.zip'), zip);
    const badZip = await run(dir, ['verify-bundle', 'bundel.zip']);
    expect(badZip.code).toBe(1);
    expect(badZip.out).toContain('checkpoint.json');
  });

  it('every export and every case change is in the audit log', async () => {
    const store = createFsStore({ dir: path.join(dir, 'store'), readOnly: true });
    (await store.open())._unsafeUnwrap();
    const audit = (await store.query('audit'))._unsafeUnwrap().map((entry) => entry.record);
    (await store.close())._unsafeUnwrap();
    const actions = audit.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['case.open', 'case.transition', 'case.reminder', 'case.authority_response', 'export.letter', 'export.csv', 'export.report', 'export.bundle']));
    expect(actions.filter((action) => action === 'case.transition')).toHaveLength(8);
    const csvExport = audit.find((entry) => entry.action === 'export.csv');
    expect(csvExport).toMatchObject({ actor: 'petugas-a', at: '2024-10-26T01:00:00.000Z', details: { includePersonalData: false, destination: 'temuan.csv', findings: 1 } });
    expect(audit.find((entry) => entry.action === 'case.transition' && entry.details.to === 'kajian_awal')).toMatchObject({ actor: 'petugas-b', details: { reason: 'ke kajian_awal' } });
  });

  it('sipansos validate checks the office routing, deadlines and letter-template files', async () => {
    await writeFile(path.join(dir, 'routing.json'), JSON.stringify({ id: 'lh', version: '1', entries: [{ id: 'R-ASN.kasn', validUntil: '2024-12-01' }] }));
    const bad = await run(dir, ['validate', 'routing.json', 'deadlines.json']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('both route R-ASN');
    expect(bad.out).toContain('OK deadlines.json');
    await writeFile(path.join(dir, 'routing.json'), JSON.stringify({ id: 'lh', version: '1', entries: [{ id: 'R-PTT.ppk', recipients: [{ title: { id: 'Bupati Lembah Harapan', en: 'Regent' } }] }] }));
    await writeFile(path.join(dir, 'template.json'), JSON.stringify({ id: 'lh', kind: 'penerusan', title: { id: 'Surat', en: 'Letter' }, body: '<p onclick="x()">{{case.id}}</p>' }));
    const again = await run(dir, ['validate', 'routing.json', 'template.json']);
    expect(again.out).toContain('OK routing.json');
    expect(again.out).toContain('event-handler');
  });

  it('a case resting only on a staff capture resolves its referral from the subject and the captured post', async () => {
    expect((await run(dir, ['cases', 'open', '--id', 'K-2024-002', '--title', 'Tangkapan staf', '--capture', 'cap-0002', '--subject', 'asn-001', '--reason', 'laporan masyarakat', '--origin', 'laporan'], '2024-10-02T03:00:00Z')).code).toBe(0);
    for (const state of ['kajian_awal', 'registrasi', 'klarifikasi', 'kajian']) expect((await run(dir, ['cases', 'move', 'K-2024-002', state, '--reason', 'r'], '2024-10-03T03:00:00Z')).code).toBe(0);
    expect((await run(dir, ['cases', 'move', 'K-2024-002', 'pelanggaran', '--reason', 'r', '--violation-type', 'peraturan_lainnya'], '2024-10-03T04:00:00Z')).code).toBe(0);
    expect((await run(dir, ['cases', 'move', 'K-2024-002', 'rekomendasi', '--reason', 'r'], '2024-10-03T05:00:00Z')).code).toBe(0);
    const shown = JSON.parse((await run(dir, ['cases', 'show', 'K-2024-002', '--json'], '2024-10-03T06:00:00Z')).out);
    expect(shown).toMatchObject({ origin: 'laporan', referral: { routeCode: 'R-ASN', entryId: 'R-ASN.bkn', actAt: '2024-10-01T02:15:00Z' } });
  });
});

describe('sipansos letter and cases in the office seat and the election zone', () => {
  it('takes the city from "seat" in the config and every time from the election context zone', async () => {
    const dir = await office();
    try {
      await writeFile(path.join(dir, 'sipansos.config.json'), JSON.stringify({ office: 'Bawaslu Kabupaten Lembah Harapan', seat: 'Tanjung Harapan', actor: 'petugas-a' }));
      await writeFile(path.join(dir, 'election.json'), JSON.stringify({ ...EXAMPLE_CONTEXT, timeZone: 'WITA' }));
      expect((await run(dir, ['cases', 'open', '--id', 'K-2024-009', '--title', 'Dukungan paslon', '--finding', 'fnd-0001', '--reason', 'temuan patroli siber'])).code).toBe(0);
      const letter = await run(dir, ['letter', 'K-2024-009', '--out', 'surat.html'], '2024-10-04T17:30:00Z');
      expect(letter.code).toBe(0);
      const html = await readFile(path.join(dir, 'surat.html'), 'utf8');
      // 17:30 UTC is already 5 October in WITA: the letter is dated by the election zone.
      expect(html).toContain('Tanjung Harapan, 5 Oktober 2024');
      expect(html).toContain('1 Oktober 2024 pukul 10.15 WITA');
      expect(html).toContain('draf-tanda');
      const show = await run(dir, ['cases', 'show', 'K-2024-009']);
      expect(show.out).toContain('2024-10-02 11:00 WITA  — → Temuan');
      expect((await run(dir, ['findings'])).out).toContain('2024-10-01 10:15 WITA');
      const city = await run(dir, ['letter', 'K-2024-009', '--out', 'surat2.html', '--city', 'Kota Lain'], '2024-10-04T17:30:00Z');
      expect(city.code).toBe(0);
      expect(await readFile(path.join(dir, 'surat2.html'), 'utf8')).toContain('Kota Lain, 5 Oktober 2024');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
