import { createMemoryStore, type MemoryEvidenceStore } from '@sipansos/core';
import { test } from 'vitest';
import { storeConformanceSuite } from '../src/index.js';

// The in-memory store keeps entries as their log lines, so a flipped byte is a real change.
storeConformanceSuite({
  test,
  createStore: () => createMemoryStore(),
  tamper: (store, { kind, seq }) => (store as MemoryEvidenceStore).corruptEntryForTesting(kind, seq),
});
