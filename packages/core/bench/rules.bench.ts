/**
 * `pnpm bench rules`: the shared term matcher against RegExp baselines measured in the same run,
 * end-to-end evaluation of ~200-character posts, compile time, and claim matching (the built-in
 * registry of debunked claims and 10,000 synthetic claims). Figures are per core.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { reportBench } from '../../../scripts/bench-results.js';
import { measureCalibration } from '../../../scripts/bench-calibration.js';
import { ElectionContextSchema, ItemSchema, SubjectSchema } from '../src/index.js';
import { BUILTIN_RULE_SETS } from '../src/rules/builtin/builtin-rule-sets.js';
import { compileRules } from '../src/rules/compile-rules.js';
import { evaluateItem } from '../src/rules/evaluate-item.js';
import { compileTermMatcher, wordUnits } from '../src/rules/term-matcher.js';
import { BUILTIN_CLAIMS } from '../src/claims/builtin-claims.js';
import { compileClaimMatcher } from '../src/claims/claim-matcher.js';
import type { Claim } from '../src/claims/claim-schema.js';
import { normalizeText } from '../src/text/normalize-text.js';
import { EXAMPLE_CONTEXT } from '../src/election/example-election.js';

// A fixed-seed generator, so every run measures the same terms and text.
let seed = 0x5eed;
const random = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 0x1_0000_0000;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const SYLLABLES = ['ba', 'ka', 'ma', 'na', 'pa', 'ra', 'sa', 'ta', 'da', 'ga', 'la', 'ja', 'wa', 'ya', 'bi', 'ki', 'mi', 'ni', 'pi', 'ri', 'si', 'ti', 'di', 'gi', 'li', 'ju', 'bu', 'ku', 'mu', 'nu', 'pu', 'ru', 'su', 'tu', 'du', 'gu', 'lu', 'ng', 'an', 'ang', 'kan', 'nya', 'lah', 'me', 'be', 'ke', 'se', 'pe', 'te', 'de', 'ng', 'co', 'blos', 'dung', 'lih'];
const word = (): string => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join('');
const termList = (count: number): string[] => {
  const terms = new Set<string>();
  while (terms.size < count) terms.add(random() < 0.25 ? `${word()} ${word()}` : word());
  return [...terms];
};

// Everyday Indonesian words: most of any real post.
const COMMON = (
  'yang dan di ini itu dengan untuk tidak dari dalam akan pada juga saya ke karena tersebut bisa ada mereka lebih ' +
  'kami sudah kita sebagai harus hari orang telah oleh atau jadi saat sangat masih baru banyak lagi semua kalau ' +
  'rumah jalan pasar desa kota sekolah guru anak ibu bapak warga pagi siang malam besok kemarin makan minum kopi ' +
  'hujan panas kerja kantor rapat acara keluarga teman terima kasih selamat semoga sehat senang capek macet harga ' +
  'beras cabai minyak motor mobil banjir panen sawah kebun masjid gereja lapangan bola main nonton video foto ' +
  'banget dong sih deh kok nih tuh yuk mantap keren lucu gimana kenapa kapan dimana siapa berapa'
).split(' ');

/** About 1 MB of normalised text: 70% everyday words, 28% random words, 2% terms. */
function corpus(terms: string[], bytes: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const roll = random();
    const next = roll < 0.02 ? pick(terms) : roll < 0.3 ? word() : pick(COMMON);
    parts.push(next);
    length += next.length + 1;
  }
  return parts.join(' ');
}

/** MB/s of `run` over `text`, best of several timed rounds of at least 150 ms. */
function throughput(text: string, run: (text: string) => number): number {
  const megabytes = Buffer.byteLength(text, 'utf8') / 1e6;
  run(text);
  let best = 0;
  for (let round = 0; round < 2; round++) {
    let passes = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      run(text);
      passes++;
      elapsed = performance.now() - start;
    } while (elapsed < 150);
    best = Math.max(best, (megabytes * passes) / (elapsed / 1000));
  }
  return best;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const progress = (what: string): void => void process.stderr.write(`rules bench: ${what} (${(performance.now() / 1000).toFixed(1)} s)\n`);
