import { truncateSync } from 'node:fs';
import path from 'node:path';
import { afterAll, test } from 'vitest';
import { createFsStore, type FsEvidenceStore } from '../src/index.js';
// store-fs has no dependency on @sipansos/testkit (dependencies are fixed for now), so the
// suite is imported from its source; it is the same suite third parties run.
import { storeConformanceSuite } from '@sipansos/testkit';
import { lineRanges, officeKeyPair, tamperLogEntry, temporaryDir } from './store-test-helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));
const { privatePem } = officeKeyPair();

storeConformanceSuite({
  test,
  createStore: () => {
    const { dir, cleanup } = temporaryDir();
    cleanups.push(cleanup);
    return createFsStore({ dir, signingKeyPem: privatePem });
  },
  reopen: async (store) => {
    await store.close();
    return createFsStore({ dir: (store as FsEvidenceStore).dir, signingKeyPem: privatePem });
  },
  tamper: (store, { kind, seq }) => tamperLogEntry((store as FsEvidenceStore).dir, kind, seq),
  removeLastEntry: (store, kind) => {
    const file = path.join((store as FsEvidenceStore).dir, 'logs', `${kind}.jsonl`);
    const ranges = lineRanges(file);
    truncateSync(file, ranges.at(-1)![0]);
  },
});
