import { ResultAsync } from 'neverthrow';
import sharp from 'sharp';
import { contentBox, type Box } from './content-box.js';
import { checkImage } from './decode-image.js';
import { DEFAULT_MAX_PIXELS, type ImageLimits } from './image-limits.js';
import type { MediaError } from './media-error.js';
import { hashGreyPixels, type PerceptualHashBits } from './perceptual-hash.js';

/** One hashed view of an image: the whole frame, a frame found inside it, or a trimmed copy. */
export interface HashedView {
  /** `whole`, `frame.1` (first frame peeled), `crop.<left>.<top>` (reference trims, in %). */
  view: string;
  hex: string;
}

/** The perceptual hashes of one image. */
export interface ImageFingerprint {
  algorithm: 'dct-phash';
  bits: PerceptualHashBits;
  width: number;
  height: number;
  /** `views[0]` is always the whole image. */
  views: HashedView[];
}

/** How much to hash. */
export interface FingerprintOptions {
  bits?: PerceptualHashBits;
  limits?: ImageLimits;
  /**
   * Also hash trimmed copies (90 % of each side at 25 offsets, 95 % at nine), so a copy cropped by up to
   * ~10 % still lies near one of them. Used for reference images, which are few.
   * @default false
   */
  trims?: boolean;
}

const WORK_WIDTH = 512;
const SIDES: Record<PerceptualHashBits, number> = { 64: 32, 256: 64 };
const MAX_FRAMES = 2;
// Cuts of 10 % (five offsets a side) and 5 % (three): any crop up to ~10 % lies within ~1.5 % of one.
const TRIMS = [
  { cut: 0.1, offsets: [0, 0.25, 0.5, 0.75, 1] },
  { cut: 0.05, offsets: [0, 0.5, 1] },
];

interface Grey {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Hash an image and the pictures framed inside it (a screenshot's content, peeled twice for a
 * screenshot of a screenshot), and for references also trimmed copies. Matching takes the
 * smallest distance between any view of one image and any view of the other.
 */
export function imageFingerprint(bytes: Uint8Array, options: FingerprintOptions = {}): ResultAsync<ImageFingerprint, MediaError> {
  const bits = options.bits ?? 256;
  return checkImage(bytes, options.limits).andThen((size) =>
    ResultAsync.fromPromise(fingerprintOf(bytes, size, bits, options), (cause): MediaError => ({ type: 'decode', message: `gambar tidak dapat diurai / image could not be decoded: ${String((cause as Error)?.message ?? cause)}`, cause })),
  );
}

async function fingerprintOf(bytes: Uint8Array, size: { width: number; height: number }, bits: PerceptualHashBits, options: FingerprintOptions): Promise<ImageFingerprint> {
  const decoded = await sharp(bytes, { limitInputPixels: options.limits?.maxPixels ?? DEFAULT_MAX_PIXELS })
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize({ width: Math.min(WORK_WIDTH, size.width), withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey: Grey = { data: new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength), width: decoded.info.width, height: decoded.info.height };
  const whole: Box = { x: 0, y: 0, width: grey.width, height: grey.height };
  const views: HashedView[] = [{ view: 'whole', hex: await hashBox(grey, whole, bits) }];
  let frame = whole;
  for (let depth = 1; depth <= MAX_FRAMES; depth++) {
    const inner = contentBox(await cropGrey(grey, frame), frame.width, frame.height);
    if (!inner || inner.width < frame.width * 0.3 || inner.height < frame.height * 0.3) break;
    frame = { x: frame.x + inner.x, y: frame.y + inner.y, width: inner.width, height: inner.height };
    views.push({ view: `frame.${depth}`, hex: await hashBox(grey, frame, bits) });
  }
  if (options.trims) {
    for (const trim of TRIMS) {
      const width = Math.round(grey.width * (1 - trim.cut));
      const height = Math.round(grey.height * (1 - trim.cut));
      for (const left of trim.offsets) {
        for (const top of trim.offsets) {
          const box = { x: Math.round((grey.width - width) * left), y: Math.round((grey.height - height) * top), width, height };
          views.push({ view: `crop.${Math.round(left * trim.cut * 100)}.${Math.round(top * trim.cut * 100)}`, hex: await hashBox(grey, box, bits) });
        }
      }
    }
  }
  return { algorithm: 'dct-phash', bits, width: size.width, height: size.height, views };
}

async function cropGrey(grey: Grey, box: Box): Promise<Uint8Array> {
  if (box.x === 0 && box.y === 0 && box.width === grey.width && box.height === grey.height) return grey.data;
  const buffer = await sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } }).extract({ left: box.x, top: box.y, width: box.width, height: box.height }).raw().toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

async function hashBox(grey: Grey, box: Box, bits: PerceptualHashBits): Promise<string> {
  const side = SIDES[bits];
  const buffer = await sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } })
    .extract({ left: box.x, top: box.y, width: box.width, height: box.height })
    .resize(side, side, { fit: 'fill', kernel: 'cubic' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  return hashGreyPixels(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), bits).hex;
}

/** The smallest distance between any view of one fingerprint and any of the other. */
export function fingerprintDistance(left: ImageFingerprint, right: ImageFingerprint, distance: (a: string, b: string) => number): { distance: number; leftView: string; rightView: string } {
  let best = { distance: Number.POSITIVE_INFINITY, leftView: '', rightView: '' };
  for (const a of left.views) for (const b of right.views) {
    const value = distance(a.hex, b.hex);
    if (value < best.distance) best = { distance: value, leftView: a.view, rightView: b.view };
  }
  return best;
}