wordUnits(); // the boundary table is built once per process; not part of a compile
const matcherFigures = new Map<number, number>();
const termsBySize = new Map<number, string[]>();
for (const size of [100, 1000, 10_000]) {
  const terms = termList(size);
  termsBySize.set(size, terms);
  const text = corpus(terms, 1_000_000);
  const matcher = compileTermMatcher(terms);
  matcherFigures.set(size, throughput(text, (input) => {
    let hits = 0;
    matcher.scan(input, () => hits++);
    return hits;
  }));
}

progress('matcher done');
// Baseline 1: one RegExp alternation of the same 10,000 terms.
const terms10k = termsBySize.get(10_000)!;
const text10k = corpus(terms10k, 200_000);
const alternation = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...terms10k].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const alternationMbPerS = throughput(text10k, (input) => {
  let hits = 0;
  alternation.lastIndex = 0;
  while (alternation.exec(input)) hits++;
  return hits;
});

progress('alternation done');
// Baseline 2: one RegExp per rule, 1,000 terms in 100 rules of 10 terms.
const terms1k = termsBySize.get(1000)!;
const text1k = corpus(terms1k, 200_000);
const perRule = Array.from({ length: 100 }, (_, index) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms1k.slice(index * 10, index * 10 + 10).map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu'));
const perRuleMbPerS = throughput(text1k, (input) => {
  let hits = 0;
  for (const regex of perRule) {
    regex.lastIndex = 0;
    while (regex.exec(input)) hits++;
  }
  return hits;
});

progress('per-rule RegExp done');
// Compile time of 10,000 normalised terms (median of 7).
const compileTimes: number[] = [];
for (let round = 0; round < 7; round++) {
  const start = performance.now();
  compileTermMatcher(terms10k);
  compileTimes.push(performance.now() - start);
}
compileTimes.sort((a, b) => a - b);
const compileMs = compileTimes[3]!;

progress('compile done');
// End to end: normalise + match + evaluate every applicable built-in rule on ~200-char posts.
const context = ElectionContextSchema.parse(EXAMPLE_CONTEXT);
const compiled = compileRules(BUILTIN_RULE_SETS, context)._unsafeUnwrap();
const subject = SubjectSchema.parse({ id: 'asn-bench', name: 'ASN', category: 'asn', accounts: [{ platform: 'x', handle: 'asn_bench' }] });
const SENTENCES = [
  'Hari ini rapat dinas membahas jadwal ujian semester di sekolah',
  'Selamat pagi rekan2 guru, semangat mengajar hari ini ya 🙏',
  'Debat paslon malam ini, siapa yang nonton? #PilkadaDamai',
  'Harga cabai naik lagi di pasar Sukamaju, ibu2 pusing',
  'Jangan lupa bawa KTP ke TPS tanggal 27 November',
  'Kopi pagi dulu sebelum berangkat kerja ☕ hati2 di jalan',
  'Bawaslu mengimbau ASN netral dalam Pilkada Lembah Harapan',
  'gk nyangka bgt hasil panen tahun ini bagus, alhamdulillah',
  'Nonton bola bareng warga di balai desa malam ini 🇮🇩',
];
const posts = Array.from({ length: 2000 }, (_, index) => {
  let text = '';
  // About 1 post in 50 endorses a candidate, the rest is everyday talk.
  while (text.length < 190) text += `${random() < 0.007 ? 'Ayo dukung Pak Arman dan Bu Rina, pasti menang ☝️' : pick(SENTENCES)} `;
  return ItemSchema.parse({ platform: 'x', id: `b${index}`, kind: 'post', author: { handle: 'asn_bench' }, text: text.slice(0, 200), createdAt: '2024-10-15T10:00:00+07:00' });
});
const evidence = { captureId: 'bench', rawBlobs: [] };
/** Items (posts) per second of `pass` over `perPass` items: best of 3 rounds of at least `roundMs`; the last pass's result is kept. */
function bestRate<T>(pass: () => T, perPass: number, roundMs: number): { perSecond: number; last: T } {
  let last = pass();
  let perSecond = 0;
  for (let round = 0; round < 3; round++) {
    let count = 0;
    const start = performance.now();
    do {
      last = pass();
      count += perPass;
    } while (performance.now() - start < roundMs);
    perSecond = Math.max(perSecond, count / ((performance.now() - start) / 1000));
  }
  return { perSecond, last };
}
const runPosts = (rules: typeof compiled) => (): number => {
  let findings = 0;
  for (const item of posts) findings += evaluateItem(rules, { item, subject, evidence, now: '2024-10-16T00:00:00Z' }).length;
  return findings;
};
/**
 * The first 48 bits of the SHA-256 of `value` as JSON: a number the JSON keeps exactly. Equal
 * digests across runs and commits say a speed change left every finding (or match) as it was.
 */
const digestOf = (value: unknown): number => Number.parseInt(createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12), 16);
const findingsOf = (rules: typeof compiled) => posts.map((item) => evaluateItem(rules, { item, subject, evidence, now: '2024-10-16T00:00:00Z' }));
const endToEnd = bestRate(runPosts(compiled), posts.length, 500);
const postsPerSecond = endToEnd.perSecond;
const findingsPerRound = endToEnd.last;

