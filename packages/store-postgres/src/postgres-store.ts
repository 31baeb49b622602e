import { err, ok, ResultAsync, type Result } from 'neverthrow';
import pg from 'pg';
import {
  captureLeafHash,
  keyIdOf,
  merkleInclusionPath,
  merkleRoot,
  parseRecordQuery,
  publicKeyPemOf,
  RECORD_KINDS,
  sha256Hex,
  SHA256_HEX_PATTERN,
  signCheckpoint,
  type RecordKind,
  type RecordOf,
} from '@sipansos/core/evidence';
import type {
  BlobRefV1,
  CheckpointLogHeadsV1,
  EvidenceProofsV1,
  EvidenceStoreV1,
  InclusionProofV1,
  RecordQueryV1,
  SignedCheckpointV1,
  StoredRecordV1,
  StoreErrorV1,
  StoreOpenReportV1,
  VerifyReportV1,
} from '@sipansos/core/spec';
import type { BlobStore } from './blob-store.js';
import { CaptureLeaves } from './capture-leaves.js';
import { LogCommitter } from './log-committer.js';
import { checkOut } from './pool-client.js';
import { checkpointLine, parseCheckpointLine, readLatestCheckpoint, readLogHeads } from './checkpoint-rows.js';
import { citedBlobHashes } from './cited-blobs.js';
import { databaseError } from './database-error.js';
import { schemaMismatch, schemaVersionOf } from './migrate.js';
import { lockLog } from './office-lock.js';
import { createPostgresBlobStore } from './postgres-blob-store.js';
import { checkPostgresStoreOptions, type PostgresStoreOptions } from './postgres-store-options.js';
import { verifyBlobs, verifyOfficeRows } from './postgres-verify.js';
import { CorruptRowError, querySql, storedFromRow, type RecordRow } from './record-rows.js';
import { logName, recordTable } from './record-tables.js';

/** The store `createPostgresStore` returns: {@link EvidenceStoreV1} with Merkle proofs. */
export interface PostgresEvidenceStore extends EvidenceStoreV1 {
  readonly storeId: 'postgres';
  readonly proofs: EvidenceProofsV1;
  /** The office whose logs this store holds. */
  readonly office: string;
  /** Where blob bytes go (`postgres` or `s3`). */
  readonly blobStoreKind: string;
}

type Outcome<T> = Promise<Result<T, StoreErrorV1>>;

/**
 * Create the evidence store of one office on PostgreSQL (15 or newer). Any number of processes
 * on any number of machines may write the same office at once: each log's hash chain and
 * sequence stay gap-free because an append takes that log's advisory lock for its transaction.
 * Nothing connects until `open()` (or the first call that needs it); the schema must have been
 * migrated (`sipansos db migrate`, or `migrateDatabase`).
 *
 * Throws a `TypeError` naming the setting when the settings are malformed.
 */
