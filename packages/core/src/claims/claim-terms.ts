import { DEFAULT_ROOT_WORDS, stemIndonesian } from '../text/indonesian-stemmer.js';
import type { NormalizedText } from '../text/normalize-text.js';

/**
 * Function words that carry no claim: left out of the terms so that "surat suara yang sudah
 * dicoblos" and "surat suara dicoblos" share all their terms. Negations stay out too: a claim
 * and its denial share their facts, and telling them apart is the rules' job (the `debunk`
 * lexicon), not the matcher's.
 */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'yang dan di ke dari untuk ini itu ada dengan karena juga atau pada kalau jadi bisa akan sudah telah sedang masih lagi saja ' +
    'pun lah nya kan sih dong deh kok nih tuh ya oleh sebagai dalam tersebut para semua setiap bahwa agar supaya biar buat sama ' +
    'aku saya kamu kita kami mereka dia ia gue banget sangat lebih paling hanya cuma tidak bukan belum jangan mau ingin harus ' +
    'boleh dapat punya nanti tadi baru pernah sampai hingga ketika saat waktu kemudian lalu terus maka namun tetapi tapi ' +
    'serta atas bagi per tiap tanpa antara seperti begitu sini sana situ apa siapa mana kenapa bagaimana the a an of to is in'
  ).split(' '),
);

/** Ballot numbers and counts written as digits read like the words ("7 kontainer" = "tujuh kontainer", "01" = "satu"). */
const NUMBER_WORDS: readonly string[] = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh'];

/** Words that say the same thing in election talk, read as one ("wafat" = "meninggal", "komunis" = "PKI", "kertas suara" = "surat suara"). */
const SYNONYMS: Readonly<Record<string, string>> = {
  wafat: 'meninggal', tewas: 'meninggal', mati: 'meninggal', meninggalnya: 'meninggal',
  komunis: 'pki', cina: 'china', tiongkok: 'china', kertas: 'surat', itung: 'hitung', hitungan: 'hitung',
  distop: 'dihentikan', stop: 'hentikan', nyobos: 'coblos', coblosan: 'coblos', kontener: 'kontainer',
  pencoblosan: 'coblos', pemungutan: 'coblos', ditunda: 'diundur', tunda: 'undur', batal: 'undur', dibatalkan: 'diundur',
};

const ROOTS: ReadonlySet<string> = new Set(DEFAULT_ROOT_WORDS);
const PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['meng', ''], ['meny', 's'], ['mem', ''], ['men', ''], ['me', ''],
  ['peng', ''], ['peny', 's'], ['pem', ''], ['pen', ''], ['pe', ''],
  ['ber', ''], ['ter', ''], ['per', ''], ['di', ''], ['ke', ''], ['se', ''],
];
const SUFFIXES = ['kan', 'nya', 'lah', 'kah', 'an', 'in', 'i'];
const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/**
 * The key a word is matched by. The dictionary stemmer first (it knows the election verbs:
 * "tercoblos" → "coblos"); otherwise one suffix and one prefix come off without a dictionary.
 * Both claims and posts go through the same function, so an over-eager cut ("pelabuhan" →
 * "labuh") costs nothing: the two sides still meet.
 */
export function termKey(word: string): string {
  const known = cache.get(word);
  if (known !== undefined) return known;
  const canonical = SYNONYMS[word] ?? word;
  let key = stemIndonesian(canonical, ROOTS);
  if (key === canonical && canonical.length > 5) {
    for (const suffix of SUFFIXES) {
      if (key.endsWith(suffix) && key.length - suffix.length >= 4) {
        key = key.slice(0, -suffix.length);
        break;
      }
    }
    for (const [prefix, replacement] of PREFIXES) {
      if (key.startsWith(prefix) && key.length - prefix.length + replacement.length >= 4) {
        key = replacement + key.slice(prefix.length);
        break;
      }
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, key);
  return key;
}

/** The content terms of a normalised text, in order, each with the index of its token. */
export interface TextTerms {
  keys: string[];
  tokens: number[];
}

/**
 * The key of each word a post may hold, or null for a function word or a single letter: one
 * look-up per word where the stop list and the key cache took two.
 */
const wordTerms = new Map<string, string | null>();

/** The term key of a word token's text, or null for a function word or a single letter. */
export function wordTermKey(word: string): string | null {
  let key = wordTerms.get(word);
  if (key === undefined) {
    key = word.length < 2 || STOPWORDS.has(word) ? null : termKey(word);
    if (wordTerms.size >= CACHE_LIMIT) wordTerms.clear();
    wordTerms.set(word, key);
  }
  return key;
}

/** The term key of a number token's text: ballot numbers and counts up to ten read as words. */
export function numberTermKey(text: string): string {
  const value = text.replace(/^0+(?=\d)/, '');
  return NUMBER_WORDS[Number(value)] ?? value;
}

/** Content terms: words that are not function words, and numbers read as words. */
export function textTerms(normalized: NormalizedText): TextTerms {
  const keys: string[] = [];
  const tokens: number[] = [];
  const list = normalized.tokens;
  for (let index = 0; index < list.length; index++) {
    const token = list[index]!;
    const key = token.kind === 'word' ? wordTermKey(token.text) : token.kind === 'number' ? numberTermKey(token.text) : null;
    if (key === null) continue;
    keys.push(key);
    tokens.push(index);
  }
  return { keys, tokens };
}

/**
 * Words every election post uses — official notices and ordinary talk as much as hoaxes. A
 * claim is recognised by what it says beyond them ("7 kontainer", "Singapura", "diracun"), so
 * they count for a fraction of their registry weight: "pemungutan suara ulang di TPS 7" is not
 * the hoax about a re-vote at one named TPS.
 */
const COMMON_ELECTION_WORDS =
  'pemilu pilkada pilpres pileg kpu kpud bawaslu panwaslu kpps pps ppk tps dpt surat suara coblos hitung hasil ' +
  'calon paslon capres cawapres caleg partai pemilih petugas warga nomor urut kabupaten kota desa kecamatan provinsi ' +
  'rekapitulasi pleno kampanye presiden daerah umum pemilihan';
const COMMON_WEIGHT = 0.35;
let commonKeys: ReadonlySet<string> | undefined;

/** How much of its IDF weight a term keeps: 1, or a fraction for the words every election post uses. */
export function termWeightFactor(key: string): number {
  commonKeys ??= new Set(COMMON_ELECTION_WORDS.split(' ').map(termKey));
  return commonKeys.has(key) ? COMMON_WEIGHT : 1;
}
