import assert from 'node:assert/strict';
import { asPlatformAdapter, type AdapterErrorV1, type PlatformAdapterV1 } from '@sipansos/core/spec';
import type { Result } from 'neverthrow';
import { setupServer } from 'msw/node';
import {
  ADAPTER_SCENARIOS,
  DEFAULT_CONFORMANCE_LIMITS,
  type AdapterConformanceSuiteOptions,
  type AdapterScenarioInputs,
  type AdapterScenarioName,
  type ConformanceLimits,
  type ScenarioWire,
} from './adapter-scenarios.js';
import { notBefore, recordingFetch, type RecordedRequest } from './recording-fetch.js';

/** The credential every adapter under test is configured with; it must never leak. */
export const CONFORMANCE_SECRET = 'conformance-secret-Zq8v2LxT4mN7pR1s';

interface ScenarioContext {
  adapter: PlatformAdapterV1;
  requests: RecordedRequest[];
  limits: ConformanceLimits;
}

type Check<Name extends AdapterScenarioName> = (context: ScenarioContext, input: AdapterScenarioInputs[Name]) => Promise<unknown>;

/**
 * Register the adapter conformance tests: one per scenario in {@link ADAPTER_SCENARIOS}. A
 * scenario must be wired or disabled with a reason; one that is neither fails. Every scenario
 * also checks that the configured secret appears nowhere in what the adapter returned.
 *
 * @example
 * ```ts
 * import { test } from 'vitest';
 * adapterConformanceSuite({ test, createAdapter: (env) => createXAdapter({ bearerToken: env.secret, fetch: env.fetch }), scenarios: xWires });
 * ```
 */
export function adapterConformanceSuite(options: AdapterConformanceSuiteOptions): void {
  const limits: ConformanceLimits = { ...DEFAULT_CONFORMANCE_LIMITS, ...options.limits };
  const testTimeout = limits.callTimeoutMs * 2 + 5_000;
  for (const name of ADAPTER_SCENARIOS) {
    const reason = options.disable?.[name];
    const wire = options.scenarios[name] as ScenarioWire<AdapterScenarioInputs[typeof name]> | undefined;
    if (reason !== undefined) {
      options.test(`${name}: disabled — ${reason}`, async () => {
        assert.ok(reason.trim().length >= 10, `${name}: give a real reason for disabling it`);
        assert.equal(wire, undefined, `${name} is both wired and disabled; choose one`);
        const adapter = await options.createAdapter({ fetch: globalThis.fetch, secret: CONFORMANCE_SECRET, limits });
        checkDisableAgainstCapabilities(name, adapter);
      });
      continue;
    }
    if (!wire) {
      options.test(`${name}: must be wired or disabled`, async () => {
        assert.fail(`scenario "${name}" has no wire; supply scenarios["${name}"] or disable it with a reason`);
      });
      continue;
    }
    options.test(
      name,
      async () => {
        await runScenario(options, limits, wire, (context) => (CHECKS[name] as Check<typeof name>)(context, wire.input as never));
      },
      testTimeout,
    );
  }
}

async function runScenario(
  options: AdapterConformanceSuiteOptions,
  limits: ConformanceLimits,
  wire: ScenarioWire<unknown>,
  check: (context: ScenarioContext) => Promise<unknown>,
): Promise<void> {
  const mock = wire.handlers ? setupServer(...wire.handlers) : undefined;
  mock?.listen({ onUnhandledRequest: 'error' });
  const server = wire.server ? await wire.server() : undefined;
  try {
    const recorder = recordingFetch();
    const environment = { fetch: recorder.fetch, secret: CONFORMANCE_SECRET, limits, ...(server ? { baseUrl: server.baseUrl } : {}) };
    const created = asPlatformAdapter(await options.createAdapter(environment));
    assert.ok(created.isOk(), created.isErr() ? created.error.message : '');
    const outcome = await check({ adapter: created.value, requests: recorder.requests, limits });
    assertNoSecret(outcome);
  } finally {
    mock?.close();
    await server?.close();
  }
}

function assertNoSecret(value: unknown): void {
  const text = JSON.stringify(value, (_key, entry: unknown) => (entry instanceof Uint8Array ? `<${entry.byteLength} bytes>` : entry));
  assert.ok(!text?.includes(CONFORMANCE_SECRET), 'the secret appears in a result, error or stored request');
  assert.ok(!text?.includes(encodeURIComponent(CONFORMANCE_SECRET)), 'the URL-encoded secret appears in a result, error or stored request');
}

function describeResult(result: Result<unknown, AdapterErrorV1>): string {
  return result.isOk() ? 'ok' : `err ${result.error.type}: ${result.error.message}`;
}

function expectOk<T>(result: Result<T, AdapterErrorV1>, scenario: string): T {
  if (result.isErr()) assert.fail(`${scenario}: expected ok, got ${describeResult(result)}`);
  return result.value;
}

