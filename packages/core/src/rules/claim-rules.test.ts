import { describe, expect, it } from 'vitest';
import { ItemSchema } from '../capture/item-schema.js';
import { BUILTIN_CLAIMS } from '../claims/builtin-claims.js';
import { ClaimSchema } from '../claims/claim-schema.js';
import { mergeClaims } from '../claims/merge-claims.js';
import { FindingSchema } from '../findings/finding-schema.js';
import { SubjectSchema } from '../subject/subject-schema.js';
import { configuredClaimThresholds, CLAIM_RULES, scoreClaimFixtures, tuneClaimThresholds } from './__fixtures__/claim-thresholds.js';
import { EXAMPLE_ELECTION, PHASE_TIMES } from './__fixtures__/example-election.js';
import { HOAX_CLAIM_TEST_FIXTURES, HOAX_CLAIM_TUNE_FIXTURES } from './__fixtures__/hoax-claims.fixtures.js';
import { BUILTIN_RULE_SETS } from './builtin/builtin-rule-sets.js';
import { compileRules } from './compile-rules.js';
import { claimNote, evaluateItem } from './evaluate-item.js';
import { RuleSetSchema, type RuleSetInput } from './rule-set-schema.js';

const builtin = compileRules(BUILTIN_RULE_SETS, EXAMPLE_ELECTION)._unsafeUnwrap();
const warga = SubjectSchema.parse({ id: 'warga-01', name: 'Sulastri Wibowo', category: 'other', accounts: [{ platform: 'x', handle: 'sulastri_w' }] });

function run(text: string, compiled = builtin) {
  const item = ItemSchema.parse({ platform: 'x', id: 'p1', kind: 'post', author: { handle: 'sulastri_w' }, createdAt: PHASE_TIMES.campaign, text });
  return evaluateItem(compiled, { item, subject: warga, evidence: { captureId: 'cap-1', rawBlobs: [] }, now: PHASE_TIMES.campaign });
}

const claimRuleIds: readonly string[] = Object.values(CLAIM_RULES);

