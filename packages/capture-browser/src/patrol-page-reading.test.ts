import { describe, expect, it } from 'vitest';
import type { KeptPage } from './keep-page.js';
import type { RecordedExchange } from './exchange-recorder.js';
import { readPatrolPage } from './patrol-page-reading.js';

const HASH = 'a'.repeat(64);
const blob = { bytes: new Uint8Array(), sha256: HASH, mediaType: 'x' };

function page(html: string, exchanges: RecordedExchange[] = [], url = 'https://www.facebook.com/sari.wulandari.88'): KeptPage {
  return { url, urlChain: [url], product: 'Chrome/1', userAgent: 'ua', actor: 'petugas', startedAt: '2024-10-03T00:00:00Z', capturedAt: '2024-10-03T00:00:01Z', exchanges, html, blobs: { warc: blob, text: blob }, redactedValues: 0 };
}

function graphql(body: unknown): RecordedExchange {
  return { url: 'https://www.facebook.com/api/graphql/', method: 'POST', requestHeaders: [], status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', responseHeaders: [{ name: 'content-type', value: 'application/json' }], body: new TextEncoder().encode(`${JSON.stringify(body)}\n`), at: '2024-10-03T00:00:00Z', isDocument: false };
}

describe('reading a kept page', () => {
  it('a page whose markup drifted is a parse error carrying the page hash', () => {
    const reading = readPatrolPage(page('<!DOCTYPE html><html><head><title>Sari | Facebook</title><meta property="og:site_name" content="Facebook"></head><body><div class="x9f619">Sari Wulandari</div></body></html>'), HASH);
    expect(reading.problem).toMatchObject({ type: 'parse', bodySha256: HASH });
    expect(reading.items).toEqual([]);
  });

  it('a rate-limit page is rate_limited and a login form is a login wall, never "no posts"', () => {
    expect(readPatrolPage(page('<html><head><title>Anda Diblokir Sementara</title></head><body><p>Anda Diblokir Sementara</p></body></html>'), HASH).kind).toBe('rate_limited');
    expect(readPatrolPage(page('<html><head><title>Masuk ke Facebook</title></head><body><form id="login_form" action="/login/"><input name="email"><input type="password" name="pass"></form></body></html>'), HASH).kind).toBe('login_wall');
    expect(readPatrolPage(page('<html><head><title>Facebook</title></head><body><h2>Konten ini tidak tersedia saat ini</h2></body></html>'), HASH).kind).toBe('unavailable');
  });

  it('reaction lists come from the GraphQL answers the app fetched, with handles from profile URLs', () => {
    const html = `<html><head><title>Page | Facebook</title><meta property="og:site_name" content="Facebook"></head><body><div role="article" data-ft='{"top_level_post_id":"72","content_owner_id_new":"9"}'><h2><a href="https://www.facebook.com/armanrina.resmi">Arman</a></h2><div data-ad-preview="message">Halo</div></div></body></html>`;
    const reactions = graphql({ data: { node: { id: Buffer.from('feedback:72').toString('base64'), reactors: { count: 2, edges: [{ node: { __typename: 'User', id: '101', name: 'Sari', url: 'https://www.facebook.com/sari.wulandari.88' }, feedback_reaction_info: { localized_name: 'Suka' } }, { node: { id: '102', name: 'Tanpa Nama', url: 'https://www.facebook.com/profile.php?id=102' } }] } } } });
    const unrelated = graphql({ data: { viewer: { id: '1' } } });
    const reading = readPatrolPage(page(html, [reactions, unrelated]), HASH);
    expect(reading.reactionLists).toEqual([{ postId: '72', count: 2, reactors: [{ id: '101', name: 'Sari', handle: 'sari.wulandari.88', url: 'https://www.facebook.com/sari.wulandari.88', reaction: 'Suka' }, { id: '102', name: 'Tanpa Nama', url: 'https://www.facebook.com/profile.php?id=102' }] }]);
    expect(reading.items.map((item) => item.id)).toEqual(['72']);
  });
});

describe('reaction dialogs in the DOM', () => {
  const permalink = (dialog: string) =>
    `<html><head><title>Arman | Facebook</title><meta property="og:site_name" content="Facebook"></head><body><div role="article" data-ft='{"top_level_post_id":"72","content_owner_id_new":"9"}'><h2><a href="https://www.facebook.com/armanrina.resmi">Arman</a></h2><div data-ad-preview="message">Halo</div></div>${dialog}</body></html>`;

  it('names in an open reactions dialog over a permalink are that post\'s reactors, even when no JSON was read', () => {
    const html = permalink('<div role="dialog" aria-label="Reaksi"><a href="https://www.facebook.com/help/reactions">Bantuan</a><div data-reaction="Suka"><a href="https://www.facebook.com/yudha.pratama.wijaya">Yudha Pratama Wijaya</a></div><a href="https://www.facebook.com/profile.php?id=100070000000009">Tanpa Nama</a></div>');
    const reading = readPatrolPage(page(html, [], 'https://www.facebook.com/armanrina.resmi/posts/72'), HASH);
    expect(reading.reactionLists).toEqual([
      {
        postId: '72',
        reactors: [
          { name: 'Yudha Pratama Wijaya', handle: 'yudha.pratama.wijaya', url: 'https://www.facebook.com/yudha.pratama.wijaya', reaction: 'Suka' },
          { id: '100070000000009', name: 'Tanpa Nama', url: 'https://www.facebook.com/profile.php?id=100070000000009' },
        ],
      },
    ]);
  });

  it('the JSON list keeps its ids and the dialog adds only names the JSON lacked', () => {
    const html = permalink('<div role="dialog"><a href="https://www.facebook.com/sari.wulandari.88">Sari</a><a href="https://www.facebook.com/kades.mekarsari">Slamet Raharjo</a></div>');
    const reactions = graphql({ data: { node: { id: Buffer.from('feedback:72').toString('base64'), reactors: { edges: [{ node: { id: '101', name: 'Sari', url: 'https://www.facebook.com/sari.wulandari.88' } }] } } } });
    const reading = readPatrolPage(page(html, [reactions], 'https://www.facebook.com/armanrina.resmi/posts/72'), HASH);
    expect(reading.reactionLists[0]!.reactors.map((reactor) => [reactor.id, reactor.handle])).toEqual([
      ['101', 'sari.wulandari.88'],
      [undefined, 'kades.mekarsari'],
    ]);
  });
});
