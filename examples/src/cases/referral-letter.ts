// From a finding to a referral letter: a supervisor opens a case, walks it through the Bawaslu
// procedure (kajian awal → registrasi → klarifikasi → kajian → pelanggaran → rekomendasi) and
// prints the recommendation letter to the authority the routing table names for an ASN.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMemoryStore, ElectionContextSchema, type Capture, type Subject } from '@sipansos/core';
import { createCaseWorkflow } from '@sipansos/core/cases';
import { renderLetter } from '@sipansos/core/report';
import { BUILTIN_RULE_SETS, compileRules, evaluateItem } from '@sipansos/core/rules';
import { EXAMPLE_CONTEXT } from '@sipansos/testkit';
import { err, ok, type Result } from 'neverthrow';
import { run, type ExampleError } from '../lib/run.js';

const subject: Subject = { id: 'asn-001', name: 'Yudha Pratama Wijaya', category: 'asn', employeeNumber: '198706122010011003', agency: 'Dinas Pendidikan Kabupaten Lembah Harapan', accounts: [{ platform: 'x', handle: 'yudhapw_guru', id: '1402110866' }] };
const capture: Capture = {
  id: 'cycle-000002:x:1402110866:timeline',
  adapter: { id: 'x-api-v2', version: '0.1.0' },
  platform: 'x',
  account: subject.accounts[0]!,
  accountKey: 'x:1402110866',
  scope: 'timeline',
  capturedAt: '2024-09-24T03:00:00Z',
  status: 'ok',
  accountObservation: 'public',
  requests: [],
  rawBlobs: [],
  items: [{ platform: 'x', id: '1838204165944246280', kind: 'post', author: { id: '1402110866', handle: 'yudhapw_guru' }, createdAt: '2024-09-23T13:10:00Z', text: 'Mantap Pak Arman! Guru2 di Sukamaju siap menangkan ARMAN-RINA 💪🔥 #ArmanRinaMenang', media: [], links: [], hashtags: ['ArmanRinaMenang'], mentions: [] }],
  window: { complete: true, reachedEnd: false },
};

await run('open a case from a finding and render its referral letter', async (): Promise<Result<string, ExampleError>> => {
  const store = createMemoryStore();
  const rules = compileRules(BUILTIN_RULE_SETS, ElectionContextSchema.parse(EXAMPLE_CONTEXT));
  if (rules.isErr()) return err(rules.error);
  const findings = evaluateItem(rules.value, { item: capture.items[0]!, subject, evidence: { captureId: capture.id, rawBlobs: [] }, now: capture.capturedAt });
  const finding = findings[0];
  if (!finding) return err({ type: 'no_finding', message: 'the example post raised no finding' });
  const appended = await store.append('capture', [capture]).andThen(() => store.append('finding', findings));
  if (appended.isErr()) return err(appended.error);

  const workflow = createCaseWorkflow({ store });
  const opened = await workflow.open({ id: 'K-2024-001', title: 'Dugaan pelanggaran netralitas ASN di X', subjectId: subject.id, findingIds: [finding.id], actor: 'petugas', reason: 'temuan pengawasan media sosial' });
  if (opened.isErr()) return err(opened.error);
  const steps = [
    { to: 'kajian_awal', reason: 'kajian awal temuan' },
    { to: 'registrasi', reason: 'memenuhi syarat formil dan materiel' },
    { to: 'klarifikasi', reason: 'mengundang terlapor untuk klarifikasi' },
    { to: 'kajian', reason: 'kajian setelah klarifikasi' },
    { to: 'pelanggaran', reason: 'terbukti menyatakan dukungan', violationType: 'peraturan_lainnya', kajianSummary: 'Terlapor, ASN guru, mengunggah ajakan memenangkan pasangan calon nomor 1 pada 23 September 2024.' },
    { to: 'rekomendasi', reason: 'diteruskan kepada instansi berwenang' },
  ] as const;
  let current = opened.value;
  for (const step of steps) {
    const moved = await workflow.move(current.id, { ...step, actor: 'ketua' });
    if (moved.isErr()) return err(moved.error);
    current = moved.value;
  }
  const letter = renderLetter({ case: current, subject, findings: [finding], captures: [capture], office: { name: 'Bawaslu Kabupaten Lembah Harapan', city: 'Lembah Harapan' }, letter: { number: '001/PM.00.02/K.XX-01/10/2024', date: '2024-10-10' } });
  if (letter.isErr()) return err(letter.error);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'sipansos-letter-')), `${current.id}.html`);
  await writeFile(file, letter.value);
  const to = current.referral ? JSON.stringify(current.referral).slice(0, 160) : 'route from the routing table';
  return ok(`case ${current.id}: ${current.state} after ${current.transitions.length} transitions\nreferral: ${to}\nletter (printable HTML): ${file}`);
});
