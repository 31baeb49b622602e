import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ItemSchema, type ItemInput } from '../capture/item-schema.js';
import { FindingSchema } from '../findings/finding-schema.js';
import { SubjectSchema, type SubjectInput } from '../subject/subject-schema.js';
import { EXAMPLE_ELECTION, PHASE_TIMES } from './__fixtures__/example-election.js';
import { BUILTIN_RULE_SETS } from './builtin/builtin-rule-sets.js';
import { compileRules } from './compile-rules.js';
import { ACT_TIME_NOTE, evaluateItem, REVIEW_NOTE, UNVERIFIED_NOTE } from './evaluate-item.js';
import { RuleSetSchema, type RuleSetInput } from './rule-set-schema.js';

const compiled = compileRules(BUILTIN_RULE_SETS, EXAMPLE_ELECTION)._unsafeUnwrap();
const asn = SubjectSchema.parse({ id: 'asn-001', name: 'Yudha Pratama', category: 'asn', accounts: [{ platform: 'x', handle: 'yudhapw_guru' }] });
const candidate = SubjectSchema.parse({ id: 'cand-002', name: 'Bagus Wiratmaja', category: 'candidate', candidatePairNumber: 2, accounts: [{ platform: 'x', handle: 'baskara_resmi' }, { platform: 'x', handle: 'bagus_wiratmaja' }] });

function run(item: Partial<ItemInput>, subject = asn, now = '2024-12-31T00:00:00Z') {
  const parsed = ItemSchema.parse({ platform: 'x', id: 'p1', kind: 'post', author: { handle: subject.accounts[0]!.handle }, createdAt: PHASE_TIMES.campaign, ...item });
  return evaluateItem(compiled, { item: parsed, subject, evidence: { captureId: 'cap-1', rawBlobs: ['a'.repeat(64)] }, now });
}

