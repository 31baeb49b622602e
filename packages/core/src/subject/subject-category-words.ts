import { SUBJECT_CATEGORIES, type SubjectCategory } from './subject-schema.js';

// Words offices write in a "kategori" / "status kepegawaian" column, normalised as by
// `normaliseWord`. Left out on purpose, because they also name civil-servant posts: lurah, kasi
// (kepala seksi), PPK (also pejabat pembuat komitmen). A clerk who writes them is asked which.
const WORDS: Record<SubjectCategory, readonly string[]> = {
  asn: ['asn', 'pns', 'cpns', 'pegawai negeri', 'pegawai negeri sipil', 'aparatur sipil negara', 'asn pns', 'pns asn'],
  pppk: ['pppk', 'p3k', 'pegawai pemerintah dengan perjanjian kerja', 'pppk paruh waktu', 'asn pppk'],
  ptt: ['ptt', 'honorer', 'tenaga honorer', 'honor', 'thl', 'tenaga harian lepas', 'pegawai tidak tetap', 'non asn', 'nonasn', 'tenaga kontrak', 'kontrak', 'gtt', 'guru honorer', 'guru tidak tetap'],
  tni: ['tni', 'tni ad', 'tni al', 'tni au', 'tentara', 'tentara nasional indonesia', 'babinsa', 'prajurit tni'],
  polri: ['polri', 'polisi', 'kepolisian', 'bhabinkamtibmas', 'anggota polri', 'kepolisian negara republik indonesia'],
  penyelenggara: ['penyelenggara', 'penyelenggara pemilu', 'penyelenggara pemilihan', 'kpu', 'bawaslu', 'pps', 'kpps', 'panwascam', 'panwaslu', 'pkd', 'ptps', 'pantarlih', 'dkpp'],
  kepala_desa: ['kepala desa', 'kades', 'kepala kampung', 'wali nagari', 'walinagari', 'keuchik', 'geuchik', 'kepala gampong', 'perbekel', 'petinggi', 'kuwu', 'hukum tua', 'pj kepala desa', 'pj kades'],
  perangkat_desa: ['perangkat desa', 'aparat desa', 'aparatur desa', 'sekretaris desa', 'sekdes', 'kaur', 'kepala dusun', 'kadus', 'kepala urusan', 'perangkat nagari', 'perangkat kampung', 'perangkat gampong'],
  candidate: ['candidate', 'calon', 'kandidat', 'paslon', 'pasangan calon', 'calon kepala daerah', 'cakada', 'calon bupati', 'calon wakil bupati', 'cabup', 'cawabup', 'calon gubernur', 'calon wakil gubernur', 'cagub', 'cawagub', 'calon walikota', 'calon wali kota', 'calon wakil walikota', 'calon wakil wali kota', 'cawalkot'],
  tim_kampanye: ['tim kampanye', 'timses', 'tim sukses', 'tim pemenangan', 'juru kampanye', 'jurkam', 'campaign team'],
  relawan: ['relawan', 'volunteer', 'relawan paslon'],
  other: ['other', 'lainnya', 'lain lain', 'lain'],
};

const LOOKUP = new Map<string, SubjectCategory>();
for (const category of SUBJECT_CATEGORIES) {
  LOOKUP.set(normaliseWord(category), category);
  for (const word of WORDS[category]) LOOKUP.set(normaliseWord(word), category);
}

/** Words shown to a clerk whose category was not understood, a few per category. */
export const CATEGORY_WORD_EXAMPLES = 'ASN, PNS, PPPK, Honorer, THL, TNI, Polri, Penyelenggara, Kepala Desa, Perangkat Desa, Calon, Tim Kampanye, Relawan, Lainnya';

function normaliseWord(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The category a word written by a person means: `PNS` → `asn`, `Honorer` → `ptt`, `Kepala Desa`
 * → `kepala_desa`, and each category's own slug. Case, punctuation and a note in parentheses
 * (`PNS (guru)`) do not matter; `ASN / PNS` is understood when every part means the same category.
 * Returns `undefined` for a word it does not know.
 */
export function categoryFromWord(word: string): SubjectCategory | undefined {
  const whole = LOOKUP.get(normaliseWord(word));
  if (whole) return whole;
  const withoutNote = LOOKUP.get(normaliseWord(word.replace(/\([^)]*\)/g, ' ')));
  if (withoutNote) return withoutNote;
  const parts = word
    .split(/[/,;|]/)
    .map((part) => normaliseWord(part.replace(/\([^)]*\)/g, ' ')))
    .filter((part) => part.length > 0);
  if (parts.length < 2) return undefined;
  const found = new Set(parts.map((part) => LOOKUP.get(part)));
  if (found.size !== 1) return undefined;
  return [...found][0];
}
