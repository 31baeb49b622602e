/**
 * A dictionary-guided Indonesian stemmer: it strips particles (-lah, -kah, -tah, -pun),
 * possessives (-ku, -mu, -nya), derivational suffixes (-kan, -an, -i) and prefixes (di-, ke-,
 * se-, ter-, ber-, per-, pe-, me- with its nasal forms), and accepts a candidate only when it is a
 * known root. Without the dictionary check, "menang" would lose its "me-" and become "nang".
 */

/** Roots the built-in rules care about; rule sets add the roots of their own root lexicons. */
export const DEFAULT_ROOT_WORDS: readonly string[] = [
  'dukung', 'pilih', 'coblos', 'menang', 'sukses', 'kawal', 'lanjut', 'ajak', 'kampanye', 'sosialisasi',
  'sebar', 'viral', 'hapus', 'bagi', 'beri', 'janji', 'bayar', 'usir', 'bunuh', 'bantai', 'basmi', 'benci',
  'hina', 'fitnah', 'tipu', 'curang', 'pindah', 'undur', 'tunda', 'ganti', 'batal', 'umum', 'imbau', 'larang',
  'lapor', 'netral', 'ikut', 'hadir', 'pasang', 'kumpul', 'gerak', 'kerah', 'menang', 'juang', 'bela',
  'dengar', 'sumbang', 'bantu', 'kirim', 'tolak', 'lawan', 'awas', 'ancam', 'serang', 'bakar', 'rusak',
  'tuduh', 'bohong', 'palsu', 'suap', 'beli', 'jual', 'tukar', 'hadiah', 'untung', 'rugi', 'sambut',
  'deklarasi', 'satu', 'gabung', 'follow', 'like', 'share', 'posting', 'unggah', 'siar', 'tetap', 'tenang',
  'tangkap', 'periksa', 'klarifikasi', 'bantah', 'catat', 'jaga', 'ingat', 'lupa', 'datang', 'ramai',
  'hitung', 'suara', 'cabut', 'musnah', 'ganyang', 'singkir', 'habis', 'pecah', 'adu', 'hasut', 'provokasi',
];

const PARTICLES = ['lah', 'kah', 'tah', 'pun'];
const POSSESSIVES = ['nya', 'ku', 'mu'];
// "-in" is the Jakarta colloquial form of -kan/-i (buktiin, menangin).
const SUFFIXES = ['kan', 'an', 'i', 'in'];
/** The shortest root; {@link stemIndonesian} returns a word this short or shorter as it is. */
export const MIN_ROOT = 3;

/**
 * Words kept as they are although they decompose into a known root, because the derived word
 * names something else: "pemilihan" (election) and "pemilih" (voter) are not calls to "pilih"
 * (choose); "kecamatan" and "kelurahan" are places, not the "camat" and "lurah" who head them;
 * "keturunan" (descent) is not "turun" (to go down to the field). A particle or possessive on
 * them ("kecamatannya") keeps the word too.
 */
export const STEM_EXCEPTIONS: ReadonlySet<string> = new Set(['pemilihan', 'pemilih', 'pemilu', 'pilkada', 'pemenang', 'kampanye', 'kecamatan', 'kelurahan', 'keturunan']);

/** Stem `word` against `roots`; returns `word` itself when no decomposition reaches a root. */
export function stemIndonesian(word: string, roots: ReadonlySet<string>): string {
  if (roots.has(word) || word.length <= MIN_ROOT || STEM_EXCEPTIONS.has(word)) return word;
  const exception = withoutClitics(word).find((form) => STEM_EXCEPTIONS.has(form));
  if (exception) return exception;
  for (const base of suffixVariants(word)) {
    if (roots.has(base)) return base;
    for (const candidate of prefixVariants(base, 2)) {
      if (roots.has(candidate)) return candidate;
    }
  }
  return word;
}

/** The word with any particle (-lah, -kah, ...) and possessive (-nya, -ku, -mu) taken off. */
function withoutClitics(word: string): string[] {
  const afterParticle: string[] = [word];
  for (const particle of PARTICLES) if (word.endsWith(particle) && word.length - particle.length >= MIN_ROOT) afterParticle.push(word.slice(0, -particle.length));
  const afterPossessive: string[] = [];
  for (const form of afterParticle) {
    afterPossessive.push(form);
    for (const possessive of POSSESSIVES) if (form.endsWith(possessive) && form.length - possessive.length >= MIN_ROOT) afterPossessive.push(form.slice(0, -possessive.length));
  }
  return afterPossessive;
}

function suffixVariants(word: string): string[] {
  const out = [word];
  for (const form of withoutClitics(word)) {
    if (!out.includes(form)) out.push(form);
    for (const suffix of SUFFIXES) {
      if (form.endsWith(suffix) && form.length - suffix.length >= MIN_ROOT) {
        const stripped = form.slice(0, -suffix.length);
        if (!out.includes(stripped)) out.push(stripped);
      }
    }
  }
  return out;
}

const VOWEL = /^[aiueo]/;

function prefixVariants(word: string, depth: number): string[] {
  if (depth === 0 || word.length <= MIN_ROOT) return [];
  const out: string[] = [];
  const push = (candidate: string): void => {
    if (candidate.length >= MIN_ROOT) {
      out.push(candidate);
      out.push(...prefixVariants(candidate, depth - 1));
    }
  };
  for (const prefix of ['di', 'ke', 'se', 'ter', 'ber', 'be', 'per', 'te']) {
    if (word.startsWith(prefix)) {
      push(word.slice(prefix.length));
    }
  }
  for (const prefix of ['me', 'pe']) {
    if (!word.startsWith(prefix)) continue;
    const rest = word.slice(2);
    if (rest.startsWith('ny')) {
      push(`s${rest.slice(2)}`);
      push(`c${rest.slice(2)}`);
    } else if (rest.startsWith('ng')) {
      const after = rest.slice(2);
      if (after.startsWith('e') && after.length > MIN_ROOT) push(after.slice(1));
      push(after);
      if (VOWEL.test(after)) push(`k${after}`);
    } else if (rest.startsWith('m')) {
      const after = rest.slice(1);
      push(after);
      if (VOWEL.test(after)) push(`p${after}`);
    } else if (rest.startsWith('n')) {
      const after = rest.slice(1);
      push(after);
      if (VOWEL.test(after)) push(`t${after}`);
    }
    push(rest);
  }
  if (word.startsWith('ny')) {
    push(`s${word.slice(2)}`);
    push(`c${word.slice(2)}`);
  }
  return out;
}
