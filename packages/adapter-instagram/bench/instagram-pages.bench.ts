import { sha256Hex } from '@sipansos/core/evidence';
import { parseInstagramPage } from '../src/index.js';
import { reportBench } from '../../../scripts/bench-results.js';

// A saved profile after long scrolling: 600 posts in the embedded JSON and in the grid.
const POSTS = 600;
const edges = Array.from({ length: POSTS }, (_, index) => ({
  node: {
    code: `DCbench${String(index).padStart(5, '0')}`,
    pk: String(3_480_000_000_000_000_000n + BigInt(index)),
    taken_at: 1_731_988_800 - index * 3600,
    media_type: 1,
    caption: { text: `Kegiatan ke-${index} bersama warga #Coblos2 @hendra.yuliani.contoh`, created_at: 1_731_988_800 - index * 3600, pk: `1799${index}` },
    like_count: index,
    comment_count: 2,
    user: { pk: '5500110022', username: 'dewi.lestari.contoh' },
    image_versions2: { candidates: [{ url: `https://scontent.cdninstagram.com/v/t51/${index}.jpg` }] },
  },
}));
const json = JSON.stringify({ data: { user: { pk: '5500110022', username: 'dewi.lestari.contoh', full_name: 'Dewi Lestari', is_private: false, media_count: POSTS }, xdt_api__v1__feed__user_timeline_graphql_connection: { edges } } });
const grid = edges.map((edge) => `<a href="/p/${edge.node.code}/"><img alt="Foto ${edge.node.code}" src="https://scontent.cdninstagram.com/v/t51/${edge.node.code}.jpg"></a>`).join('');
const html = `<!DOCTYPE html><html lang="id"><head><title>Dewi Lestari (@dewi.lestari.contoh) • Foto dan video Instagram</title><meta property="og:site_name" content="Instagram"><script type="application/json">${json}</script></head><body><main>${grid}</main></body></html>`;

function time(runs: number, body: () => void): number {
  body();
  const started = performance.now();
  for (let run = 0; run < runs; run++) body();
  return (performance.now() - started) / runs;
}

let items = 0;
const parseMs = time(10, () => {
  items = parseInstagramPage({ html, bodySha256: sha256Hex(html) })._unsafeUnwrap().items.length;
});

reportBench(
  'instagram-pages',
  [
    { name: 'page size', value: html.length / 1024, unit: 'KiB' },
    { name: 'items read per page', value: items, unit: 'items' },
    { name: 'parseInstagramPage', value: parseMs, unit: 'ms/page' },
    { name: 'parse throughput', value: (items / parseMs) * 1000, unit: 'items/s' },
  ],
  [`${POSTS} posts in embedded JSON and grid; machine shared with other work, figures are noisy`],
);
