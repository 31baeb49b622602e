import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, startWebServer } from './web-server.js';

describe('web server', () => {
  it('refuses a non-loopback host unless it was named explicitly', async () => {
    const refused = await startWebServer({ app: new Hono(), host: '0.0.0.0', port: 0 });
    expect(refused._unsafeUnwrapErr().type).toBe('host_not_allowed');
  });

  it('serves a named network interface with a warning when there is no TLS', async () => {
    const app = new Hono().get('/', (c) => c.text('ok'));
    const started = (await startWebServer({ app, host: '0.0.0.0', hostExplicit: true, port: 0 }))._unsafeUnwrap();
    try {
      expect(started.warnings[0]?.en).toContain('without TLS');
      const port = new URL(started.url).port;
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
    } finally {
      await started.close();
    }
  });

  it('loopback needs no flag and gives no warning', async () => {
    expect(isLoopbackHost('127.0.0.1') && isLoopbackHost('localhost') && isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('192.168.1.10') || isLoopbackHost('0.0.0.0')).toBe(false);
    const started = (await startWebServer({ app: new Hono(), port: 0 }))._unsafeUnwrap();
    expect(started.warnings).toEqual([]);
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await started.close();
  });
});
