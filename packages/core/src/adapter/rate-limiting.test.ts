import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { AdapterClock } from './clock.js';
import { createPlatformAdapter } from './create-platform-adapter.js';
import type { PlatformAdapterConfig, PlatformAdapterDefinition } from './platform-adapter-config.js';
import { parseRetryAfter } from './rate-limit-headers.js';
import { SlidingWindowLimiter } from './sliding-window-limiter.js';

const UserSchema = z.object({ data: z.object({ id: z.string() }) });
const ENDPOINT = 'GET /2/users/by/username/:username';

const definition: PlatformAdapterDefinition = {
  resolve: (call, handle) =>
    call.json({ endpoint: ENDPOINT, path: `/2/users/by/username/${handle}`, schema: UserSchema }).map((response) => ({
      account: { platform: 'x', handle, id: response.data.data.id },
      observation: 'public' as const,
      raw: [response.raw],
    })),
  capture: () => {
    throw new Error('not used');
  },
};

function config(fetch: typeof globalThis.fetch, overrides: Partial<PlatformAdapterConfig> = {}): PlatformAdapterConfig {
  return {
    platform: 'x',
    adapterId: 'x-test',
    adapterVersion: '0.0.0',
    baseUrl: 'https://api.example.test',
    capabilities: { scopes: ['timeline'], lookup: false, distinguishesPrivateFromDeleted: false, exposesEdits: false, exposesLikes: false, exposesFollows: false, mediaDownload: false },
    fetch,
    random: () => 0.5,
    ...overrides,
  };
}

const ok = (headers: Record<string, string> = {}): Response => new Response('{"data":{"id":"42"}}', { status: 200, headers: { 'content-type': 'application/json', ...headers } });

describe('rate limiting with fake timers', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-03-01T00:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('429 with Retry-After: 120 sends nothing before 120 s have passed, then retries', async () => {
    const starts: number[] = [];
    const fetch: typeof globalThis.fetch = async () => {
      starts.push(Date.now());
      return starts.length === 1 ? new Response('{"title":"Too Many Requests"}', { status: 429, headers: { 'retry-after': '120' } }) : ok();
    };
    const adapter = createPlatformAdapter({ config: config(fetch), adapter: definition });
    const pending = adapter.resolve('rina_contoh');
    await vi.advanceTimersByTimeAsync(119_999);
    expect(starts).toHaveLength(1);
    // A second caller on the same endpoint is held back too.
    const other = adapter.resolve('budi_contoh');
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).isOk()).toBe(true);
    expect((await other).isOk()).toBe(true);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(120_000);
    expect(adapter.usage().rateLimited).toEqual({ [ENDPOINT]: 1 });
  });

  it('a platform error mapped to rate_limited on a non-429 status holds the endpoint like a 429', async () => {
    // Meta throttles with HTTP 403 and error code 4; the platform part maps it to rate_limited.
    const starts: number[] = [];
    const fetch: typeof globalThis.fetch = async () => {
      starts.push(Date.now());
      return starts.length === 1 ? new Response('{"error":{"code":4}}', { status: 403 }) : ok();
    };
    const adapter = createPlatformAdapter({
      config: config(fetch, {
        mapHttpError: (failure) =>
          failure.status === 403 ? { type: 'rate_limited', message: 'application request limit reached', retryAfterMs: 300_000 } : undefined,
      }),
      adapter: definition,
    });
    const first = adapter.resolve('rina_contoh');
    await vi.advanceTimersByTimeAsync(0);
    // A caller arriving after the throttling answer waits too.
    const second = adapter.resolve('budi_contoh');
    await vi.advanceTimersByTimeAsync(299_999);
    expect(starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await first).isOk()).toBe(true);
    expect((await second).isOk()).toBe(true);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(300_000);
    expect(adapter.usage().rateLimited).toEqual({ [ENDPOINT]: 1 });
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const starts: number[] = [];
    const retryAt = new Date(Date.now() + 45_000).toUTCString();
    const fetch: typeof globalThis.fetch = async () => {
      starts.push(Date.now());
      return starts.length === 1 ? new Response('', { status: 503, headers: { 'retry-after': retryAt } }) : ok();
    };
    const adapter = createPlatformAdapter({ config: config(fetch, { retry: { baseDelayMs: 10, maxDelayMs: 10 } }), adapter: definition });
    const pending = adapter.resolve('rina_contoh');
    await vi.advanceTimersByTimeAsync(44_000);
    expect(starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await pending).isOk()).toBe(true);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(45_000);
  });

  it('X reset headers with nothing remaining hold the next request until the reset', async () => {
    const starts: number[] = [];
    const resetSeconds = Math.floor(Date.now() / 1000) + 300;
    const fetch: typeof globalThis.fetch = async () => {
      starts.push(Date.now());
      return ok({ 'x-rate-limit-limit': '3', 'x-rate-limit-remaining': starts.length === 1 ? '0' : '2', 'x-rate-limit-reset': String(resetSeconds) });
    };
    const adapter = createPlatformAdapter({ config: config(fetch), adapter: definition });
    expect((await adapter.resolve('rina_contoh')).isOk()).toBe(true);
    const second = adapter.resolve('budi_contoh');
    await vi.advanceTimersByTimeAsync(resetSeconds * 1000 - Date.now() - 1);
    expect(starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await second).isOk()).toBe(true);
    expect(starts[1]).toBe(resetSeconds * 1000);
  });

  it('a 429 carrying only X reset headers waits exactly until the reset', async () => {
    const starts: number[] = [];
    const resetSeconds = Math.floor(Date.now() / 1000) + 90;
    const fetch: typeof globalThis.fetch = async () => {
      starts.push(Date.now());
      return starts.length === 1
        ? new Response('{"title":"Too Many Requests"}', { status: 429, headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(resetSeconds) } })
        : ok();
    };
    const adapter = createPlatformAdapter({ config: config(fetch), adapter: definition });
    const pending = adapter.resolve('rina_contoh');
    await vi.advanceTimersByTimeAsync(89_999);
    expect(starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).isOk()).toBe(true);
    expect(starts[1]).toBe(resetSeconds * 1000);
  });

  it('returns rate_limited at once, without sleeping, when the wait would outlast the call deadline', async () => {
    const starts: number[] = [];
    const fetch: typeof globalThis.fetch = async () => {
      starts.push(Date.now());
      return new Response('', { status: 429, headers: { 'retry-after': '3600' } });
    };
    const adapter = createPlatformAdapter({ config: config(fetch, { timeouts: { callMs: 60_000 } }), adapter: definition });
    const error = (await adapter.resolve('rina_contoh'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'rate_limited', retryAfterMs: 3_600_000, endpoint: ENDPOINT });
    // The next call is refused by the gate without a request being sent.
    const again = (await adapter.resolve('rina_contoh'))._unsafeUnwrapErr();
    expect(again.type).toBe('rate_limited');
    expect(starts).toHaveLength(1);
  });

  it('never lets more requests start in a rolling window than the configured cap', async () => {
    const starts: number[] = [];
    const fetch: typeof globalThis.fetch = async () => {
      starts.push(Date.now());
      return ok();
    };
    const adapter = createPlatformAdapter({ config: config(fetch, { rateLimits: { [ENDPOINT]: { limit: 3, windowMs: 10_000 } }, concurrency: 8 }), adapter: definition });
    const calls = Array.from({ length: 10 }, (_, index) => adapter.resolve(`akun_${index}`));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(starts).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(40_000);
    expect((await Promise.all(calls)).every((result) => result.isOk())).toBe(true);
    expect(maxInAnyWindow(starts, 10_000)).toBe(3);
  });
});

