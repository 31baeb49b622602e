import type { ClaimTopic, ClaimVerdict } from './claim-schema.js';

// Checked in this order: "konteks yang salah" is out of context before it is false.
const VERDICT_WORDS: ReadonlyArray<readonly [ClaimVerdict, readonly string[]]> = [
  ['manipulated', ['manipul', 'suntingan', 'disunting', 'editan', 'edited', 'altered', 'doctored', 'rekayasa']],
  ['out_of_context', ['konteks', 'context']],
  ['misleading', ['menyesatkan', 'sesat', 'misleading', 'sebagian', 'partly', 'half', 'mixture']],
  ['false', ['salah', 'hoaks', 'hoax', 'keliru', 'bohong', 'tidak benar', 'false', 'fake', 'palsu', 'disinformasi', 'fabricated', 'incorrect', 'pants on fire', 'inaccurate', 'fitnah']],
];

const TRUE_WORDS = ['benar', 'true', 'fakta', 'correct', 'accurate'];

/** The verdict words accepted in imports, for error messages. */
export const VERDICT_WORD_HINT = 'Salah/Hoaks/False, Menyesatkan/Misleading, Keluar konteks/Out of context, Manipulasi/Manipulated (or false, misleading, out_of_context, manipulated)';

/**
 * A fact-checker's rating (`reviewRating.alternateName`, a CSV cell) as a registry verdict:
 * `undefined` when the words are not recognised, `'true'` when the rating says the claim is
 * true (such a claim does not belong in a registry of false claims).
 */
export function verdictFromWords(words: string): ClaimVerdict | 'true' | undefined {
  const lower = words.trim().toLowerCase().replace(/[_-]+/g, ' ');
  if (lower === 'out of context') return 'out_of_context';
  for (const [verdict, cues] of VERDICT_WORDS) if (cues.some((cue) => lower.includes(cue))) return verdict;
  if (TRUE_WORDS.some((cue) => lower === cue || lower.startsWith(`${cue} `))) return 'true';
  return undefined;
}

const TOPIC_WORDS: ReadonlyArray<readonly [ClaimTopic, RegExp]> = [
  ['voting_process', /\b(surat suara|kertas suara|tps|coblos|dicoblos|tercoblos|mencoblos|pencoblosan|pemungutan|dpt|pemilih|e-?ktp|undangan|kotak suara|tinta|ballots?|ballot box(es)?|polling stations?|voters?|voting|voter roll)\b/],
  ['counting', /\b(hitung|penghitungan|perhitungan|rekap|rekapitulasi|quick count|real count|sirekap|situng|exit poll|hasil pemilu|hasil pilkada|hasil pilpres|suara sah|c1|form c|count(ing|ed)?|tally|results?)\b/],
  ['organisers', /\b(kpu|kpud|bawaslu|panwaslu|panwas|kpps|ppk|pps|dkpp|penyelenggara|election commission|election supervisory|poll workers?)\b/],
  ['candidates', /\b(capres|cawapres|calon|paslon|kandidat|caleg|partai|parpol|bupati|gubernur|wali kota|walikota|presiden|candidates?|party|parties|president|governor|mayor)\b/],
  ['identity', /\b(pki|komunis|china|cina|tionghoa|asing|wna|kafir|agama|islam|kristen|suku|etnis|ras|sara|yahudi|arab|communist|chinese|foreigners?|religion|religious|muslims?|christians?|ethnic)\b/],
];

/** Topics a claim's words suggest; imports use them when the source names none. */
export function topicsFromWords(text: string): ClaimTopic[] {
  const lower = text.toLowerCase();
  return TOPIC_WORDS.filter(([, pattern]) => pattern.test(lower)).map(([topic]) => topic);
}
