import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { okAsync } from 'neverthrow';
import { sha256Hex } from '../hashing/sha256.js';
import { createPlatformAdapter } from './create-platform-adapter.js';
import type { PlatformAdapterConfig, PlatformAdapterDefinition } from './platform-adapter-config.js';

const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAtest-bearer-token-0001';
const UserSchema = z.object({ data: z.object({ id: z.string(), username: z.string() }) });

interface Seen {
  url: string;
  headers: Headers;
  method: string;
}

function fakeFetch(respond: (url: URL, attempt: number) => Response | Promise<Response>, seen: Seen[] = []): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input));
    seen.push({ url: url.toString(), headers: new Headers(init?.headers), method: init?.method ?? 'GET' });
    return respond(url, seen.length);
  };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const definition: PlatformAdapterDefinition = {
  resolve: (call, handle) =>
    call
      .json({ endpoint: 'GET /users/by/username', path: `/2/users/by/username/${handle}`, query: { 'user.fields': ['id', 'username'] }, schema: UserSchema })
      .map((response) => ({ account: { platform: 'x', handle: response.data.data.username, id: response.data.data.id }, observation: 'public' as const, raw: [response.raw] })),
  capture: (call, account, scope) =>
    call.json({ endpoint: 'GET /timeline', path: `/2/users/${account.id ?? '0'}/tweets`, schema: z.object({ data: z.array(z.object({ id: z.string() })) }) }).map((response) => ({
      account,
      scope,
      status: 'ok' as const,
      accountObservation: 'public' as const,
      items: [],
      window: { complete: true, reachedEnd: false },
      raw: [response.raw],
      startedAt: call.isoNow(),
      capturedAt: call.isoNow(),
    })),
};

function config(overrides: Partial<PlatformAdapterConfig> = {}): PlatformAdapterConfig {
  return {
    platform: 'x',
    adapterId: 'x-test',
    adapterVersion: '0.0.0',
    baseUrl: 'https://api.example.test',
    capabilities: { scopes: ['timeline'], lookup: false, distinguishesPrivateFromDeleted: false, exposesEdits: false, exposesLikes: false, exposesFollows: false, mediaDownload: false },
    headers: { authorization: `Bearer ${TOKEN}` },
    secrets: [TOKEN],
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...overrides,
  };
}

