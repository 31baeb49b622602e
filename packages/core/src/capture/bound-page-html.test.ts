import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundPageHtml, PAGE_HTML_LIMITS } from './bound-page-html.js';

const MiB = 1024 ** 2;
const nested = (depth: number, inner = 'teks', tag = 'div'): string => `${`<${tag}>`.repeat(depth)}${inner}${`</${tag}>`.repeat(depth)}`;
const page = (body: string): string => `<!doctype html><html><head><title>Halaman</title></head><body>${body}</body></html>`;

/** Deepest nesting of plain start/end tags (enough for the markup these tests build). */
function depthOf(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(/<(\/?)(div|span|p|section)\b[^>]*>/g)) {
    depth += match[1] ? -1 : 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

function measured<T>(work: () => T): { result: T; cpuMs: number; memoryGrowthBytes: number } {
  const startRss = process.memoryUsage().rss;
  const startCpu = process.cpuUsage();
  const result = work();
  const cpu = process.cpuUsage(startCpu);
  return { result, cpuMs: (cpu.user + cpu.system) / 1000, memoryGrowthBytes: process.memoryUsage().rss - startRss };
}

describe('boundPageHtml', () => {
  it('leaves a page within the limits as it is, and says nothing was skipped', () => {
    const html = page(`<div role="article"><p>Ayo <b>coblos</b> nomor 2<br>hari ini</p><img src="a.jpg"><svg><path d="M0 0"/><path/></svg>${nested(100)}</div>`);
    expect(boundPageHtml(html)).toEqual({ html });
  });

  it('cuts elements deeper than the limit with their content, keeps what follows, and counts what it left out', () => {
    const html = page(`<div id="awal">sebelum</div>${nested(50_000, 'dalam sekali')}<div id="akhir">sesudah</div>`);
    const { html: bounded, skipped } = boundPageHtml(html);
    expect(skipped).toMatchObject({ maxDepth: PAGE_HTML_LIMITS.maxDepth, truncatedChars: 0 });
    // html and body take two levels: the cut starts at the div on level 257.
    expect(skipped?.deepElements).toBe(50_000 - (PAGE_HTML_LIMITS.maxDepth - 2));
    expect(skipped?.deepChars).toBe(html.length - bounded.length);
    expect(depthOf(bounded)).toBe(PAGE_HTML_LIMITS.maxDepth - 2);
    expect(bounded).not.toContain('dalam sekali');
    expect(bounded).toContain('<div id="awal">sebelum</div>');
    expect(bounded).toContain('<div id="akhir">sesudah</div></body></html>');
  });

  it('does not count tags inside scripts, comments or attribute values', () => {
    const inside = '<div>'.repeat(1000);
    const html = page(`<script>var s = "${inside}";</script><!-- ${inside} --><div title="${inside}">x</div><textarea>${inside}</textarea><noscript>${inside}</noscript>`);
    expect(boundPageHtml(html, { maxDepth: 10 })).toEqual({ html });
  });

  it('treats void elements and SVG self-closing tags as leaves, but an HTML <div/> as open, as browsers do', () => {
    expect(boundPageHtml(page(`${'<br><img src="x"><input>'.repeat(500)}<svg>${'<circle r="1"/>'.repeat(500)}</svg>`), { maxDepth: 10 }).skipped).toBeUndefined();
    expect(boundPageHtml(page('<div/>'.repeat(500)), { maxDepth: 10 }).skipped?.deepElements).toBe(500 - 8);
  });

  it('closes elements whose end tag is optional (head, p, li) instead of counting them as nesting', () => {
    const html = `<html><head><title>t</title><body>${'<ul><li>satu<li>dua</ul><p>a<p>b'.repeat(50)}<div><div><div>dalam</div></div></div></body></html>`;
    expect(boundPageHtml(html, { maxDepth: 8 })).toEqual({ html });
  });

  it('resumes after a deep subtree left unclosed when an ancestor closes', () => {
    const html = page(`<section>${'<span>'.repeat(40)}hilang</section><p>tetap</p>`);
    const { html: bounded, skipped } = boundPageHtml(html, { maxDepth: 20 });
    expect(skipped?.deepElements).toBe(40 - 17);
    expect(bounded).toContain('</section><p>tetap</p></body></html>');
  });

  it('reads no more than the size limit and says how much it left', () => {
    const html = page('<p>isi</p>'.repeat(1000));
    const { html: bounded, skipped } = boundPageHtml(html, { maxChars: 500 });
    expect(bounded).toBe(html.slice(0, 500));
    expect(skipped).toMatchObject({ truncatedChars: html.length - 500, deepElements: 0 });
  });

  it('never nests deeper than the limit, whatever the markup', () => {
    const tag = fc.constantFrom('<div>', '</div>', '<span>', '</span>', '<p>', '</p>', '<br>', 'teks', '<!--', '-->', '<script>', '</script>', '"', '<div class="a>b">', '<svg>', '<path/>', '</svg>');
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 300 }), fc.integer({ min: 2, max: 12 }), (parts, maxDepth) => {
        const bounded = boundPageHtml(parts.join(''), { maxDepth });
        expect(bounded.html.length).toBeLessThanOrEqual(parts.join('').length);
        if (!bounded.skipped) expect(bounded.html).toBe(parts.join(''));
      }),
    );
    const deep = fc.array(fc.constantFrom('<div>', '<span>', '<section>'), { minLength: 1, maxLength: 400 });
    fc.assert(
      fc.property(deep, fc.integer({ min: 2, max: 50 }), (opens, maxDepth) => {
        expect(depthOf(boundPageHtml(opens.join('')).html.replace(/<\/?(html|body)>/g, ''))).toBeLessThanOrEqual(PAGE_HTML_LIMITS.maxDepth);
        expect(depthOf(boundPageHtml(opens.join(''), { maxDepth }).html)).toBeLessThanOrEqual(maxDepth);
      }),
    );
  });

  it('stays linear: 300,000 levels are cut within a CPU and memory budget', () => {
    const html = page(nested(300_000));
    const { result, cpuMs, memoryGrowthBytes } = measured(() => boundPageHtml(html));
    expect(result.skipped?.deepElements).toBe(300_000 - (PAGE_HTML_LIMITS.maxDepth - 2));
    // One pass over 3.3 MB of markup; the quadratic cost this prevents ran for minutes.
    expect(cpuMs).toBeLessThan(1500);
    expect(memoryGrowthBytes).toBeLessThan(64 * MiB);
  });
});
