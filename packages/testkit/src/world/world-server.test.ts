import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { createSimulatedWorld } from './create-simulated-world.js';
import { worldEnvironment } from './world-environment.js';
import { startWorldServer } from './world-server.js';

describe('startWorldServer', () => {
  it('binds only to 127.0.0.1, serves X and Graph through undici, and stops on close', async () => {
    const world = createSimulatedWorld({ subjects: 30 });
    const server = await startWorldServer(world);
    const urls = [server.urls.x, server.urls.facebook, server.urls.instagram];
    for (const url of urls) expect(new URL(url).hostname).toBe('127.0.0.1');
    expect(server.urls.facebook).toBe(server.urls.instagram);
    expect(worldEnvironment(world, server)).toMatchObject({ SIPANSOS_X_BASE_URL: server.urls.x, SIPANSOS_FACEBOOK_CONTROL_POST_ID: world.controlPostIds.facebook });
    try {
      const user = await request(`${server.urls.x}/2/users/by/username/yudhapw_guru`, { headers: { authorization: 'Bearer any' } });
      expect(user.statusCode).toBe(200);
      expect(((await user.body.json()) as { data: { username: string } }).data.username).toBe('yudhapw_guru');
      const page = await request(`${server.urls.facebook}/v21.0/kades.mekarsari?fields=id,username&access_token=any`);
      expect(((await page.body.json()) as { username: string }).username).toBe('kades.mekarsari');
      const media = await request(`${server.urls.x}/__media/3_1.png`);
      expect(media.headers['content-type']).toBe('image/png');
      expect((await media.body.arrayBuffer()).byteLength).toBeGreaterThan(0);
      const saved = world.savedPages()[0]!;
      const html = await request(`${server.urls.savedPages}/${saved.platform}/${saved.handle}.html`);
      expect(await html.body.text()).toBe(saved.html);
    } finally {
      await server.close();
    }
    await expect(request(`${server.urls.x}/2/users/by/username/yudhapw_guru`, { headers: { authorization: 'Bearer any' } })).rejects.toThrow();
  });

  it('is not reachable on another local address', async () => {
    const { networkInterfaces } = await import('node:os');
    const other = Object.values(networkInterfaces())
      .flat()
      .find((entry) => entry && entry.family === 'IPv4' && !entry.internal);
    const world = createSimulatedWorld({ subjects: 10 });
    const server = await startWorldServer(world);
    try {
      const port = new URL(server.urls.x).port;
      // A machine without a non-loopback IPv4 address has nothing else to reach the server on.
      if (other) await expect(request(`http://${other.address}:${port}/2/users/by/username/x`, { headers: { authorization: 'Bearer any' } })).rejects.toThrow();
      else expect(new URL(server.urls.x).hostname).toBe('127.0.0.1');
    } finally {
      await server.close();
    }
  });
});
