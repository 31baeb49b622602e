import { storeConformanceSuite } from '@sipansos/testkit';
import { afterAll, beforeAll, test } from 'vitest';
import { createPostgresStore, createS3BlobStore, type PostgresEvidenceStore } from '../src/index.js';
import { freshOffice, startTestDatabase, type TestDatabase } from './postgres-service.js';
import { startTestS3, type TestS3 } from './s3-service.js';
import { deleteLastRow, officeKeyPair, tamperRow } from './store-test-helpers.js';

let database: TestDatabase;
let s3: TestS3;
beforeAll(async () => {
  [database, s3] = await Promise.all([startTestDatabase(), startTestS3()]);
});
afterAll(async () => {
  await Promise.all([database?.stop(), s3?.stop()]);
});
const { privatePem } = officeKeyPair();

const backends = {
  postgres: () => 'postgres' as const,
  s3: () => createS3BlobStore({ endpoint: s3.endpoint, bucket: s3.bucket, credentials: s3.credentials }),
};

for (const [name, blobs] of Object.entries(backends)) {
  storeConformanceSuite({
    test: (title, fn) => test(`blobs in ${name}: ${title}`, fn),
    createStore: () => createPostgresStore({ url: database.url, office: freshOffice(), blobs: blobs(), signingKeyPem: privatePem }),
    reopen: async (store) => {
      await store.close();
      return createPostgresStore({ url: database.url, office: (store as PostgresEvidenceStore).office, blobs: blobs(), signingKeyPem: privatePem });
    },
    tamper: (store, { kind, seq }) => tamperRow(database.pool, store, kind, seq),
    removeLastEntry: (store, kind) => deleteLastRow(database.pool, store, kind),
  });
}
