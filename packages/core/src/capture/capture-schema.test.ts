import { describe, expect, it } from 'vitest';
import { CaptureSchema } from './capture-schema.js';

const base = {
  id: 'cap-1',
  adapter: { id: 'facebook-graph', version: '0.1.0' },
  platform: 'facebook',
  account: { platform: 'facebook', handle: 'infodesasukamaju.contoh', id: '100200300400500' },
  accountKey: 'facebook:100200300400500',
  scope: 'timeline',
  capturedAt: '2024-10-01T03:00:00Z',
  window: { complete: true, reachedEnd: true },
};
const request = { method: 'GET', url: 'https://graph.facebook.com/v25.0/100200300400500/posts?limit=25', status: 200, at: '2024-10-01T03:00:00Z', bodySha256: 'a'.repeat(64) };

describe('CaptureSchema request redactions', () => {
  it('reads a capture stored before redactions were recorded exactly as it was (no key added)', () => {
    const parsed = CaptureSchema.parse({ ...base, requests: [request] });
    expect(parsed.requests[0]).toEqual(request);
    expect(Object.keys(parsed.requests[0]!)).not.toContain('redactions');
  });

  it('keeps the rule and count of each redaction, and refuses a malformed one', () => {
    const redactions = [{ rule: 'secret-query-param', count: 2 }];
    expect(CaptureSchema.parse({ ...base, requests: [{ ...request, redactions }] }).requests[0]?.redactions).toEqual(redactions);
    expect(CaptureSchema.safeParse({ ...base, requests: [{ ...request, redactions: [{ rule: 'Secret Rule', count: 0 }] }] }).success).toBe(false);
  });
});