export function createPostgresStore(options: PostgresStoreOptions): PostgresEvidenceStore {
  const checked = checkPostgresStoreOptions(options);
  if (checked.isErr()) throw new TypeError(checked.error.message);
  const settings = checked.value;
  const office = settings.office;
  const now = settings.now ?? (() => new Date());
  const signingKey = settings.signingKeyPem;
  const readOnly = settings.readOnly === true;

  let state: 'new' | 'open' | 'closed' = 'new';
  let opening: Outcome<StoreOpenReportV1> | undefined;
  let openReport: StoreOpenReportV1 | undefined;
  let pool: pg.Pool | undefined;
  let blobs: BlobStore | undefined;
  let leaves = new CaptureLeaves(office);
  /** Group commit per log, made on first append after each open. */
  let committers = new Map<RecordKind, LogCommitter>();

  async function doOpen(): Outcome<StoreOpenReportV1> {
    const own = settings.pool === undefined;
    const candidate = settings.pool ?? new pg.Pool({ connectionString: settings.url, max: settings.poolSize ?? 10 });
    // An idle connection the server drops must not crash the process.
    if (own) candidate.on('error', () => undefined);
    try {
      const mismatch = schemaMismatch(await schemaVersionOf(candidate));
      if (mismatch) {
        if (own) await candidate.end();
        return err(mismatch);
      }
      if (!readOnly) {
        await candidate.query('INSERT INTO offices (office_id) VALUES ($1) ON CONFLICT (office_id) DO NOTHING', [office]);
        if (signingKey) {
          const publicPem = publicKeyPemOf(signingKey);
          if (publicPem.isErr()) {
            if (own) await candidate.end();
            return err({ type: 'invalid_input', message: `signingKeyPem: ${publicPem.error.message}`, issues: [{ path: 'signingKeyPem', message: publicPem.error.message }] });
          }
          await candidate.query('INSERT INTO office_keys (office_id, key_id, public_pem) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [office, keyIdOf(publicPem.value), publicPem.value]);
        }
      }
    } catch (error) {
      if (own) await candidate.end().catch(() => undefined);
      return err(databaseError('open the store', error));
    }
    pool = candidate;
    blobs = settings.blobs === undefined || settings.blobs === 'postgres' ? createPostgresBlobStore(candidate) : settings.blobs;
    leaves = new CaptureLeaves(office);
    committers = new Map();
    state = 'open';
    openReport = { readOnly, recovered: [], damaged: [] };
    return ok(openReport);
  }

  function ensureOpen(): Outcome<StoreOpenReportV1> {
    if (state === 'open' && openReport) return Promise.resolve(ok(openReport));
    if (state === 'closed') return Promise.resolve(err({ type: 'closed', message: 'the store was closed; call open() again first' }));
    opening ??= doOpen().finally(() => {
      opening = undefined;
    });
    return opening;
  }

  async function ready(kind?: unknown): Outcome<pg.Pool> {
    const opened = await ensureOpen();
    if (opened.isErr()) return err(opened.error);
    if (kind !== undefined && !(RECORD_KINDS as readonly unknown[]).includes(kind)) return err(unknownKind(kind));
    return ok(pool!);
  }

  async function writable(): Outcome<pg.Pool> {
    const opened = await ready();
    if (opened.isErr()) return opened;
    if (readOnly) return err({ type: 'read_only', message: 'the store is read-only: it was opened with readOnly: true' });
    return opened;
  }

  // ---- records --------------------------------------------------------------------------

  async function append<K extends RecordKind>(kind: K, records: ReadonlyArray<unknown>): Outcome<Array<StoredRecordV1<RecordOf<K>>>> {
    const opened = await writable();
    if (opened.isErr()) return err(opened.error);
    if (!(RECORD_KINDS as readonly unknown[]).includes(kind)) return err(unknownKind(kind));
    const database = opened.value;
    // Evidence first: every blob a capture names must already be stored and checked.
    if (kind === 'capture' && Array.isArray(records)) {
      const hashes = new Set(records.flatMap((record) => citedBlobHashes(record)));
      for (const hash of hashes) {
        const present = await blobs!.has(office, hash);
        if (present.isErr()) return err(present.error);
        if (!present.value) return err({ type: 'invalid_input', message: `append(capture): blob ${hash} is cited but not in the store; putBlob it first`, issues: [{ path: 'rawBlobs', message: `blob ${hash} not stored` }] });
      }
    }
    let committer = committers.get(kind);
    if (!committer) {
      committer = new LogCommitter(office, kind, () => checkOut(database), now);
      committers.set(kind, committer);
    }
    return (await committer.submit(records)) as Result<Array<StoredRecordV1<RecordOf<K>>>, StoreErrorV1>;
  }

  function unknownKind(kind: unknown): StoreErrorV1 {
    return { type: 'invalid_input', message: `unknown record kind "${String(kind)}"; use one of ${RECORD_KINDS.join(', ')}`, issues: [{ path: 'kind', message: 'unknown record kind' }] };
  }

  function badHash(sha256: unknown): StoreErrorV1 | undefined {
    if (typeof sha256 === 'string' && SHA256_HEX_PATTERN.test(sha256)) return undefined;
    return { type: 'invalid_input', message: `"${String(sha256).slice(0, 80)}" is not a lowercase hex sha256`, issues: [{ path: 'sha256', message: 'expected 64 lowercase hex characters' }] };
  }

  async function read<T>(operation: string, run: (database: pg.Pool) => Promise<T>, kind?: unknown): Outcome<T> {
    const opened = await ready(kind);
    if (opened.isErr()) return err(opened.error);
    try {
      return ok(await run(opened.value));
    } catch (error) {
      return err(error instanceof CorruptRowError ? error.problem : databaseError(operation, error));
    }
  }

  // ---- checkpoints ----------------------------------------------------------------------

  async function createCheckpoint(): Outcome<SignedCheckpointV1> {
    const opened = await writable();
    if (opened.isErr()) return err(opened.error);
    if (!signingKey) return err({ type: 'unsupported', message: 'no signing key: pass signingKeyPem (the office key from "sipansos init", keys/office-ed25519.pem) to sign checkpoints' });
    const client = await checkOut(opened.value).catch((error: unknown) => error as Error);
    if (client instanceof Error) return err(databaseError('create a checkpoint', client));
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      // Checkpoints of one office are numbered one at a time; appends go on meanwhile.
      await lockLog(client, office, 'checkpoint');
      const heads = await readLogHeads(client, office);
      const treeSize = heads.capture.seq;
      const tree = await leaves.upTo(client, treeSize);
      const rootHash = Buffer.from(merkleRoot(tree, treeSize)).toString('hex');
      const signed = signCheckpoint({ treeSize, rootHash, at: now().toISOString(), logs: heads }, signingKey);
      if (signed.isErr()) {
        await client.query('ROLLBACK');
        return err({ type: 'invalid_input', message: `signingKeyPem: ${signed.error.message}`, issues: [{ path: 'signingKeyPem', message: signed.error.message }] });
      }
      const latest = await readLatestCheckpoint(client, office);
      await client.query('INSERT INTO evidence_checkpoint (office_id, n, key_id, line) VALUES ($1, $2, $3, $4)', [office, (latest?.n ?? 0) + 1, signed.value.keyId, checkpointLine(signed.value)]);
      await client.query('COMMIT');
      return ok(signed.value);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      broken = error as Error;
      return err(databaseError('create a checkpoint', error));
    } finally {
      client.release(broken);
    }
  }

  async function latestCheckpoint(database: pg.Pool): Promise<SignedCheckpointV1 | undefined> {
    const latest = await readLatestCheckpoint(database, office);
    if (!latest) return undefined;
    const checkpoint = parseCheckpointLine(latest.line);
    if (!checkpoint) throw new CorruptRowError({ type: 'corrupt', message: `checkpoint ${latest.n} of ${office} is not a signed checkpoint; run verify`, file: logName(office, 'checkpoint'), seq: latest.n });
    return checkpoint;
  }

  /** Whether the latest checkpoint signs exactly the current heads. */
  function covers(checkpoint: SignedCheckpointV1 | undefined, heads: CheckpointLogHeadsV1): boolean {
    if (!checkpoint?.logs) return Object.values(heads).every((head) => head.seq === 0);
    return RECORD_KINDS.every((kind) => checkpoint.logs![kind].seq === heads[kind].seq && checkpoint.logs![kind].entryHash === heads[kind].entryHash);
  }

  async function inclusionProof(captureId: string): Outcome<InclusionProofV1> {
    if (typeof captureId !== 'string' || captureId.length === 0) return err({ type: 'invalid_input', message: 'captureId must be a non-empty string', issues: [{ path: 'captureId', message: 'required' }] });
    return read('build an inclusion proof', async (database): Promise<Result<InclusionProofV1, StoreErrorV1>> => {
      const { rows } = await database.query<RecordRow>('SELECT seq, id, line FROM evidence_capture WHERE office_id = $1 AND id = $2', [office, captureId]);
      if (!rows[0]) return err({ type: 'not_found', what: 'capture', id: captureId, message: `no capture "${captureId}" in the store` });
      const entry = storedFromRow(office, 'capture', rows[0]);
      const checkpoint = await latestCheckpoint(database);
      const leafIndex = entry.seq - 1;
      if (!checkpoint || checkpoint.treeSize <= leafIndex) return err({ type: 'not_found', what: 'checkpoint', id: captureId, message: `capture "${captureId}" is not yet under a signed checkpoint; create one first (proofs.createCheckpoint)` });
      const tree = await leaves.upTo(database, checkpoint.treeSize);
      const path = merkleInclusionPath(tree, leafIndex, checkpoint.treeSize).map((node) => Buffer.from(node).toString('hex'));
      return ok({ captureId, leafIndex, leafHash: captureLeafHash(entry.entryHash), treeSize: checkpoint.treeSize, path, checkpoint });
    }).then((result) => result.andThen((inner) => inner));
  }

  async function publicKeyPem(): Outcome<string> {
    if (signingKey) {
      const pem = publicKeyPemOf(signingKey);
      return pem.isErr() ? err({ type: 'invalid_input', message: pem.error.message, issues: [{ path: 'signingKeyPem', message: pem.error.message }] }) : ok(pem.value);
    }
    return read('read the office key', async (database): Promise<Result<string, StoreErrorV1>> => {
      const latest = await latestCheckpoint(database);
      if (!latest) return err({ type: 'unsupported', message: 'no signing key was given and the store holds no checkpoint yet' });
      const { rows } = await database.query<{ public_pem: string }>('SELECT public_pem FROM office_keys WHERE office_id = $1 AND key_id = $2', [office, latest.keyId]);
      if (!rows[0] || keyIdOf(rows[0].public_pem) !== latest.keyId) return err({ type: 'corrupt', message: `the office key ${latest.keyId} of the latest checkpoint is missing or changed`, file: `office/${office}/keys/${latest.keyId}` });
      return ok(rows[0].public_pem);
    }).then((result) => result.andThen((inner) => inner));
  }

  // ---- the store ------------------------------------------------------------------------

  const wrap = <T>(promise: Outcome<T>): ResultAsync<T, StoreErrorV1> => new ResultAsync(promise.catch((error: unknown) => err<T, StoreErrorV1>(databaseError('store operation', error))));
  let checkpointChain: Promise<unknown> = Promise.resolve();

  const proofs: EvidenceProofsV1 = {
    createCheckpoint: () => wrap((checkpointChain = checkpointChain.then(createCheckpoint, createCheckpoint)) as Outcome<SignedCheckpointV1>),
    latestCheckpoint: () => wrap(read('read the latest checkpoint', latestCheckpoint)),
    inclusionProof: (captureId) => wrap(inclusionProof(captureId)),
    publicKeyPem: () => wrap(publicKeyPem()),
  };

  const store: PostgresEvidenceStore = {
    specificationVersion: 'v1',
    storeId: 'postgres',
    capabilities: { durable: true, merkleProofs: true, concurrentReaders: true },
    office,
    get blobStoreKind() {
      return settings.blobs === undefined || settings.blobs === 'postgres' ? 'postgres' : settings.blobs.kind;
    },
    proofs,

    open() {
      if (state === 'closed') {
        state = 'new';
        openReport = undefined;
      }
      return wrap(ensureOpen());
    },

    close() {
      return wrap(
        (async (): Outcome<void> => {
          if (opening) await opening;
          await Promise.all([...committers.values()].map((committer) => committer.idle()));
          await checkpointChain.catch(() => undefined);
          let signed: Result<unknown, StoreErrorV1> = ok(undefined);
          if (state === 'open' && pool) {
            if (settings.checkpointOnClose && signingKey && !readOnly) {
              try {
                if (!covers(await latestCheckpoint(pool), await readLogHeads(pool, office))) signed = await createCheckpoint();
              } catch (error) {
                signed = err(databaseError('sign a checkpoint on close', error));
              }
            }
            if (settings.blobs !== undefined && settings.blobs !== 'postgres') await settings.blobs.close();
            if (settings.pool === undefined) await pool.end().catch(() => undefined);
          }
          pool = undefined;
          state = 'closed';
          return signed.isErr() ? err(signed.error) : ok(undefined);
        })(),
      );
    },

    putBlob(bytes) {
      return wrap(
        (async (): Outcome<BlobRefV1> => {
          if (!(bytes instanceof Uint8Array)) return err({ type: 'invalid_input', message: 'putBlob expects a Uint8Array', issues: [{ path: '(root)', message: 'expected bytes' }] });
          const opened = await writable();
          if (opened.isErr()) return err(opened.error);
          const sha256 = sha256Hex(bytes);
          const stored = await blobs!.put(office, sha256, bytes);
          return stored.isErr() ? err(stored.error) : ok({ sha256, size: bytes.byteLength });
        })(),
      );
    },

    getBlob(sha256) {
      return wrap(
        (async (): Outcome<Uint8Array> => {
          const problem = badHash(sha256);
          if (problem) return err(problem);
          const opened = await ready();
          if (opened.isErr()) return err(opened.error);
          const bytes = await blobs!.get(office, sha256);
          if (bytes.isErr()) return err(bytes.error);
          if (!bytes.value) return err({ type: 'not_found', what: 'blob', id: sha256, message: `no blob ${sha256}` });
          const found = sha256Hex(bytes.value);
          if (found !== sha256) return err({ type: 'corrupt', message: `blob ${sha256} no longer matches its hash`, file: `${blobs!.kind}:${office}/${sha256}`, expected: sha256, found });
          return ok(bytes.value);
        })(),
      );
    },

    hasBlob(sha256) {
      return wrap(
        (async (): Outcome<boolean> => {
          const problem = badHash(sha256);
          if (problem) return err(problem);
          const opened = await ready();
          if (opened.isErr()) return err(opened.error);
          return blobs!.has(office, sha256);
        })(),
      );
    },

    append<K extends RecordKind>(kind: K, records: ReadonlyArray<RecordOf<K>>) {
      return wrap(append(kind, records));
    },

    get<K extends RecordKind>(kind: K, id: string) {
      return wrap(
        read(
          `read ${String(kind)} ${String(id)}`,
          async (database) => {
            const { rows } = await database.query<RecordRow>(`SELECT seq, id, line FROM ${recordTable(kind)} WHERE office_id = $1 AND id = $2 ORDER BY seq DESC LIMIT 1`, [office, String(id)]);
            return rows[0] ? storedFromRow<RecordOf<K>>(office, kind, rows[0]) : undefined;
          },
          kind,
        ),
      );
    },

    query<K extends RecordKind>(kind: K, query?: RecordQueryV1) {
      return wrap(
        (async (): Outcome<Array<StoredRecordV1<RecordOf<K>>>> => {
          const opened = await ready(kind);
          if (opened.isErr()) return err(opened.error);
          const parsed = parseRecordQuery(query);
          if (parsed.isErr()) return err({ type: 'invalid_input', message: parsed.error.message, issues: parsed.error.issues });
          const sql = querySql(office, kind, parsed.value);
          return read(`query ${kind}`, async (database) => (await database.query<RecordRow>(sql.text, sql.values)).rows.map((row) => storedFromRow<RecordOf<K>>(office, kind, row)));
        })(),
      );
    },

    verify() {
      return wrap(
        (async (): Outcome<VerifyReportV1> => {
          const opened = await ready();
          if (opened.isErr()) return err(opened.error);
          let client: pg.PoolClient;
          try {
            client = await checkOut(opened.value);
          } catch (error) {
            return err(databaseError('verify the store', error));
          }
          let rows: Awaited<ReturnType<typeof verifyOfficeRows>>;
          let broken: Error | undefined;
          try {
            // One snapshot: entries committed while verify reads are not mistaken for damage.
            await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
            rows = await verifyOfficeRows(client, office, signingKey);
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            broken = error as Error;
            return err(databaseError('verify the store', error));
          } finally {
            // Released before the blobs are checked: the blob store may need the same pool.
            client.release(broken);
          }
          const { cited, ...report } = rows;
          return ok(await verifyBlobs(report, office, blobs!, cited));
        })(),
      );
    },
  };
  return store;
}