function expectErr<T>(result: Result<T, AdapterErrorV1>, scenario: string, types: readonly AdapterErrorV1['type'][]): AdapterErrorV1 {
  if (result.isOk()) assert.fail(`${scenario}: expected err ${types.join(' or ')}, got ok`);
  assert.ok(types.includes(result.error.type), `${scenario}: expected err ${types.join(' or ')}, got ${describeResult(result)}`);
  return result.error;
}

function checkRaw(raw: readonly { request: { url: string } }[], scenario: string): void {
  assert.ok(raw.length > 0, `${scenario}: an ok answer must hand back the raw bodies it was read from`);
  for (const entry of raw) assert.ok(entry.request.url.length > 0, `${scenario}: raw entries record the (redacted) request URL`);
}

const resolveCheck =
  (scenario: AdapterScenarioName, accept: (value: { observation: string }) => boolean, acceptErr: readonly AdapterErrorV1['type'][], expectation: string) =>
  async ({ adapter }: ScenarioContext, input: { handle: string }): Promise<unknown> => {
    const result = await adapter.resolve(input.handle);
    if (result.isOk()) {
      assert.ok(accept(result.value), `${scenario}: expected ${expectation}, got ok with observation "${result.value.observation}"`);
      assert.equal(result.value.account.platform, adapter.platform);
      checkRaw(result.value.raw, scenario);
    } else {
      assert.ok(acceptErr.includes(result.error.type), `${scenario}: expected ${expectation}, got ${describeResult(result)}`);
    }
    return result;
  };

async function lookupOne(adapter: PlatformAdapterV1, id: string, scenario: string) {
  assert.ok(adapter.lookup, `${scenario}: needs lookup(); declare capabilities.lookup or disable the scenario`);
  const batch = expectOk(await adapter.lookup([id]), scenario);
  const found = batch.results.find((result) => result.id === id);
  assert.ok(found, `${scenario}: lookup answered nothing for id ${id}`);
  return { batch, found };
}

