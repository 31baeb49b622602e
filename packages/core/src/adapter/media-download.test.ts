import { describe, expect, it } from 'vitest';
import { createPlatformAdapter } from './create-platform-adapter.js';
import type { MediaDownloadConfig } from './platform-adapter-config.js';
import { isPrivateAddress } from './private-address.js';

const TOKEN = 'media-test-secret-token-99887766';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Hit {
  url: string;
  authorization: string | null;
}

function mediaAdapter(routes: Record<string, () => Response>, media: Partial<MediaDownloadConfig> = {}, hits: Hit[] = []) {
  return createPlatformAdapter({
    config: {
      platform: 'x',
      adapterId: 'media-test',
      adapterVersion: '0.0.0',
      baseUrl: 'https://api.example.test',
      capabilities: { scopes: ['timeline'], lookup: false, distinguishesPrivateFromDeleted: false, exposesEdits: false, exposesLikes: false, exposesFollows: false, mediaDownload: true },
      headers: { authorization: `Bearer ${TOKEN}` },
      secrets: [TOKEN],
      retry: { maxRetries: 0 },
      fetch: async (input, init) => {
        const url = String(input);
        hits.push({ url, authorization: new Headers(init?.headers).get('authorization') });
        const route = routes[url];
        return route ? route() : new Response('missing', { status: 404 });
      },
      media: { allowedHosts: ['pbs.twimg.com', '.twimg-video.example'], resolveHost: async () => ['151.101.0.1'], ...media },
    },
    adapter: { resolve: () => { throw new Error('unused'); }, capture: () => { throw new Error('unused'); } },
  });
}

describe('fetchMedia guard', () => {
  it('downloads an allowed https image without sending the API token', async () => {
    const hits: Hit[] = [];
    const adapter = mediaAdapter({ 'https://pbs.twimg.com/media/abc.png': () => new Response(PNG, { headers: { 'content-type': 'image/png' } }) }, {}, hits);
    const media = (await adapter.fetchMedia!('https://pbs.twimg.com/media/abc.png'))._unsafeUnwrap();
    expect(media).toEqual({ bytes: PNG, mediaType: 'image/png', url: 'https://pbs.twimg.com/media/abc.png' });
    expect(hits[0]?.authorization).toBeNull();
  });

  it.each([
    ['http://pbs.twimg.com/media/abc.png', 'https'],
    ['https://evil.example/abc.png', 'allow-list'],
    ['https://127.0.0.1/abc.png', 'private'],
    ['https://user:pw@pbs.twimg.com/abc.png', 'credentials'],
  ])('refuses %s (%s) without a request', async (url, why) => {
    const hits: Hit[] = [];
    const error = (await mediaAdapter({}, {}, hits).fetchMedia!(url))._unsafeUnwrapErr();
    expect(error.type).toBe('invalid_input');
    expect(error.message).toMatch(new RegExp(why === 'allow-list' ? 'allow-list' : why === 'private' ? 'private' : why));
    expect(hits).toHaveLength(0);
  });

  it('follows a redirect to another allowed host but refuses one to a private address', async () => {
    const good = mediaAdapter({
      'https://pbs.twimg.com/media/a.jpg': () => new Response(null, { status: 302, headers: { location: 'https://v1.twimg-video.example/a.jpg' } }),
      'https://v1.twimg-video.example/a.jpg': () => new Response(PNG, { headers: { 'content-type': 'image/jpeg' } }),
    });
    expect((await good.fetchMedia!('https://pbs.twimg.com/media/a.jpg'))._unsafeUnwrap().url).toBe('https://v1.twimg-video.example/a.jpg');

    const hits: Hit[] = [];
    const bad = mediaAdapter({ 'https://pbs.twimg.com/media/a.jpg': () => new Response(null, { status: 301, headers: { location: 'https://[::1]/admin' } }) }, {}, hits);
    expect((await bad.fetchMedia!('https://pbs.twimg.com/media/a.jpg'))._unsafeUnwrapErr().type).toBe('invalid_input');
    expect(hits).toHaveLength(1);
  });

  it('refuses an allowed name that resolves to a private address', async () => {
    const adapter = mediaAdapter({}, { resolveHost: async () => ['10.0.0.5'] });
    expect((await adapter.fetchMedia!('https://pbs.twimg.com/media/a.jpg'))._unsafeUnwrapErr().message).toMatch(/resolves to a loopback or private/);
  });

  it('refuses a wrong content type and a body over the size cap', async () => {
    const adapter = mediaAdapter(
      {
        'https://pbs.twimg.com/page.html': () => new Response('<html>', { headers: { 'content-type': 'text/html' } }),
        'https://pbs.twimg.com/big.png': () => new Response(new Uint8Array(2048), { headers: { 'content-type': 'image/png' } }),
      },
      { maxBytes: 1024 },
    );
    expect((await adapter.fetchMedia!('https://pbs.twimg.com/page.html'))._unsafeUnwrapErr()).toMatchObject({ type: 'parse', issues: [{ path: 'content-type' }] });
    expect((await adapter.fetchMedia!('https://pbs.twimg.com/big.png'))._unsafeUnwrapErr().type).toBe('parse');
  });
});

describe('isPrivateAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1'])('%s is private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });
  it.each(['151.101.0.1', '8.8.8.8', '2606:4700::1111', 'pbs.twimg.com'])('%s is not', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});
