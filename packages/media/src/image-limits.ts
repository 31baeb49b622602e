/** Caps on what an image may cost to read: bytes and decoded pixels (a "decompression bomb" guard). */
export interface ImageLimits {
  /** @default 20_971_520 (20 MiB) */
  maxBytes?: number;
  /** @default 40_000_000 (e.g. 8000 × 5000) */
  maxPixels?: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_PIXELS = 40_000_000;
