import { describe, expect, it } from 'vitest';
import { metaUsageRateLimitReader, readMetaUsage } from './meta-usage-headers.js';

// Header shapes as Meta's "Rate Limits" page documents them.
const buc = (objectId: string, usage: Record<string, number | string>) => JSON.stringify({ [objectId]: [{ type: 'pages', call_count: 0, total_cputime: 0, total_time: 0, estimated_time_to_regain_access: 0, ...usage }] });

describe('readMetaUsage', () => {
  it('reads each header at its own level: the app, the Page, and each business object', () => {
    const headers = new Headers({
      'x-app-usage': JSON.stringify({ call_count: 28, total_time: 25, total_cputime: 91 }),
      'x-page-usage': JSON.stringify({ call_count: 12, total_time: 3, total_cputime: 2 }),
      'x-business-use-case-usage': buc('1', { call_count: 40, total_cputime: 10, total_time: 10 }),
    });
    expect(readMetaUsage(headers)).toEqual({ maxPercent: 91, app: { maxPercent: 91 }, page: { maxPercent: 12 }, objects: { '1': { maxPercent: 40 } } });
  });
  it('ignores malformed headers', () => {
    expect(readMetaUsage(new Headers({ 'x-app-usage': '{not json' }))).toBeUndefined();
  });
  it('reads the ad-account business use case header too, with its announced wait', () => {
    const headers = new Headers({ 'x-ad-account-usage-buc': JSON.stringify({ '9': [{ type: 'ads_management', call_count: 97, total_cputime: 3, total_time: 3, estimated_time_to_regain_access: 2 }] }) });
    expect(readMetaUsage(headers)).toEqual({ maxPercent: 97, regainAccessMs: 120_000, objects: { '9': { maxPercent: 97, regainAccessMs: 120_000 } } });
  });
});

describe('metaUsageRateLimitReader', () => {
  const usage = (percent: number) => new Headers({ 'x-app-usage': JSON.stringify({ call_count: percent, total_time: 1, total_cputime: 1 }) });
  const now = 1_700_000_000_000;

  it('leaves the queue alone below the threshold', () => {
    expect(metaUsageRateLimitReader()(usage(60), now)).toBeUndefined();
  });
  it('allows fewer requests per minute the closer app usage is to 100 %', () => {
    expect(metaUsageRateLimitReader()(usage(85), now)).toEqual({ remaining: 5, resetAt: now + 60_000 });
    expect(metaUsageRateLimitReader()(usage(98), now)).toEqual({ remaining: 1, resetAt: now + 60_000 });
  });
  it('pauses the whole platform when the app budget is spent', () => {
    expect(metaUsageRateLimitReader()(usage(100), now)).toEqual({ scope: 'platform', remaining: 0, resetAt: now + 600_000 });
  });
  it('does not pause the platform on the app budget when BUC limits apply to the request (Meta: BUC wins)', () => {
    const headers = new Headers({ 'x-app-usage': JSON.stringify({ call_count: 100, total_time: 1, total_cputime: 1 }), 'x-business-use-case-usage': buc('111', { call_count: 20 }) });
    expect(metaUsageRateLimitReader()(headers, now)).toEqual({ remaining: 1, resetAt: now + 60_000 });
  });
  it('pauses only the business object a BUC header names, for the announced time', () => {
    const headers = new Headers({ 'x-business-use-case-usage': JSON.stringify({ '111': [{ type: 'pages', call_count: 100, total_cputime: 5, total_time: 5, estimated_time_to_regain_access: 7 }], '222': [{ type: 'pages', call_count: 30, total_cputime: 5, total_time: 5, estimated_time_to_regain_access: 0 }] }) });
    expect(metaUsageRateLimitReader()(headers, now)).toEqual({ objectPauses: { '111': now + 7 * 60_000 } });
  });
  it('pauses only the Page a spent X-Page-Usage describes', () => {
    const headers = new Headers({ 'x-page-usage': JSON.stringify({ call_count: 100, total_cputime: 20, total_time: 20 }) });
    expect(metaUsageRateLimitReader()(headers, now)).toEqual({ ownObjectPausedUntil: now + 600_000 });
  });
  it('does not slow the platform for a busy business object', () => {
    expect(metaUsageRateLimitReader()(new Headers({ 'x-business-use-case-usage': buc('111', { call_count: 95 }) }), now)).toBeUndefined();
  });
  it('can be told not to slow down before Meta refuses', () => {
    expect(metaUsageRateLimitReader({ slowDownAtPercent: 100 })(usage(99), now)).toBeUndefined();
  });
});
