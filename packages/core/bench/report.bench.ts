/**
 * `pnpm bench report`: how fast the evidence report renders (a hostile 100,000-character post,
 * two versions, a data: image) and how fast a bundle is verified offline.
 */
import { performance } from 'node:perf_hooks';
import { reportBench } from '../../../scripts/bench-results.js';
import { testOfficeKey, withTestProofs } from '../src/bundle/__fixtures__/store-with-proofs.js';
import { bundleFromStore } from '../src/bundle/bundle-from-store.js';
import { verifyBundle } from '../src/bundle/verify-bundle.js';
import { createCaseWorkflow } from '../src/case-store/case-workflow-store.js';
import { buildCaseFixture, hostilePostText, TINY_PNG } from '../src/report/__fixtures__/case-fixture.js';
import { renderEvidenceReport } from '../src/report/evidence-report.js';
import { createMemoryStore } from '../src/store-memory/memory-store.js';

const text = hostilePostText();
const fixture = buildCaseFixture({ text, editedText: `${text.slice(0, -5)}EDIT!` });
const input = { office: { name: 'Bawaslu Kabupaten Lembah Harapan' }, case: fixture.case, subject: fixture.subject, findings: fixture.findings, captures: fixture.captures, blobs: fixture.blobs, generatedAt: '2024-10-03T00:00:00Z', generatedBy: 'bench' };

for (let index = 0; index < 5; index++) renderEvidenceReport(input);
const renders: number[] = [];
let bytes = 0;
for (let index = 0; index < 40; index++) {
  const start = performance.now();
  bytes = renderEvidenceReport(input).length;
  renders.push(performance.now() - start);
}
renders.sort((a, b) => a - b);

// A bundle with 200 captures of 50 KiB raw bodies each.
const store = withTestProofs(createMemoryStore(), testOfficeKey().privateKeyPem);
const bodies = Array.from({ length: 200 }, (_, index) => new TextEncoder().encode(`${index}:`.padEnd(50 * 1024, 'x')));
const plain = buildCaseFixture();
const captures = [];
for (const [index, body] of bodies.entries()) {
  const ref = (await store.putBlob(body))._unsafeUnwrap();
  captures.push({ ...plain.captures[0]!, id: `cap-${index}`, rawBlobs: [ref.sha256] });
}
(await store.putBlob(TINY_PNG))._unsafeUnwrap();
(await store.append('capture', captures))._unsafeUnwrap();
(await store.append('finding', [{ ...plain.findings[0]!, evidence: { ...plain.findings[0]!.evidence, captureId: 'cap-0', rawBlobs: [] } }]))._unsafeUnwrap();
(await createCaseWorkflow({ store }).open({ id: 'K-bench', title: 'bench', subjectId: 'asn-001', findingIds: ['fnd-0001'], captureIds: captures.map((capture) => capture.id), actor: 'bench', reason: 'bench' }))._unsafeUnwrap();
(await store.proofs!.createCheckpoint())._unsafeUnwrap();
const files = (await bundleFromStore(store, { caseId: 'K-bench', office: 'x', createdAt: '2024-10-03T00:00:00Z', createdBy: 'bench', includePersonalData: false }))._unsafeUnwrap();
const total = [...files.values()].reduce((sum, file) => sum + file.byteLength, 0);
const start = performance.now();
const verified = verifyBundle(files);
const seconds = (performance.now() - start) / 1000;
if (!verified.ok) throw new Error(`bundle did not verify: ${verified.problems[0]?.message}`);

reportBench(
  'report',
  [
    { name: 'report_render_p50_ms', value: renders[Math.floor(renders.length / 2)]!, unit: 'ms' },
    { name: 'report_render_p99_ms', value: renders[Math.floor(renders.length * 0.99)]!, unit: 'ms' },
    { name: 'report_html_kib', value: Math.round(bytes / 1024), unit: 'KiB' },
    { name: 'bundle_verify_mb_per_s', value: total / 1e6 / seconds, unit: 'MB/s' },
    { name: 'bundle_verify_files', value: files.size, unit: 'files' },
  ],
  ['report: hostile 100,000-character post, 2 versions, one data: image; bundle: 200 captures with 50 KiB raw bodies and inclusion proofs (shared machine: noisy)'],
);
