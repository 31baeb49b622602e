import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING_TABLE } from './default-routing-table.js';
import { mergeRoutingTable, withAsnSuccessor } from './merge-routing-table.js';
import { resolveReferral } from './resolve-referral.js';

describe('referral routing', () => {
  it('an ASN act before the transfer goes to KASN, after it to BKN', () => {
    const before = resolveReferral({ table: DEFAULT_ROUTING_TABLE, subjectCategory: 'asn', actAt: '2024-08-22T10:00:00+07:00' })._unsafeUnwrap();
    expect(before).toMatchObject({ routeCode: 'R-ASN', actDate: '2024-08-22', entry: { id: 'R-ASN.kasn' } });
    const after = resolveReferral({ table: DEFAULT_ROUTING_TABLE, subjectCategory: 'pppk', actAt: '2024-08-23T00:30:00+07:00' })._unsafeUnwrap();
    expect(after.entry.id).toBe('R-ASN.bkn');
  });

  it('the local date of the act decides, in the region’s time zone', () => {
    // 22 Aug 17:30 UTC is 23 Aug 00:30 WIB: the act falls on BKN's first day.
    expect(resolveReferral({ table: DEFAULT_ROUTING_TABLE, subjectCategory: 'asn', actAt: '2024-08-22T17:30:00Z', timeZone: 'WIB' })._unsafeUnwrap().entry.id).toBe('R-ASN.bkn');
    expect(resolveReferral({ table: DEFAULT_ROUTING_TABLE, subjectCategory: 'asn', actAt: '2024-08-22T16:30:00Z', timeZone: 'WIB' })._unsafeUnwrap().entry.id).toBe('R-ASN.kasn');
  });

  it('a non-permanent employee goes to the regent, copied to the Sekda and the head of BKPSDM', () => {
    const resolved = resolveReferral({ table: DEFAULT_ROUTING_TABLE, subjectCategory: 'ptt', actAt: '2024-10-01T00:00:00Z' })._unsafeUnwrap();
    expect(resolved.routeCode).toBe('R-PTT');
    expect(resolved.entry.recipients[0]?.title.id).toMatch(/Pejabat Pembina Kepegawaian/);
    expect(resolved.entry.copies.map((copy) => copy.title.id).join(' | ')).toMatch(/Sekretaris Daerah.*BKPSDM/);
    expect(resolved.entry.verified).toBe(false);
  });

  it.each([
    ['tni', undefined, 'R-TNI'],
    ['polri', undefined, 'R-POLRI'],
    ['kepala_desa', undefined, 'R-DESA'],
    ['perangkat_desa', undefined, 'R-DESA'],
    ['penyelenggara', 'kode_etik', 'R-DKPP'],
    ['candidate', 'administrasi', 'R-KPU'],
    ['tim_kampanye', 'pidana', 'R-PIDANA'],
    ['kepala_desa', 'pidana', 'R-PIDANA'],
  ] as const)('routes %s (%s) to %s', (subjectCategory, violationType, expected) => {
    const resolved = resolveReferral({ table: DEFAULT_ROUTING_TABLE, subjectCategory, actAt: '2024-10-01T00:00:00Z', ...(violationType ? { violationType } : {}) });
    expect(resolved._unsafeUnwrap().routeCode).toBe(expected);
  });

  it('Polri members go to Propam and crimes to Sentra Gakkumdu', () => {
    expect(resolveReferral({ table: DEFAULT_ROUTING_TABLE, subjectCategory: 'polri', actAt: '2024-10-01T00:00:00Z' })._unsafeUnwrap().entry.recipients[0]?.title.id).toMatch(/Propam/);
    expect(resolveReferral({ table: DEFAULT_ROUTING_TABLE, subjectCategory: 'candidate', routeCode: 'R-PIDANA', actAt: '2024-10-01T00:00:00Z' })._unsafeUnwrap().entry.recipients[0]?.title.id).toMatch(/Gakkumdu/);
  });

  it('a candidate breach with no decided type has no default route', () => {
    expect(resolveReferral({ table: DEFAULT_ROUTING_TABLE, subjectCategory: 'candidate', actAt: '2024-10-01T00:00:00Z' })._unsafeUnwrapErr().type).toBe('no_route');
  });

  it('a configurable successor takes ASN acts from its start date; earlier acts keep BKN or KASN', () => {
    const table = withAsnSuccessor(DEFAULT_ROUTING_TABLE, {
      validFrom: '2026-10-16',
      recipients: [{ title: { id: 'Ketua Lembaga Pengawas Netralitas ASN', en: 'Chair of the ASN neutrality body' } }],
      basis: 'Putusan MK 121/PUU-XXII/2024',
    })._unsafeUnwrap();
    const at = (actAt: string) => resolveReferral({ table, subjectCategory: 'asn', actAt })._unsafeUnwrap().entry.id;
    expect(at('2024-07-01T00:00:00Z')).toBe('R-ASN.kasn');
    expect(at('2025-07-01T00:00:00Z')).toBe('R-ASN.bkn');
    expect(at('2026-10-16T00:00:00Z')).toBe('R-ASN.successor');
    expect(table.version).toBe('2024.2+2026-10-16');
  });

  it('an office override names its recipients and keeps the rest', () => {
    const table = mergeRoutingTable(DEFAULT_ROUTING_TABLE, {
      id: 'lembah-harapan',
      version: '1',
      entries: [{ id: 'R-PTT.ppk', recipients: [{ title: { id: 'Bupati Lembah Harapan', en: 'Regent of Lembah Harapan' }, address: 'Jl. Contoh No. 1' }] }],
    })._unsafeUnwrap();
    const entry = resolveReferral({ table, subjectCategory: 'ptt', actAt: '2024-10-01T00:00:00Z' })._unsafeUnwrap().entry;
    expect(entry.recipients).toEqual([{ title: { id: 'Bupati Lembah Harapan', en: 'Regent of Lembah Harapan' }, address: 'Jl. Contoh No. 1' }]);
    expect(entry.copies).toHaveLength(2);
    expect(table.id).toBe('sipansos-default+lembah-harapan');
  });

  it('refuses an override that makes two rows of one route cover the same date', () => {
    const result = mergeRoutingTable(DEFAULT_ROUTING_TABLE, { id: 'x', version: '1', entries: [{ id: 'R-ASN.kasn', validUntil: '2024-09-30' }] });
    expect(result._unsafeUnwrapErr().issues[0]?.message).toMatch(/both route R-ASN/);
  });
});
