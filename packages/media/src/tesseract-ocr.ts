import { execFile } from 'node:child_process';
import { err, errAsync, ok, ResultAsync, type Result } from 'neverthrow';
import sharp from 'sharp';
import { checkImage } from './decode-image.js';
import { DEFAULT_MAX_PIXELS, type ImageLimits } from './image-limits.js';
import { tesseractMissing, type MediaError } from './media-error.js';
import { parseOcrTsv, type OcrText } from './ocr-tsv.js';
import { inkFromBackground } from './ocr-preprocess.js';

/** Settings of {@link readImageText}. */
export interface TesseractOptions {
  /** The executable. @default 'tesseract' (found on PATH) */
  binary?: string;
  /** Tesseract language codes joined by `+`. @default 'ind+eng' */
  languages?: string;
  /** Kill the process after this long. @default 30_000 */
  timeoutMs?: number;
  /** Tesseract page segmentation mode (`--psm`). @default 3 (automatic page layout) */
  pageSegmentation?: number;
  /** Words below this confidence (0–100) are dropped. @default 30 */
  minConfidence?: number;
  limits?: ImageLimits;
  signal?: AbortSignal;
}

/** Tesseract reads best with text ≥ 20 px high: small images are enlarged to this width first. */
const MIN_READ_WIDTH = 1200;
const MAX_OUTPUT = 16 * 1024 * 1024;

/**
 * Read the text in an image with Tesseract, run as a child process (no shell) on a normalised
 * PNG given on stdin, TSV on stdout. The byte and pixel caps are checked before decoding; the
 * process is killed at the timeout. A missing binary or language is a `tesseract_missing` error
 * that names the install script.
 */
export function readImageText(bytes: Uint8Array, options: TesseractOptions = {}): ResultAsync<OcrText, MediaError> {
  const languages = options.languages ?? 'ind+eng';
  if (!/^[a-z_]+(\+[a-z_]+)*$/.test(languages)) return errAsync({ type: 'invalid_input', message: `languages must be Tesseract codes joined by "+", e.g. ind+eng; got "${languages}"` });
  return checkImage(bytes, options.limits).andThen((size) => {
    const scale = size.width < MIN_READ_WIDTH ? Math.min(4, MIN_READ_WIDTH / size.width) : 1;
    return ResultAsync.fromPromise(
      preparePage(bytes, size.width, scale, options.limits?.maxPixels ?? DEFAULT_MAX_PIXELS),
      (cause): MediaError => ({ type: 'decode', message: `gambar tidak dapat diurai / image could not be decoded: ${String((cause as Error)?.message ?? cause)}`, cause }),
    ).andThen((png) => ResultAsync.fromSafePromise(runTesseract(png, languages, options)).andThen((result) => result.map((tsv) => parseOcrTsv(tsv, { minConfidence: options.minConfidence, scale }))));
  });
}

/** The page Tesseract reads: enlarged when small, every text colour turned into dark ink on white. */
async function preparePage(bytes: Uint8Array, width: number, scale: number, maxPixels: number): Promise<Buffer> {
  const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels })
    .flatten({ background: '#ffffff' })
    .resize(scale === 1 ? undefined : { width: Math.round(width * scale), kernel: 'lanczos3' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const ink = inkFromBackground(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), info.channels);
  return sharp(ink, { raw: { width: info.width, height: info.height, channels: 1 } }).png().toBuffer();
}

function runTesseract(png: Buffer, languages: string, options: TesseractOptions): Promise<Result<string, MediaError>> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const binary = options.binary ?? 'tesseract';
  return new Promise((resolve) => {
    // One thread per process: the queue, not Tesseract, decides how many run at once.
    const child = execFile(binary, ['stdin', 'stdout', '-l', languages, '--psm', String(options.pageSegmentation ?? 3), 'tsv'], { timeout: timeoutMs, maxBuffer: MAX_OUTPUT, encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' }, signal: options.signal }, (error, stdout, stderr) => {
      if (!error) return resolve(ok(stdout));
      const failure = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string };
      if (failure.code === 'ENOENT') return resolve(err(tesseractMissing(`${binary} is not on PATH`)));
      if (failure.killed || failure.signal === 'SIGTERM') return resolve(err({ type: 'timeout', timeoutMs, message: `Tesseract tidak selesai dalam ${timeoutMs} ms / Tesseract did not finish within ${timeoutMs} ms` }));
      if (/Failed loading language|Error opening data file/i.test(stderr)) return resolve(err(tesseractMissing(`language data for "${languages}" is missing`)));
      resolve(err({ type: 'ocr_failed', message: `Tesseract gagal / Tesseract failed: ${stderr.trim().split('\n').slice(-2).join(' ') || failure.message}`, cause: error }));
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(png);
  });
}
