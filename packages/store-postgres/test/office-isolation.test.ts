import { fixtureAudit, fixtureCapture } from '@sipansos/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPostgresStore } from '../src/index.js';
import { freshOffice, startTestDatabase, type TestDatabase } from './postgres-service.js';
import { officeKeyPair, tamperRow } from './store-test-helpers.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database?.stop();
});

describe('several offices in one database', () => {
  test("one office's reader never sees another office's records, blobs or checkpoints", async () => {
    const keyA = officeKeyPair();
    const keyB = officeKeyPair();
    const officeA = freshOffice('kab-a');
    const officeB = freshOffice('kab-b');
    const a = createPostgresStore({ url: database.url, office: officeA, signingKeyPem: keyA.privatePem });
    const b = createPostgresStore({ url: database.url, office: officeB, signingKeyPem: keyB.privatePem });
    const secret = (await b.putBlob(new TextEncoder().encode('respons milik kantor B')))._unsafeUnwrap();
    // The same ids in both offices are different records, not a conflict.
    (await a.append('capture', [fixtureCapture({ id: 'C-1', handle: 'andi_contoh' })]))._unsafeUnwrap();
    (await b.append('capture', [fixtureCapture({ id: 'C-1', handle: 'siti_contoh', rawBlobs: [secret.sha256] }), fixtureCapture({ id: 'C-2', handle: 'siti_contoh' })]))._unsafeUnwrap();
    (await b.append('audit', [fixtureAudit({ id: 'A-1' })]))._unsafeUnwrap();
    (await b.proofs.createCheckpoint())._unsafeUnwrap();

    const reader = createPostgresStore({ url: database.url, office: officeA, readOnly: true });
    expect((await reader.query('capture'))._unsafeUnwrap().map((entry) => [entry.seq, entry.record.account.handle])).toEqual([[1, 'andi_contoh']]);
    expect((await reader.get('capture', 'C-2'))._unsafeUnwrap()).toBeUndefined();
    expect((await reader.query('capture', { accountKey: 'x:@siti_contoh' }))._unsafeUnwrap()).toEqual([]);
    expect((await reader.query('audit'))._unsafeUnwrap()).toEqual([]);
    expect((await reader.hasBlob(secret.sha256))._unsafeUnwrap()).toBe(false);
    expect((await reader.getBlob(secret.sha256))._unsafeUnwrapErr().type).toBe('not_found');
    expect((await reader.proofs.latestCheckpoint())._unsafeUnwrap()).toBeUndefined();
    expect((await reader.proofs.inclusionProof('C-2'))._unsafeUnwrapErr().type).toBe('not_found');
    expect((await reader.append('audit', [fixtureAudit({ id: 'A-9' })]))._unsafeUnwrapErr().type).toBe('read_only');

    // Each office signs with its own key, and damage in one office is not the other's.
    const checkpointA = (await a.proofs.createCheckpoint())._unsafeUnwrap();
    const checkpointB = (await b.proofs.latestCheckpoint())._unsafeUnwrap()!;
    expect(checkpointA.keyId).not.toBe(checkpointB.keyId);
    expect(checkpointA.treeSize).toBe(1);
    await tamperRow(database.pool, b, 'audit', 1);
    expect((await b.verify())._unsafeUnwrap().ok).toBe(false);
    const reportA = (await reader.verify())._unsafeUnwrap();
    expect(reportA.problems).toEqual([]);
    expect(reportA.checked.records).toBe(1);
    expect(reportA.checked.blobs).toBe(0);
    await Promise.all([a.close(), b.close(), reader.close()]);
  });

  test('every row carries its office id', async () => {
    const office = freshOffice('kab-baris');
    const store = createPostgresStore({ url: database.url, office });
    (await store.append('audit', [fixtureAudit({ id: 'A-1' })]))._unsafeUnwrap();
    (await store.putBlob(new Uint8Array([1, 2, 3])))._unsafeUnwrap();
    await store.close();
    const { rows } = await database.pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables t WHERE table_schema = 'public' AND table_name NOT IN ('schema_migrations', 'offices') AND NOT EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_name = t.table_name AND c.column_name = 'office_id')",
    );
    expect(rows).toEqual([]);
  });
});