/** The largest number of starts inside any half-open window [s, s + windowMs). */
function maxInAnyWindow(starts: readonly number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let best = 0;
  for (let index = 0; index < sorted.length; index++) {
    let count = 0;
    for (let other = index; other < sorted.length && sorted[other]! < sorted[index]! + windowMs; other++) count++;
    best = Math.max(best, count);
  }
  return best;
}

/** A clock whose time moves only when the test drives it. */
function virtualClock(): AdapterClock & { run(): Promise<void> } {
  let now = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve();
        timers.push({ at: now + Math.max(0, ms), resolve });
      }),
    async run() {
      await flush();
      while (timers.length > 0) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift()!;
        now = Math.max(now, next.at);
        next.resolve();
        await flush();
      }
    },
  };
}

describe('SlidingWindowLimiter', () => {
  it('in every rolling window, no more requests start than the cap (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 10, max: 500 }),
        fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: 1, maxLength: 30 }),
        async (limit, windowMs, arrivals) => {
          const clock = virtualClock();
          const limiter = new SlidingWindowLimiter(clock, { limit, windowMs });
          const starts: number[] = [];
          const all = arrivals.map(async (at) => {
            await clock.sleep(at);
            const outcome = await limiter.acquire(Number.POSITIVE_INFINITY);
            if (outcome === 'started') starts.push(clock.now());
          });
          await clock.run();
          await Promise.all(all);
          expect(starts).toHaveLength(arrivals.length);
          expect(maxInAnyWindow(starts, windowMs)).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a server budget of zero holds starts until its reset, then lets them go', async () => {
    const clock = virtualClock();
    const limiter = new SlidingWindowLimiter(clock, undefined);
    limiter.observe({ remaining: 0, resetAt: 5_000 });
    expect(limiter.waitMs()).toEqual({ waitMs: 5_000, cause: 'server' });
    expect(await limiter.acquire(4_999)).toEqual({ waitMs: 5_000, cause: 'server' });
    const started = limiter.acquire(Number.POSITIVE_INFINITY);
    await clock.run();
    expect(await started).toBe('started');
    expect(clock.now()).toBe(5_000);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Sat, 28 Feb 2026 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
