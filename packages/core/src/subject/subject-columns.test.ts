import { describe, expect, it } from 'vitest';
import { categoryFromWord } from './subject-category-words.js';
import { columnLetter, roleOfHeader } from './subject-columns.js';

describe('subject column headers', () => {
  it.each([
    ['Nama Lengkap', { kind: 'field', field: 'name' }],
    ['NAMA (dengan gelar)', { kind: 'field', field: 'name' }],
    ['NIP/NRP', { kind: 'field', field: 'employeeNumber' }],
    ['Kategori', { kind: 'field', field: 'category' }],
    ['Status Kepegawaian', { kind: 'field', field: 'category' }],
    ['Instansi', { kind: 'field', field: 'agency' }],
    ['Unit Kerja', { kind: 'field', field: 'agency' }],
    ['jabatan', { kind: 'field', field: 'position' }],
    ['Keterangan', { kind: 'field', field: 'notes' }],
    ['employeeNumber', { kind: 'field', field: 'employeeNumber' }],
    ['Akun FB', { kind: 'platform', platform: 'facebook' }],
    ['Link Facebook', { kind: 'platform', platform: 'facebook' }],
    ['Akun Facebook 2', { kind: 'platform', platform: 'facebook' }],
    ['Instagram', { kind: 'platform', platform: 'instagram' }],
    ['Username IG', { kind: 'platform', platform: 'instagram' }],
    ['Twitter/X', { kind: 'platform', platform: 'x' }],
    ['Akun TikTok', { kind: 'platform', platform: 'tiktok' }],
    ['platform:mastodon', { kind: 'platform', platform: 'mastodon' }],
    ['Akun Media Sosial', { kind: 'accounts' }],
    ['No', { kind: 'row_number' }],
    ['No.', { kind: 'row_number' }],
    ['#', { kind: 'row_number' }],
    ['Tanggal Lahir', { kind: 'unknown' }],
    ['Alamat', { kind: 'unknown' }],
    ['NIK', { kind: 'unknown' }],
  ])('%s', (header, role) => {
    expect(roleOfHeader(header)).toEqual(role);
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('category words', () => {
  it.each([
    ['ASN', 'asn'],
    ['PNS', 'asn'],
    ['pns (guru)', 'asn'],
    ['ASN / PNS', 'asn'],
    ['PPPK', 'pppk'],
    ['P3K', 'pppk'],
    ['Honorer', 'ptt'],
    ['THL', 'ptt'],
    ['Non ASN', 'ptt'],
    ['Kepala Desa', 'kepala_desa'],
    ['KADES', 'kepala_desa'],
    ['kepala_desa', 'kepala_desa'],
    ['Perangkat Desa', 'perangkat_desa'],
    ['Sekdes', 'perangkat_desa'],
    ['TNI AD', 'tni'],
    ['Polri', 'polri'],
    ['Bhabinkamtibmas', 'polri'],
    ['Tim Sukses', 'tim_kampanye'],
    ['Relawan', 'relawan'],
    ['Lainnya', 'other'],
  ])('%s is %s', (word, category) => {
    expect(categoryFromWord(word)).toBe(category);
  });

  it('does not guess at words that name more than one kind of person', () => {
    for (const word of ['guru', 'lurah', 'PPK', 'Kasi', 'PNS / Honorer', '']) expect(categoryFromWord(word)).toBeUndefined();
  });
});
