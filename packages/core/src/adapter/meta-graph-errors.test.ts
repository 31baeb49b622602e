import { describe, expect, it } from 'vitest';
import type { HttpFailure } from './http-error-mapping.js';
import { mapMetaGraphError } from './meta-graph-errors.js';

const failure = (code: number, headers: Record<string, string> = {}, pauseKeys?: string[]): HttpFailure => {
  const json = { error: { message: 'throttled', type: 'OAuthException', code, fbtrace_id: 'AfakeTrace' } };
  return { endpoint: 'GET /:version/:page/posts', status: 400, headers: new Headers(headers), bodyText: JSON.stringify(json), json, ...(pauseKeys ? { pauseKeys } : {}) };
};

describe('mapMetaGraphError', () => {
  it.each([
    [4, 'platform'],
    [17, 'platform'],
    [32, 'account'],
    [613, 'account'],
    [80001, 'account'],
    [80002, 'account'],
  ])('code %i pauses the %s', (code, pauses) => {
    expect(mapMetaGraphError(failure(code))).toMatchObject({ type: 'rate_limited', pauses, retryAfterMs: 3_600_000 });
  });

  it("takes the wait Meta announced for the throttled object, not another object's", () => {
    const buc = JSON.stringify({
      '111': [{ type: 'pages', call_count: 100, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 3 }],
      '222': [{ type: 'pages', call_count: 100, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 40 }],
    });
    expect(mapMetaGraphError(failure(80001, { 'x-business-use-case-usage': buc }, ['111']))).toMatchObject({ pauses: 'account', retryAfterMs: 180_000 });
  });

  it('leaves adapter-specific codes to the adapter, and maps tokens, permissions and transient trouble', () => {
    const refine = (graph: { code: number }) => (graph.code === 803 ? { type: 'not_found' as const, message: 'no such Page' } : undefined);
    expect(mapMetaGraphError(failure(803), { refine })).toEqual({ type: 'not_found', message: 'no such Page' });
    expect(mapMetaGraphError(failure(190))?.type).toBe('unauthorized');
    expect(mapMetaGraphError(failure(10))?.type).toBe('unauthorized');
    expect(mapMetaGraphError(failure(2))).toMatchObject({ type: 'http', retryable: true });
    expect(mapMetaGraphError({ ...failure(1), json: { title: 'not graph' } })).toBeUndefined();
  });
});
