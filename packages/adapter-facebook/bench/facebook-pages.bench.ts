import { decodeMhtml } from '@sipansos/core/adapter-kit';
import { sha256Hex } from '@sipansos/core/evidence';
import { parseFacebookPage } from '../src/index.js';
import { reportBench } from '../../../scripts/bench-results.js';

// A long saved profile (400 posts, one comment thread each), as a person scrolling for a while
// would save it, parsed as HTML and once more wrapped in quoted-printable MHTML.
const POSTS = 400;
const articles = Array.from({ length: POSTS }, (_, index) => {
  const id = 7_220_000_000 + index;
  return `<div role="article" aria-posinset="${index + 1}"><h2><a href="https://www.facebook.com/sari.wulandari.contoh"><strong>Sari Wulandari Contoh</strong></a></h2>
<a href="https://www.facebook.com/sari.wulandari.contoh/posts/${id}?__cft__[0]=AZ"><abbr data-utime="${1_731_988_800 - index * 3600}">jam</abbr></a>
<div data-ad-preview="message"><div dir="auto">Kabar kegiatan ke-${index}: ayo dukung pasangan nomor 2! #Coblos2 https://contoh.example/${index}</div></div>
<a href="https://www.facebook.com/photo/?fbid=${id}"><img src="https://scontent.example.invalid/${id}.jpg" alt="Mungkin gambar ${index}"></a>
<ul><li><div role="article" aria-label="Komentar dari Warga Contoh ${index}"><a href="https://www.facebook.com/warga.contoh.${index}">Warga</a><div dir="auto">Setuju ${index}</div><a href="https://www.facebook.com/sari.wulandari.contoh/posts/${id}?comment_id=${id}001"><abbr data-utime="${1_731_990_000 - index * 3600}">1j</abbr></a></div></li></ul></div>`;
}).join('\n');
const html = `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Sari Wulandari Contoh | Facebook</title><meta property="og:site_name" content="Facebook"><meta property="og:url" content="https://www.facebook.com/sari.wulandari.contoh"></head><body>${articles}</body></html>`;
const qp = html.replace(/=/g, '=3D').replace(/(.{70})/g, '$1=\r\n');
const mhtml = new TextEncoder().encode(`MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="----B"\r\n\r\n------B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp}\r\n------B--\r\n`);

function time(runs: number, body: () => void): number {
  body();
  const started = performance.now();
  for (let run = 0; run < runs; run++) body();
  return (performance.now() - started) / runs;
}

let items = 0;
const parseMs = time(10, () => {
  items = parseFacebookPage({ html, bodySha256: sha256Hex(html) })._unsafeUnwrap().items.length;
});
const mhtmlMs = time(10, () => {
  decodeMhtml(mhtml)._unsafeUnwrap();
});

reportBench(
  'facebook-pages',
  [
    { name: 'page size', value: html.length / 1024, unit: 'KiB' },
    { name: 'items read per page', value: items, unit: 'items' },
    { name: 'parseFacebookPage', value: parseMs, unit: 'ms/page' },
    { name: 'parse throughput', value: (items / parseMs) * 1000, unit: 'items/s' },
    { name: 'decodeMhtml (quoted-printable)', value: mhtmlMs, unit: 'ms/page' },
  ],
  [`${POSTS} posts with one comment each; machine shared with other work, figures are noisy`],
);
