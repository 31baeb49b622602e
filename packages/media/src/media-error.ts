/** Why an image could not be read, hashed or matched. Plain objects with a `type` discriminant. */
export type MediaError =
  | { type: 'tesseract_missing'; message: string }
  | { type: 'too_large'; message: string; bytes: number; maxBytes: number }
  | { type: 'too_many_pixels'; message: string; pixels: number; maxPixels: number }
  | { type: 'decode'; message: string; cause?: unknown }
  | { type: 'timeout'; message: string; timeoutMs: number }
  | { type: 'ocr_failed'; message: string; cause?: unknown }
  | { type: 'invalid_input'; message: string }
  | { type: 'store'; message: string; cause?: unknown };

/** The script that installs Tesseract, named in every "missing" error. */
export const INSTALL_TESSERACT_HINT = 'run scripts/services/install-tesseract.sh (installs tesseract-ocr and tesseract-ocr-ind from Debian)';

export function tesseractMissing(detail: string): MediaError {
  return { type: 'tesseract_missing', message: `Tesseract tidak ditemukan / Tesseract not found (${detail}): ${INSTALL_TESSERACT_HINT}` };
}