describe('evaluateItem', () => {
  it('flags an ASN endorsement with spans pointing into the original text', () => {
    const text = 'Ayo 𝐃𝐔𝐊𝐔𝐍𝐆 Pak Arman, pasti menanggg! ☝️';
    const findings = run({ text });
    expect(findings.map((finding) => finding.ruleId)).toContain('asn.medsos.sosialisasi_calon');
    const finding = findings.find((entry) => entry.ruleId === 'asn.medsos.sosialisasi_calon')!;
    expect(FindingSchema.parse(finding)).toBeTruthy();
    for (const span of finding.spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    expect(finding.spans.map((span) => span.text)).toEqual(expect.arrayContaining(['𝐃𝐔𝐊𝐔𝐍𝐆', 'Pak Arman', 'menanggg']));
    expect(finding.sanctions).toEqual(['moral', 'hd_berat']);
    expect(finding.notes).toContain(REVIEW_NOTE);
    expect(finding.phase).toBe('campaign');
  });

  it('gives the same finding id when the same item is evaluated again later', () => {
    const first = run({ text: 'Dukung terus Mas Bagus! #BaskaraMenang' }, asn, '2024-12-01T00:00:00Z');
    const second = run({ text: 'Dukung terus Mas Bagus! #BaskaraMenang' }, asn, '2025-02-01T00:00:00Z');
    expect(first.map((finding) => finding.id)).toEqual(second.map((finding) => finding.id));
    expect(first[0]!.evidence.itemHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not flag a prohibition stated as a prohibition or a supervisor notice', () => {
    expect(run({ text: 'ASN dilarang mendukung paslon, tetap netral ya' })).toEqual([]);
    expect(run({ text: 'Bawaslu mengimbau ASN netral dalam Pilkada Lembah Harapan' })).toEqual([]);
  });

  it('applies ASN rules only from P0 (bakal calon registration)', () => {
    expect(run({ text: 'Dukung Pak Arman jadi bupati!', createdAt: PHASE_TIMES.before_p0 })).toEqual([]);
    expect(run({ text: 'Dukung Pak Arman jadi bupati!', createdAt: PHASE_TIMES.pre_campaign_p0 }).length).toBeGreaterThan(0);
  });

  it('uses the evaluation time as act time when the item has none (likes)', () => {
    const like = { kind: 'like' as const, id: 'like:99', createdAt: undefined, target: { kind: 'post' as const, id: '99', author: { handle: 'armanrina_resmi' } } };
    expect(run(like, asn, PHASE_TIMES.campaign).map((finding) => finding.ruleId)).toEqual(['asn.medsos.interaksi_akun_pemenangan']);
    expect(run(like, asn, PHASE_TIMES.before_p0)).toEqual([]);
  });

  it('tells the reviewer when the phase was judged at capture time because the act has no time', () => {
    const like = { kind: 'like' as const, id: 'like:99', createdAt: undefined, target: { kind: 'post' as const, id: '99', author: { handle: 'armanrina_resmi' } } };
    expect(run(like, asn, PHASE_TIMES.campaign)[0]!.notes).toContain(ACT_TIME_NOTE);
    expect(run({ text: 'Dukung terus Mas Bagus! #BaskaraMenang' })[0]!.notes).not.toContain(ACT_TIME_NOTE);
  });

  it('flags a follow of an official campaign account and not of the KPU', () => {
    expect(run({ kind: 'follow', id: 'follow:1', target: { kind: 'account', id: '777', author: { handle: 'cidar.resmi' } }, platform: 'instagram' }).length).toBe(1);
    expect(run({ kind: 'follow', id: 'follow:2', target: { kind: 'account', id: '778', author: { handle: 'kpu_lembahharapan' } } })).toEqual([]);
  });

  it('flags campaign content from a candidate account not registered with the KPU, not from the registered one', () => {
    const content = { text: 'Ayo coblos nomor 2, Bagus-Sekar untuk Lembah!' };
    expect(run({ ...content, author: { handle: 'bagus_wiratmaja' } }, candidate).map((finding) => finding.category)).toEqual(['unregistered_campaign_account']);
    expect(run({ ...content, author: { handle: 'baskara_resmi' } }, candidate)).toEqual([]);
  });

  it('flags a candidate campaigning in the quiet period but not during the campaign', () => {
    const content = { text: 'Jangan lupa besok coblos 02 ya! #BaskaraMenang', author: { handle: 'baskara_resmi' } };
    expect(run({ ...content, createdAt: PHASE_TIMES.quiet }, candidate).map((finding) => finding.category)).toEqual(['off_schedule_campaign']);
    expect(run({ ...content, createdAt: PHASE_TIMES.campaign }, candidate)).toEqual([]);
  });

  it('judges every item at its own moment and finds every #tag in its text, whatever the items before it', () => {
    // The rules that apply are kept per day and the fields' hits per item: items alternating
    // between phases and subjects must give what each gives under a rule set compiled for it alone.
    const texts = ['Dukung terus Mas Bagus! #BaskaraMenang #LembahMaju', 'Jangan lupa besok coblos 02 ya! #BaskaraMenang', 'Ayo dukung Pak Arman, pasti menang ☝️', 'Kopi pagi dulu sebelum berangkat kerja'];
    const items = Object.values(PHASE_TIMES).flatMap((createdAt, index) => texts.map((text, at) => ({ item: ItemSchema.parse({ platform: 'x', id: `p${index}-${at}`, kind: 'post', author: { handle: 'baskara_resmi' }, createdAt, text }), subject: (index + at) % 2 === 0 ? asn : candidate })));
    const evaluate = (rules: typeof compiled, { item, subject }: (typeof items)[number]) => evaluateItem(rules, { item, subject, evidence: { captureId: 'cap-1', rawBlobs: [] }, now: '2025-02-01T00:00:00Z' });
    const shared = items.map((entry) => evaluate(compiled, entry));
    expect(shared).toEqual(items.map((entry) => evaluate(compileRules(BUILTIN_RULE_SETS, EXAMPLE_ELECTION)._unsafeUnwrap(), entry)));
    const tags = shared.flat().flatMap((finding) => finding.spans.filter((span) => span.predicate === 'hashtag').map((span) => span.text));
    expect(new Set(tags)).toEqual(new Set(['#BaskaraMenang']));
    expect(new Set(shared.flat().map((finding) => finding.phase)).size).toBeGreaterThan(3);
  });

  it('every span of every finding is the original text between its offsets', () => {
    const pieces = ['Ayo', 'dukung', 'Pak Arman', '𝐌𝐀𝐒 𝐁𝐀𝐆𝐔𝐒', 'c0bl0s', '02', 'no 3', '✌️', '1️⃣', '#ArmanRinaMenang', 'menanggg', 'du\u200bkung', 'e\u0301', '\r\n', ', ', ' ', 'salam dua jari', 'Bu Citra', 'pki', 'usir', 'cina', 'amplop', 'yg coblos', '100rb'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 20 }), (parts) => {
        const text = parts.join(' ');
        for (const subject of [asn, candidate]) {
          for (const finding of run({ text, hashtags: ['ArmanRinaMenang'] }, subject)) {
            for (const span of finding.spans) {
              const value = span.field === 'text' ? text : span.field === 'hashtags.0' ? 'ArmanRinaMenang' : undefined;
              if (value !== undefined) expect(value.slice(span.start, span.end)).toBe(span.text);
            }
          }
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('marks findings whose legal basis is unverified', () => {
    const ptt = SubjectSchema.parse({ id: 'ptt-001', name: 'Nurul', category: 'ptt', accounts: [{ platform: 'x', handle: 'nurul_lh' }] });
    const [finding] = run({ text: 'Pilih Bu Citra! #CidarPastiMenang' }, ptt);
    expect(finding!.legalBasis[0]!.verified).toBe(false);
    expect(finding!.notes).toContain(UNVERIFIED_NOTE);
  });

  it('names the spouse rule when a civil servant campaigns beside a candidate spouse, and not for a trip with a spouse', () => {
    const ids = (text: string) => run({ text }).map((finding) => finding.ruleId);
    expect(ids('Mendampingi suami tercinta Pak Arman kampanye akbar di Lapangan Sukamaju')).toContain('asn.kampanye_pasangan');
    expect(ids('Menemani istriku Bu Citra deklarasi di Gedung Serbaguna')).toContain('asn.kampanye_pasangan');
    expect(ids('Suami saya ikut nonton debat Pak Arman di TV')).not.toContain('asn.kampanye_pasangan');
    expect(ids('Kampanye akbar Pak Arman hari ini, suami saya di rumah saja')).not.toContain('asn.kampanye_pasangan');
  });

  it('flags a soldier reacting to a quick count for a pair, not a reminder that it is unofficial', () => {
    const soldier = SubjectSchema.parse({ id: 'tni-001', name: 'Prajurit', category: 'tni', accounts: [{ platform: 'x', handle: 'prajurit_lh' }] });
    const ids = (text: string) => run({ text, createdAt: PHASE_TIMES.voting }, soldier).map((finding) => finding.ruleId);
    expect(ids('Quick count 02 unggul jauh, mantap')).toEqual(['tni.komentar_hitung_cepat']);
    expect(ids('Hasil hitung cepat menang telak, alhamdulillah')).toEqual(['tni.komentar_hitung_cepat']);
    expect(ids('Hasil quick count bukan hasil resmi, tunggu rekapitulasi KPU')).toEqual([]);
    expect(ids('Siapapun yang unggul di quick count, jaga kondusivitas')).toEqual([]);
  });
});

const minimalRuleSet = (when: unknown, lexicons: Record<string, unknown> = {}): RuleSetInput =>
  ({
    id: 'kantor-contoh',
    version: '1.0.0',
    title: { id: 'Uji', en: 'Test' },
    lexicons,
    rules: [{ id: 'r1', title: { id: 'a', en: 'a' }, category: 'hoax', sanctions: ['review'], legalBasis: [{ instrument: 'X', article: 'Y' }], subjectCategories: ['other'], itemKinds: ['post'], when }],
  }) as RuleSetInput;

describe('compileRules', () => {
  it('rejects a regex that can backtrack catastrophically, naming the rule', () => {
    const result = compileRules([RuleSetSchema.parse(minimalRuleSet({ type: 'regex', pattern: '(a+)+$' }))], EXAMPLE_ELECTION);
    expect(result._unsafeUnwrapErr().message).toMatch(/r1.*nested quantifiers/);
  });

  it('rejects an unknown lexicon with the list of known ones', () => {
    const result = compileRules([RuleSetSchema.parse(minimalRuleSet({ type: 'lexicon', lexicon: 'tidak-ada' }))], EXAMPLE_ELECTION);
    expect(result._unsafeUnwrapErr().message).toMatch(/unknown lexicon "tidak-ada".*support/);
  });

  it('runs a user rule set with its own lexicon and a safe regex', () => {
    const ruleSet = RuleSetSchema.parse(minimalRuleSet({ all: [{ type: 'lexicon', lexicon: 'kata', nearCandidate: 3 }, { type: 'regex', pattern: 'tps \\d+' }] }, { kata: { terms: ['bohong besar'] } }));
    const rules = compileRules([ruleSet], EXAMPLE_ELECTION)._unsafeUnwrap();
    const other = SubjectSchema.parse({ id: 'o1', name: 'Warga', category: 'other' });
    const item = ItemSchema.parse({ platform: 'x', id: '5', kind: 'post', author: { handle: 'warga' }, text: 'Bohong besar Bu Citra soal TPS 12', createdAt: PHASE_TIMES.campaign });
    const [finding] = evaluateItem(rules, { item, subject: other, evidence: { captureId: 'c', rawBlobs: [] }, now: PHASE_TIMES.campaign });
    expect(finding!.spans.map((span) => span.text)).toEqual(['Bu Citra', 'Bohong besar', 'TPS 12']);
  });

  it('evaluates a rule that a hashtag alone can meet, whether the tag is on the item or in its text', () => {
    // A hashtag is one of the things a rule may be triggered by: an item without any may skip it, an item with one must not.
    const ruleSet = RuleSetSchema.parse(minimalRuleSet({ any: [{ type: 'hashtag', tags: ['KopiPagi'] }, { type: 'lexicon', lexicon: 'kata' }] }, { kata: { terms: ['bohong besar'] } }));
    const rules = compileRules([ruleSet], EXAMPLE_ELECTION)._unsafeUnwrap();
    const other = SubjectSchema.parse({ id: 'o1', name: 'Warga', category: 'other' });
    const spans = (content: Partial<ItemInput>) => {
      const item = ItemSchema.parse({ platform: 'x', id: '6', kind: 'post', author: { handle: 'warga' }, createdAt: PHASE_TIMES.campaign, ...content });
      return evaluateItem(rules, { item, subject: other, evidence: { captureId: 'c', rawBlobs: [] }, now: PHASE_TIMES.campaign }).flatMap((finding) => finding.spans.map((span) => [span.field, span.text, span.term]));
    };
    expect(spans({ text: 'Selamat pagi semua', hashtags: ['#KopiPagi'] })).toEqual([['hashtags.0', '#KopiPagi', 'kopipagi']]);
    expect(spans({ text: 'Selamat pagi semua #KopiPagi' })).toEqual([['text', '#KopiPagi', 'kopipagi']]);
    expect(spans({ text: 'Selamat pagi semua # KopiPagi' })).toEqual([]);
  });

  it('holds a term near a candidate whether the anchor is a mention or a gesture in words, alone or among alternatives', () => {
    // Rules are skipped on items lacking what they need: a term near a candidate needs a mention or a gesture too.
    const near = { type: 'lexicon', lexicon: 'kata', nearCandidate: 3 };
    const other = SubjectSchema.parse({ id: 'o1', name: 'Warga', category: 'other' });
    for (const when of [near, { any: [near, { type: 'hashtag', tags: ['KopiPagi'] }] }, { all: [near, { not: { type: 'lexicon', lexicon: 'notice' } }] }]) {
      const rules = compileRules([RuleSetSchema.parse(minimalRuleSet(when, { kata: { terms: ['bohong besar'] } }))], EXAMPLE_ELECTION)._unsafeUnwrap();
      const predicates = (text: string) => {
        const item = ItemSchema.parse({ platform: 'x', id: '7', kind: 'post', author: { handle: 'warga' }, createdAt: PHASE_TIMES.campaign, text });
        return evaluateItem(rules, { item, subject: other, evidence: { captureId: 'c', rawBlobs: [] }, now: PHASE_TIMES.campaign }).flatMap((finding) => finding.spans.map((span) => `${span.predicate}=${span.text}`));
      };
      expect(predicates('Bohong besar Bu Citra')).toEqual(['nearCandidate=Bu Citra', 'lexicon:kata=Bohong besar']);
      expect(predicates('Bohong besar salam dua jari')).toEqual(['nearCandidate=salam dua jari', 'lexicon:kata=Bohong besar']);
      expect(predicates('Bohong besar ✌️')).toEqual([]);
      expect(predicates('Bohong besar sekali')).toEqual([]);
    }
  });
});