progress('end to end done');
// Claim matching alone: normalised ~200-char posts (2% re-state a claim of the registry) against
// the built-in registry and against 10,000 synthetic claims built from the same vocabulary.
const ELECTION_WORDS = 'kpu bawaslu tps surat suara coblos dicoblos tercoblos pemilu pilkada paslon calon server hasil hitung rekap kotak kardus petugas kpps dpt pemilih curang bocor'.split(' ');
const syntheticClaims: Claim[] = Array.from({ length: 10_000 }, (_, index) => {
  const words = Array.from({ length: 9 + Math.floor(random() * 6) }, () => (random() < 0.3 ? pick(ELECTION_WORDS) : random() < 0.5 ? pick(COMMON) : word()));
  return { id: `sintetis-${index}`, wordings: [words.join(' ')], verdict: 'false', review: { url: `https://cekfakta.example.org/${index}`, publisher: 'Contoh', date: '2024-01-01' }, topics: ['voting_process'], language: 'id' };
});
const claimCompileStart = performance.now();
const syntheticMatcher = compileClaimMatcher(syntheticClaims);
const claimCompileMs = performance.now() - claimCompileStart;
const builtinMatcher = compileClaimMatcher(BUILTIN_CLAIMS);
const claimPosts = (claims: readonly Claim[]) =>
  Array.from({ length: 2000 }, () => {
    let text = '';
    while (text.length < 190) text += `${random() < 0.02 ? `${pick(claims).wordings[0]}, viralkan` : pick(SENTENCES)} `;
    return normalizeText(text.slice(0, 200));
  });
const builtinClaimPosts = claimPosts(BUILTIN_CLAIMS);
const syntheticClaimPosts = claimPosts(syntheticClaims);
const claimPostsPerSecond = (matcher: typeof builtinMatcher, normalized: ReturnType<typeof normalizeText>[]) =>
  bestRate(() => normalized.reduce((sum, text) => sum + (matcher.match(text, { minScore: 0.33, limit: 10 }).length > 0 ? 1 : 0), 0), normalized.length, 400);
const matchesOf = (matcher: typeof builtinMatcher, normalized: ReturnType<typeof normalizeText>[]) =>
  normalized.map((text) => matcher.match(text, { minScore: 0.33, limit: 10 }).map((match) => [match.claim.id, match.wording, match.score, match.tokens]));
const claimMatchesDigest = digestOf([matchesOf(builtinMatcher, builtinClaimPosts), matchesOf(syntheticMatcher, syntheticClaimPosts)]);
const claimBuiltin = claimPostsPerSecond(builtinMatcher, builtinClaimPosts);
const claimSynthetic = claimPostsPerSecond(syntheticMatcher, syntheticClaimPosts);

// End to end with the 10,000 synthetic claims in place of the built-in registry.
const compiledSynthetic = compileRules(BUILTIN_RULE_SETS, context, { claims: syntheticClaims })._unsafeUnwrap();
const postsPerSecondSynthetic = bestRate(runPosts(compiledSynthetic), posts.length, 500).perSecond;
const findingsDigest = digestOf([findingsOf(compiled), findingsOf(compiledSynthetic)]);

