import { describe, expect, it } from 'vitest';
import { normalizeText } from '../text/normalize-text.js';
import { OBFUSCATIONS, obfuscateText } from '../text/obfuscate-text.js';
import { BUILTIN_CLAIMS } from './builtin-claims.js';
import { compileClaimMatcher } from './claim-matcher.js';
import { ClaimSchema, type Claim } from './claim-schema.js';
import { termWeightFactor, textTerms } from './claim-terms.js';
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

  it('matches a re-statement holding just enough of a claim, plainly and misspelt, even when minScore is its exact score', () => {
    // The fewest words of each wording that still reach 0.39 (dropped greedily, first to last),
    // then the same with one long word misspelt: the scores sit right at the threshold, where a
    // pre-test that over-trimmed the bound would drop them.
    const texts: string[] = [];
    let misspeltCounted = 0;
    for (const claim of BUILTIN_CLAIMS) {
      const scoreOf = (words: string[]) => builtin.matchText(words.join(' '), { minScore: 0, limit: 1000 }).find((match) => match.claim.id === claim.id)?.score ?? 0;
      let words = claim.wordings[0]!.split(' ');
      if (scoreOf(words) < 0.39) continue;
      for (let index = 0; index < words.length; ) {
        const fewer = [...words.slice(0, index), ...words.slice(index + 1)];
        if (scoreOf(fewer) >= 0.39) words = fewer;
        else index++;
      }
      texts.push(words.join(' '));
      const longest = words.reduce((best, word, index) => (word.length > words[best]!.length ? index : best), 0);
      const word = words[longest]!;
      if (word.length < 7) continue;
      const misspelt = [...words.slice(0, longest), word.slice(0, -2) + word.slice(-1), ...words.slice(longest + 1)];
      texts.push(misspelt.join(' '));
      if (scoreOf(misspelt) > scoreOf([...words.slice(0, longest), ...words.slice(longest + 1)])) misspeltCounted++;
    }
    let compared = 0;
    for (const text of texts) {
      const normalized = normalizeText(text);
      for (const found of builtin.match(normalized, { minScore: 0, limit: 1000 })) {
        expect(builtin.match(normalized, { minScore: found.score, limit: 1000 }), text).toContainEqual(found);
        compared++;
      }
    }
    expect(texts.length).toBeGreaterThan(BUILTIN_CLAIMS.length);
    // Misspellings earned credit (not only exact words), and every threshold match was compared.
    expect(misspeltCounted).toBeGreaterThan(20);
    expect(compared).toBeGreaterThan(texts.length);
  });

  it('scores as the plain definition does: every candidate sharing a quarter of the weight, exact terms, misspellings (trigram Dice) and word pairs', () => {
    const texts: string[] = [];
    BUILTIN_CLAIMS.forEach((claim, index) => {
      const words = claim.wordings[index % claim.wordings.length]!.split(' ');
      const part = words.slice(index % 3, Math.max(index % 3 + 2, Math.ceil(words.length * 0.7))).join(' ');
      const misspelt = words.map((word, at) => (word.length >= 6 && at % 2 === 0 ? word.slice(0, 2) + word.slice(3) : word)).join(' ');
      // Three letters more (a misspelling as long as one may be) and a four-letter word inside a longer term's trigrams ("haha" in "hahaha").
      const longer = words.map((word) => (word.length >= 6 ? `${word}xyz` : word)).join(' ');
      texts.push(part, `Tadi di pasar ada yang bilang ${misspelt} katanya`, longer, obfuscateText(part, OBFUSCATIONS[index % OBFUSCATIONS.length]!, { seed: index }));
    });
    const laughing = [...BUILTIN_CLAIMS, ClaimSchema.parse({ ...invented[0]!, id: 'petugas-tertawa', wordings: ['Petugas gudang logistik tertawa hahaha melihat kardus suara cadangan terbakar'] })];
    texts.push('petugas gudang logistik haha kardus terbakar', 'hahaha petugas gudang tertawa');
    const matcher = compileClaimMatcher(laughing);
    const reference = referenceMatcher(laughing);
    let fuzzy = 0;
    // Each post after another, as a stream: nothing of one post may leak into the next.
    for (const text of [...texts, ...texts.slice().reverse()]) {
      const normalized = normalizeText(text);
      const expected = reference(normalized);
      fuzzy += expected.filter(([, , misspelt]) => misspelt).length;
      for (const minScore of [0, 0.33, 0.39]) {
        const got = matcher.match(normalized, { minScore, limit: 1000 }).map((match) => [match.claim.id, match.score]);
        expect(got, `${minScore}: ${text}`).toEqual(expected.filter(([, score]) => score >= minScore).map(([id, score]) => [id, score]));
      }
    }
    expect(fuzzy).toBeGreaterThan(100);
    expect(matcher.matchText('petugas gudang logistik haha kardus terbakar', { minScore: 0 }).map((match) => match.claim.id)).toContain('petugas-tertawa');
  });

  it('merges an office registry over the built-in one, later ids winning', () => {
    const replaced = { ...BUILTIN_CLAIMS[0]!, wordings: ['kalimat kantor yang menggantikan klaim bawaan ini'] };
    const merged = mergeClaims(BUILTIN_CLAIMS, [replaced, ...invented]);
    expect(merged).toHaveLength(BUILTIN_CLAIMS.length + 1);
    expect(merged.find((claim) => claim.id === replaced.id)!.wordings).toEqual(replaced.wordings);
  });
});