describe('claim predicate in the built-in hoax rules', () => {
  it('cites the claim, its debunk and the matched spans', () => {
    const text = 'Geger!! 7 k0nt4iner surat suara sdh dicoblos tiba di Tanjung Priok, viralkan sebelum dihapus';
    const finding = run(text).find((entry) => claimRuleIds.includes(entry.ruleId));
    expect(finding).toBeDefined();
    expect(FindingSchema.parse(finding)).toBeTruthy();
    const known = BUILTIN_CLAIMS.find((claim) => claim.id === 'tujuh-kontainer-surat-suara-tercoblos')!;
    expect(finding!.claims?.[0]).toMatchObject({ id: known.id, url: known.review.url, publisher: known.review.publisher, date: known.review.date, verdict: known.verdict });
    const spans = finding!.spans.filter((span) => span.predicate === `claim:${known.id}`);
    expect(spans.length).toBeGreaterThan(0);
    for (const span of finding!.spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    expect(spans.map((span) => span.text).join(' ')).toMatch(/k0nt4iner/);
    expect(finding!.notes).toContain(claimNote(finding!.claims![0]!));
  });

  it('does not flag a debunk that quotes the claim, nor ordinary talk', () => {
    const flagged = (text: string) => run(text).some((entry) => claimRuleIds.includes(entry.ruleId));
    expect(flagged('Cek fakta: kabar 7 kontainer surat suara tercoblos di Tanjung Priok itu hoaks, KPU membantah')).toBe(false);
    expect(flagged('Antre panjang di TPS 5, petugas KPPS sigap melayani warga')).toBe(false);
  });
});

describe('claim predicate in an office rule set', () => {
  const office = ClaimSchema.parse({
    id: 'kantor-jembatan-tps-ambruk',
    wordings: ['Jembatan menuju TPS Desa Karangsari sengaja dirobohkan agar warga tidak bisa mencoblos'],
    verdict: 'false',
    review: { url: 'https://kpu-lembah.example.go.id/klarifikasi/jembatan', publisher: 'KPU Kabupaten Lembah Harapan', date: '2024-11-25' },
    topics: ['voting_process'],
    language: 'id',
  });
  const ruleSet = (topics?: string[]) =>
    RuleSetSchema.parse({
      id: 'kantor-klaim',
      version: '1.0.0',
      title: { id: 'Uji klaim', en: 'Claim test' },
      rules: [{ id: 'k1', title: { id: 'Klaim kantor', en: 'Office claim' }, category: 'hoax', sanctions: ['review'], legalBasis: [{ instrument: 'X', article: 'Y' }], subjectCategories: ['other'], itemKinds: ['post'], when: { type: 'claim', minScore: 0.4, ...(topics ? { topics } : {}) } }],
    } as RuleSetInput);

  it('matches the office claims merged with the built-in ones', () => {
    const compiled = compileRules([ruleSet()], EXAMPLE_ELECTION, { claims: mergeClaims(BUILTIN_CLAIMS, [office]) })._unsafeUnwrap();
    const [finding] = run('jembatan ke TPS karangsari dirobohkan supaya warga ga bisa nyoblos!', compiled);
    expect(finding?.claims?.[0]?.id).toBe(office.id);
    expect(finding?.claims?.[0]?.url).toBe(office.review.url);
    expect(run('Server KPU di Singapura disetting menang 57 persen', compiled)[0]?.claims?.[0]?.id).toBe('server-kpu-singapura-setting-57-persen');
  });

  it('gives each claim predicate every match at its own minScore, whichever rule asks first', () => {
    // Matches are kept per field at the score first asked for: a later rule asking for less must still see the weaker matches.
    const rule = (id: string, minScore: number) => ({ id, title: { id: `Klaim ${minScore}`, en: `Claim ${minScore}` }, category: 'hoax', sanctions: ['review'], legalBasis: [{ instrument: 'X', article: 'Y' }], subjectCategories: ['other'], itemKinds: ['post'], when: { type: 'claim', minScore } });
    const rules = (order: number[]) => RuleSetSchema.parse({ id: 'kantor-klaim', version: '1.0.0', title: { id: 'Uji klaim', en: 'Claim test' }, rules: order.map((minScore) => rule(`k${Math.round(minScore * 100)}`, minScore)) } as RuleSetInput);
    const text = 'jembatan ke TPS karangsari dirobohkan, ada yang lihat?';
    const [weak] = run(text, compileRules([rules([0.05])], EXAMPLE_ELECTION, { claims: [office] })._unsafeUnwrap());
    const middle = weak!.claims![0]!.score;
    expect(middle).toBeGreaterThan(0.1);
    expect(middle).toBeLessThan(0.9);
    const high = Math.ceil(middle * 100 + 1) / 100;
    const low = Math.floor(middle * 100 - 1) / 100;
    for (const order of [[high, low, 0.05], [0.05, high, low], [low, high]]) {
      const compiled = compileRules([rules(order)], EXAMPLE_ELECTION, { claims: [office] })._unsafeUnwrap();
      expect(run(text, compiled).map((finding) => finding.ruleId).sort(), order.join(' ')).toEqual(order.filter((minScore) => minScore < middle).map((minScore) => `k${Math.round(minScore * 100)}`).sort());
    }
  });

  it('keeps to the topics the predicate names', () => {
    const compiled = compileRules([ruleSet(['identity'])], EXAMPLE_ELECTION, { claims: [office] })._unsafeUnwrap();
    expect(run('jembatan ke TPS karangsari dirobohkan supaya warga ga bisa nyoblos!', compiled)).toEqual([]);
  });
});

describe('claim thresholds', () => {
  it('are the ones chosen on the tune split', () => {
    expect(configuredClaimThresholds()).toEqual(tuneClaimThresholds(HOAX_CLAIM_TUNE_FIXTURES).thresholds);
  });

  it('reach precision ≥ 0.90 and recall ≥ 0.85 on the held-out test split', () => {
    const score = scoreClaimFixtures(HOAX_CLAIM_TEST_FIXTURES);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('have at least 60 positive and 60 negative fixtures in all', () => {
    const all = [...HOAX_CLAIM_TUNE_FIXTURES, ...HOAX_CLAIM_TEST_FIXTURES];
    expect(all.filter((fixture) => fixture.expected).length).toBeGreaterThanOrEqual(60);
    expect(all.filter((fixture) => !fixture.expected).length).toBeGreaterThanOrEqual(60);
  });
});