describe('connections', () => {
  test('a store with a pool of one connection appends, checkpoints, proves and verifies without waiting on itself', async () => {
    const { privatePem } = officeKeyPair();
    const store = createPostgresStore({ url: database.url, office: freshOffice('kab-satu'), poolSize: 1, signingKeyPem: privatePem });
    const blob = (await store.putBlob(new TextEncoder().encode('badan respons')))._unsafeUnwrap();
    (await store.append('capture', [fixtureCapture({ id: 'C-1', rawBlobs: [blob.sha256] })]))._unsafeUnwrap();
    (await store.proofs.createCheckpoint())._unsafeUnwrap();
    expect((await store.proofs.inclusionProof('C-1'))._unsafeUnwrap().treeSize).toBe(1);
    const report = (await store.verify())._unsafeUnwrap();
    expect(report.problems).toEqual([]);
    expect(report.checked).toMatchObject({ records: 1, blobs: 1, checkpoints: 1 });
    (await store.close())._unsafeUnwrap();
  });
});

describe('a database restart', () => {
  test('PostgreSQL restarted while a writer appends: nothing acknowledged is lost, a retried append is idempotent, the chain continues', async () => {
    const store = createPostgresStore({ url: database.url, office: freshOffice('kab-restart'), poolSize: 2 });
    const acknowledged = new Map<string, { seq: number; entryHash: string }>();
    const failed: string[] = [];
    let running = true;
    const writer = (async () => {
      for (let index = 1; running || index <= 5; index++) {
        const id = `A-${index}`;
        const result = await store.append('audit', [fixtureAudit({ id, minute: index })]);
        if (result.isOk()) acknowledged.set(id, { seq: result.value[0]!.seq, entryHash: result.value[0]!.entryHash });
        else {
          expect(result.error.type).toBe('io');
          failed.push(id);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        if (index > 400) throw new Error('the writer never got through after the restart');
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await database.restart();
    running = false;
    await writer;
    expect(acknowledged.size).toBeGreaterThan(5);
    // An append that failed with the connection may or may not have committed: retrying it is safe.
    for (const id of failed) {
      const retried = (await store.append('audit', [fixtureAudit({ id, minute: Number(id.slice(2)) })]))._unsafeUnwrap();
      acknowledged.set(id, { seq: retried[0]!.seq, entryHash: retried[0]!.entryHash });
    }
    const stored = (await store.query('audit'))._unsafeUnwrap();
    expect(stored.map((entry) => entry.seq)).toEqual(stored.map((_, index) => index + 1));
    expect(new Map(stored.map((entry) => [entry.id, { seq: entry.seq, entryHash: entry.entryHash }]))).toEqual(acknowledged);
    expect((await store.verify())._unsafeUnwrap().problems).toEqual([]);
    (await store.close())._unsafeUnwrap();
  });
});

describe('group commit', () => {
  test('appends sharing a transaction stay all or nothing each: a conflict or an invalid record refuses only its own append', async () => {
    const store = createPostgresStore({ url: database.url, office: freshOffice('kab-grup') });
    (await store.append('audit', [fixtureAudit({ id: 'A-lama', note: 'asli' })]))._unsafeUnwrap();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, index) => {
        if (index === 10) return store.append('audit', [fixtureAudit({ id: 'A-10' }), fixtureAudit({ id: 'A-lama', note: 'diubah' })]);
        if (index === 20) return store.append('audit', [fixtureAudit({ id: 'A-20' }), { ...fixtureAudit({ id: 'A-20b' }), at: 'kemarin' } as never]);
        return store.append('audit', [fixtureAudit({ id: `A-${index}`, minute: index })]);
      }),
    );
    expect(results[10]!._unsafeUnwrapErr().type).toBe('conflict');
    expect(results[20]!._unsafeUnwrapErr().type).toBe('invalid_input');
    const stored = (await store.query('audit'))._unsafeUnwrap();
    expect(stored.length).toBe(1 + 28);
    expect(stored.map((entry) => entry.seq)).toEqual(stored.map((_, index) => index + 1));
    expect(stored.some((entry) => entry.id === 'A-10' || entry.id === 'A-20')).toBe(false);
    for (const [index, result] of results.entries()) {
      if (index === 10 || index === 20) continue;
      const [entry] = result._unsafeUnwrap();
      expect(stored[entry!.seq - 1]).toEqual(entry);
    }
    (await store.close())._unsafeUnwrap();
  });
});
