import assert from 'node:assert/strict';
import { checkRecordChain, computeEntryHash, hashRecord, sha256Hex, type RecordKind } from '@sipansos/core/evidence';
import { asEvidenceStore, type EvidenceStoreV1, type StoredRecordV1 } from '@sipansos/core/spec';
import type { Result } from 'neverthrow';
import { fixtureAccountState, fixtureAudit, fixtureCapture, fixtureCase, fixtureChange, fixtureFinding, fixtureTime } from './store-fixtures.js';

/** Every behaviour the suite checks; each is one test. */
export const STORE_CONFORMANCE_CASES = [
  'blob-idempotent',
  'blob-not-found',
  'append-read-back',
  'append-idempotent',
  'conflict-same-id',
  'invalid-record-rejected',
  'oversized-record-rejected',
  'read-by-account',
  'read-by-item',
  'read-by-time-range',
  'read-by-subject-and-category',
  'snapshot-latest-wins',
  'query-paging',
  'concurrent-appends',
  'reopen-persistence',
  'verify-clean-fresh',
  'detects-changed-byte',
  'checkpoint-signs-every-log',
  'detects-removed-last-entry',
] as const;
/** The name of one store conformance case; the key of `disable`. */
export type StoreConformanceCase = (typeof STORE_CONFORMANCE_CASES)[number];

/** Settings of {@link storeConformanceSuite}. */
export interface StoreConformanceSuiteOptions {
  /** The test runner's `test` (vitest, node:test, ...). */
  test: (name: string, fn: () => Promise<void>) => unknown;
  /** A new, empty store for each test. */
  createStore: () => EvidenceStoreV1 | Promise<EvidenceStoreV1>;
  /**
   * Close a store and open it again over the same data, as a restarted process would.
   * @default close() then open() on the same object
   */
  reopen?: (store: EvidenceStoreV1) => Promise<EvidenceStoreV1>;
  /**
   * Change one byte of the stored form of entry `seq` of `kind`, as someone editing the
   * store's files would. Required unless `detects-changed-byte` is disabled.
   */
  tamper?: (store: EvidenceStoreV1, target: { kind: RecordKind; seq: number }) => Promise<void> | void;
  /**
   * Remove the last entry of `kind`'s log from the stored form, as deleting a file's last line
   * would. Required unless `detects-removed-last-entry` is disabled.
   */
  removeLastEntry?: (store: EvidenceStoreV1, kind: RecordKind) => Promise<void> | void;
  /** Cases this store cannot support, each with the reason (at least 10 characters). */
  disable?: Partial<Record<StoreConformanceCase, string>>;
  /** Concurrent appenders in `concurrent-appends`. @default 64 */
  concurrency?: number;
}

