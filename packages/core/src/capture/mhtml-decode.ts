import { err, ok, type Result } from 'neverthrow';

/** One part of an MHTML archive, with its transfer encoding already undone. */
export interface MhtmlPart {
  /** Media type without parameters, lowercased, e.g. `text/html`. */
  mediaType: string;
  /** The `charset` parameter, lowercased, when given. */
  charset?: string;
  /** Where the browser fetched the part from (`Content-Location`). */
  contentLocation?: string;
  contentId?: string;
  /** The decoded bytes. */
  bytes: Uint8Array;
}

/** A decoded MHTML archive (`multipart/related`, as Chrome and Edge save a page). */
export interface MhtmlDocument {
  /** The address of the saved page (`Snapshot-Content-Location`, else the first HTML part's location). */
  snapshotUrl?: string;
  /** The `Date` header the browser wrote when saving, as written. */
  savedDate?: string;
  /** The main HTML document, decoded to text. */
  html: string;
  parts: MhtmlPart[];
}

/** Why an MHTML archive could not be read. */
export interface MhtmlDecodeError {
  type: 'invalid_input';
  message: string;
  issues: Array<{ path: string; message: string }>;
}

// MHTML from a browser is a few MB; a cap keeps a hostile file from exhausting memory.
const MAX_PARTS = 5_000;

/**
 * Does this look like an MHTML archive? Checks the first few kilobytes for a MIME header block
 * whose `Content-Type` is `multipart/related`.
 */
export function looksLikeMhtml(bytes: Uint8Array): boolean {
  const head = latin1(bytes.subarray(0, 4096));
  const headerEnd = head.search(/\r?\n\r?\n/);
  const block = headerEnd >= 0 ? head.slice(0, headerEnd) : head;
  return /^content-type:\s*multipart\/related/im.test(unfold(block));
}

/**
 * Decode an MHTML archive: split the `multipart/related` body at its boundary, undo each part's
 * `quoted-printable` or `base64` transfer encoding, and decode the main HTML part with its
 * charset. Never throws: a malformed archive is an `invalid_input` error, a truncated one yields
 * the parts that were complete.
 */
export function decodeMhtml(bytes: Uint8Array): Result<MhtmlDocument, MhtmlDecodeError> {
  // MIME structure is 7-bit; latin1 maps every byte to one char, so offsets stay byte offsets.
  const text = latin1(bytes);
  const split = splitHeaders(text);
  if (!split) return fail('the file has no MIME header block; save the page again as "Webpage, Single File" (.mhtml)');
  const headers = parseHeaders(split.headers);
  const contentType = parseContentType(headers.get('content-type') ?? '');
  if (!contentType.mediaType.startsWith('multipart/')) {
    return fail(`Content-Type is "${contentType.mediaType || '(none)'}", expected multipart/related`);
  }
  const boundary = contentType.params.get('boundary');
  if (!boundary) return fail('Content-Type has no boundary parameter; the file is not a complete MHTML archive');

  const parts: MhtmlPart[] = [];
  const delimiter = `--${boundary}`;
  let position = split.body.indexOf(delimiter);
  while (position >= 0 && parts.length < MAX_PARTS) {
    const afterDelimiter = position + delimiter.length;
    if (split.body.startsWith('--', afterDelimiter)) break; // closing delimiter
    const next = split.body.indexOf(delimiter, afterDelimiter);
    // A part without a following delimiter was cut off: keep it only if it is the HTML and has a body.
    const raw = split.body.slice(afterDelimiter, next >= 0 ? next : undefined).replace(/^[ \t]*\r?\n/, '');
    const part = decodePart(raw);
    if (part) parts.push(part);
    if (next < 0) break;
    position = next;
  }
  const main = parts.find((part) => part.mediaType === 'text/html') ?? parts.find((part) => part.mediaType === 'application/xhtml+xml');
  if (!main) return fail(parts.length === 0 ? 'no parts found after the boundary; the file may be truncated' : 'no text/html part in the archive');
  const snapshotUrl = headers.get('snapshot-content-location') ?? main.contentLocation;
  const savedDate = headers.get('date');
  return ok({
    ...(snapshotUrl ? { snapshotUrl } : {}),
    ...(savedDate ? { savedDate } : {}),
    html: decodeText(main.bytes, main.charset),
    parts,
  });
}

function fail(message: string): Result<never, MhtmlDecodeError> {
  return err({ type: 'invalid_input', message: `MHTML: ${message}`, issues: [{ path: '(root)', message }] });
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function splitHeaders(text: string): { headers: string; body: string } | undefined {
  const match = /\r?\n\r?\n/.exec(text);
  if (!match) return undefined;
  return { headers: text.slice(0, match.index), body: text.slice(match.index + match[0].length) };
}

// RFC 5322 folding: a line that starts with white space continues the previous header.
function unfold(block: string): string {
  return block.replace(/\r?\n[ \t]+/g, ' ');
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of unfold(block).split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

function parseContentType(value: string): { mediaType: string; params: Map<string, string> } {
  const [first = '', ...rest] = value.split(';');
  const params = new Map<string, string>();
  for (const piece of rest) {
    const equals = piece.indexOf('=');
    if (equals <= 0) continue;
    const key = piece.slice(0, equals).trim().toLowerCase();
    let raw = piece.slice(equals + 1).trim();
    if (raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2) raw = raw.slice(1, -1);
    params.set(key, raw);
  }
  return { mediaType: first.trim().toLowerCase(), params };
}

function decodePart(raw: string): MhtmlPart | undefined {
  const split = splitHeaders(raw);
  if (!split) return undefined;
  const headers = parseHeaders(split.headers);
  const contentType = parseContentType(headers.get('content-type') ?? 'text/plain');
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const body = split.body.replace(/\r?\n$/, '');
  const bytes = encoding === 'base64' ? decodeBase64(body) : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : Buffer.from(body, 'latin1');
  const charset = contentType.params.get('charset')?.toLowerCase();
  const contentLocation = headers.get('content-location');
  const contentId = headers.get('content-id');
  return {
    mediaType: contentType.mediaType,
    ...(charset ? { charset } : {}),
    ...(contentLocation ? { contentLocation } : {}),
    ...(contentId ? { contentId } : {}),
    bytes: new Uint8Array(bytes),
  };
}

function decodeBase64(body: string): Uint8Array {
  return new Uint8Array(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
}

/** RFC 2045 quoted-printable: `=XX` is a byte, `=` at a line end is a soft break. */
export function decodeQuotedPrintable(body: string): Uint8Array {
  const out = new Uint8Array(body.length);
  let length = 0;
  for (let index = 0; index < body.length; index++) {
    const char = body.charCodeAt(index);
    if (char !== 0x3d) {
      out[length++] = char & 0xff;
      continue;
    }
    const next = body.slice(index + 1, index + 3);
    if (/^[0-9A-Fa-f]{2}$/.test(next)) {
      out[length++] = Number.parseInt(next, 16);
      index += 2;
    } else if (next.startsWith('\r\n')) {
      index += 2;
    } else if (next.startsWith('\n')) {
      index += 1;
    } else {
      // A lone "=" that is neither an escape nor a soft break: keep it, as lenient readers do.
      out[length++] = char;
    }
  }
  return out.subarray(0, length);
}

function decodeText(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    // An unknown label: UTF-8 is what every current browser writes.
    return new TextDecoder('utf-8').decode(bytes);
  }
}