describe('createPlatformAdapter', () => {
  it('validates the body, records the redacted request and counts it per endpoint', async () => {
    const seen: Seen[] = [];
    const adapter = createPlatformAdapter({ config: config({ fetch: fakeFetch(() => json({ data: { id: '1500000000000000001', username: 'rina_contoh' } }), seen) }), adapter: definition });
    const result = await adapter.resolve('@rina_contoh');
    expect(result.isOk()).toBe(true);
    const resolved = result._unsafeUnwrap();
    expect(resolved.account.id).toBe('1500000000000000001');
    expect(resolved.raw[0]?.request.url).toBe('https://api.example.test/2/users/by/username/rina_contoh?user.fields=id%2Cusername');
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(adapter.usage().requests).toEqual({ 'GET /users/by/username': 1 });
  });

  it('turns a changed shape into a parse error carrying the issues and the raw body sha256', async () => {
    const body = JSON.stringify({ data: { id: 15, name: 'renamed field' } });
    const adapter = createPlatformAdapter({ config: config({ fetch: fakeFetch(() => json(body)) }), adapter: definition });
    const error = (await adapter.resolve('rina_contoh'))._unsafeUnwrapErr();
    expect(error.type).toBe('parse');
    if (error.type !== 'parse') return;
    expect(error.bodySha256).toBe(sha256Hex(body));
    expect(error.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['data.id', 'data.username']));
  });

  it('turns a truncated JSON body into a parse error, not a throw', async () => {
    const body = '{"data":{"id":"15","usern';
    const adapter = createPlatformAdapter({ config: config({ fetch: fakeFetch(() => json(body)) }), adapter: definition });
    const error = (await adapter.resolve('rina_contoh'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'parse', bodySha256: sha256Hex(body) });
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not_found'],
    [400, 'http'],
  ])('maps HTTP %i to %s without retrying', async (status, type) => {
    const seen: Seen[] = [];
    const adapter = createPlatformAdapter({ config: config({ fetch: fakeFetch(() => json({ title: 'Problem' }, status), seen) }), adapter: definition });
    expect((await adapter.resolve('rina_contoh'))._unsafeUnwrapErr().type).toBe(type);
    expect(seen).toHaveLength(1);
  });

  it('retries a 5xx on an idempotent read a capped number of times, then reports a retryable http error', async () => {
    const seen: Seen[] = [];
    const adapter = createPlatformAdapter({ config: config({ fetch: fakeFetch(() => json({}, 503), seen), retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 1 } }), adapter: definition });
    expect((await adapter.resolve('rina_contoh'))._unsafeUnwrapErr()).toMatchObject({ type: 'http', status: 503, retryable: true });
    expect(seen).toHaveLength(3);
  });

  it('recovers when a retry succeeds', async () => {
    const adapter = createPlatformAdapter({
      config: config({ fetch: fakeFetch((_url, attempt) => (attempt === 1 ? json({}, 502) : json({ data: { id: '7', username: 'rina_contoh' } }))) }),
      adapter: definition,
    });
    expect((await adapter.resolve('rina_contoh')).isOk()).toBe(true);
    expect(adapter.usage().requests['GET /users/by/username']).toBe(2);
  });

  it('never retries a request that is not idempotent', async () => {
    const seen: Seen[] = [];
    const adapter = createPlatformAdapter({
      config: config({ fetch: fakeFetch(() => json({}, 503), seen) }),
      adapter: { ...definition, resolve: (call) => call.json({ endpoint: 'POST /x', path: '/x', method: 'POST', body: { a: 1 }, schema: UserSchema }).map(() => { throw new Error('unreachable'); }) },
    });
    expect((await adapter.resolve('rina_contoh'))._unsafeUnwrapErr().type).toBe('http');
    expect(seen).toHaveLength(1);
  });

  it('keeps the token out of errors, stored requests and events', async () => {
    const events: unknown[] = [];
    const adapter = createPlatformAdapter({
      config: config({
        fetch: async (input) => {
          throw new TypeError(`fetch failed for ${String(input)} with Bearer ${TOKEN}`, { cause: Object.assign(new Error(`socket hang up ${TOKEN}`), { code: 'ECONNRESET' }) });
        },
        onEvent: (event) => events.push(event),
        retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 },
      }),
      adapter: { ...definition, resolve: (call) => call.json({ endpoint: 'GET /u', path: '/u', query: { access: TOKEN }, schema: UserSchema }).map(() => { throw new Error('unreachable'); }) },
    });
    const error = (await adapter.resolve('rina_contoh'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'network', code: 'ECONNRESET' });
    const everything = JSON.stringify({ error, events });
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(encodeURIComponent(TOKEN));
    expect(everything).toContain('[redacted]');
  });

  it('removes the token from the raw body before hashing it, records the rule, and keeps the rest of the body', async () => {
    const body = `{"data":{"id":"1500000000000000001","username":"rina_contoh"},"links":{"next":"https://api.example.test/next?access_token=${encodeURIComponent(TOKEN)}&cursor=C1"},"echo":"${TOKEN}"}`;
    const adapter = createPlatformAdapter({ config: config({ secretQueryParams: ['access_token'], fetch: fakeFetch(() => json(body)) }), adapter: definition });
    const raw = (await adapter.resolve('rina_contoh'))._unsafeUnwrap().raw[0]!;
    const stored = new TextDecoder().decode(raw.bytes);
    expect(stored).toBe(body.replace(encodeURIComponent(TOKEN), '[redacted]').replace(TOKEN, '[redacted]'));
    // This token needs no URL encoding: both copies are its plain value.
    expect(raw.redactions).toEqual([{ rule: 'secret-value', count: 2 }]);
    expect(stored).not.toContain(TOKEN);
  });

  it('records no redaction when the body held no secret', async () => {
    const adapter = createPlatformAdapter({ config: config({ fetch: fakeFetch(() => json({ data: { id: '1500000000000000001', username: 'rina_contoh' } })) }), adapter: definition });
    expect((await adapter.resolve('rina_contoh'))._unsafeUnwrap().raw[0]!.redactions).toBeUndefined();
  });

  it('takes runtime settings (fetch, clock, …) the same way createWebPageAdapter does, over the config', async () => {
    const seen: Seen[] = [];
    const unused = fakeFetch(() => json({}, 500));
    const adapter = createPlatformAdapter({ config: config({ fetch: unused }), runtime: { fetch: fakeFetch(() => json({ data: { id: '1500000000000000001', username: 'rina_contoh' } }), seen), env: {} }, adapter: definition });
    expect((await adapter.resolve('rina_contoh')).isOk()).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('reports a platform part that throws as a non-retryable error value', async () => {
    const adapter = createPlatformAdapter({ config: config(), adapter: { ...definition, capture: () => { throw new Error(`bug with ${TOKEN}`); } } });
    const error = (await adapter.capture({ platform: 'x', handle: 'rina_contoh', id: '1' }, 'timeline'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'http', status: 0, retryable: false });
    expect(error.message).not.toContain(TOKEN);
  });

  it('checks inputs before any request: handle, platform, scope, lookup ids', async () => {
    const seen: Seen[] = [];
    const adapter = createPlatformAdapter({
      config: config({ fetch: fakeFetch(() => json({}), seen), capabilities: { ...config().capabilities, lookup: true, maxLookupBatch: 2 } }),
      adapter: { ...definition, lookup: () => okAsync({ results: [], raw: [] }) },
    });
    expect((await adapter.resolve('../etc/passwd'))._unsafeUnwrapErr().type).toBe('invalid_input');
    expect((await adapter.capture({ platform: 'facebook', handle: 'a' }, 'timeline'))._unsafeUnwrapErr().type).toBe('invalid_input');
    expect((await adapter.capture({ platform: 'x', handle: 'a' }, 'likes'))._unsafeUnwrapErr().type).toBe('unsupported');
    expect((await adapter.lookup!([]))._unsafeUnwrapErr().type).toBe('invalid_input');
    expect((await adapter.lookup!(['1', '2', '3']))._unsafeUnwrapErr().type).toBe('invalid_input');
    expect((await adapter.lookup!(['1/../2']))._unsafeUnwrapErr().type).toBe('invalid_input');
    expect(seen).toHaveLength(0);
  });

  it('fills the capture request tally and estimated cost from the cost hook', async () => {
    const adapter = createPlatformAdapter({
      config: config({ fetch: fakeFetch(() => json({ data: [{ id: '1' }, { id: '2' }] })), estimateCost: ({ data }) => 0.005 * (data as { data: unknown[] }).data.length }),
      adapter: definition,
    });
    const capture = (await adapter.capture({ platform: 'x', handle: 'rina_contoh', id: '9' }, 'timeline'))._unsafeUnwrap();
    expect(capture.requests).toEqual({ 'GET /timeline': 1 });
    expect(capture.estimatedCostUsd).toBeCloseTo(0.01);
    expect(adapter.usage().estimatedCostUsd).toBeCloseTo(0.01);
  });

  it('fails at construction naming the unusable setting', () => {
    expect(() => createPlatformAdapter({ config: config({ baseUrl: 'not a url' }), adapter: definition })).toThrow(/config\.baseUrl/);
    expect(() => createPlatformAdapter({ config: config({ rateLimits: { 'GET /x': { limit: 0, windowMs: 1 } } }), adapter: definition })).toThrow(/rateLimits\["GET \/x"\]/);
  });

  it('refuses a request path that leaves the baseUrl origin', async () => {
    const seen: Seen[] = [];
    const adapter = createPlatformAdapter({
      config: config({ fetch: fakeFetch(() => json({}), seen) }),
      adapter: { ...definition, resolve: (call) => call.json({ endpoint: 'GET /u', path: 'https://evil.example/steal', schema: UserSchema }).map(() => { throw new Error('unreachable'); }) },
    });
    expect((await adapter.resolve('rina_contoh'))._unsafeUnwrapErr().type).toBe('invalid_input');
    expect(seen).toHaveLength(0);
  });

  it('a call aborted while it waits in the queue leaves it at once as a call timeout', async () => {
    vi.useFakeTimers();
    try {
      const seen: Seen[] = [];
      const hanging: typeof fetch = (input, init) => {
        seen.push({ url: String(input), headers: new Headers(init?.headers), method: 'GET' });
        return new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      };
      const adapter = createPlatformAdapter({ config: config({ fetch: hanging, concurrency: 1, timeouts: { callMs: 1_000, headersMs: 60_000 } }), adapter: definition });
      const first = adapter.resolve('rina_contoh');
      const caller = new AbortController();
      const second = adapter.resolve('budi_contoh', { signal: caller.signal });
      setTimeout(() => caller.abort(), 500);
      await vi.advanceTimersByTimeAsync(500);
      // The queued call is out at once, its request never sent, while the first still hangs.
      expect((await second)._unsafeUnwrapErr()).toMatchObject({ type: 'timeout', phase: 'call' });
      expect(seen).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(500);
      expect((await first)._unsafeUnwrapErr()).toMatchObject({ type: 'timeout', phase: 'call' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('text requests ask for HTML and hand back the body as text', async () => {
    const seen: Seen[] = [];
    const adapter = createPlatformAdapter({
      config: config({ fetch: fakeFetch(() => new Response('<html><title>Halaman</title></html>', { headers: { 'content-type': 'text/html' } }), seen) }),
      adapter: {
        ...definition,
        resolve: (call, handle) =>
          call.text({ endpoint: 'GET /page', path: `/${handle}` }).map((response) => ({
            account: { platform: 'x', handle, id: String(response.data.length) },
            observation: 'public' as const,
            raw: [response.raw],
          })),
      },
    });
    const resolved = (await adapter.resolve('halaman_contoh'))._unsafeUnwrap();
    expect(seen[0]?.headers.get('accept')).toMatch(/^text\/html/);
    expect(resolved.account.id).toBe('35');
    expect(resolved.raw[0]?.mediaType).toBe('text/html');
  });
});
