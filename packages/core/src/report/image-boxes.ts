import type { MatchSpan } from '../findings/finding-schema.js';
import { escapeHtml } from './html-escape.js';

/** Styles for {@link boxedImageHtml}: the picture with its matched boxes drawn over it. */
export const IMAGE_BOX_CSS = '.sip-boxed{position:relative;display:inline-block;max-width:100%}.sip-boxed img{margin:0}.sip-box{position:absolute;border:3px solid #d00000;box-sizing:border-box;pointer-events:none}';

/**
 * An inline picture with the boxes of the spans that point into it (text read from it, or the
 * whole picture for a matched campaign picture) drawn as outlines. Boxes are placed in percent
 * of the image's own size, so they stay on the words at any display size; spans without the
 * image's size are listed but not drawn.
 */
export function boxedImageHtml(imageTag: string, blobSha256: string | undefined, spans: readonly MatchSpan[]): { html: string; listed: string } {
  const boxes = blobSha256 ? spans.filter((span) => span.image?.blobSha256 === blobSha256) : [];
  if (boxes.length === 0) return { html: imageTag, listed: '' };
  const percent = (value: number, total: number) => `${Math.round((value / total) * 10_000) / 100}%`;
  const drawn = boxes
    .filter((span) => span.image?.size)
    .map((span) => {
      const { box, size } = span.image!;
      return `<div class="sip-box" style="left:${percent(box.x, size!.width)};top:${percent(box.y, size!.height)};width:${percent(box.width, size!.width)};height:${percent(box.height, size!.height)}"></div>`;
    });
  const listed = boxes.map((span) => `${escapeHtml(span.text || span.term || span.field)} [${span.image!.box.x}, ${span.image!.box.y}, ${span.image!.box.width}×${span.image!.box.height}]`).join('; ');
  return { html: `<div class="sip-boxed">${imageTag}${drawn.join('')}</div>`, listed };
}
