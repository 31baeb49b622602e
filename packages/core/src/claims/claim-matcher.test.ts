import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize-text.js';
import { OBFUSCATIONS, obfuscateText } from '../text/obfuscate-text.js';
import { BUILTIN_CLAIMS } from './builtin-claims.js';
import { compileClaimMatcher } from './claim-matcher.js';
import { ClaimSchema, type Claim } from './claim-schema.js';
import { mergeClaims } from './merge-claims.js';

const builtin = compileClaimMatcher(BUILTIN_CLAIMS);
const best = (text: string) => builtin.matchText(text, { minScore: 0.39, limit: 1 })[0];

const invented: Claim[] = [
  ClaimSchema.parse({
    id: 'gudang-logistik-terbakar-sengaja',
    wordings: ['Gudang logistik KPU Kabupaten Lembah Harapan sengaja dibakar supaya surat suara cadangan hilang'],
    verdict: 'false',
    review: { url: 'https://cekfakta.example.org/gudang', publisher: 'Cek Fakta Contoh', date: '2024-11-20' },
    topics: ['organisers'],
    language: 'id',
  }),
];

describe('claim matcher', () => {
  it('recognises a paraphrase of a built-in claim', () => {
    expect(best('Katanya ada tujuh kontainer kertas suara yang sudah tercoblos nyampe di pelabuhan Priok')?.claim.id).toBe('tujuh-kontainer-surat-suara-tercoblos');
    expect(best('Hati-hati, server KPU ternyata ada di Singapura dan hasilnya sudah disetting 57 persen')?.claim.id).toBe('server-kpu-singapura-setting-57-persen');
  });

  it('recognises a shortening', () => {
    expect(best('7 kontainer surat suara tercoblos di Priok')?.claim.id).toBe('tujuh-kontainer-surat-suara-tercoblos');
  });

  it('recognises an obfuscated re-post (leetspeak, spacing, stretched letters)', () => {
    expect(best('7 k0nt4iner surat suaraaa sdh dicoblos di T a n j u n g Priok!!!')?.claim.id).toBe('tujuh-kontainer-surat-suara-tercoblos');
    expect(best('s e r v e r KPU di singapura udah disetting 57 persen')?.claim.id).toBe('server-kpu-singapura-setting-57-persen');
  });

  it('does not match ordinary election talk or unrelated posts', () => {
    for (const text of [
      'Pemungutan suara ulang di TPS 7 sesuai rekomendasi Bawaslu',
      'Besok kerja bakti bersihkan balai desa yang dipakai untuk TPS',
      'Hari ini panen cabai di kebun bapak, harganya lumayan naik',
      'Bimtek KPPS di kecamatan diikuti ratusan petugas dari semua desa',
      '',
    ]) expect(best(text), text).toBeUndefined();
  });

  it('points at the tokens that carry the matched words', () => {
    const text = 'Geger! gudang logistik KPU Lembah Harapan dibakar biar surat suara cadangan hilang';
    const normalized = normalizeText(text);
    const [match] = compileClaimMatcher(invented).match(normalized, { minScore: 0.3 });
    expect(match?.claim.id).toBe('gudang-logistik-terbakar-sengaja');
    const covered = match!.tokens.flatMap(({ first, last }) => normalized.tokens.slice(first, last + 1).map((token) => token.text));
    expect(covered).toEqual(expect.arrayContaining(['gudang', 'logistik', 'dibakar']));
    expect(covered).not.toContain('geger');
  });

  it('returns nothing, without scoring, for a post that shares no word with any claim', () => {
    const matcher = compileClaimMatcher(invented);
    expect(matcher.matchText('Kopi tubruk dan pisang goreng paling enak pagi-pagi', { minScore: 0 })).toEqual([]);
    expect(matcher.wordings).toBe(1);
  });

  it('ranks several matches best first and honours the limit', () => {
    const matches = builtin.matchText('surat suara sudah tercoblos sebelum pemungutan suara, viralkan', { minScore: 0.1, limit: 3 });
    expect(matches.length).toBeLessThanOrEqual(3);
    for (let index = 1; index < matches.length; index++) expect(matches[index - 1]!.score).toBeGreaterThanOrEqual(matches[index]!.score);
  });

  it('scores only what can reach minScore: a higher minScore drops exactly the matches below it (clean, shortened and disguised posts)', () => {
    const texts: string[] = [];
    BUILTIN_CLAIMS.forEach((claim, index) => {
      const words = claim.wordings[0]!.split(' ');
      const shortened = words.slice(0, Math.ceil(words.length * 0.6)).join(' ');
      texts.push(claim.wordings[0]!, `${shortened}, sebarkan`, `Rapat di balai desa soal ${words.slice(-4).join(' ')} dan harga cabai`);
      for (const how of OBFUSCATIONS) texts.push(obfuscateText(claim.wordings[0]!, how, { seed: index }), obfuscateText(shortened, how, { seed: index + 1, rate: 0.8 }));
    });
    let pruned = 0;
    for (const text of texts) {
      const normalized = normalizeText(text);
      const all = builtin.match(normalized, { minScore: 0, limit: 1000 });
      for (const minScore of [0.2, 0.33, 0.39, 0.55]) {
        const expected = all.filter((match) => match.score >= minScore);
        expect(builtin.match(normalized, { minScore, limit: 1000 }), `${minScore}: ${text}`).toEqual(expected);
        pruned += all.length - expected.length;
      }
    }
    // The posts reach both sides of every threshold, so the comparison means something.
    expect(pruned).toBeGreaterThan(100);
    expect(texts.filter((text) => best(text) !== undefined).length).toBeGreaterThan(BUILTIN_CLAIMS.length);
  });

  it('merges an office registry over the built-in one, later ids winning', () => {
    const replaced = { ...BUILTIN_CLAIMS[0]!, wordings: ['kalimat kantor yang menggantikan klaim bawaan ini'] };
    const merged = mergeClaims(BUILTIN_CLAIMS, [replaced, ...invented]);
    expect(merged).toHaveLength(BUILTIN_CLAIMS.length + 1);
    expect(merged.find((claim) => claim.id === replaced.id)!.wordings).toEqual(replaced.wordings);
  });
});
