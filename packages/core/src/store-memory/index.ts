export { createMemoryStore, type MemoryEvidenceStore, type MemoryStoreOptions } from './memory-store.js';
