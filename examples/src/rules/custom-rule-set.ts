// An office's own rule set, written as data (JSON) with its legal basis, checked, compiled with
// the built-in ones against the election context, and tried on two posts.
import { ElectionContextSchema, type Item, type Subject } from '@sipansos/core';
import { BUILTIN_RULE_SETS, compileRules, evaluateItem, parseRuleSet } from '@sipansos/core/rules';
import { EXAMPLE_CONTEXT } from '@sipansos/testkit';
import { err, ok, type Result } from 'neverthrow';
import { run, type ExampleError } from '../lib/run.js';

// A village-official rule: using the village's official account or facilities for a candidate.
const OFFICE_RULES = JSON.stringify({
  id: 'lembah_harapan_desa',
  version: '1.0.0',
  title: { id: 'Aturan kantor: fasilitas desa', en: 'Office rules: village facilities' },
  lexicons: { village_facility: { match: 'root', terms: ['balai desa', 'mobil desa', 'dana desa', 'kantor desa'] } },
  rules: [
    {
      id: 'desa.fasilitas_untuk_paslon',
      title: { id: 'Fasilitas desa dipakai untuk paslon', en: 'Village facilities used for a candidate' },
      category: 'neutrality',
      sanctions: ['desa'],
      severity: 'high',
      routes: ['R-DESA'],
      legalBasis: [{ instrument: 'UU 10/2016 tentang Pilkada', article: 'Ps 71 ayat (1)', verified: true }],
      subjectCategories: ['kepala_desa', 'perangkat_desa'],
      itemKinds: ['post', 'share', 'comment'],
      phases: ['pre_campaign', 'campaign', 'quiet'],
      when: { all: [{ type: 'lexicon', lexicon: 'village_facility', scope: 'own' }, { type: 'mentionsCandidate', scope: 'own' }] },
    },
  ],
});

const subject: Subject = { id: 'kades-099', name: 'Kepala Desa Contoh', category: 'kepala_desa', accounts: [{ platform: 'facebook', handle: 'desa.contoh' }] };
const post = (id: string, text: string): Item => ({ platform: 'facebook', id, kind: 'post', author: { handle: 'desa.contoh' }, createdAt: '2024-10-15T02:00:00Z', text, media: [], links: [], hashtags: [], mentions: [] });

await run('compile an office rule set and evaluate two posts', async (): Promise<Result<string, ExampleError>> => {
  const ruleSet = parseRuleSet(OFFICE_RULES, 'lembah-harapan-desa.json');
  if (ruleSet.isErr()) return err(ruleSet.error);
  const context = ElectionContextSchema.parse(EXAMPLE_CONTEXT);
  const compiled = compileRules([...BUILTIN_RULE_SETS, ruleSet.value], context);
  if (compiled.isErr()) return err(compiled.error);
  const lines = [
    post('1001', 'Rapat warga di balai desa malam ini: siap menangkan Pak Arman nomor 1!'),
    post('1002', 'Rapat warga di balai desa malam ini membahas jalan desa.'),
  ].map((item) => {
    const findings = evaluateItem(compiled.value, { item, subject, evidence: { captureId: 'example', rawBlobs: [] }, now: '2024-10-15T03:00:00Z' });
    return `${item.id}: ${findings.map((finding) => `${finding.ruleId} (${finding.category}; ${finding.legalBasis[0]?.instrument} ${finding.legalBasis[0]?.article}) on "${finding.spans.map((span) => span.text).join('", "')}"`).join('; ') || 'no finding'}`;
  });
  return ok(lines.join('\n'));
});