/**
 * The matcher's scoring written out plainly, with no index and no bound: which claims a post
 * re-states, as [id, score, whether a misspelt word counted], best first. It shares the term keys and weights with the matcher
 * and nothing else.
 */
function referenceMatcher(claims: readonly Claim[]) {
  const wordings = claims.flatMap((claim) => claim.wordings.map((text) => ({ claim, keys: textTerms(normalizeText(text)).keys })));
  const frequency = new Map<string, number>();
  for (const { keys } of wordings) for (const key of new Set(keys)) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  const broad = Math.max(50, Math.ceil(wordings.length * 0.02));
  const compiled = wordings.map(({ claim, keys }) => {
    const weights = new Map<string, number>();
    for (const key of keys) if (!weights.has(key)) weights.set(key, Math.log(1 + wordings.length / frequency.get(key)!) * termWeightFactor(key));
    const pairs = new Set(keys.slice(1).map((key, at) => `${keys[at]} ${key}`));
    return { claim, weights, total: [...weights.values()].reduce((sum, weight) => sum + weight, 0), pairs };
  });
  const grams = (word: string) => new Set(Array.from({ length: word.length }, (_, at) => `^${word}$`.slice(at, at + 3)));
  const dice = (a: string, b: string) => {
    const [x, y] = [grams(a), grams(b)];
    return (2 * [...y].filter((gram) => x.has(gram)).length) / (x.size + y.size);
  };
  return (normalized: ReturnType<typeof normalizeText>): [string, number, boolean][] => {
    const { keys } = textTerms(normalized);
    const present = new Set(keys);
    const near = (term: string) => (term.length < 5 ? undefined : [...present].find((key) => key.length >= 4 && key[0] === term[0] && Math.abs(key.length - term.length) <= 3 && dice(term, key) >= 0.7));
    const best = new Map<string, [number, boolean]>();
    for (const { claim, weights, total, pairs } of compiled) {
      let shared = 0;
      let sharedBroad = 0;
      for (const [key, weight] of weights) if (frequency.get(key)! > broad) sharedBroad += weight;
      for (const key of present) if (weights.has(key) && frequency.get(key)! <= broad) shared += weights.get(key)!;
      if (shared === 0 || shared + sharedBroad < 0.25 * total * 0.8) continue;
      let found = 0;
      let misspelt = false;
      for (const [term, weight] of weights) {
        if (present.has(term)) found += weight;
        else if (near(term) !== undefined) {
          found += weight * 0.8;
          misspelt = true;
        }
      }
      const said = keys.slice(1).filter((key, at) => pairs.has(`${keys[at]} ${key}`)).length;
      const termShare = found / total;
      const score = Math.min(1, 0.8 * termShare + 0.2 * (pairs.size > 0 ? Math.min(1, said / pairs.size) : termShare));
      if (score > (best.get(claim.id)?.[0] ?? -1)) best.set(claim.id, [score, misspelt]);
    }
    return [...best].map(([id, [score, misspelt]]): [string, number, boolean] => [id, score, misspelt]).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  };
}
