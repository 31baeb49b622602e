import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ElectionContextSchema, SubjectSchema } from '@sipansos/core';
import { createFsStore } from '@sipansos/store-fs';
import { EXAMPLE_CONTEXT, EXAMPLE_SUBJECTS } from '@sipansos/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { decisionCapture } from '../../core/src/review/__fixtures__/decision-office.js';
import { caseOffice } from './case-office-fixture.js';
import { memoryIo } from './memory-io.js';

// The case office plus the example election, its subjects, and three posts of an invented ASN evaluated by the built-in rules.
async function office(): Promise<{ dir: string; ids: Record<string, string> }> {
  const dir = await caseOffice(tmpdir());
  await writeFile(path.join(dir, 'election.json'), JSON.stringify(EXAMPLE_CONTEXT));
  await writeFile(path.join(dir, 'subjects.json'), JSON.stringify(EXAMPLE_SUBJECTS));
  const subject = SubjectSchema.parse(EXAMPLE_SUBJECTS.find((entry) => entry.id === 'asn-001'));
  const { capture, findings, pick } = decisionCapture(ElectionContextSchema.parse(EXAMPLE_CONTEXT), subject);
  const store = createFsStore({ dir: path.join(dir, 'store'), signingKeyPem: await readFile(path.join(dir, 'keys', 'office-ed25519.pem'), 'utf8') });
  (await store.open())._unsafeUnwrap();
  (await store.append('capture', [capture]))._unsafeUnwrap();
  (await store.append('finding', findings))._unsafeUnwrap();
  (await store.close())._unsafeUnwrap();
  return { dir, ids: { prayer: pick(0, 'asn.medsos.sosialisasi_calon').id, invitation: pick(1, 'asn.medsos.sosialisasi_calon').id, group: pick(2, 'asn.medsos.grup_pemenangan').id } };
}

async function run(dir: string, args: string[], now = '2024-10-21T03:00:00Z'): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(dir, { SIPANSOS_NOW: now });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('sipansos findings review and sipansos rules', () => {
  let dir = '';
  let ids: Record<string, string> = {};
  beforeAll(async () => {
    ({ dir, ids } = await office());
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('records decisions, refusing a dismissal without a reason and an ambiguous command', async () => {
    expect((await run(dir, ['findings', 'review', ids.prayer!, '--dismiss'])).code).toBe(1);
    const both = await run(dir, ['findings', 'review', ids.prayer!, '--accept', '--dismiss']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('exactly one of --accept or --dismiss');
    const dismissed = await run(dir, ['findings', 'review', ids.prayer!, '--dismiss', '--reason', 'doa pribadi, bukan ajakan memilih', '--json']);
    expect(dismissed.code).toBe(0);
    expect(JSON.parse(dismissed.out)).toMatchObject({ findingId: ids.prayer, outcome: 'dismissed', actor: 'petugas-a', ruleId: 'asn.medsos.sosialisasi_calon' });
    expect((await run(dir, ['findings', 'review', ids.invitation!, '--accept', '--case', 'K-2024-009'], '2024-10-21T03:05:00Z')).out).toContain('diterima / accepted');
    expect((await run(dir, ['findings', 'review', ids.group!, '--accept', '--actor', 'petugas-b'], '2024-10-21T03:10:00Z')).code).toBe(0);
    expect((await run(dir, ['findings', 'review', 'fnd-tidak-ada', '--accept'])).err).toContain('no finding fnd-tidak-ada');
  });

  it('reports precision per rule and per category from the decisions', async () => {
    const stats = await run(dir, ['rules', 'stats', '--json']);
    expect(stats.code).toBe(0);
    const parsed = JSON.parse(stats.out);
    expect(parsed.decisions).toBe(3);
    expect(parsed.byCategory).toEqual([{ key: 'neutrality', accepted: 2, dismissed: 1, precision: 2 / 3 }]);
    expect(parsed.byRule).toEqual([
      { key: 'asn.medsos.grup_pemenangan', accepted: 1, dismissed: 0, precision: 1 },
      { key: 'asn.medsos.sosialisasi_calon', accepted: 1, dismissed: 1, precision: 0.5 },
    ]);
    expect((await run(dir, ['rules', 'stats'])).out).toMatch(/per aturan \/ per rule\n.*asn\.medsos\.grup_pemenangan/);
  });

  it('replays an override over past decisions: the accepted finding it would lose, the dismissed one it would avoid', async () => {
    await writeFile(path.join(dir, 'override.json'), JSON.stringify({ id: 'kantor-lembah', version: '1.0.0', overrides: [{ rule: 'asn.medsos.sosialisasi_calon', disabled: true }] }));
    const replay = await run(dir, ['rules', 'replay', '--rules', 'override.json', '--json']);
    expect(replay.code).toBe(0);
    const report = JSON.parse(replay.out);
    expect(report.lostAccepted.map((row: { findingId: string }) => row.findingId)).toEqual([ids.invitation]);
    expect(report.avoidedDismissed.map((row: { findingId: string }) => row.findingId)).toEqual([ids.prayer]);
    expect(report).toMatchObject({ decided: 3, replayed: 3, keptAccepted: 1, precisionBefore: 2 / 3, precisionAfter: 1 });
    expect((await run(dir, ['rules', 'replay', '--rules', 'override.json'])).out).toContain('temuan diterima yang HILANG / accepted findings LOST: 1');
    await writeFile(path.join(dir, 'salah.json'), JSON.stringify({ id: 'k', version: '1.0.0', overrides: [{ rule: 'asn.tidak_ada', disabled: true }] }));
    const wrong = await run(dir, ['rules', 'replay', '--rules', 'salah.json']);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('no rule "asn.tidak_ada"');
    expect((await run(dir, ['rules', 'replay'])).code).toBe(2);
  });

  it('exports the decisions as a masked, labelled JSONL dataset and audits the export', async () => {
    const exported = await run(dir, ['rules', 'export-decisions', '--out', 'keputusan.jsonl']);
    expect(exported.code).toBe(0);
    const rows = (await readFile(path.join(dir, 'keputusan.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((row) => [row.label, row.rule, row.category])).toEqual([
      ['dismissed', 'asn.medsos.sosialisasi_calon', 'neutrality'],
      ['accepted', 'asn.medsos.sosialisasi_calon', 'neutrality'],
      ['accepted', 'asn.medsos.grup_pemenangan', 'neutrality'],
    ]);
    expect(rows[0].text).toBe('Semoga Pak Arman menang, aamiin. Hubungi saya ••••-••••-••90, [nama]');
    expect(rows[1].text).toBe('Ayo dukung Mas Bagus nomor 2, rekan @[akun] ikut ya');
    const store = createFsStore({ dir: path.join(dir, 'store'), signingKeyPem: await readFile(path.join(dir, 'keys', 'office-ed25519.pem'), 'utf8') });
    (await store.open())._unsafeUnwrap();
    const audit = (await store.query('audit'))._unsafeUnwrap().map((entry) => entry.record);
    (await store.close())._unsafeUnwrap();
    expect(audit.find((entry) => entry.action === 'export.jsonl')).toMatchObject({ actor: 'petugas-a', details: { destination: 'keputusan.jsonl', examples: 3, includePersonalData: false } });
  });
});
