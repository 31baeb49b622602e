import { describe, expect, it } from 'vitest';
import { DEFAULT_ROOT_WORDS, stemIndonesian } from './indonesian-stemmer.js';

// Roots a rule set about officials adds (state_apparatus, campaign_role_act lexicons).
const roots = new Set([...DEFAULT_ROOT_WORDS, 'camat', 'lurah', 'turun']);
const stem = (word: string): string => stemIndonesian(word, roots);

describe('stemIndonesian', () => {
  it('reduces an office-holder word with affixes to its root', () => {
    expect(['camat', 'camatnya', 'pak camatlah', 'lurahnya', 'diturunkan', 'turunlah'].map((word) => stem(word.split(' ').pop()!))).toEqual(['camat', 'camat', 'camat', 'lurah', 'turun', 'turun']);
  });

  it('keeps place and descent words whole: a subdistrict is not its head, descent is not going down', () => {
    expect(['kecamatan', 'kelurahan', 'keturunan'].map(stem)).toEqual(['kecamatan', 'kelurahan', 'keturunan']);
  });

  it('keeps an exception whole under a particle or possessive', () => {
    expect(['kecamatannya', 'kelurahanmu', 'keturunannya', 'pemilihannya', 'pemenangnya', 'kampanyenya'].map(stem)).toEqual(['kecamatan', 'kelurahan', 'keturunan', 'pemilihan', 'pemenang', 'kampanye']);
  });

  it('still strips the affixes of ordinary words', () => {
    expect(['memenangkan', 'dukunglah', 'mencoblosnya'].map(stem)).toEqual(['menang', 'dukung', 'coblos']);
  });
});