function value<T, E>(result: Result<T, E>, what: string): T {
  if (result.isErr()) assert.fail(`${what} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

function errorOf<T, E>(result: Result<T, E>, what: string): E {
  if (result.isOk()) assert.fail(`${what} should have failed but returned ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

function assertChain(entries: ReadonlyArray<StoredRecordV1<unknown>>, kind: RecordKind): void {
  const { problems } = checkRecordChain(entries, { kind });
  assert.deepEqual(problems, [], `the ${kind} entries do not form a hash chain from the genesis`);
  for (const entry of entries) {
    assert.equal(entry.recordHash, hashRecord(entry.record), `entry ${entry.seq}: recordHash is not sha256 of the record's canonical JSON`);
    assert.equal(entry.entryHash, computeEntryHash(entry), `entry ${entry.seq}: entryHash does not follow the contract`);
  }
}

/** Two entries in every log, so each has a last entry to lose. */
async function fillEveryLog(store: EvidenceStoreV1): Promise<void> {
  value(await store.append('capture', [fixtureCapture({ id: 'C-1', minute: 1 }), fixtureCapture({ id: 'C-2', minute: 2 })]), 'append captures');
  value(await store.append('account_state', [fixtureAccountState({ minute: 1 }), fixtureAccountState({ minute: 2, knownItems: 3 })]), 'append account states');
  value(await store.append('change', [fixtureChange({ id: 'CH-1' }), fixtureChange({ id: 'CH-2', type: 'edited' })]), 'append changes');
  value(await store.append('finding', [fixtureFinding({ id: 'F-1' }), fixtureFinding({ id: 'F-2' })]), 'append findings');
  value(await store.append('case', [fixtureCase({ id: 'K-1', version: 1, state: 'temuan' }), fixtureCase({ id: 'K-1', version: 2, state: 'kajian_awal', minute: 5 })]), 'append cases');
  value(await store.append('audit', [fixtureAudit({ id: 'A-1' }), fixtureAudit({ id: 'A-2', minute: 1 })]), 'append audit');
}

const ALL_KINDS: RecordKind[] = ['capture', 'account_state', 'change', 'finding', 'case', 'audit'];

type Case = (context: { store: EvidenceStoreV1; options: StoreConformanceSuiteOptions; reopen: (store: EvidenceStoreV1) => Promise<EvidenceStoreV1> }) => Promise<EvidenceStoreV1 | void>;

const CASES: Record<StoreConformanceCase, Case> = {
  async 'blob-idempotent'({ store }) {
    const bytes = new TextEncoder().encode('{"data":[{"id":"1790001","text":"contoh"}]}');
    const first = value(await store.putBlob(bytes), 'putBlob');
    assert.deepEqual(first, { sha256: sha256Hex(bytes), size: bytes.byteLength });
    const second = value(await store.putBlob(Uint8Array.from(bytes)), 'putBlob again');
    assert.deepEqual(second, first, 'storing the same bytes twice must return the same address');
    assert.equal(value(await store.hasBlob(first.sha256), 'hasBlob'), true);
    assert.deepEqual(Buffer.from(value(await store.getBlob(first.sha256), 'getBlob')), Buffer.from(bytes));
    const empty = value(await store.putBlob(new Uint8Array()), 'putBlob empty');
    assert.equal(empty.sha256, sha256Hex(new Uint8Array()));
    assert.equal(value(await store.getBlob(empty.sha256), 'getBlob empty').byteLength, 0);
  },

  async 'blob-not-found'({ store }) {
    const absent = sha256Hex('never stored');
    assert.equal(value(await store.hasBlob(absent), 'hasBlob'), false);
    assert.equal(errorOf(await store.getBlob(absent), 'getBlob of an absent blob').type, 'not_found');
    assert.equal(errorOf(await store.getBlob('../../etc/passwd'), 'getBlob of a path').type, 'invalid_input');
  },

  async 'append-read-back'({ store }) {
    const captures = [fixtureCapture({ id: 'C-1', minute: 1 }), fixtureCapture({ id: 'C-2', minute: 2 })];
    const stored = value(await store.append('capture', captures), 'append captures');
    assert.deepEqual(stored.map((entry) => [entry.kind, entry.seq, entry.id]), [['capture', 1, 'C-1'], ['capture', 2, 'C-2']]);
    assert.equal(stored[0]!.prevHash, '0'.repeat(64));
    assertChain(stored, 'capture');
    const read = value(await store.get('capture', 'C-2'), 'get');
    assert.deepEqual(read, stored[1]);
    assert.deepEqual(read?.record, captures[1]);
    assert.equal(value(await store.get('capture', 'C-9'), 'get absent'), undefined);
    const all = value(await store.query('capture'), 'query');
    assert.deepEqual(all, stored);
    // Logs of different kinds have their own chains.
    const [audit] = value(await store.append('audit', [fixtureAudit({ id: 'A-1' })]), 'append audit');
    assert.equal(audit!.seq, 1);
  },

  async 'append-idempotent'({ store }) {
    const [first] = value(await store.append('finding', [fixtureFinding({ id: 'F-1' })]), 'append');
    const again = value(await store.append('finding', [fixtureFinding({ id: 'F-1' }), fixtureFinding({ id: 'F-2' })]), 'append again');
    assert.deepEqual(again[0], first, 'an identical record under an existing id returns the stored entry');
    assert.equal(again[1]!.seq, 2);
    assert.equal(value(await store.query('finding'), 'query').length, 2, 'nothing is duplicated');
  },

  async 'conflict-same-id'({ store }) {
    value(await store.append('change', [fixtureChange({ id: 'CH-1', type: 'added' })]), 'append');
    const error = errorOf(await store.append('change', [fixtureChange({ id: 'CH-2' }), fixtureChange({ id: 'CH-1', type: 'edited' })]), 'append a different record under an existing id');
    assert.equal(error.type, 'conflict');
    assert.equal((error as { id?: string }).id, 'CH-1');
    assert.deepEqual(value(await store.query('change'), 'query').map((entry) => entry.id), ['CH-1'], 'a refused batch writes nothing');
    assert.equal(value(await store.get('change', 'CH-1'), 'get')?.record.type, 'added', 'evidence is never overwritten');
  },

  async 'invalid-record-rejected'({ store }) {
    const bad = { ...fixtureAudit({ id: 'A-1' }), at: 'kemarin sore' };
    const error = errorOf(await store.append('audit', [bad as never]), 'append an invalid record');
    assert.equal(error.type, 'invalid_input');
    assert.ok((error as { issues?: Array<{ path: string }> }).issues?.some((issue) => issue.path === 'at'), 'the issue names the field');
    assert.equal(errorOf(await store.query('audit', { acountKey: 'x' } as never), 'query with an unknown field').type, 'invalid_input');
    assert.equal(value(await store.query('audit'), 'query').length, 0);
  },

  async 'oversized-record-rejected'({ store }) {
    value(await store.append('account_state', [fixtureAccountState({ minute: 1, knownItems: 3 })]), 'append state');
    // ~600 M characters of JSON (six members sharing one text): past what one string holds.
    const text = 'x'.repeat(100_000_000);
    const oversized = { ...fixtureAccountState({ minute: 2, knownItems: 6 }), itemCount: 6, notes: [text, text, text, text, text, text] };
    const error = errorOf(await store.append('account_state', [oversized as never]), 'append a state too large for one record');
    assert.equal(error.type, 'invalid_input');
    assert.match(error.message, /512 MiB.*6 items/s, 'the message names the limit and the cause');
    const kept = value(await store.get('account_state', 'x:@andi_contoh'), 'get state');
    assert.equal((kept?.record as { knownItems?: number }).knownItems, 3, 'the earlier state is kept as it was');
    assert.equal(value(await store.query('account_state', { allVersions: true }), 'query').length, 1, 'nothing was written');
  },

  async 'read-by-account'({ store }) {
    value(
      await store.append('capture', [
        fixtureCapture({ id: 'C-1', handle: 'andi_contoh', minute: 1 }),
        fixtureCapture({ id: 'C-2', handle: 'siti_contoh', minute: 2 }),
        fixtureCapture({ id: 'C-3', handle: 'andi_contoh', minute: 3 }),
      ]),
      'append',
    );
    value(await store.append('change', [fixtureChange({ id: 'CH-1', handle: 'siti_contoh' }), fixtureChange({ id: 'CH-2', handle: 'andi_contoh' })]), 'append changes');
    assert.deepEqual(value(await store.query('capture', { accountKey: 'x:@andi_contoh' }), 'query').map((entry) => entry.id), ['C-1', 'C-3']);
    assert.deepEqual(value(await store.query('change', { accountKey: 'x:@siti_contoh' }), 'query').map((entry) => entry.id), ['CH-1']);
    assert.deepEqual(value(await store.query('capture', { accountKey: 'x:@nobody' }), 'query'), []);
  },

  async 'read-by-item'({ store }) {
    value(
      await store.append('capture', [
        fixtureCapture({ id: 'C-1', itemIds: ['100', '101'], minute: 1 }),
        fixtureCapture({ id: 'C-2', itemIds: ['101', '102'], minute: 2 }),
        fixtureCapture({ id: 'C-3', itemIds: ['103'], minute: 3 }),
      ]),
      'append',
    );
    value(await store.append('finding', [fixtureFinding({ id: 'F-1', itemId: '101' }), fixtureFinding({ id: 'F-2', itemId: '102' })]), 'append findings');
    assert.deepEqual(value(await store.query('capture', { itemKey: 'x:101' }), 'query').map((entry) => entry.id), ['C-1', 'C-2'], 'every capture holding a version of the item');
    assert.deepEqual(value(await store.query('finding', { itemKey: 'x:101' }), 'query').map((entry) => entry.id), ['F-1']);
  },

  async 'read-by-time-range'({ store }) {
    value(await store.append('capture', [0, 10, 20, 30].map((minute) => fixtureCapture({ id: `C-${minute}`, minute }))), 'append');
    const range = value(await store.query('capture', { from: fixtureTime(10), to: fixtureTime(30) }), 'query');
    assert.deepEqual(range.map((entry) => entry.id), ['C-10', 'C-20'], 'from is inclusive, to exclusive');
    // The same instant written with another offset is the same bound.
    const offset = new Date(Date.parse(fixtureTime(10)) + 7 * 3_600_000).toISOString().replace('Z', '+07:00');
    assert.deepEqual(value(await store.query('capture', { from: offset }), 'query with offset').map((entry) => entry.id), ['C-10', 'C-20', 'C-30']);
    assert.equal(errorOf(await store.query('capture', { from: 'bukan waktu' }), 'query with a bad time').type, 'invalid_input');
  },

  async 'read-by-subject-and-category'({ store }) {
    value(
      await store.append('finding', [
        fixtureFinding({ id: 'F-1', subjectId: 'S-1', category: 'neutrality' }),
        fixtureFinding({ id: 'F-2', subjectId: 'S-2', category: 'hate_speech' }),
        fixtureFinding({ id: 'F-3', subjectId: 'S-1', category: 'hoax' }),
      ]),
      'append',
    );
    assert.deepEqual(value(await store.query('finding', { subjectId: 'S-1' }), 'query').map((entry) => entry.id), ['F-1', 'F-3']);
    assert.deepEqual(value(await store.query('finding', { subjectId: 'S-1', category: 'hoax' }), 'query').map((entry) => entry.id), ['F-3']);
    value(await store.append('audit', [fixtureAudit({ id: 'A-1' })]), 'append audit');
  },

  async 'snapshot-latest-wins'({ store }) {
    value(await store.append('case', [fixtureCase({ id: 'K-1', version: 1, state: 'temuan' }), fixtureCase({ id: 'K-2', version: 1, state: 'temuan' })]), 'append v1');
    value(await store.append('case', [fixtureCase({ id: 'K-1', version: 2, state: 'kajian_awal' })]), 'append v2');
    assert.equal(value(await store.get('case', 'K-1'), 'get')?.record.version, 2);
    assert.deepEqual(value(await store.query('case', { state: 'temuan' }), 'query').map((entry) => entry.id), ['K-2'], 'state reads use the latest version');
    assert.deepEqual(value(await store.query('case', { state: 'kajian_awal' }), 'query').map((entry) => [entry.id, entry.record.version]), [['K-1', 2]]);
    assert.deepEqual(value(await store.query('case', { allVersions: true }), 'query').map((entry) => [entry.id, entry.record.version]), [['K-1', 1], ['K-2', 1], ['K-1', 2]]);
    // Snapshot kinds keep every append, even an unchanged one.
    value(await store.append('account_state', [fixtureAccountState({ minute: 1, knownItems: 3 })]), 'append state');
    value(await store.append('account_state', [fixtureAccountState({ minute: 2, knownItems: 5 })]), 'append state');
    const latest = value(await store.get('account_state', 'x:@andi_contoh'), 'get state');
    assert.equal((latest?.record as { knownItems?: number }).knownItems, 5);
    assert.equal(value(await store.query('account_state', { allVersions: true }), 'query').length, 2);
  },

  async 'query-paging'({ store }) {
    value(await store.append('audit', Array.from({ length: 7 }, (_, index) => fixtureAudit({ id: `A-${index + 1}`, minute: index }))), 'append');
    assert.deepEqual(value(await store.query('audit', { limit: 3 }), 'query').map((entry) => entry.seq), [1, 2, 3]);
    assert.deepEqual(value(await store.query('audit', { afterSeq: 3, limit: 3 }), 'query').map((entry) => entry.seq), [4, 5, 6]);
    assert.deepEqual(value(await store.query('audit', { afterSeq: 6 }), 'query').map((entry) => entry.seq), [7]);
  },

  async 'concurrent-appends'({ store, options }) {
    const appenders = options.concurrency ?? 64;
    const results = await Promise.all(
      Array.from({ length: appenders }, (_, index) =>
        index % 4 === 0
          ? store.append('audit', [fixtureAudit({ id: `A-${index}-a`, minute: index }), fixtureAudit({ id: `A-${index}-b`, minute: index })])
          : store.append('audit', [fixtureAudit({ id: `A-${index}`, minute: index })]),
      ),
    );
    const acknowledged = results.flatMap((result, index) => value(result, `append ${index}`));
    const all = value(await store.query('audit'), 'query');
    assert.equal(all.length, acknowledged.length, 'every acknowledged record is stored once');
    assert.deepEqual(all.map((entry) => entry.seq), all.map((_, index) => index + 1), 'sequence numbers have no gaps');
    assertChain(all, 'audit');
    const bySeq = new Map(all.map((entry) => [entry.seq, entry]));
    for (const entry of acknowledged) assert.deepEqual(bySeq.get(entry.seq), entry, `acknowledged entry ${entry.seq} reads back the same`);
    for (const result of results) {
      const entries = value(result, 'append');
      if (entries.length === 2) assert.equal(entries[1]!.seq, entries[0]!.seq + 1, 'a batch stays contiguous');
    }
    assert.equal(value(await store.verify(), 'verify').ok, true);
  },

  async 'reopen-persistence'({ store, reopen }) {
    const blob = value(await store.putBlob(new TextEncoder().encode('badan respons mentah')), 'putBlob');
    const captures = value(await store.append('capture', [fixtureCapture({ id: 'C-1', rawBlobs: [blob.sha256] })]), 'append');
    value(await store.append('case', [fixtureCase({ id: 'K-1', version: 1, state: 'temuan' })]), 'append case');
    value(await store.append('case', [fixtureCase({ id: 'K-1', version: 2, state: 'kajian_awal' })]), 'append case');
    const reopened = await reopen(store);
    value(await reopened.open(), 'open again');
    assert.deepEqual(value(await reopened.get('capture', 'C-1'), 'get after reopen'), captures[0]);
    assert.equal(value(await reopened.get('case', 'K-1'), 'get case')?.record.version, 2);
    assert.equal(Buffer.from(value(await reopened.getBlob(blob.sha256), 'getBlob')).toString(), 'badan respons mentah');
    const [next] = value(await reopened.append('capture', [fixtureCapture({ id: 'C-2' })]), 'append after reopen');
    assert.equal(next!.seq, 2);
    assert.equal(next!.prevHash, captures[0]!.entryHash, 'the chain continues across a reopen');
    const [again] = value(await reopened.append('capture', [fixtureCapture({ id: 'C-1', rawBlobs: [blob.sha256] })]), 'append again after reopen');
    assert.equal(again!.seq, 1, 'idempotence holds across a reopen');
    assert.equal(value(await reopened.verify(), 'verify').ok, true);
    return reopened;
  },

  async 'verify-clean-fresh'({ store }) {
    const empty = value(await store.verify(), 'verify empty');
    assert.equal(empty.ok, true);
    assert.deepEqual(empty.problems, []);
    const blob = value(await store.putBlob(new TextEncoder().encode('isi')), 'putBlob');
    value(await store.append('capture', [fixtureCapture({ id: 'C-1', rawBlobs: [blob.sha256] })]), 'append');
    value(await store.append('audit', [fixtureAudit({ id: 'A-1' })]), 'append');
    const report = value(await store.verify(), 'verify');
    assert.deepEqual(report.problems, []);
    assert.equal(report.ok, true);
    assert.ok(report.checked.records >= 2 && report.checked.blobs >= 1, 'verify counts what it checked');
  },

  async 'detects-changed-byte'({ store, options }) {
    assert.ok(options.tamper, 'supply tamper(store, { kind, seq }) or disable "detects-changed-byte" with a reason');
    value(await store.append('audit', [1, 2, 3].map((index) => fixtureAudit({ id: `A-${index}`, note: `catatan ${index}` }))), 'append');
    assert.equal(value(await store.verify(), 'verify before').ok, true);
    await options.tamper(store, { kind: 'audit', seq: 2 });
    const report = value(await store.verify(), 'verify after a change');
    assert.equal(report.ok, false, 'a changed byte must be reported');
    assert.ok(report.problems.some((problem) => problem.seq === 2), `the problem names entry 2: ${JSON.stringify(report.problems)}`);
  },

  async 'checkpoint-signs-every-log'({ store }) {
    assert.ok(store.proofs, 'create the store with a signing key (so it has proofs), or disable "checkpoint-signs-every-log" with a reason');
    await fillEveryLog(store);
    const checkpoint = value(await store.proofs.createCheckpoint(), 'createCheckpoint');
    assert.ok(checkpoint.logs, 'a new checkpoint signs the head of every log (logs)');
    for (const kind of ALL_KINDS) {
      const last = value(await store.query(kind, { allVersions: true }), `query ${kind}`).at(-1)!;
      assert.deepEqual(checkpoint.logs[kind], { seq: last.seq, entryHash: last.entryHash }, `the checkpoint signs the ${kind} log's head`);
    }
    assert.equal(checkpoint.logs.capture.seq, checkpoint.treeSize);
    assert.deepEqual(value(await store.proofs.latestCheckpoint(), 'latestCheckpoint'), checkpoint);
  },

  async 'detects-removed-last-entry'({ store, options }) {
    assert.ok(options.removeLastEntry, 'supply removeLastEntry(store, kind) or disable "detects-removed-last-entry" with a reason');
    assert.ok(store.proofs, 'create the store with a signing key (so it has proofs), or disable "detects-removed-last-entry" with a reason');
    await fillEveryLog(store);
    value(await store.proofs.createCheckpoint(), 'createCheckpoint');
    assert.equal(value(await store.verify(), 'verify before').ok, true);
    for (const kind of ALL_KINDS) await options.removeLastEntry(store, kind);
    const report = value(await store.verify(), 'verify after removing the last entries');
    assert.equal(report.ok, false, 'a removed last entry must be reported');
    for (const kind of ALL_KINDS) {
      assert.ok(
        report.problems.some((problem) => problem.seq === 2 && (problem.file ?? '').split('/').at(-1)!.split('.')[0] === kind),
        `a problem names the ${kind} log and its entry 2: ${JSON.stringify(report.problems)}`,
      );
    }
  },
};

/**
 * Register the store conformance tests, one per {@link STORE_CONFORMANCE_CASES} entry, against
 * a store factory. A case the store cannot support is disabled with a reason; every other
 * case must pass. Each test gets a fresh store and closes it at the end.
 *
 * @example
 * ```ts
 * import { test } from 'vitest';
 * storeConformanceSuite({ test, createStore: () => createMemoryStore(), tamper: (store, { kind, seq }) => ... });
 * ```
 */
export function storeConformanceSuite(options: StoreConformanceSuiteOptions): void {
  const reopen = options.reopen ?? (async (store: EvidenceStoreV1) => {
    value(await store.close(), 'close');
    return store;
  });
  for (const name of STORE_CONFORMANCE_CASES) {
    const reason = options.disable?.[name];
    if (reason !== undefined) {
      options.test(`${name}: disabled — ${reason}`, async () => {
        assert.ok(reason.trim().length >= 10, `${name}: give a real reason for disabling it`);
      });
      continue;
    }
    options.test(name, async () => {
      const created = await options.createStore();
      const checked = asEvidenceStore(created);
      if (checked.isErr()) assert.fail(checked.error.message);
      let store = checked.value;
      value(await store.open(), 'open');
      try {
        const replaced = await CASES[name]({ store, options, reopen });
        if (replaced) store = replaced;
      } finally {
        await store.close();
      }
    });
  }
}
