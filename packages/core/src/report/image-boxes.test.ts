import { describe, expect, it } from 'vitest';
import type { MatchSpan } from '../findings/finding-schema.js';
import { boxedImageHtml } from './image-boxes.js';

const blob = 'c'.repeat(64);
const span = (image: MatchSpan['image'], text = 'Coblos No. 2'): MatchSpan => ({ field: 'media_text.0', start: 0, end: text.length, text, image });

describe('boxedImageHtml', () => {
  it('draws each box in percent of the image size and lists it', () => {
    const { html, listed } = boxedImageHtml('<img src="x">', blob, [span({ blobSha256: blob, box: { x: 480, y: 100, width: 480, height: 50 }, size: { width: 1200, height: 400 } })]);
    expect(html).toContain('<div class="sip-boxed"><img src="x">');
    expect(html).toContain('style="left:40%;top:25%;width:40%;height:12.5%"');
    expect(listed).toBe('Coblos No. 2 [480, 100, 480×50]');
  });

  it('leaves pictures without a span of theirs as they were, and escapes the listed text', () => {
    expect(boxedImageHtml('<img src="x">', blob, [span({ blobSha256: 'd'.repeat(64), box: { x: 0, y: 0, width: 1, height: 1 } })])).toEqual({ html: '<img src="x">', listed: '' });
    const { html, listed } = boxedImageHtml('<img>', blob, [span({ blobSha256: blob, box: { x: 1, y: 2, width: 3, height: 4 } }, '<b>')]);
    expect(html).not.toContain('sip-box"');
    expect(listed).toContain('&lt;b&gt;');
  });
});
