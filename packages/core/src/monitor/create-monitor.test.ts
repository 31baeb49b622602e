import { errAsync, okAsync, ResultAsync } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import type { Account } from '../account/account-schema.js';
import type { CaptureScope } from '../capture/capture-schema.js';
import type { Item } from '../capture/item-schema.js';
import type { Change } from '../diff/change-schema.js';
import type { ElectionContext } from '../election/election-context-schema.js';
import type { CompiledRules } from '../rules/compile-rules.js';
import type { Finding } from '../findings/finding-schema.js';
import type { EvidenceStoreV1 } from '../spec/evidence-store/v1/evidence-store-v1.js';
import type { StoreErrorV1 } from '../spec/evidence-store/v1/store-error-v1.js';
import type { AdapterErrorV1 } from '../spec/platform-adapter/v1/adapter-error-v1.js';
import type { AdapterCaptureV1, LookupBatchV1, PlatformAdapterV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';
import { createMemoryStore } from '../store-memory/memory-store.js';
import type { Subject } from '../subject/subject-schema.js';
import { progressOf } from './account-pipeline.js';
import { createMonitor } from './create-monitor.js';
import type { MonitorAccountState, MonitorEngine } from './monitor-engine.js';
import type { MonitorProgressEvent } from './monitor-events.js';
import type { MonitorOptions } from './monitor-settings.js';

// A small platform of invented accounts: posts can be added and deleted between cycles, and
// each call can be made to fail. Times come from a counter, so two runs see the same world.
interface FakePlatform {
  platform: string;
  posts: Map<string, Item[]>;
  calls: string[];
  failNext: Map<string, AdapterErrorV1>;
  beforeCapture?: (handle: string, scope: CaptureScope) => Promise<void>;
}

const T0 = Date.parse('2024-10-01T00:00:00Z');

function post(platform: string, author: string, id: string, text: string): Item {
  return { platform, id, kind: 'post', author: { id: `id-${author}`, handle: author }, createdAt: new Date(T0 + Number(id.replace(/\D/g, '') || 0) * 60_000).toISOString(), text, media: [], links: [], hashtags: [], mentions: [] };
}

function raw(text: string) {
  return { bytes: new TextEncoder().encode(text), mediaType: 'application/json', request: { method: 'GET', url: `https://api.example.test/${encodeURIComponent(text.slice(0, 40))}`, status: 200, at: new Date(T0).toISOString() } };
}

function fakeAdapter(world: FakePlatform): PlatformAdapterV1 {
  const failure = (key: string): AdapterErrorV1 | undefined => {
    const error = world.failNext.get(key);
    if (error) world.failNext.delete(key);
    return error;
  };
  return {
    specificationVersion: 'v1',
    platform: world.platform,
    adapterId: `fake-${world.platform}`,
    adapterVersion: '1.0.0',
    capabilities: { scopes: ['profile', 'timeline'], lookup: true, distinguishesPrivateFromDeleted: true, exposesEdits: false, exposesLikes: false, exposesFollows: false, mediaDownload: false, maxLookupBatch: 2 },
    resolve(handle: string) {
      world.calls.push(`resolve:${handle}`);
      const error = failure(`resolve:${handle}`);
      if (error) return errAsync(error);
      return okAsync({ account: { platform: world.platform, handle, id: `id-${handle.replace(/\./g, '_')}` }, observation: 'public' as const, raw: [raw(`user ${handle}`)] });
    },
    capture(account: Account, scope: CaptureScope): ResultAsync<AdapterCaptureV1, AdapterErrorV1> {
      world.calls.push(`capture:${account.handle}:${scope}`);
      const run = async (): Promise<AdapterCaptureV1> => {
        await world.beforeCapture?.(account.handle, scope);
        const items = scope === 'timeline' ? [...(world.posts.get(account.handle) ?? [])] : [];
        const at = new Date(T0 + 86_400_000).toISOString();
        return {
          account,
          scope,
          status: 'ok',
          accountObservation: 'public',
          items,
          window: { complete: true, reachedEnd: true, ...(items[0] ? { newest: { id: items[0].id }, oldest: { id: items.at(-1)!.id } } : {}) },
          raw: [raw(`${scope} ${account.handle} ${items.map((item) => item.id).join(',')}`)],
          startedAt: at,
          capturedAt: at,
          requests: { [`capture:${scope}`]: 1 },
        };
      };
      const error = failure(`capture:${account.handle}:${scope}`);
      if (error) return errAsync(error);
      return ResultAsync.fromSafePromise(run());
    },
    lookup(ids: readonly string[]): ResultAsync<LookupBatchV1, AdapterErrorV1> {
      world.calls.push(`lookup:${ids.join(',')}`);
      const error = failure('lookup');
      if (error) return errAsync(error);
      const live = new Set([...world.posts.values()].flat().map((item) => item.id));
      return okAsync({ results: ids.map((id) => ({ id, status: live.has(id) ? ('live' as const) : ('gone' as const) })), raw: [raw(`lookup ${ids.join(',')}`)] });
    },
  };
}

// A readable stand-in for core's deletion state machine and rules: items are added, go missing
// when a complete timeline lacks them, and are deleted only when a lookup says gone. Posts that
// say "coblos" raise a neutrality finding.
type FakeState = Omit<MonitorAccountState, 'items'> & {
  items: Record<string, { status: string; item: Item }>;
  failures: string[];
};

const fakeEngine: MonitorEngine = {
  createAccountState: ({ accountKey, at }) => ({ accountKey, updatedAt: at, items: {}, failures: [] }) as unknown as MonitorAccountState,
  observeCapture(state, capture) {
    const current = structuredClone(state) as unknown as FakeState;
    const changes: Change[] = [];
    const lookupNeeded: string[] = [];
    const seen = new Set(capture.items.map((item) => item.id));
    for (const item of capture.items) {
      if (!current.items[item.id]) {
        current.items[item.id] = { status: 'live', item };
        changes.push({ id: `${capture.id}:added:${item.id}`, type: 'added', accountKey: capture.accountKey, itemKey: `${item.platform}:${item.id}`, captureId: capture.id, detectedAt: capture.capturedAt, after: item });
      }
    }
    if (capture.scope === 'timeline' && capture.window.complete) {
      for (const [id, entry] of Object.entries(current.items)) {
        if (entry.status === 'live' && !seen.has(id)) {
          entry.status = 'missing';
          lookupNeeded.push(id);
          changes.push({ id: `${capture.id}:missing:${id}`, type: 'missing', accountKey: capture.accountKey, itemKey: `${capture.platform}:${id}`, captureId: capture.id, detectedAt: capture.capturedAt, before: entry.item });
        }
      }
    }
    return { state: current as unknown as MonitorAccountState, changes, lookupNeeded };
  },
  observeLookups(state, { results }) {
    const current = structuredClone(state) as unknown as FakeState;
    for (const result of results) {
      const entry = current.items[result.id];
      if (entry && result.status === 'gone') entry.status = 'deleted';
      if (entry && result.status === 'live') entry.status = 'live';
    }
    return { state: current as unknown as MonitorAccountState, changes: [] };
  },
  observeCaptureFailure(state, { scope, errorType }) {
    const current = structuredClone(state) as unknown as FakeState;
    current.failures.push(`${scope}:${errorType}`);
    return { state: current as unknown as MonitorAccountState };
  },
  deletionVerdicts: (state) =>
    Object.entries((state as unknown as FakeState).items)
      .filter(([, entry]) => entry.status === 'deleted')
      .map(([id, entry]) => ({ itemKey: `${entry.item.platform}:${id}`, verdict: 'deleted' as const })),
  evaluateItem({ item, subject, evidence, now }): Finding[] {
    if (!item.text?.includes('coblos')) return [];
    return [
      {
        id: `finding:${item.platform}:${item.id}`,
        ruleId: 'fake.coblos',
        ruleSetId: 'fake',
        ruleSetVersion: '1',
        title: { id: 'ajakan mencoblos', en: 'call to vote' },
        category: 'neutrality',
        sanctions: ['moral'],
        severity: 'medium',
        routes: [],
        legalBasis: [{ instrument: 'SKB 2/2022', article: 'contoh', verified: true }],
        subjectId: subject.id,
        subjectCategory: subject.category,
        accountKey: `${item.platform}:${item.author.id}`,
        itemKey: `${item.platform}:${item.id}`,
        itemKind: item.kind,
        actAt: item.createdAt ?? now,
        spans: [],
        evidence: { ...evidence, itemHash: 'a'.repeat(64) },
        createdAt: now,
        notes: [],
      },
    ];
  },
};

const context = { id: 'pilkada-contoh' } as unknown as ElectionContext;
// The fake engine carries its own rule; the compiled rules are not read.
const noRules = {} as CompiledRules;

function subjects(): Subject[] {
  return [
    { id: 'asn-1', name: 'Dewi Lestari Contoh', category: 'asn', accounts: [{ platform: 'x', handle: 'dewi_contoh' }, { platform: 'facebook', handle: 'dewi.contoh' }] },
    { id: 'asn-2', name: 'Rahmat Hidayat Contoh', category: 'asn', accounts: [{ platform: 'x', handle: 'rahmat_contoh' }] },
  ];
}

function worlds(): { x: FakePlatform; facebook: FakePlatform } {
  const x: FakePlatform = { platform: 'x', posts: new Map(), calls: [], failNext: new Map() };
  const facebook: FakePlatform = { platform: 'facebook', posts: new Map(), calls: [], failNext: new Map() };
  x.posts.set('dewi_contoh', [post('x', 'dewi_contoh', 'p3', 'ayo coblos nomor 2'), post('x', 'dewi_contoh', 'p2', 'rapat dinas'), post('x', 'dewi_contoh', 'p1', 'selamat pagi')]);
  x.posts.set('rahmat_contoh', [post('x', 'rahmat_contoh', 'p11', 'olahraga pagi')]);
  facebook.posts.set('dewi.contoh', [post('facebook', 'dewi.contoh', 'f1', 'kegiatan sekolah')]);
  return { x, facebook };
}

function monitorFor(store: EvidenceStoreV1, platforms: { x: FakePlatform; facebook: FakePlatform }, options: MonitorOptions = {}) {
  const result = createMonitor({ store, adapters: [fakeAdapter(platforms.x), fakeAdapter(platforms.facebook)], rules: noRules, context, subjects: subjects(), engine: fakeEngine, options: { deadlineMs: 60_000, ...options } });
  if (result.isErr()) throw new Error(result.error.message);
  return result.value;
}

/** The fake adapter with X's shared requests: 2 handles per resolve, 3 profiles per read. */
function batchedAdapter(world: FakePlatform): PlatformAdapterV1 {
  const base = fakeAdapter(world);
  return {
    ...base,
    capabilities: { ...base.capabilities, maxResolveBatch: 2, maxProfileBatch: 3 },
    resolveMany(handles) {
      world.calls.push(`resolveMany:${handles.join(',')}`);
      return okAsync({
        results: handles.map((handle) =>
          handle === 'pegawai_4'
            ? { handle, status: 'error' as const, error: { type: 'not_found' as const, message: `@${handle}: Not Found Error` } }
            : { handle, status: 'resolved' as const, account: { platform: 'x', handle, id: `id-${handle}` }, observation: 'public' as const },
        ),
        raw: [raw(`users ${handles.join(',')}`)],
        requests: { 'GET /2/users/by': 1 },
      });
    },
    captureProfiles(accounts) {
      world.calls.push(`captureProfiles:${accounts.map((account) => account.handle).join(',')}`);
      const at = new Date(T0 + 86_400_000).toISOString();
      const body = raw(`profiles ${accounts.map((account) => account.id).join(',')}`);
      return okAsync({
        results: accounts.map((account) => ({
          accountId: account.id!,
          capture: { account, scope: 'profile' as const, status: 'ok' as const, accountObservation: 'public' as const, items: [], window: { complete: true, reachedEnd: true }, raw: [body], startedAt: at, capturedAt: at, requests: {} },
        })),
        requests: { 'GET /2/users': 1 },
      });
    },
  };
}

async function evidenceOf(store: EvidenceStoreV1) {
  const ids = async (kind: 'capture' | 'change' | 'finding') => (await store.query(kind))._unsafeUnwrap().map((entry) => `${entry.id}#${entry.recordHash}`).sort();
  const states = (await store.query('account_state'))._unsafeUnwrap().map((entry) => {
    const { updatedAt: _updatedAt, ...rest } = entry.record;
    return JSON.stringify(rest);
  });
  return { captures: await ids('capture'), changes: await ids('change'), findings: await ids('finding'), states: states.sort() };
}

describe('createMonitor', () => {
  it('refuses settings without adapters, naming the field', () => {
    const result = createMonitor({ store: createMemoryStore(), adapters: undefined as unknown as PlatformAdapterV1[], rules: noRules, context, subjects: [], engine: fakeEngine });
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'invalid_settings', issues: [expect.objectContaining({ path: 'adapters' })] });
  });

  it('refuses an adapter built for another contract version', () => {
    const adapter = { ...fakeAdapter(worlds().x), specificationVersion: 'v2' } as unknown as PlatformAdapterV1;
    const result = createMonitor({ store: createMemoryStore(), adapters: [adapter], rules: noRules, context, subjects: [], engine: fakeEngine });
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'unsupported_specification', contract: 'PlatformAdapter', found: 'v2' });
  });

  it('refuses a second adapter for the same platform', () => {
    const platforms = worlds();
    const result = createMonitor({ store: createMemoryStore(), adapters: [fakeAdapter(platforms.x), fakeAdapter(platforms.x)], rules: noRules, context, subjects: [], engine: fakeEngine });
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'invalid_settings', issues: [expect.objectContaining({ path: 'adapters.1' })] });
  });
});

