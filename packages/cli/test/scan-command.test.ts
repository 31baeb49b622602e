import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { BUILTIN_RULE_SETS } from '@sipansos/core/rules';
import { EXAMPLE_CONTEXT, EXAMPLE_SUBJECTS } from '@sipansos/testkit';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { readLines } from '../src/scan/read-lines.js';
import { memoryIo } from './memory-io.js';

const asnHandle = EXAMPLE_SUBJECTS.find((subject) => subject.category === 'asn')!.accounts![0]!;

function item(id: string, text: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({ platform: asnHandle.platform, id, kind: 'post', author: { handle: asnHandle.handle }, text, createdAt: '2024-10-15T19:30:00+07:00', ...extra });
}

async function office(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sipansos-scan-'));
  await writeFile(path.join(dir, 'election.json'), JSON.stringify(EXAMPLE_CONTEXT));
  await writeFile(path.join(dir, 'subjects.json'), JSON.stringify(EXAMPLE_SUBJECTS));
  return dir;
}

describe('sipansos scan', () => {
  it('writes one finding per line with spans into the original text, and skips a malformed line with its number', async () => {
    const dir = await office();
    const text = 'Ayo 𝐃𝐔𝐊𝐔𝐍𝐆 Pak Arman, pasti menang! ☝️';
    const lines = [item('1', text), '{"platform": "x", "id": ', item('2', 'Selamat hari guru untuk semua rekan'), '', JSON.stringify({ platform: 'x', id: '3', kind: 'post', author: { handle: 'orang_lain' }, text: 'Dukung Pak Arman!' })];
    await writeFile(path.join(dir, 'items.jsonl'), `${lines.join('\r\n')}\n`);
    const io = memoryIo(dir);
    const code = await main(['scan', '--context', 'election.json', '--subjects', 'subjects.json', '--now', '2024-10-16T00:00:00Z', 'items.jsonl'], io);
    expect(code).toBe(1);
    expect(io.err()).toMatch(/galat: baris 2: bukan Item yang sah .* \/ error: line 2: not a valid Item/);
    expect(io.err()).toMatch(/3 items, \d+ findings, 1 malformed lines skipped, 1 items without a subject/);
    const findings = io.out().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding).toMatchObject({ itemId: '1', subjectId: 'asn-001', ruleSetId: 'neutrality', ruleSetVersion: '1.0.0', category: 'neutrality', phase: 'campaign' });
      for (const key of ['ruleId', 'sanction', 'legalBasis', 'spans']) expect(finding).toHaveProperty(key);
      for (const span of finding.spans as { field: string; start: number; end: number; text: string }[]) expect(text.slice(span.start, span.end)).toBe(span.text);
    }
  });

  it('reads stdin with "-" and exits 0 when every line is valid', async () => {
    const dir = await office();
    const io = memoryIo(dir, {}, `${item('9', 'Debat paslon malam ini')}\n`);
    expect(await main(['scan', '--context', 'election.json', '--subjects', 'subjects.json', '-'], io)).toBe(0);
    expect(io.out()).toBe('');
  });

  it('replaces a built-in rule set with --rules of the same id', async () => {
    const dir = await office();
    const neutrality = BUILTIN_RULE_SETS.find((ruleSet) => ruleSet.id === 'neutrality')!;
    const replacement = { ...neutrality, version: '9.0.0', rules: neutrality.rules.filter((rule) => rule.id === 'asn.medsos.interaksi_akun_pemenangan') };
    await writeFile(path.join(dir, 'neutrality.json'), JSON.stringify(replacement));
    const io = memoryIo(dir, {}, `${item('1', 'Ayo dukung Pak Arman!')}\n`);
    expect(await main(['scan', '--context', 'election.json', '--subjects', 'subjects.json', '--rules', 'neutrality.json', '-'], io)).toBe(0);
    expect(io.out()).toBe('');
  });

  it('reports a usage error without --context', async () => {
    const io = memoryIo(await office());
    expect(await main(['scan', '--subjects', 'subjects.json', '-'], io)).toBe(2);
  });

  it('exits 3 when the items file cannot be read', async () => {
    const io = memoryIo(await office());
    expect(await main(['scan', '--context', 'election.json', '--subjects', 'subjects.json', 'missing.jsonl'], io)).toBe(3);
    expect(io.err()).toMatch(/ENOENT/);
  });
});

describe('readLines', () => {
  it('splits chunks at LF and CRLF, keeps UTF-8 split across chunks, and reports over-long lines without holding them', async () => {
    const bytes = Buffer.from('satu\r\nd✌️a\n' + 'x'.repeat(50) + '\ntiga', 'utf8');
    const chunks = [bytes.subarray(0, 9), bytes.subarray(9, 30), bytes.subarray(30)];
    const out = [];
    for await (const line of readLines(Readable.from(chunks), 20)) out.push(line);
    expect(out).toEqual([{ number: 1, text: 'satu' }, { number: 2, text: 'd✌️a' }, { number: 3, tooLong: true, bytes: 50 }, { number: 4, text: 'tiga' }]);
  });
});

describe('sipansos validate on rule sets', () => {
  it('accepts the built-in rule sets and rejects an unsafe regex with its location', async () => {
    const dir = await office();
    await writeFile(path.join(dir, 'ok.json'), JSON.stringify(BUILTIN_RULE_SETS[0]));
    const bad = { ...BUILTIN_RULE_SETS[0]!, rules: [{ ...BUILTIN_RULE_SETS[0]!.rules[0]!, when: { type: 'regex', pattern: '(a+)+$' } }] };
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify(bad));
    const io = memoryIo(dir);
    expect(await main(['validate', 'ok.json', 'bad.json'], io)).toBe(1);
    expect(io.out()).toContain('OK ok.json (set aturan / rule set)');
    expect(io.out()).toMatch(/SALAH \/ INVALID bad\.json[\s\S]*nested quantifiers/);
  });
});