const CHECKS: { [Name in AdapterScenarioName]: Check<Name> } = {
  'account-live': async (context, input) => {
    const result = await resolveCheck('account-live', (value) => value.observation === 'public', [], 'ok with observation "public"')(context, input);
    const value = expectOk(result as Result<{ account: { id?: string } }, AdapterErrorV1>, 'account-live');
    assert.ok(value.account.id, 'account-live: the resolved account carries the platform id');
    return result;
  },
  'account-private': resolveCheck('account-private', (value) => value.observation === 'private', ['private'], 'observation "private" or err private'),
  'account-suspended': resolveCheck('account-suspended', (value) => value.observation === 'suspended', ['suspended'], 'observation "suspended" or err suspended'),
  'account-deleted': resolveCheck('account-deleted', (value) => value.observation === 'not_found' || value.observation === 'deactivated', ['not_found'], 'err not_found (or observation not_found/deactivated)'),
  'account-renamed': async ({ adapter }, input) => {
    const result = await adapter.resolve(input.handle);
    const value = expectOk(result, 'account-renamed');
    assert.equal(value.account.id, input.previous.id, 'account-renamed: a renamed account keeps its id');
    assert.equal(value.account.handle.toLowerCase(), input.handle.replace(/^@/, '').toLowerCase(), 'account-renamed: the handle is the current one');
    return result;
  },
  'post-live': async ({ adapter }, input) => {
    const { batch, found } = await lookupOne(adapter, input.id, 'post-live');
    assert.equal(found.status, 'live', `post-live: expected live, got ${found.status}`);
    assert.equal(found.item?.id, input.id, 'post-live: a live result carries its item');
    checkRaw(batch.raw, 'post-live');
    return batch;
  },
  'post-gone': async ({ adapter }, input) => {
    const { batch, found } = await lookupOne(adapter, input.id, 'post-gone');
    assert.equal(found.status, 'gone', `post-gone: expected gone (an observation, not an error), got ${found.status}`);
    return batch;
  },
  'post-edited': async ({ adapter }, input) => {
    const { batch, found } = await lookupOne(adapter, input.id, 'post-edited');
    assert.equal(found.status, 'live');
    const history = found.item?.editHistoryIds ?? [];
    assert.ok(history.length >= 2, `post-edited: expected at least two versions in editHistoryIds, got ${history.length}`);
    assert.ok(found.item && history.includes(found.item.id), 'post-edited: the served version is in its own edit history');
    return batch;
  },
  'repost-original-deleted': async ({ adapter }, input) => {
    const result = await adapter.capture(input.account, 'timeline', input.options);
    const capture = expectOk(result, 'repost-original-deleted');
    const acting = capture.items.find((item) => item.target?.id === input.originalId);
    assert.ok(acting, `repost-original-deleted: no item acts on ${input.originalId}`);
    assert.equal(acting.target?.unavailable, true, 'repost-original-deleted: the deleted original is marked unavailable');
    checkRaw(capture.raw, 'repost-original-deleted');
    return result;
  },
  'rate-limited-then-recovers': async ({ adapter, requests }, input) => {
    const result = await adapter.capture(input.account, 'timeline', input.options);
    expectOk(result, 'rate-limited-then-recovers');
    const limitedIndex = requests.findIndex((request) => request.status === 429);
    assert.ok(limitedIndex >= 0, 'rate-limited-then-recovers: the wire never answered 429');
    const limited = requests[limitedIndex] as RecordedRequest;
    const earliest = notBefore(limited);
    for (const later of requests.slice(limitedIndex + 1)) {
      assert.ok(later.startedAt >= earliest, `rate-limited-then-recovers: a request started ${earliest - later.startedAt} ms before the platform allowed it`);
    }
    assert.ok(requests.length > limitedIndex + 1, 'rate-limited-then-recovers: the adapter never retried');
    return result;
  },
  'rate-limited': async ({ adapter, requests, limits }, input) => {
    const result = await adapter.capture(input.account, 'timeline', input.options);
    const error = expectErr(result, 'rate-limited', ['rate_limited']);
    if (error.type === 'rate_limited') assert.ok(error.retryAfterMs > limits.maxRateLimitWaitMs, `rate-limited: retryAfterMs ${error.retryAfterMs} should carry the platform's long wait`);
    assert.equal(requests.filter((request) => request.status === 429).length, 1, 'rate-limited: nothing may be retried before the wait is over');
    return result;
  },
  'server-error': async ({ adapter, requests, limits }, input) => {
    const result = await adapter.capture(input.account, 'timeline', input.options);
    const error = expectErr(result, 'server-error', ['http']);
    if (error.type === 'http') {
      assert.ok(error.status >= 500, `server-error: expected a 5xx status, got ${error.status}`);
      assert.equal(error.retryable, true, 'server-error: a 5xx is retryable');
    }
    assert.ok(requests.length <= 1 + limits.maxRetries, `server-error: ${requests.length} requests; retries must be capped at ${limits.maxRetries}`);
    return result;
  },
  'malformed-body': async ({ adapter }, input) => {
    const result = await adapter.capture(input.account, 'timeline', input.options);
    const error = expectErr(result, 'malformed-body', ['parse']);
    if (error.type === 'parse') {
      assert.match(error.bodySha256, /^[0-9a-f]{64}$/, 'malformed-body: the parse error carries the raw body sha256');
      assert.ok(error.issues.length > 0, 'malformed-body: the parse error lists the issues');
    }
    return result;
  },
  'truncated-body': async ({ adapter }, input) => {
    const result = await adapter.capture(input.account, 'timeline', input.options);
    const error = expectErr(result, 'truncated-body', ['parse']);
    if (error.type === 'parse') assert.match(error.bodySha256, /^[0-9a-f]{64}$/);
    return result;
  },
  'empty-page-with-posts': async ({ adapter }, input) => {
    const result = await adapter.capture(input.account, 'timeline', input.options);
    if (result.isOk()) {
      const capture = result.value;
      const trusted = capture.status === 'ok' && capture.window.complete;
      assert.ok(
        !(trusted && capture.items.length === 0),
        'empty-page-with-posts: an empty page was reported as a complete window — that would read as "every post deleted"',
      );
    }
    return result;
  },
  'paging-beyond-window': async ({ adapter }, input) => {
    const result = await adapter.capture(input.account, 'timeline', input.options);
    const capture = expectOk(result, 'paging-beyond-window');
    assert.ok(capture.items.length > 0, 'paging-beyond-window: the pages read are kept');
    assert.equal(capture.window.reachedEnd, false, 'paging-beyond-window: the start of the history was not reached');
    assert.ok(
      capture.window.cutBy === 'platform_limit' || capture.window.cutBy === 'page_limit',
      `paging-beyond-window: window.cutBy must say why paging stopped (got ${String(capture.window.cutBy)})`,
    );
    return result;
  },
  'stalled-body': async ({ adapter, limits }, input) => {
    const started = Date.now();
    const result = await adapter.capture(input.account, 'timeline', input.options);
    expectErr(result, 'stalled-body', ['timeout']);
    assert.ok(Date.now() - started <= limits.callTimeoutMs + 2_000, 'stalled-body: the call outlived its deadline');
    return result;
  },
};

function checkDisableAgainstCapabilities(name: AdapterScenarioName, adapter: PlatformAdapterV1): void {
  const { capabilities } = adapter;
  if (name === 'post-live' || name === 'post-gone') {
    assert.equal(capabilities.lookup, false, `${name} may be disabled only when capabilities.lookup is false`);
  }
  if (name === 'post-edited') assert.equal(capabilities.exposesEdits && capabilities.lookup, false, 'post-edited may be disabled only when edits or lookup are not exposed');
}
