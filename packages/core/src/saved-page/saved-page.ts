import { err, ok, type Result } from 'neverthrow';
import type { Platform } from '../account/account-schema.js';
import type { AccountObservation } from '../capture/capture-schema.js';
import type { Item, ProfileSnapshot } from '../capture/item-schema.js';
import { decodeMhtml, looksLikeMhtml, type MhtmlDecodeError } from '../capture/mhtml-decode.js';
import { sha256Hex } from '../hashing/sha256.js';
import type { AdapterErrorV1 } from '../spec/platform-adapter/v1/adapter-error-v1.js';

/** What kind of file a supervisor handed in. */
export type SavedFileFormat = 'html' | 'mhtml' | 'png' | 'jpeg' | 'unknown';

/**
 * Tell a saved page from a screenshot by its first bytes (never by the file name, which a
 * person may have renamed).
 */
export function detectSavedFileFormat(bytes: Uint8Array): SavedFileFormat {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (looksLikeMhtml(bytes)) return 'mhtml';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<!--') || /<(head|body|meta|div)[\s>]/.test(head)) return 'html';
  return 'unknown';
}

/** The media type stored beside a file of a format. */
export function savedFileMediaType(format: SavedFileFormat): string {
  switch (format) {
    case 'html':
      return 'text/html';
    case 'mhtml':
      return 'multipart/related';
    case 'png':
      return 'image/png';
    case 'jpeg':
      return 'image/jpeg';
    default:
      return 'application/octet-stream';
  }
}

/** A page ready for a platform parser: its HTML, where it came from, and the raw bytes' hash. */
export interface SavedPage {
  html: string;
  /** The page's address (from the MHTML snapshot header, or as the supervisor gave it). */
  url?: string;
  /** sha256 of the raw file bytes (the blob), carried into `parse` errors. */
  bodySha256: string;
}

/** What a platform's page parser read from one page. */
export interface SavedPageParse {
  items: Item[];
  /** The account the page shows, as far as the page says. */
  account?: { id?: string; handle?: string; name?: string };
  observation: AccountObservation;
  profile?: ProfileSnapshot;
}

/**
 * A platform's parser for public or saved pages. Adapters export one each
 * (`parseFacebookPage`, `parseInstagramPage`); staff imports call it. It returns `unauthorized`
 * for a login wall or checkpoint, `private` for a private account, and `parse` (with the
 * page's hash) when the markup is not recognised — never "no items" for a page it did not read.
 */
export type SavedPageParser = (page: SavedPage) => Result<SavedPageParse, AdapterErrorV1>;

/** Turn the bytes of a saved `.html` or `.mhtml` file into a {@link SavedPage}. */
export function readSavedPage(bytes: Uint8Array, url?: string): Result<SavedPage & { format: 'html' | 'mhtml' }, MhtmlDecodeError> {
  const bodySha256 = sha256Hex(bytes);
  const format = detectSavedFileFormat(bytes);
  if (format === 'mhtml') {
    const decoded = decodeMhtml(bytes);
    if (decoded.isErr()) return err(decoded.error);
    const pageUrl = decoded.value.snapshotUrl ?? url;
    return ok({ html: decoded.value.html, ...(pageUrl ? { url: pageUrl } : {}), bodySha256, format });
  }
  if (format === 'html' || format === 'unknown') {
    const html = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    return ok({ html, ...(url ? { url } : {}), bodySha256, format: 'html' });
  }
  return err({ type: 'invalid_input', message: `a ${format} image is not a saved page`, issues: [{ path: '(root)', message: `expected HTML or MHTML, found ${format}` }] });
}

const PLATFORM_HOSTS: Array<[RegExp, Platform]> = [
  [/(^|\.)(facebook\.com|fb\.com|fb\.watch)$/i, 'facebook'],
  [/(^|\.)(instagram\.com|instagr\.am)$/i, 'instagram'],
  [/(^|\.)(x\.com|twitter\.com)$/i, 'x'],
];

/** The platform a page address belongs to, or `undefined` for an unknown host. */
export function platformFromUrl(url: string): Platform | undefined {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  return PLATFORM_HOSTS.find(([pattern]) => pattern.test(host))?.[1];
}
