/**
 * @sipansos/store-postgres — the SIPANSOS evidence store on PostgreSQL for offices that outgrow
 * one machine: per-office hash-chained logs that many writers append to at once, RFC 9162
 * Merkle checkpoints signed with the office key, versioned migrations, and blobs in the same
 * database or in S3-compatible object storage.
 *
 * @packageDocumentation
 */
export { createPostgresStore, type PostgresEvidenceStore } from './postgres-store.js';
export { OFFICE_ID_PATTERN, type PostgresStoreOptions } from './postgres-store-options.js';
export { migrateDatabase, type MigrationReport } from './migrate.js';
export { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations.js';
export type { BlobCheckReport, BlobStore } from './blob-store.js';
export { createPostgresBlobStore } from './postgres-blob-store.js';
export { createS3BlobStore, type S3BlobStoreOptions } from './s3-blob-store.js';
export { createCaptureQueue, jobIdOf, type CaptureQueue, type CaptureQueueError, type CaptureQueueOptions, type CaptureWorker, type CaptureWorkerEvent, type CycleJobsState } from './capture-queue.js';
export { createPostgresRateBudget, type PostgresRateBudget, type PostgresRateBudgetOptions } from './postgres-rate-budget.js';
