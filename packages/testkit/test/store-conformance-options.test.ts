import { createMemoryStore } from '@sipansos/core';
import { describe, expect, it } from 'vitest';
import { STORE_CONFORMANCE_CASES, storeConformanceSuite } from '../src/index.js';

function collect(options: Omit<Parameters<typeof storeConformanceSuite>[0], 'test'>): Map<string, () => Promise<void>> {
  const tests = new Map<string, () => Promise<void>>();
  storeConformanceSuite({ ...options, test: (name, fn) => tests.set(name, fn) });
  return tests;
}

describe('storeConformanceSuite options', () => {
  it('registers one test per case, and a disabled case only checks its reason', async () => {
    const tests = collect({ createStore: () => createMemoryStore(), disable: { 'detects-changed-byte': 'this store keeps no stored form to change' } });
    expect(tests.size).toBe(STORE_CONFORMANCE_CASES.length);
    const disabled = tests.get('detects-changed-byte: disabled — this store keeps no stored form to change');
    expect(disabled).toBeDefined();
    await expect(disabled!()).resolves.toBeUndefined();
  });

  it('a disabled case with no real reason fails', async () => {
    const tests = collect({ createStore: () => createMemoryStore(), disable: { 'reopen-persistence': 'n/a' } });
    await expect(tests.get('reopen-persistence: disabled — n/a')!()).rejects.toThrow(/real reason/);
  });

  it('without a tamper hook the changed-byte case fails, saying what to supply', async () => {
    const tests = collect({ createStore: () => createMemoryStore() });
    await expect(tests.get('detects-changed-byte')!()).rejects.toThrow(/supply tamper/);
  });

  it('a store that ignores the chain rules fails the suite', async () => {
    const tests = collect({
      createStore: () => {
        const store = createMemoryStore();
        // A broken store: forgets that an id was already stored.
        return { ...store, append: (kind, records) => store.append(kind, records.map((record) => ({ ...record, id: `${(record as { id: string }).id}-${Math.random()}` })) as never) };
      },
    });
    await expect(tests.get('append-idempotent')!()).rejects.toThrow();
  });
});
