import { test } from 'vitest';
import { adapterConformanceSuite } from '@sipansos/testkit';
import { createInstagramAdapter } from '../src/index.js';
import { GRAPH, OFFICE_IG_USER_ID, instagramConformanceWires } from './instagram-conformance-wires.js';

// adapter-instagram (business discovery) runs the same suite a third party's adapter would.
adapterConformanceSuite({
  test,
  createAdapter: (environment) =>
    createInstagramAdapter({
      accessToken: environment.secret,
      igUserId: OFFICE_IG_USER_ID,
      fetch: environment.fetch,
      env: {},
      baseUrl: environment.baseUrl ?? GRAPH,
      timeouts: { headersMs: environment.limits.headersTimeoutMs, bodyMs: environment.limits.bodyTimeoutMs, callMs: environment.limits.callTimeoutMs },
      retry: {
        maxRetries: environment.limits.maxRetries,
        baseDelayMs: environment.limits.retryBaseDelayMs,
        maxDelayMs: environment.limits.retryBaseDelayMs * 4,
        maxRateLimitWaitMs: environment.limits.maxRateLimitWaitMs,
      },
    }),
  scenarios: instagramConformanceWires(),
  disable: {
    'account-private': 'business discovery reads only business and creator accounts, which cannot be private; private personal accounts are detected on saved and public pages',
    'account-suspended': 'business discovery never says an account is suspended; it answers "Cannot find User" as for a personal account',
    'account-deleted': 'business discovery answers a deleted account and a personal account alike (code 110, subcode 2207013); the adapter reports unsupported, never a deletion',
    'post-live': 'business discovery cannot look a post up by id (capabilities.lookup is false); absences become deleted_unverified in core',
    'post-gone': 'business discovery cannot look a post up by id (capabilities.lookup is false); absences become deleted_unverified in core',
    'post-edited': 'Instagram keeps no edit history and business discovery has no lookup; caption edits show as changed text across captures',
    'repost-original-deleted': 'Instagram has no reposts that the Graph API exposes',
  },
});
