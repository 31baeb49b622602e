import { generateKeyPairSync } from 'node:crypto';
import { createMemoryStore, type MemoryEvidenceStore } from '@sipansos/core';
import { test } from 'vitest';
import { storeConformanceSuite } from '../src/index.js';

// An invented office key, so the store has proofs and its checkpoints can be checked.
const signingKeyPem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

// The in-memory store keeps entries as their log lines, so a flipped byte is a real change.
storeConformanceSuite({
  test,
  createStore: () => createMemoryStore({ signingKeyPem }),
  tamper: (store, { kind, seq }) => (store as MemoryEvidenceStore).corruptEntryForTesting(kind, seq),
  removeLastEntry: (store, kind) => (store as MemoryEvidenceStore).removeLastEntryForTesting(kind),
});
