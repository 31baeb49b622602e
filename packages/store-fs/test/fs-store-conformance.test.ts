import { afterAll, test } from 'vitest';
import { createFsStore, type FsEvidenceStore } from '../src/index.js';
// store-fs has no dependency on @sipansos/testkit (dependencies are fixed for now), so the
// suite is imported from its source; it is the same suite third parties run.
import { storeConformanceSuite } from '@sipansos/testkit';
import { tamperLogEntry, temporaryDir } from './store-test-helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

storeConformanceSuite({
  test,
  createStore: () => {
    const { dir, cleanup } = temporaryDir();
    cleanups.push(cleanup);
    return createFsStore({ dir });
  },
  reopen: async (store) => {
    await store.close();
    return createFsStore({ dir: (store as FsEvidenceStore).dir });
  },
  tamper: (store, { kind, seq }) => tamperLogEntry((store as FsEvidenceStore).dir, kind, seq),
});
