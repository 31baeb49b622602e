import { test } from 'vitest';
import { adapterConformanceSuite } from '@sipansos/testkit';
import { createXAdapter } from '../src/index.js';
import { xConformanceWires } from './x-conformance-wires.js';

// adapter-x runs the same suite a third party's adapter would.
adapterConformanceSuite({
  test,
  createAdapter: (environment) =>
    createXAdapter({
      bearerToken: environment.secret,
      fetch: environment.fetch,
      env: {},
      ...(environment.baseUrl ? { baseUrl: environment.baseUrl } : {}),
      timeouts: { headersMs: environment.limits.headersTimeoutMs, bodyMs: environment.limits.bodyTimeoutMs, callMs: environment.limits.callTimeoutMs },
      retry: {
        maxRetries: environment.limits.maxRetries,
        baseDelayMs: environment.limits.retryBaseDelayMs,
        maxDelayMs: environment.limits.retryBaseDelayMs * 4,
        maxRateLimitWaitMs: environment.limits.maxRateLimitWaitMs,
      },
    }),
  scenarios: xConformanceWires(),
});
