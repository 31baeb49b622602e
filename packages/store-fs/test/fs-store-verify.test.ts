import { appendFileSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureAudit } from '@sipansos/testkit';
import { createFsStore } from '../src/index.js';
import { lineRanges, temporaryDir } from './store-test-helpers.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('verify while writing', () => {
  it("the writer's verify running beside appends reports nothing, and every append lands", async () => {
    const temporary = temporaryDir();
    cleanup = temporary.cleanup;
    const store = createFsStore({ dir: temporary.dir });
    const appends = Array.from({ length: 200 }, (_, index) => store.append('audit', [fixtureAudit({ id: `A-${index}`, note: 'x'.repeat(index) })]));
    const reports = await Promise.all([store.verify(), store.verify(), ...appends.slice(0, 1)]);
    await Promise.all(appends);
    for (const report of reports.slice(0, 2)) expect(report._unsafeUnwrap()).toMatchObject({ ok: true });
    expect((await store.query('audit'))._unsafeUnwrap()).toHaveLength(200);
    await store.close();
  });

  it('a log shorter than what the writer acknowledged is reported', async () => {
    const temporary = temporaryDir();
    cleanup = temporary.cleanup;
    const store = createFsStore({ dir: temporary.dir });
    (await store.append('audit', [fixtureAudit({ id: 'A-1' }), fixtureAudit({ id: 'A-2' })]))._unsafeUnwrap();
    const log = path.join(temporary.dir, 'logs', 'audit.jsonl');
    truncateSync(log, lineRanges(log)[1]![0]);
    expect((await store.verify())._unsafeUnwrap().problems).toEqual([expect.objectContaining({ type: 'sequence', file: 'logs/audit.jsonl' })]);
    await store.close();
  });

  it('a reader reports a line appended to a log by hand', async () => {
    const temporary = temporaryDir();
    cleanup = temporary.cleanup;
    const store = createFsStore({ dir: temporary.dir });
    (await store.append('audit', [fixtureAudit({ id: 'A-1' })]))._unsafeUnwrap();
    await store.close();
    appendFileSync(path.join(temporary.dir, 'logs', 'audit.jsonl'), '{"seq":2}\n');
    const reader = createFsStore({ dir: temporary.dir, readOnly: true });
    const problems = (await reader.verify())._unsafeUnwrap().problems;
    expect(problems[0]).toMatchObject({ file: 'logs/audit.jsonl', seq: 2 });
    await reader.close();
  });
});

describe('reads re-hash', () => {
  it('a record changed on disk after open is refused as corrupt, naming the entry', async () => {
    const temporary = temporaryDir();
    cleanup = temporary.cleanup;
    const store = createFsStore({ dir: temporary.dir });
    (await store.append('audit', [fixtureAudit({ id: 'A-1', note: 'asli' })]))._unsafeUnwrap();
    const { tamperLogEntry } = await import('./store-test-helpers.js');
    tamperLogEntry(temporary.dir, 'audit', 1);
    expect((await store.get('audit', 'A-1'))._unsafeUnwrapErr()).toMatchObject({ type: 'corrupt', file: 'logs/audit.jsonl', seq: 1 });
    expect((await store.query('audit'))._unsafeUnwrapErr().type).toBe('corrupt');
    await store.close();
  });
});
