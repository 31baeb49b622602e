import { describe, expect, it } from 'vitest';
import { ACCOUNT_KEY, X_CAPABILITIES, answer, at, blob, capture, post } from '../src/deletion/__fixtures__/capture-builder.js';
import { createAccountState } from '../src/deletion/account-state.js';
import { findTrackedItem } from '../src/deletion/deletion-verdicts.js';
import { observeCapture } from '../src/deletion/observe-capture.js';
import { observeLookups } from '../src/deletion/observe-lookups.js';
import { FindingSchema } from '../src/findings/finding-schema.js';
import { openCase } from '../src/cases/case-workflow.js';
import { renderEvidenceReport } from '../src/report/evidence-report.js';

// The report reads deletion detection's own account state: a post edited, then deleted and
// confirmed by a lookup, shows both versions, the deleted badge, the lookup and how long it was public.
describe('evidence report over real deletion detection', () => {
  it('shows the verdict, every version, the lookup and how long the post was public', () => {
    const first = post('9', 10, 'Dukung paslon nomor 2 ya kawan');
    const edited = post('9', 10, 'Dukung paslon nomor 2 ya kawan, coblos!', { editedAt: at(70) });
    const other = post('8', 5, 'Rapat koordinasi');
    let state = createAccountState({ accountKey: ACCOUNT_KEY, platform: 'x', at: at(0) });
    const captures = [capture({ id: 'c1', minutes: 60, items: [first, other] }), capture({ id: 'c2', minutes: 120, items: [edited, other] }), capture({ id: 'c3', minutes: 1500, items: [other] })];
    for (const entry of captures) state = observeCapture(state, entry, {}, X_CAPABILITIES).state;
    state = observeLookups(state, { results: [answer('9', 'gone')], rawBlobs: [blob('lookup-9')], at: at(1510) }).state;
    const tracked = findTrackedItem(state, 'x:9');
    expect(tracked?.status).toBe('deleted');

    const finding = FindingSchema.parse({
      id: 'f-9',
      ruleId: 'asn.medsos.dukungan_paslon',
      ruleSetId: 'netralitas-asn',
      ruleSetVersion: '1',
      title: { id: 'Dukungan kepada paslon', en: 'Support for a candidate pair' },
      category: 'neutrality',
      sanctions: ['moral'],
      severity: 'high',
      legalBasis: [{ instrument: 'SKB 2/2022', article: 'Lampiran II', verified: true }],
      subjectId: 'asn-9',
      subjectCategory: 'asn',
      accountKey: ACCOUNT_KEY,
      itemKey: 'x:9',
      itemKind: 'post',
      actAt: at(10),
      spans: [{ field: 'text', start: 0, end: 6, text: 'Dukung' }],
      evidence: { captureId: 'c1', itemHash: 'a'.repeat(64) },
      createdAt: at(61),
    });
    const value = openCase({ id: 'K-9', title: 'Dukungan', subjectId: 'asn-9', findingIds: ['f-9'], actor: 'a', at: at(1600), reason: 'r' })._unsafeUnwrap();
    const html = renderEvidenceReport({ office: { name: 'Bawaslu Contoh' }, case: value, findings: [finding], captures, itemHistories: { 'x:9': tracked! }, generatedAt: at(1700), generatedBy: 'a' });
    expect(html).toContain('Dihapus (terkonfirmasi) / Deleted (confirmed)');
    expect(html).toContain('Versi 2 dari 2');
    expect(html).toContain('coblos!');
    expect(html).toContain(blob('lookup-9'));
    // Public from its creation (minute 10) to its last sighting (minute 120), and at most until
    // the first capture that lacked it (minute 1500).
    expect(html).toContain('Paling sedikit 1 jam 50 menit / 1 hour 50 minutes');
    expect(html).toContain('Paling lama 1 hari / 1 day');
    // Highlighted in both versions, and listed once among the finding's matched words.
    expect((html.match(/<mark[^>]*>Dukung<\/mark>/g) ?? []).length).toBe(3);
  });
});