describe('runCycle', () => {
  it('captures every account and scope, stores raw bodies, changes and findings, and reports them', async () => {
    const store = createMemoryStore();
    const platforms = worlds();
    const events: MonitorProgressEvent[] = [];
    const report = (await monitorFor(store, platforms).runCycle({ onProgress: (event) => events.push(event) }))._unsafeUnwrap();
    expect(report).toMatchObject({ cycleId: 'cycle-000001', status: 'complete', resumed: false, accounts: { total: 3, captured: 3, failed: 0, deferred: 0 } });
    expect(report.captures.stored).toBe(6);
    expect(report.changes).toEqual({ added: 5 });
    expect(report.findings).toEqual({ total: 1, byCategory: { neutrality: 1 } });
    expect(report.requests.x).toEqual({ resolve: 2, 'capture:profile': 2, 'capture:timeline': 2 });
    expect(report.requestsTotal).toBe(9);
    const captures = (await store.query('capture'))._unsafeUnwrap();
    expect(captures.map((entry) => entry.id)).toContain('cycle-000001:x:id-dewi_contoh:timeline');
    for (const { record } of captures) {
      for (const hash of record.rawBlobs) expect((await store.hasBlob(hash))._unsafeUnwrap()).toBe(true);
    }
    const finding = (await store.query('finding'))._unsafeUnwrap()[0]!.record;
    expect(finding.evidence.captureId).toBe('cycle-000001:x:id-dewi_contoh:timeline');
    expect(events[0]).toMatchObject({ type: 'cycle_started', accounts: 3, tasks: 6 });
    expect(events.filter((event) => event.type === 'account_finished').map((event) => event.type === 'account_finished' && event.done).sort()).toEqual([1, 2, 3]);
    expect(events.at(-1)).toMatchObject({ type: 'cycle_finished', cycleId: 'cycle-000001' });
  });

  it('keeps in the stored capture what an HTML adapter says it left out of a page', async () => {
    const store = createMemoryStore();
    const platforms = worlds();
    const skippedHtml = { maxDepth: 256, deepElements: 49_746, deepChars: 550_000, maxChars: 20_000_000, truncatedChars: 0 };
    const base = fakeAdapter(platforms.facebook);
    const pages: PlatformAdapterV1 = { ...base, capture: (account, scope, options) => base.capture(account, scope, options).map((capture) => ({ ...capture, skippedHtml })) };
    const monitor = createMonitor({ store, adapters: [fakeAdapter(platforms.x), pages], rules: noRules, context, subjects: subjects(), engine: fakeEngine, options: { deadlineMs: 60_000 } })._unsafeUnwrap();
    (await monitor.runCycle())._unsafeUnwrap();
    const captures = (await store.query('capture'))._unsafeUnwrap().map((entry) => entry.record);
    expect(captures.filter((capture) => capture.platform === 'facebook').map((capture) => capture.skippedHtml)).toEqual([skippedHtml, skippedHtml]);
    expect(captures.filter((capture) => capture.platform === 'x').every((capture) => capture.skippedHtml === undefined)).toBe(true);
  });

  it('resolves a handle once and keys its evidence on the platform id in later cycles', async () => {
    const store = createMemoryStore();
    const platforms = worlds();
    const monitor = monitorFor(store, platforms);
    await monitor.runCycle();
    platforms.x.calls.length = 0;
    const second = (await monitor.runCycle())._unsafeUnwrap();
    expect(second.cycleId).toBe('cycle-000002');
    expect(platforms.x.calls.filter((call) => call.startsWith('resolve'))).toEqual([]);
    expect((await store.get('account_state', 'x:id-dewi_contoh'))._unsafeUnwrap()).toBeDefined();
  });

  it('looks up a post missing from a complete capture and reports the confirmed deletion', async () => {
    const store = createMemoryStore();
    const platforms = worlds();
    const monitor = monitorFor(store, platforms);
    await monitor.runCycle();
    platforms.x.posts.set('dewi_contoh', platforms.x.posts.get('dewi_contoh')!.filter((item) => item.id !== 'p2'));
    const report = (await monitor.runCycle())._unsafeUnwrap();
    expect(platforms.x.calls).toContain('lookup:p2');
    expect(report.changes).toEqual({ missing: 1 });
    expect(report.lookups).toMatchObject({ asked: 1, statuses: { gone: 1 }, requests: 1, idsPerRequest: 1 });
    expect(report.deletionsConfirmed).toEqual([{ accountKey: 'x:id-dewi_contoh', subjectId: 'asn-1', itemKey: 'x:p2', verdict: 'deleted' }]);
  });

  it('pools the lookups of many accounts into full batches and gives each account only its own answers', async () => {
    const store = createMemoryStore();
    const platforms = worlds();
    const many: Subject[] = Array.from({ length: 7 }, (_, index) => ({ id: `asn-${index}`, name: `Pegawai Contoh ${index}`, category: 'asn' as const, accounts: [{ platform: 'x', handle: `pegawai_${index}` }] }));
    for (let index = 0; index < 7; index++) platforms.x.posts.set(`pegawai_${index}`, [post('x', `pegawai_${index}`, `q${index}2`, 'rapat'), post('x', `pegawai_${index}`, `q${index}1`, 'apel pagi')]);
    const answered: string[] = [];
    const engine: MonitorEngine = {
      ...fakeEngine,
      observeLookups: (state, input, options) => {
        answered.push(...input.results.map((result) => `${state.accountKey}>${result.id}`));
        return fakeEngine.observeLookups(state, input, options);
      },
    };
    const monitor = createMonitor({ store, adapters: [fakeAdapter(platforms.x)], rules: noRules, context, subjects: many, engine, options: { deadlineMs: 60_000, concurrencyPerPlatform: 2 } })._unsafeUnwrap();
    await monitor.runCycle();
    // Every account loses its newer post; one of them (pegawai_3) only seems to: its lookup says live.
    for (let index = 0; index < 7; index++) platforms.x.posts.set(`pegawai_${index}`, platforms.x.posts.get(`pegawai_${index}`)!.filter((item) => item.id !== `q${index}2`));
    const hidden = post('x', 'pegawai_3', 'q32', 'rapat');
    platforms.x.posts.set('elsewhere', [hidden]);
    platforms.x.calls.length = 0;
    const report = (await monitor.runCycle())._unsafeUnwrap();
    const lookups = platforms.x.calls.filter((call) => call.startsWith('lookup:'));
    // 7 ids at 2 per call: 3 full calls and the last id alone, never one call per account.
    expect(lookups).toHaveLength(4);
    expect(lookups.filter((call) => call.split(',').length === 2)).toHaveLength(3);
    expect(report.lookups).toMatchObject({ asked: 7, requests: 4, idsPerRequest: 1.8, statuses: { gone: 6, live: 1 } });
    expect(report.lookups.calls.filter((call) => call.accounts === 2)).toHaveLength(3);
    expect(report.deletionsConfirmed.map((deletion) => deletion.itemKey).sort()).toEqual(['x:q02', 'x:q12', 'x:q22', 'x:q42', 'x:q52', 'x:q62']);
    for (const deletion of report.deletionsConfirmed) expect(deletion.accountKey).toBe(`x:id-pegawai_${deletion.itemKey.slice(3, 4)}`);
    expect(answered.sort()).toEqual(Array.from({ length: 7 }, (_, index) => `x:id-pegawai_${index}>q${index}2`));
    const third = (await store.get('account_state', 'x:id-pegawai_3'))._unsafeUnwrap()!.record as unknown as FakeState;
    expect(third.items.q32!.status).toBe('live');
  });

  it('resolves new handles and reads profiles of many accounts in shared requests, and an account whose handle is gone fails without asking again', async () => {
    const store = createMemoryStore();
    const platforms = worlds();
    const many: Subject[] = Array.from({ length: 5 }, (_, index) => ({ id: `asn-${index}`, name: `Pegawai Contoh ${index}`, category: 'asn' as const, accounts: [{ platform: 'x', handle: `pegawai_${index}` }] }));
    const batched = batchedAdapter(platforms.x);
    const monitor = createMonitor({ store, adapters: [batched], rules: noRules, context, subjects: many, engine: fakeEngine, options: { deadlineMs: 60_000 } })._unsafeUnwrap();
    const report = (await monitor.runCycle())._unsafeUnwrap();
    const calls = platforms.x.calls;
    expect(calls.filter((call) => call.startsWith('resolve'))).toEqual(['resolveMany:pegawai_0,pegawai_1', 'resolveMany:pegawai_2,pegawai_3', 'resolveMany:pegawai_4']);
    expect(calls.filter((call) => call.startsWith('captureProfiles'))).toEqual(['captureProfiles:pegawai_0,pegawai_1,pegawai_2', 'captureProfiles:pegawai_3']);
    expect(calls.filter((call) => call.startsWith('capture:'))).toEqual(expect.not.arrayContaining([expect.stringMatching(/:profile$/)]));
    expect(calls.filter((call) => call.endsWith(':timeline'))).toHaveLength(4);
    expect(report.accountBatches).toEqual([
      { platform: 'x', kind: 'resolve', size: 2, requests: 1 },
      { platform: 'x', kind: 'resolve', size: 2, requests: 1 },
      { platform: 'x', kind: 'resolve', size: 1, requests: 1 },
      { platform: 'x', kind: 'profile', size: 3, requests: 1 },
      { platform: 'x', kind: 'profile', size: 1, requests: 1 },
    ]);
    expect(report.requests.x).toMatchObject({ 'GET /2/users/by': 3, 'GET /2/users': 2 });
    expect(report.failures).toEqual([expect.objectContaining({ accountKey: 'x:@pegawai_4', scope: 'resolve', errorType: 'not_found' })]);
    expect(report.captures.stored).toBe(8);
    // The profile capture cites the shared body: one blob for three accounts.
    const profile = (await store.get('capture', (await store.query('capture'))._unsafeUnwrap().find((entry) => entry.record.scope === 'profile')!.id))._unsafeUnwrap()!.record;
    expect(profile.rawBlobs).toHaveLength(1);
    platforms.x.calls.length = 0;
    await monitor.runCycle();
    // Known ids are not resolved again; only the gone handle is asked about again next cycle.
    expect(platforms.x.calls.filter((call) => call.startsWith('resolve'))).toEqual(['resolveMany:pegawai_4']);
  });

  it('a resumed cycle reads profiles in the same shared requests as an uninterrupted one, so each capture cites the same body', async () => {
    const many: Subject[] = Array.from({ length: 5 }, (_, index) => ({ id: `asn-${index}`, name: `Pegawai Contoh ${index}`, category: 'asn' as const, accounts: [{ platform: 'x', handle: `pegawai_${index}`, id: `id-pegawai_${index}` }] }));
    const monitorOf = (store: EvidenceStoreV1, world: FakePlatform) =>
      createMonitor({ store, adapters: [batchedAdapter(world)], rules: noRules, context, subjects: many, engine: fakeEngine, options: { deadlineMs: 60_000, concurrencyPerPlatform: 1 } })._unsafeUnwrap();
    const store = createMemoryStore();
    const world = worlds().x;
    const controller = new AbortController();
    // Killed after the first account stored its profile: that profile's batch is half done.
    world.beforeCapture = async (handle, scope) => {
      if (handle === 'pegawai_1' && scope === 'timeline') controller.abort();
    };
    expect((await monitorOf(store, world).runCycle({ signal: controller.signal }))._unsafeUnwrap().status).toBe('interrupted');
    world.beforeCapture = undefined;
    world.calls.length = 0;
    expect((await monitorOf(store, world).runCycle())._unsafeUnwrap()).toMatchObject({ resumed: true, status: 'complete' });
    expect(world.calls.filter((call) => call.startsWith('captureProfiles'))).toEqual(['captureProfiles:pegawai_0,pegawai_1,pegawai_2', 'captureProfiles:pegawai_3,pegawai_4']);
    const uninterrupted = createMemoryStore();
    await monitorOf(uninterrupted, worlds().x).runCycle();
    expect(await evidenceOf(store)).toEqual(await evidenceOf(uninterrupted));
  });

  it('reads each scope on its own cadence and within its budget, and the report shows the plan', async () => {
    const store = createMemoryStore();
    const platforms = worlds();
    const many: Subject[] = Array.from({ length: 4 }, (_, index) => ({ id: `asn-${index}`, name: `Pegawai Contoh ${index}`, category: 'asn' as const, accounts: [{ platform: 'x', handle: `pegawai_${index}` }] }));
    let now = T0 + 2 * 86_400_000;
    // The fake engine keeps no coverage: record each scope's last success the way core's state does.
    const engine: MonitorEngine = {
      ...fakeEngine,
      observeCapture: (state, capture, options, capabilities) => {
        const result = fakeEngine.observeCapture(state, capture, options, capabilities);
        const coverage = { ...((state as { coverage?: Record<string, unknown> }).coverage ?? {}), [capture.scope]: { lastSuccess: { at: new Date(now).toISOString() } } };
        return { ...result, state: { ...result.state, coverage } as MonitorAccountState };
      },
    };
    const monitor = createMonitor({
      store,
      adapters: [fakeAdapter(platforms.x)],
      rules: noRules,
      context,
      subjects: many,
      engine,
      options: { deadlineMs: 60_000, clock: () => new Date(now), scopeIntervalsMs: { profile: 3_600_000 }, scopeBudgets: { x: { timeline: 3 } } },
    })._unsafeUnwrap();
    const first = (await monitor.runCycle())._unsafeUnwrap();
    expect(first.plan.lines).toEqual(
      expect.arrayContaining([
        { platform: 'x', scope: 'profile', accounts: 4, notDue: 0, planned: 4, deferred: 0, intervalMs: 3_600_000 },
        { platform: 'x', scope: 'timeline', accounts: 4, notDue: 0, planned: 3, deferred: 1, budget: 3 },
      ]),
    );
    // Handles not resolved yet are planned under their handle key.
    expect(first.plan.deferredAccounts).toEqual([{ key: 'x:@pegawai_3', platform: 'x', scope: 'timeline' }]);
    expect(first.failures).toEqual([]);
    expect(first.deferred).toEqual([]);
    platforms.x.calls.length = 0;
    now += 900_000;
    const second = (await monitor.runCycle())._unsafeUnwrap();
    // Profiles read 15 minutes ago are not due; the account left out last time goes first.
    expect(platforms.x.calls.filter((call) => call.endsWith(':profile'))).toEqual([]);
    expect(platforms.x.calls.filter((call) => call.endsWith(':timeline'))).toContain('capture:pegawai_3:timeline');
    expect(second.plan.lines.find((line) => line.scope === 'profile')).toMatchObject({ notDue: 4, planned: 0 });
  });

  it('records a failed capture as a gap with its reason, not as an absence', async () => {
    const store = createMemoryStore();
    const platforms = worlds();
    const monitor = monitorFor(store, platforms);
    await monitor.runCycle();
    platforms.x.failNext.set('capture:dewi_contoh:timeline', { type: 'http', status: 503, retryable: true, message: 'Service Unavailable' });
    const report = (await monitor.runCycle())._unsafeUnwrap();
    expect(report.failures).toEqual([{ accountKey: 'x:id-dewi_contoh', subjectId: 'asn-1', platform: 'x', scope: 'timeline', errorType: 'http', message: 'Service Unavailable' }]);
    expect(report.accounts).toMatchObject({ captured: 2, failed: 1 });
    expect(report.changes).toEqual({});
    const state = (await store.get('account_state', 'x:id-dewi_contoh'))._unsafeUnwrap()!.record as unknown as FakeState;
    expect(state.failures).toEqual(['timeline:http']);
    expect(Object.values(state.items).every((entry) => entry.status === 'live')).toBe(true);
  });

  it('defers work a rate limit pushes past the deadline, reports it as deferred, and takes it first next cycle', async () => {
    const store = createMemoryStore();
    const platforms = worlds();
    const monitor = monitorFor(store, platforms);
    await monitor.runCycle();
    platforms.x.failNext.set('capture:rahmat_contoh:profile', { type: 'rate_limited', retryAfterMs: 15 * 60_000, message: 'Too Many Requests' });
    platforms.x.calls.length = 0;
    const report = (await monitor.runCycle())._unsafeUnwrap();
    expect(report.status).toBe('complete');
    expect(report.accounts.deferred).toBeGreaterThanOrEqual(1);
    expect(report.deferred).toContainEqual({ accountKey: 'x:id-rahmat_contoh', subjectId: 'asn-2', platform: 'x', scope: 'profile', reason: 'rate_limited', retryAfterMs: 900_000 });
    expect(report.failures).toEqual([]);
    // The limit is known for the rest of the cycle: no further request hits that endpoint.
    expect(platforms.x.calls.filter((call) => call.endsWith(':profile'))).toHaveLength(2);
    expect(report.changes.missing ?? 0).toBe(0);
    platforms.x.calls.length = 0;
    await monitor.runCycle();
    expect(platforms.x.calls[0]).toBe('capture:rahmat_contoh:profile');
  });

  it('waits out a rate limit that ends before the deadline and retries', async () => {
    const store = createMemoryStore();
    const platforms = worlds();
    platforms.x.failNext.set('capture:rahmat_contoh:timeline', { type: 'rate_limited', retryAfterMs: 5, message: 'Too Many Requests' });
    const report = (await monitorFor(store, platforms).runCycle())._unsafeUnwrap();
    expect(report.deferred).toEqual([]);
    expect(platforms.x.calls.filter((call) => call === 'capture:rahmat_contoh:timeline')).toHaveLength(2);
    expect(report.accounts.captured).toBe(3);
  });

  it('a throttle on one account pauses that account only: the other accounts of the platform are captured', async () => {
    const store = createMemoryStore();
    const platforms = worlds();
    platforms.x.failNext.set('capture:dewi_contoh:profile', { type: 'rate_limited', retryAfterMs: 15 * 60_000, pauses: 'account', message: 'Page request limit reached' });
    const report = (await monitorFor(store, platforms, { concurrencyPerPlatform: 1 }).runCycle())._unsafeUnwrap();
    expect(report.deferred.map((entry) => `${entry.accountKey}:${entry.scope}`)).toEqual(['x:id-dewi_contoh:profile', 'x:id-dewi_contoh:timeline']);
    // The paused account is asked nothing more; the next account's same endpoint is.
    expect(platforms.x.calls).not.toContain('capture:dewi_contoh:timeline');
    expect(platforms.x.calls).toEqual(expect.arrayContaining(['capture:rahmat_contoh:profile', 'capture:rahmat_contoh:timeline']));
    expect(report.accounts.captured).toBe(2);
  });

  it('an app-wide throttle pauses every account of that platform, and no other platform', async () => {
    const store = createMemoryStore();
    const platforms = worlds();
    platforms.x.failNext.set('capture:dewi_contoh:profile', { type: 'rate_limited', retryAfterMs: 15 * 60_000, pauses: 'platform', message: 'Application request limit reached' });
    const report = (await monitorFor(store, platforms, { concurrencyPerPlatform: 1 }).runCycle())._unsafeUnwrap();
    expect(platforms.x.calls).toEqual(['resolve:dewi_contoh', 'capture:dewi_contoh:profile']);
    expect(report.deferred.filter((entry) => entry.platform === 'x').map((entry) => entry.scope)).toEqual(['profile', 'timeline', 'resolve']);
    expect(platforms.facebook.calls).toEqual(expect.arrayContaining(['capture:dewi.contoh:timeline']));
  });

  it('retries a paused account in the same cycle when its pause ends before the deadline', async () => {
    const store = createMemoryStore();
    const platforms = worlds();
    platforms.x.failNext.set('capture:dewi_contoh:timeline', { type: 'rate_limited', retryAfterMs: 20, pauses: 'account', message: 'Page request limit reached' });
    const report = (await monitorFor(store, platforms).runCycle())._unsafeUnwrap();
    expect(report.deferred).toEqual([]);
    expect(platforms.x.calls.filter((call) => call === 'capture:dewi_contoh:timeline')).toHaveLength(2);
    expect(report.accounts.captured).toBe(3);
  });

  it('lends the slot of an account waiting out its own pause to the next account', async () => {
    const store = createMemoryStore();
    const platforms = worlds();
    platforms.x.failNext.set('capture:dewi_contoh:timeline', { type: 'rate_limited', retryAfterMs: 300, pauses: 'account', message: 'Page request limit reached' });
    const report = (await monitorFor(store, platforms, { concurrencyPerPlatform: 1 }).runCycle())._unsafeUnwrap();
    expect(report.deferred).toEqual([]);
    const calls = platforms.x.calls.filter((call) => call.startsWith('capture:'));
    // Rahmat is captured while Dewi waits, then Dewi's timeline is asked again.
    expect(calls.indexOf('capture:rahmat_contoh:timeline')).toBeLessThan(calls.lastIndexOf('capture:dewi_contoh:timeline'));
    expect(calls.filter((call) => call === 'capture:dewi_contoh:timeline')).toHaveLength(2);
    expect(report.accounts.captured).toBe(3);
  });

  it('runs platforms side by side', async () => {
    const store = createMemoryStore();
    const platforms = worlds();
    let facebookStarted!: () => void;
    const facebookRunning = new Promise<void>((resolve) => (facebookStarted = resolve));
    // X's first capture waits for Facebook's to start: run one after the other, this would
    // stall until the deadline and be deferred.
    platforms.x.beforeCapture = () => facebookRunning;
    platforms.facebook.beforeCapture = async () => facebookStarted();
    const report = (await monitorFor(store, platforms, { deadlineMs: 2_000 }).runCycle())._unsafeUnwrap();
    expect(report.deferred).toEqual([]);
    expect(report.accounts.captured).toBe(3);
  });

  it('resumes an interrupted cycle under the same id without repeating stored captures', async () => {
    const store = createMemoryStore();
    const platforms = worlds();
    const controller = new AbortController();
    const monitor = monitorFor(store, platforms, { concurrencyPerPlatform: 1 });
    platforms.x.beforeCapture = async (handle) => {
      if (handle === 'rahmat_contoh') controller.abort();
    };
    const first = (await monitor.runCycle({ signal: controller.signal }))._unsafeUnwrap();
    expect(first.status).toBe('interrupted');
    platforms.x.beforeCapture = undefined;
    platforms.x.calls.length = 0;
    const second = (await monitor.runCycle())._unsafeUnwrap();
    expect(second).toMatchObject({ cycleId: 'cycle-000001', resumed: true, status: 'complete' });
    expect(platforms.x.calls.filter((call) => call.includes('dewi_contoh'))).toEqual([]);
    const uninterrupted = createMemoryStore();
    await monitorFor(uninterrupted, worlds()).runCycle();
    expect(await evidenceOf(store)).toEqual(await evidenceOf(uninterrupted));
  });

  it('a crash before any write is acknowledged never loses or duplicates evidence once the next run resumes', async () => {
    // Baseline: two uninterrupted cycles, a post deleted in between.
    const run = async (store: EvidenceStoreV1, crashAfter?: number) => {
      const platforms = worlds();
      const crashing = crashAfter === undefined ? store : crashingStore(store, crashAfter);
      for (let cycle = 1; cycle <= 2; cycle++) {
        if (cycle === 2) platforms.x.posts.set('dewi_contoh', platforms.x.posts.get('dewi_contoh')!.filter((item) => item.id !== 'p3'));
        for (let attempt = 0; ; attempt++) {
          const result = await monitorFor(attempt === 0 ? crashing : store, platforms).runCycle();
          if (result.isOk() && result.value.status === 'complete') break;
          expect(attempt).toBeLessThan(3);
        }
      }
      return evidenceOf(store);
    };
    const baseline = await run(createMemoryStore());
    expect(baseline.changes.some((id) => id.includes(':missing:p3'))).toBe(true);
    for (let crashAfter = 0; crashAfter < 40; crashAfter += 1) {
      const evidence = await run(createMemoryStore(), crashAfter);
      expect(evidence, `crash after ${crashAfter} writes`).toEqual(baseline);
    }
  });

  it('a store failure ends the cycle as a store error, the monitor stays usable and the next run resumes the cycle', async () => {
    const store = createMemoryStore();
    const failing = monitorFor(crashingStore(store, 3), worlds());
    const failed = (await failing.runCycle())._unsafeUnwrapErr();
    expect(failed).toMatchObject({ type: 'store', error: { type: 'io', message: 'simulated crash' } });
    expect(failed.message).toContain('simulated crash');
    // Not `busy`: the failed cycle released the monitor.
    expect((await failing.runCycle())._unsafeUnwrapErr().type).toBe('store');
    const resumed = (await monitorFor(store, worlds()).runCycle())._unsafeUnwrap();
    expect(resumed).toMatchObject({ cycleId: 'cycle-000001', resumed: true, status: 'complete' });
  });

  it('keeps which scopes are done inside the account state, so the marker and the state are written together', async () => {
    const store = createMemoryStore();
    await monitorFor(store, worlds()).runCycle();
    const stored = (await store.get('account_state', 'x:id-dewi_contoh'))._unsafeUnwrap()!;
    expect(progressOf(stored.record as { monitorProgress?: unknown })).toEqual({ cycleId: 'cycle-000001', done: ['cycle-000001:x:id-dewi_contoh:profile', 'cycle-000001:x:id-dewi_contoh:timeline'], media: {} });
  });
});

