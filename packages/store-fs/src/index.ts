/**
 * @sipansos/store-fs — the embedded SIPANSOS evidence store on the local file system:
 * content-addressed blobs, append-only hash-chained logs with group commit, recovery on open,
 * an RFC 9162 Merkle log of captures with Ed25519-signed checkpoints, and `verify()`.
 *
 * @packageDocumentation
 */
export { createFsStore, type FsEvidenceStore } from './fs-store.js';
export type { FsStoreOptions } from './fs-store-options.js';
export { defaultFsync, type FsyncFunction } from './durable-io.js';
export { verifyFsStore, type VerifyFsStoreOptions } from './fs-verify.js';
export { storeLayout, STORE_MARKER_CONTENT, type StoreLayout } from './store-layout.js';
