import { CaptureSchema, createMemoryStore, EXAMPLE_CONTEXT, EXAMPLE_SUBJECTS, ElectionContextSchema, SubjectSchema } from '@sipansos/core';
import { BUILTIN_RULE_SETS, compileRules } from '@sipansos/core/rules';
import { describe, expect, it } from 'vitest';
import { degrade, renderPoster } from '../../../media/src/__fixtures__/render-poster.js';
import { CliConfigSchema } from '../config/config-schema.js';
import { createRunMediaStep } from './media-step.js';

describe('the media step of sipansos run', () => {
  it('matches a share stored in an earlier run against a pair poster from the store, and reports in both languages', async () => {
    const store = createMemoryStore();
    const context = ElectionContextSchema.parse(EXAMPLE_CONTEXT);
    const subjects = EXAMPLE_SUBJECTS.map((subject) => SubjectSchema.parse(subject));
    const poster = await renderPoster({ seed: 61, ballotNumber: 2, call: 'Coblos No. 2', names: 'Bagus Wiratmaja – Sekar Ayuningtyas', slogan: 'Harapan Baru untuk Lembah', kind: 'poster' });
    const posterBlob = (await store.putBlob(poster))._unsafeUnwrap().sha256;
    const shareBlob = (await store.putBlob(await degrade(poster, 'jpeg_q30')))._unsafeUnwrap().sha256;
    const capture = (id: string, handle: string, itemId: string, blob: string) =>
      CaptureSchema.parse({ id, adapter: { id: 'test', version: '1' }, platform: 'x', account: { platform: 'x', handle }, accountKey: `x:@${handle}`, scope: 'timeline', capturedAt: '2024-10-22T03:00:00Z', items: [{ platform: 'x', id: itemId, kind: 'post', author: { handle }, createdAt: '2024-10-20T02:00:00Z', media: [{ type: 'photo', blobSha256: blob }] }], window: { complete: true } });
    (await store.append('capture', [capture('c-old-share', 'yudhapw_guru', '501', shareBlob), capture('c-old-poster', 'baskara_resmi', '502', posterBlob)]))._unsafeUnwrap();
    const media = CliConfigSchema.parse({ media: { ocr: false } }).media!;
    expect(media).toMatchObject({ ocr: false, match: true, concurrency: 1, deadline: '10m' });
    const step = createRunMediaStep(media, { store, context, subjects, rules: compileRules(BUILTIN_RULE_SETS, context)._unsafeUnwrap(), actor: 'petugas-contoh' });
    const done = await step.finish();
    expect(done.report).toMatchObject({ captures: 2, hashed: 2, read: 0, findings: 1, unfinished: 0 });
    expect(done.line.id).toContain('1 temuan baru');
    expect(done.line.en).toContain('1 new findings');
    const findings = (await store.query('finding'))._unsafeUnwrap();
    expect(findings[0]!.record).toMatchObject({ subjectId: 'asn-001', itemKey: 'x:501', ruleId: 'media.materi_kampanye' });
  }, 120_000);
});
