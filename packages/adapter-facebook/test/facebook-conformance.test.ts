import { test } from 'vitest';
import { adapterConformanceSuite } from '@sipansos/testkit';
import { createFacebookAdapter } from '../src/index.js';
import { CONTROL_POST_ID, GRAPH, facebookConformanceWires } from './facebook-conformance-wires.js';

// adapter-facebook (Graph API) runs the same suite a third party's adapter would.
adapterConformanceSuite({
  test,
  createAdapter: (environment) =>
    createFacebookAdapter({
      accessToken: environment.secret,
      fetch: environment.fetch,
      env: {},
      baseUrl: environment.baseUrl ?? GRAPH,
      controlPostId: CONTROL_POST_ID,
      timeouts: { headersMs: environment.limits.headersTimeoutMs, bodyMs: environment.limits.bodyTimeoutMs, callMs: environment.limits.callTimeoutMs },
      retry: {
        maxRetries: environment.limits.maxRetries,
        baseDelayMs: environment.limits.retryBaseDelayMs,
        maxDelayMs: environment.limits.retryBaseDelayMs * 4,
        maxRateLimitWaitMs: environment.limits.maxRateLimitWaitMs,
      },
    }),
  scenarios: facebookConformanceWires(),
  disable: {
    'account-private': 'Facebook Pages have no private mode; an age- or country-restricted Page answers Graph code 100/33 like a missing one',
    'account-suspended': 'the Graph API never says a Page is suspended; an unpublished or restricted Page answers 100/33 like a missing one',
    'post-edited': 'the Graph API keeps no edit history (no version ids) and updated_time also moves for comments; edits show as changed text across captures (capabilities.exposesEdits is false)',
    'repost-original-deleted': "Meta does not document how a share of a deleted post is marked; the adapter sets target.unavailable from the attachment's \"content isn't available\" title, which is not a documented shape",
  },
});
