import { describe, expect, it } from 'vitest';
import { metaUsageRateLimitReader, readMetaUsage } from './meta-usage-headers.js';

describe('readMetaUsage', () => {
  it('takes the highest percentage of x-app-usage and the business use case header', () => {
    const headers = new Headers({
      'x-app-usage': JSON.stringify({ call_count: 28, total_time: 25, total_cputime: 91 }),
      'x-business-use-case-usage': JSON.stringify({ '1': [{ type: 'pages', call_count: 40, total_cputime: 10, total_time: 10, estimated_time_to_regain_access: 0 }] }),
    });
    expect(readMetaUsage(headers)).toEqual({ maxPercent: 91 });
  });
  it('ignores malformed headers', () => {
    expect(readMetaUsage(new Headers({ 'x-app-usage': '{not json' }))).toBeUndefined();
  });
  it('reads the ad-account business use case header too, with its announced wait', () => {
    const headers = new Headers({ 'x-ad-account-usage-buc': JSON.stringify({ '9': [{ type: 'ads_management', call_count: 97, total_cputime: 3, total_time: 3, estimated_time_to_regain_access: 2 }] }) });
    expect(readMetaUsage(headers)).toEqual({ maxPercent: 97, regainAccessMs: 120_000 });
  });
});

describe('metaUsageRateLimitReader', () => {
  const usage = (percent: number) => new Headers({ 'x-app-usage': JSON.stringify({ call_count: percent, total_time: 1, total_cputime: 1 }) });
  const now = 1_700_000_000_000;

  it('leaves the queue alone below the threshold', () => {
    expect(metaUsageRateLimitReader()(usage(60), now)).toBeUndefined();
  });
  it('allows fewer requests per minute the closer usage is to 100 %', () => {
    expect(metaUsageRateLimitReader()(usage(85), now)).toEqual({ remaining: 5, resetAt: now + 60_000 });
    expect(metaUsageRateLimitReader()(usage(98), now)).toEqual({ remaining: 1, resetAt: now + 60_000 });
  });
  it('stops at 100 %, for the announced time when there is one', () => {
    expect(metaUsageRateLimitReader()(usage(100), now)).toEqual({ remaining: 0, resetAt: now + 600_000 });
    const buc = new Headers({ 'x-business-use-case-usage': JSON.stringify({ '1': [{ type: 'pages', call_count: 100, total_cputime: 5, total_time: 5, estimated_time_to_regain_access: 7 }] }) });
    expect(metaUsageRateLimitReader()(buc, now)).toEqual({ remaining: 0, resetAt: now + 7 * 60_000 });
  });
  it('can be told not to slow down before Meta refuses', () => {
    expect(metaUsageRateLimitReader({ slowDownAtPercent: 100 })(usage(99), now)).toBeUndefined();
  });
});
