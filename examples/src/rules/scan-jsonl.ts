// Scan a JSON Lines file of core Items (one item per line, e.g. exported by another tool) with
// the built-in rules, streaming it, and print one finding per line. A bad line is reported
// with its number and skipped. (`sipansos scan` does the same from the command line.)
import { createReadStream } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ElectionContextSchema, ItemSchema, parseJsonText, type Subject } from '@sipansos/core';
import { BUILTIN_RULE_SETS, compileRules, evaluateItem } from '@sipansos/core/rules';
import { EXAMPLE_CONTEXT } from '@sipansos/testkit';
import { err, ok, type Result } from 'neverthrow';
import { run, type ExampleError } from '../lib/run.js';

const subject: Subject = { id: 'asn-077', name: 'Guru Contoh', category: 'asn', accounts: [{ platform: 'x', handle: 'guru_contoh' }] };
const SAMPLE = [
  { platform: 'x', id: '1', kind: 'post', author: { handle: 'guru_contoh' }, createdAt: '2024-10-20T12:00:00+07:00', text: 'Guru2 siap menangkan Pak Arman nomor 1!! #ArmanRinaMenang' },
  'this line is not JSON',
  { platform: 'x', id: '3', kind: 'post', author: { handle: 'guru_contoh' }, createdAt: '2024-10-20T13:00:00+07:00', text: 'Bawaslu mengimbau ASN tetap netral di Pilkada.' },
].map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');

await run('scan a JSONL file of items with the built-in rules', async (): Promise<Result<string, ExampleError>> => {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'sipansos-scan-')), 'items.jsonl');
  await writeFile(file, `${SAMPLE}\n`);
  const rules = compileRules(BUILTIN_RULE_SETS, ElectionContextSchema.parse(EXAMPLE_CONTEXT));
  if (rules.isErr()) return err(rules.error);
  const out: string[] = [];
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    const json = parseJsonText(line, `${path.basename(file)}:${lineNumber}`);
    const item = json.isOk() ? ItemSchema.safeParse(json.value) : undefined;
    if (!item?.success) {
      out.push(`line ${lineNumber} skipped: ${json.isErr() ? json.error.message : item?.error.issues[0]?.message}`);
      continue;
    }
    for (const finding of evaluateItem(rules.value, { item: item.data, subject, evidence: { captureId: `file:${path.basename(file)}`, rawBlobs: [] }, now: new Date().toISOString() })) {
      out.push(JSON.stringify({ line: lineNumber, itemId: item.data.id, ruleId: finding.ruleId, category: finding.category, phase: finding.phase, spans: finding.spans.map(({ start, end, text }) => ({ start, end, text })) }));
    }
  }
  return ok(out.join('\n'));
});