progress('claims done');
// Calibration: a bare charCodeAt loop (and sha256), to read the figures on a loaded machine.
const calibration = measureCalibration();
const plainLoopMbPerS = calibration.charLoopMbPerS;

const m100 = matcherFigures.get(100)!;
const m1000 = matcherFigures.get(1000)!;
const m10000 = matcherFigures.get(10_000)!;
reportBench(
  'rules',
  [
    { name: 'matcher_mb_per_s_100', value: m100, unit: 'MB/s' },
    { name: 'matcher_mb_per_s_1000', value: m1000, unit: 'MB/s' },
    { name: 'matcher_mb_per_s_10000', value: m10000, unit: 'MB/s' },
    { name: 'alternation_mb_per_s_10000', value: alternationMbPerS, unit: 'MB/s' },
    { name: 'per_rule_regexp_mb_per_s_1000', value: perRuleMbPerS, unit: 'MB/s' },
    { name: 'posts_per_s_end_to_end', value: postsPerSecond, unit: 'posts/s' },
    { name: 'compile_ms_10000', value: compileMs, unit: 'ms' },
    { name: 'claim_match_posts_per_s_builtin', value: claimBuiltin.perSecond, unit: 'posts/s' },
    { name: 'claim_match_posts_per_s_10000', value: claimSynthetic.perSecond, unit: 'posts/s' },
    { name: 'posts_per_s_end_to_end_10000_claims', value: postsPerSecondSynthetic, unit: 'posts/s' },
    { name: 'claim_compile_ms_10000', value: claimCompileMs, unit: 'ms' },
    { name: 'findings_digest_end_to_end', value: findingsDigest, unit: 'sha256/48 of every finding, built-in and 10,000-claim end to end' },
    { name: 'claim_matches_digest', value: claimMatchesDigest, unit: 'sha256/48 of every claim match, built-in and 10,000 claims' },
  ],
  [
    `matcher 10,000 vs RegExp alternation of the same terms: ${(m10000 / alternationMbPerS).toFixed(1)}x`,
    `matcher 1,000 vs one RegExp per rule (100 rules x 10 terms): ${(m1000 / perRuleMbPerS).toFixed(1)}x`,
    `matcher 10,000 / matcher 100: ${(m10000 / m100).toFixed(2)} (goal >= 0.33)`,
    `goals: >= 250 MB/s at 1,000 terms, >= 150 MB/s at 10,000, >= 50,000 posts/s, compile 10,000 terms <= 100 ms`,
    `end to end: ${posts.length} posts of ~200 chars, ${compiled.rules.length} built-in rules, ${findingsPerRound} findings per pass (ASN subject, campaign phase)`,
    `end to end includes the claim rules against the built-in registry (${BUILTIN_CLAIMS.length} claims); posts_per_s_end_to_end_10000_claims swaps in 10,000 synthetic claims`,
    `claim matching alone: 2,000 normalised posts of ~200 chars, 2% re-stating a claim; matched ${claimBuiltin.last} (built-in, ${builtinMatcher.wordings} wordings) and ${claimSynthetic.last} (10,000 synthetic claims) per pass at score >= 0.33`,
    `digests: findings ${findingsDigest.toString(16).padStart(12, '0')}, claim matches ${claimMatchesDigest.toString(16).padStart(12, '0')} (a speed change must leave both as they were)`,
    `calibration: a bare charCodeAt loop runs at ${plainLoopMbPerS.toFixed(0)} MB/s on this machine now; matcher at 1,000 terms = ${((m1000 / plainLoopMbPerS) * 100).toFixed(0)}% of it`,
    'text: 70% everyday Indonesian words, 28% random syllable words sharing prefixes with the terms, 2% terms; matcher text ~1 MB, RegExp baselines ~200 kB; MB = 10^6 UTF-8 bytes; best of 2 rounds of >= 150 ms; shared machine, figures are noisy',
  ],
  calibration,
);
