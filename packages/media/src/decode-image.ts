import { err, errAsync, ok, ResultAsync } from 'neverthrow';
import sharp from 'sharp';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS, type ImageLimits } from './image-limits.js';
import type { MediaError } from './media-error.js';

/** Width and height of an image after its size and pixel caps were checked. */
export interface ImageSize {
  width: number;
  height: number;
}

/**
 * Read an image's header and check the byte and pixel caps before anything is decoded, so a
 * hostile file cannot make sharp allocate gigabytes.
 */
export function checkImage(bytes: Uint8Array, limits: ImageLimits = {}): ResultAsync<ImageSize, MediaError> {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxPixels = limits.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (bytes.byteLength > maxBytes) {
    return errAsync({ type: 'too_large', bytes: bytes.byteLength, maxBytes, message: `gambar ${bytes.byteLength} byte melebihi batas / image of ${bytes.byteLength} bytes exceeds maxBytes ${maxBytes}; raise media.maxBytes to read it` });
  }
  return ResultAsync.fromPromise(sharp(bytes, { limitInputPixels: false }).metadata(), (cause): MediaError => ({ type: 'decode', message: `bukan gambar yang dapat dibaca / not a readable image: ${String((cause as Error)?.message ?? cause)}`, cause })).andThen((metadata) => {
    const width = metadata.width ?? 0;
    const height = metadata.height ?? 0;
    if (width === 0 || height === 0) return err<ImageSize, MediaError>({ type: 'decode', message: 'gambar tanpa ukuran / image has no width or height' });
    const pixels = width * height;
    if (pixels > maxPixels) return err<ImageSize, MediaError>({ type: 'too_many_pixels', pixels, maxPixels, message: `gambar ${width}×${height} melebihi batas piksel / image of ${width}×${height} pixels exceeds maxPixels ${maxPixels}; raise media.maxPixels to read it` });
    return ok({ width, height });
  });
}

/** Decode to 8-bit grey levels at a fixed size (stretching, no crop): the input of the hashes. */
export function greyPixels(bytes: Uint8Array, size: number, limits: ImageLimits = {}): ResultAsync<Uint8Array, MediaError> {
  return checkImage(bytes, limits).andThen(() =>
    ResultAsync.fromPromise(
      sharp(bytes, { limitInputPixels: limits.maxPixels ?? DEFAULT_MAX_PIXELS })
        .flatten({ background: '#ffffff' })
        .greyscale()
        .resize(size, size, { fit: 'fill', kernel: 'cubic' })
        .raw()
        .toBuffer(),
      (cause): MediaError => ({ type: 'decode', message: `gambar tidak dapat diurai / image could not be decoded: ${String((cause as Error)?.message ?? cause)}`, cause }),
    ).map((buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)),
  );
}
