import { CaptureSchema, type Capture } from '../../capture/capture-schema.js';
import type { ElectionContext } from '../../election/election-context-schema.js';
import type { Finding } from '../../findings/finding-schema.js';
import { BUILTIN_RULE_SETS } from '../../rules/builtin/builtin-rule-sets.js';
import { compileRules } from '../../rules/compile-rules.js';
import { evaluateItem } from '../../rules/evaluate-item.js';
import type { Subject } from '../../subject/subject-schema.js';

/** Three invented posts of an ASN: a prayer for a candidate, a call to vote, joining a pair's volunteers. */
export const DECISION_TEXTS = [
  'Semoga Pak Arman menang, aamiin. Hubungi saya 0812-3456-7890, Yudha Pratama',
  'Ayo dukung Mas Bagus nomor 2, rekan @yudhapw_guru ikut ya',
  'Alhamdulillah resmi bergabung dengan Relawan Baskara Kecamatan Sukamaju',
] as const;

/**
 * One capture of {@link DECISION_TEXTS} (items `p0`…`p2`) and the findings the built-in rules
 * raise on it, for tests of reviewers' decisions in core and in the CLI.
 */
export function decisionCapture(context: ElectionContext, subject: Subject): { capture: Capture; findings: Finding[]; pick: (item: number, rule: string) => Finding } {
  const capture = CaptureSchema.parse({
    id: 'cap-review-1',
    adapter: { id: 'x', version: '1.0.0' },
    platform: 'x',
    account: { platform: 'x', handle: 'yudhapw_guru' },
    accountKey: 'x:yudhapw_guru',
    scope: 'timeline',
    capturedAt: '2024-10-16T01:00:00Z',
    items: DECISION_TEXTS.map((text, index) => ({ platform: 'x', id: `p${index}`, kind: 'post', author: { handle: 'yudhapw_guru', name: 'Yudha PW' }, text, createdAt: '2024-10-15T12:30:00Z' })),
    window: { complete: true },
  });
  const compiled = compileRules(BUILTIN_RULE_SETS, context)._unsafeUnwrap();
  const findings = capture.items.flatMap((item) => evaluateItem(compiled, { item, subject, evidence: { captureId: capture.id, rawBlobs: [] }, now: capture.capturedAt }));
  const pick = (item: number, rule: string): Finding => {
    const found = findings.find((finding) => finding.itemKey === `x:p${item}` && finding.ruleId === rule);
    if (!found) throw new Error(`no finding of ${rule} on p${item}`);
    return found;
  };
  return { capture, findings, pick };
}
