import { describe, expect, it } from 'vitest';
import { testOfficeKey, withTestProofs } from '../bundle/__fixtures__/store-with-proofs.js';
import { createCaseWorkflow } from '../case-store/case-workflow-store.js';
import { createMemoryStore } from '../store-memory/memory-store.js';
import { buildCaseFixture, TINY_PNG } from './__fixtures__/case-fixture.js';
import { renderCaseReportFromStore } from './case-report-from-store.js';

describe('case report from a store', () => {
  it('shows media from blobs, record hashes, proof status and the store check', async () => {
    const fixture = buildCaseFixture();
    const key = testOfficeKey();
    const store = withTestProofs(createMemoryStore(), key.privateKeyPem);
    (await store.putBlob(fixture.rawBody))._unsafeUnwrap();
    (await store.putBlob(TINY_PNG))._unsafeUnwrap();
    const [first] = (await store.append('capture', [fixture.captures[0]!]))._unsafeUnwrap();
    (await store.proofs!.createCheckpoint())._unsafeUnwrap();
    (await store.append('capture', [fixture.captures[1]!]))._unsafeUnwrap();
    (await store.append('finding', fixture.findings))._unsafeUnwrap();
    // A partial account state: the report reads only the tracked item's status and sightings.
    const state = { accountKey: 'x:1790000001', updatedAt: '2024-10-02T00:00:00Z', items: { b: { 'x:1861000000000000001': { status: 'deleted', firstSeenAt: '2024-10-01T03:00:00Z', lastSeenAt: '2024-10-01T09:00:00Z' } } } };
    (await store.append('account_state', [state as never]))._unsafeUnwrap();
    (await createCaseWorkflow({ store }).open({ id: 'K-9', title: 'Kasus uji', subjectId: 'asn-001', findingIds: ['fnd-0001'], actor: 'a', reason: 'r' }))._unsafeUnwrap();
    const result = (await renderCaseReportFromStore(store, { caseId: 'K-9', office: { name: 'Bawaslu Kabupaten Lembah Harapan' }, generatedBy: 'a', generatedAt: '2024-10-03T00:00:00Z', subjects: [fixture.subject] }))._unsafeUnwrap();
    expect(result.html).toContain('Penyimpanan bukti utuh');
    expect(result.html).toContain('Dihapus (terkonfirmasi)');
    expect(result.html).toContain('data:image/png;base64,');
    expect(result.html).toContain(first!.recordHash);
    expect(result.html).toContain('in signed checkpoint');
    expect(result.html).toContain('no checkpoint covers it yet');
    expect(result.html).toContain('Yudha Pratama Wijaya');
    expect(result.evidence.captures).toHaveLength(2);
  });

  it('fails with a typed error for an unknown case', async () => {
    const result = await renderCaseReportFromStore(createMemoryStore(), { caseId: 'K-404', office: { name: 'x' }, generatedBy: 'a' });
    expect(result._unsafeUnwrapErr().type).toBe('case_not_found');
  });
});