/** A store whose writes stop (as if the process died) after `limit` acknowledged writes. */
function crashingStore(store: EvidenceStoreV1, limit: number): EvidenceStoreV1 {
  let writes = 0;
  const crashed = (): StoreErrorV1 => ({ type: 'io', operation: 'write', message: 'simulated crash' });
  return {
    ...store,
    putBlob: (bytes) => (writes++ >= limit ? errAsync(crashed()) : store.putBlob(bytes)),
    append: (kind, records) => (writes++ >= limit ? errAsync(crashed()) : store.append(kind, records)),
    get: (kind, id) => store.get(kind, id),
    query: (kind, query) => store.query(kind, query),
    open: () => store.open(),
    hasBlob: (hash) => store.hasBlob(hash),
    getBlob: (hash) => store.getBlob(hash),
  } as EvidenceStoreV1;
}


describe('a cycle run as jobs (planJobs, runJob, closeJobs)', () => {
  const clock = () => new Date(T0 + 2 * 86_400_000);

  it('stores exactly the evidence runCycle stores, whatever order and however often the jobs run', async () => {
    const inProcess = createMemoryStore();
    const asJobs = createMemoryStore();
    const platformsA = worlds();
    const platformsB = worlds();
    const monitorA = monitorFor(inProcess, platformsA, { clock });
    const monitorB = monitorFor(asJobs, platformsB, { clock });
    for (let cycle = 1; cycle <= 2; cycle++) {
      const report = (await monitorA.runCycle())._unsafeUnwrap();
      const plan = (await monitorB.planJobs('kab-contoh'))._unsafeUnwrap();
      expect(plan.cycleId).toBe(report.cycleId);
      // Keyed by handle until a cycle resolved it (this adapter resolves one account at a time), then by id.
      const accounts = cycle === 1 ? ['facebook:@dewi.contoh', 'x:@dewi_contoh', 'x:@rahmat_contoh'] : ['facebook:id-dewi_contoh', 'x:id-dewi_contoh', 'x:id-rahmat_contoh'];
      expect(plan.jobs.map((job) => job.key).sort()).toEqual(accounts.map((account) => `kab-contoh:${report.cycleId}:${account}`));
      // A queue hands jobs out in any order, and a job whose worker died runs a second time.
      const jobs = JSON.parse(JSON.stringify([...plan.jobs].reverse())) as typeof plan.jobs;
      const results = [];
      for (const job of jobs) results.push((await monitorB.runJob(job))._unsafeUnwrap());
      const again = (await monitorB.runJob(jobs[0]!))._unsafeUnwrap();
      expect(again.outcome).toBe('skipped');
      const closed = (await monitorB.closeJobs(plan, results))._unsafeUnwrap();
      expect(closed).toMatchObject({ status: 'complete', accounts: report.accounts, captures: report.captures, changes: report.changes, findings: report.findings });
      expect(await evidenceOf(asJobs)).toEqual(await evidenceOf(inProcess));
      // Between the cycles a post is deleted: the second cycle's lookup must confirm it in both.
      for (const platforms of [platformsA, platformsB]) platforms.x.posts.set('dewi_contoh', platforms.x.posts.get('dewi_contoh')!.filter((item) => item.id !== 'p2'));
    }
    const audit = async (store: EvidenceStoreV1) => (await store.query('audit'))._unsafeUnwrap().map((entry) => `${entry.id}#${entry.recordHash}`).sort();
    expect(await audit(asJobs)).toEqual(await audit(inProcess));
  });

  it('leaves the cycle open when a job has no result, and the next plan resumes it', async () => {
    const store = createMemoryStore();
    const monitor = monitorFor(store, worlds(), { clock });
    const plan = (await monitor.planJobs('kab-contoh'))._unsafeUnwrap();
    const first = (await monitor.runJob(plan.jobs[0]!))._unsafeUnwrap();
    const open = (await monitor.closeJobs(plan, [first]))._unsafeUnwrap();
    expect(open).toMatchObject({ status: 'interrupted', accounts: { captured: 1, interrupted: 2 } });
    const resumed = (await monitor.planJobs('kab-contoh'))._unsafeUnwrap();
    expect(resumed).toMatchObject({ cycleId: plan.cycleId, resumed: true });
    const results = [];
    for (const job of resumed.jobs) results.push((await monitor.runJob(job))._unsafeUnwrap());
    expect(results.map((result) => result.outcome).sort()).toEqual(['captured', 'captured', 'skipped']);
    expect((await monitor.closeJobs(resumed, results))._unsafeUnwrap().status).toBe('complete');
    expect((await monitor.planJobs('kab-contoh'))._unsafeUnwrap()).toMatchObject({ cycleId: 'cycle-000002', resumed: false });
  });

  it('refuses a job for a subject this worker does not know, naming the fix', async () => {
    const monitor = monitorFor(createMemoryStore(), worlds(), { clock });
    const plan = (await monitor.planJobs('kab-contoh'))._unsafeUnwrap();
    const error = (await monitor.runJob({ ...plan.jobs[0]!, subjectId: 'tidak-ada' }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'invalid_settings' });
    expect(error.message).toContain("give every worker the office's config");
  });
});
