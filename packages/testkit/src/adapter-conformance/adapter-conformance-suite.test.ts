import { errAsync, okAsync } from 'neverthrow';
import type { Account } from '@sipansos/core';
import type { AdapterCaptureV1, PlatformAdapterV1 } from '@sipansos/core/spec';
import { describe, expect, it } from 'vitest';
import { adapterConformanceSuite, CONFORMANCE_SECRET } from './adapter-conformance-suite.js';
import { ADAPTER_SCENARIOS, type AdapterScenarioWires } from './adapter-scenarios.js';

const account: Account = { platform: 'toy', handle: 'akun_contoh', id: '42' };

// Inputs only: the adapters below answer without HTTP, so the wires carry no handlers.
const wires: AdapterScenarioWires = {
  'account-live': { input: { handle: 'akun_contoh' } },
  'account-private': { input: { handle: 'akun_privat' } },
  'account-suspended': { input: { handle: 'akun_diblokir' } },
  'account-deleted': { input: { handle: 'akun_hilang' } },
  'account-renamed': { input: { handle: 'nama_baru', previous: { platform: 'toy', handle: 'nama_lama', id: '42' } } },
  'post-live': { input: { id: '1' } },
  'post-gone': { input: { id: '2' } },
  'post-edited': { input: { id: '3' } },
  'repost-original-deleted': { input: { account, originalId: '9' } },
  'rate-limited-then-recovers': { input: { account } },
  'rate-limited': { input: { account } },
  'server-error': { input: { account } },
  'malformed-body': { input: { account } },
  'truncated-body': { input: { account } },
  'empty-page-with-posts': { input: { account } },
  'paging-beyond-window': { input: { account } },
  'stalled-body': { input: { account } },
};

const capabilities: PlatformAdapterV1['capabilities'] = {
  scopes: ['timeline'],
  lookup: true,
  distinguishesPrivateFromDeleted: true,
  exposesEdits: true,
  exposesLikes: false,
  exposesFollows: false,
  mediaDownload: false,
};

const emptyCapture = (): AdapterCaptureV1 => ({
  account,
  scope: 'timeline',
  status: 'ok',
  accountObservation: 'public',
  items: [],
  window: { complete: true, reachedEnd: true },
  raw: [{ bytes: new Uint8Array(), request: { method: 'GET', url: 'https://toy.example/timeline', at: '2026-01-01T00:00:00Z' } }],
  startedAt: '2026-01-01T00:00:00Z',
  capturedAt: '2026-01-01T00:00:00Z',
});

/** An adapter that gets the hard cases wrong: reads every failure as "nothing there". */
const careless: PlatformAdapterV1 = {
  specificationVersion: 'v1',
  platform: 'toy',
  adapterId: 'careless',
  adapterVersion: '0.0.0',
  capabilities,
  resolve: (handle) => okAsync({ account: { platform: 'toy', handle, id: '7' }, observation: 'public', raw: [{ bytes: new Uint8Array(), request: { method: 'GET', url: 'u', at: 'a' } }] }),
  capture: () => okAsync(emptyCapture()),
  lookup: (ids) => okAsync({ results: ids.map((id) => ({ id, status: 'gone' as const })), raw: [] }),
};

function collect(options: Partial<Parameters<typeof adapterConformanceSuite>[0]> & { createAdapter: () => PlatformAdapterV1 }) {
  const registered = new Map<string, () => Promise<void>>();
  adapterConformanceSuite({ test: (name, fn) => registered.set(name, fn), scenarios: wires, ...options });
  return registered;
}

async function outcomes(registered: Map<string, () => Promise<void>>): Promise<Record<string, 'pass' | 'fail'>> {
  const out: Record<string, 'pass' | 'fail'> = {};
  for (const [name, fn] of registered) {
    try {
      await fn();
      out[name] = 'pass';
    } catch {
      out[name] = 'fail';
    }
  }
  return out;
}

describe('adapterConformanceSuite', () => {
  it('registers one test per scenario', () => {
    expect([...collect({ createAdapter: () => careless }).keys()]).toEqual([...ADAPTER_SCENARIOS]);
  });

  it('fails an adapter that reads trouble as absence', async () => {
    const result = await outcomes(collect({ createAdapter: () => careless }));
    for (const scenario of [
      'account-private',
      'account-suspended',
      'account-deleted',
      'account-renamed',
      'post-live',
      'post-edited',
      'repost-original-deleted',
      'rate-limited-then-recovers',
      'rate-limited',
      'server-error',
      'malformed-body',
      'truncated-body',
      'empty-page-with-posts',
      'paging-beyond-window',
      'stalled-body',
    ]) {
      expect(result[scenario], scenario).toBe('fail');
    }
    // Only what this adapter happens to get right passes.
    expect(result['account-live']).toBe('pass');
    expect(result['post-gone']).toBe('pass');
  });

  it('fails an adapter whose errors carry the secret', async () => {
    const leaky: PlatformAdapterV1 = { ...careless, capture: () => errAsync({ type: 'http', status: 503, retryable: true, message: `upstream said Bearer ${CONFORMANCE_SECRET}` }) };
    const result = await outcomes(collect({ createAdapter: () => leaky }));
    expect(result['server-error']).toBe('fail');
    const honest: PlatformAdapterV1 = { ...careless, capture: () => errAsync({ type: 'http', status: 503, retryable: true, message: 'upstream said no' }) };
    expect((await outcomes(collect({ createAdapter: () => honest })))['server-error']).toBe('pass');
  });

  it('an unwired scenario fails; a disabled one needs a reason the capabilities agree with', async () => {
    const { 'stalled-body': _stalled, 'post-live': _live, ...rest } = wires;
    const registered = new Map<string, () => Promise<void>>();
    adapterConformanceSuite({
      test: (name, fn) => registered.set(name, fn),
      createAdapter: () => careless,
      scenarios: rest,
      disable: { 'post-live': 'this platform offers no lookup by id for posts' },
    });
    const result = await outcomes(registered);
    expect(result['stalled-body: must be wired or disabled']).toBe('fail');
    // careless declares lookup, so disabling post-live contradicts its capabilities.
    expect(result['post-live: disabled — this platform offers no lookup by id for posts']).toBe('fail');

    const withoutLookup: PlatformAdapterV1 = { ...careless, capabilities: { ...capabilities, lookup: false } };
    const second = new Map<string, () => Promise<void>>();
    adapterConformanceSuite({ test: (name, fn) => second.set(name, fn), createAdapter: () => withoutLookup, scenarios: rest, disable: { 'post-live': 'this platform offers no lookup by id for posts' } });
    expect((await outcomes(second))['post-live: disabled — this platform offers no lookup by id for posts']).toBe('pass');
  });
});
