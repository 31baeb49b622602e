import { describe, expect, it } from 'vitest';
import { recordFindingReview } from '../case-store/finding-review.js';
import { EXAMPLE_SUBJECTS } from '../election/example-election.js';
import { EXAMPLE_ELECTION } from '../rules/__fixtures__/example-election.js';
import { BUILTIN_RULE_SETS } from '../rules/builtin/builtin-rule-sets.js';
import { compileRules } from '../rules/compile-rules.js';
import { applyRuleSetOverride, parseRuleSetOverride } from '../rules/rule-set-override.js';
import { createMemoryStore } from '../store-memory/memory-store.js';
import { SubjectSchema } from '../subject/subject-schema.js';
import { decisionCapture } from './__fixtures__/decision-office.js';
import { readDecidedFindings } from './decided-findings.js';
import { decisionDataset, decisionDatasetJsonl } from './decision-dataset.js';
import { replayDecisions } from './rule-replay.js';

const subjects = EXAMPLE_SUBJECTS.map((subject) => SubjectSchema.parse(subject));
const yudha = subjects.find((subject) => subject.id === 'asn-001')!;
async function office() {
  const store = createMemoryStore({ now: () => new Date('2024-10-20T01:00:00Z') });
  const { capture, findings } = decisionCapture(EXAMPLE_ELECTION, yudha);
  (await store.append('capture', [capture]))._unsafeUnwrap();
  (await store.append('finding', findings))._unsafeUnwrap();
  const byText = (index: number) => findings.filter((finding) => finding.itemKey === `x:p${index}`);
  return { store, findings, byText };
}

describe('decisions: replay and dataset', () => {
  it('replays decided findings with a rule switched off: accepted ones lost, dismissed ones avoided', async () => {
    const { store, byText } = await office();
    const prayer = byText(0).find((finding) => finding.ruleId === 'asn.medsos.sosialisasi_calon')!;
    const invitation = byText(1).find((finding) => finding.ruleId === 'asn.medsos.sosialisasi_calon')!;
    const group = byText(2).find((finding) => finding.ruleId === 'asn.medsos.grup_pemenangan')!;
    (await recordFindingReview(store, prayer.id, { outcome: 'dismissed', reason: 'doa pribadi, bukan ajakan memilih', actor: 'kajian-a', at: '2024-10-21T01:00:00Z' }))._unsafeUnwrap();
    (await recordFindingReview(store, invitation.id, { outcome: 'accepted', actor: 'kajian-a', at: '2024-10-21T01:05:00Z', caseId: 'K-9' }))._unsafeUnwrap();
    (await recordFindingReview(store, group.id, { outcome: 'accepted', actor: 'kajian-b', at: '2024-10-21T01:10:00Z' }))._unsafeUnwrap();
    const decided = (await readDecidedFindings(store))._unsafeUnwrap();
    expect(decided.map((entry) => [entry.review.outcome, entry.item?.id])).toEqual([
      ['dismissed', 'p0'],
      ['accepted', 'p1'],
      ['accepted', 'p2'],
    ]);

    const unchanged = replayDecisions(decided, { proposed: compileRules(BUILTIN_RULE_SETS, EXAMPLE_ELECTION)._unsafeUnwrap(), subjects });
    expect(unchanged).toMatchObject({ decided: 3, replayed: 3, keptAccepted: 2, keptDismissed: 1, lostAccepted: [], avoidedDismissed: [], precisionBefore: 2 / 3, precisionAfter: 2 / 3 });

    const override = parseRuleSetOverride(JSON.stringify({ id: 'kantor', version: '1.0.0', overrides: [{ rule: 'asn.medsos.sosialisasi_calon', disabled: true }] }), 'o.json')._unsafeUnwrap();
    const proposed = compileRules(applyRuleSetOverride(BUILTIN_RULE_SETS, override)._unsafeUnwrap(), EXAMPLE_ELECTION)._unsafeUnwrap();
    const replay = replayDecisions(decided, { proposed, subjects });
    expect(replay.lostAccepted.map((row) => row.findingId)).toEqual([invitation.id]);
    expect(replay.avoidedDismissed.map((row) => [row.findingId, row.reason])).toEqual([[prayer.id, 'doa pribadi, bukan ajakan memilih']]);
    expect(replay).toMatchObject({ keptAccepted: 1, keptDismissed: 0, precisionAfter: 1 });
  });

  it('reports a decision whose item is gone instead of guessing', async () => {
    const { findings } = await office();
    const other = createMemoryStore({ now: () => new Date('2024-10-20T01:00:00Z') });
    (await other.append('finding', [findings[0]!]))._unsafeUnwrap();
    (await recordFindingReview(other, findings[0]!.id, { outcome: 'accepted', actor: 'a', at: '2024-10-21T01:00:00Z' }))._unsafeUnwrap();
    const decided = (await readDecidedFindings(other))._unsafeUnwrap();
    const replay = replayDecisions(decided, { proposed: compileRules(BUILTIN_RULE_SETS, EXAMPLE_ELECTION)._unsafeUnwrap(), subjects });
    expect(replay).toMatchObject({ decided: 1, replayed: 0, precisionBefore: null });
    expect(replay.unavailable[0]!.why).toMatch(/item not in its capture/);
  });

  it('exports decisions as labelled examples with names, handles and numbers masked, candidates kept', async () => {
    const { store, byText } = await office();
    const prayer = byText(0)[0]!;
    const invitation = byText(1)[0]!;
    (await recordFindingReview(store, prayer.id, { outcome: 'dismissed', reason: 'Yudha Pratama hanya berdoa, bukan ajakan', actor: 'kajian-a', at: '2024-10-21T01:00:00Z' }))._unsafeUnwrap();
    (await recordFindingReview(store, invitation.id, { outcome: 'accepted', actor: 'kajian-a', at: '2024-10-21T01:05:00Z' }))._unsafeUnwrap();
    const { examples, skipped } = decisionDataset((await readDecidedFindings(store))._unsafeUnwrap(), { subjects });
    expect(skipped).toBe(0);
    expect(examples.map((example) => [example.label, example.category, example.text])).toEqual([
      ['dismissed', 'neutrality', 'Semoga Pak Arman menang, aamiin. Hubungi saya ••••-••••-••90, [nama]'],
      ['accepted', 'neutrality', 'Ayo dukung Mas Bagus nomor 2, rekan @[akun] ikut ya'],
    ]);
    expect(examples[0]!.reason).toBe('[nama] hanya berdoa, bukan ajakan');
    const jsonl = decisionDatasetJsonl(examples);
    expect(jsonl.trim().split('\n').map((line) => JSON.parse(line).rule)).toEqual([prayer.ruleId, invitation.ruleId]);
    expect(jsonl).not.toMatch(/yudha|0812|3456/i);
  });
});
