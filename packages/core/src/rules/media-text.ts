/** A rectangle in pixels of an image. */
export interface ImageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One word read in an image, with its offsets in {@link MediaText.text} and its box. */
export interface MediaTextWord {
  start: number;
  end: number;
  box: ImageBox;
}

/**
 * Text read from one of an item's images (OCR), offered to the rules as the field
 * `media_text.<mediaIndex>`. Rules with scope `own` or `all` read it like the post's own text.
 */
export interface MediaText {
  /** Index into `item.media`. */
  mediaIndex: number;
  /** The image's blob. */
  blobSha256: string;
  text: string;
  words: readonly MediaTextWord[];
  /** The image's size in pixels, carried into spans so reports can draw the boxes. */
  size?: { width: number; height: number };
}

/** The field name a media text is read under. */
export function mediaTextField(mediaIndex: number): string {
  return `media_text.${mediaIndex}`;
}

/** The image and the box (around every word the span touches) a span in a media text points to. */
export function mediaSpanImage(mediaText: MediaText, start: number, end: number): { blobSha256: string; box: ImageBox; size?: { width: number; height: number } } | undefined {
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const word of mediaText.words) {
    if (word.end <= start || word.start >= Math.max(end, start + 1)) continue;
    left = Math.min(left, word.box.x);
    top = Math.min(top, word.box.y);
    right = Math.max(right, word.box.x + word.box.width);
    bottom = Math.max(bottom, word.box.y + word.box.height);
  }
  if (left === Number.POSITIVE_INFINITY) return undefined;
  const box = { x: left, y: top, width: right - left, height: bottom - top };
  return mediaText.size ? { blobSha256: mediaText.blobSha256, box, size: mediaText.size } : { blobSha256: mediaText.blobSha256, box };
}
