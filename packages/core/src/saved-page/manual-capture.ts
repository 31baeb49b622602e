import { err, ok, type Result } from 'neverthrow';
import { accountKey, type Account } from '../account/account-schema.js';
import { CaptureSchema, type Capture, type CaptureWindow } from '../capture/capture-schema.js';
import type { Item } from '../capture/item-schema.js';
import { sha256Hex } from '../hashing/sha256.js';
import type { AdapterErrorV1 } from '../spec/platform-adapter/v1/adapter-error-v1.js';
import { issuesFromZod, type InvalidInputError } from '../validation/validation-issue.js';
import { detectSavedFileFormat, readSavedPage, savedFileMediaType, type SavedFileFormat, type SavedPageParser } from './saved-page.js';

/** The adapter id every staff capture carries. */
export const MANUAL_ADAPTER_ID = 'manual';
/** Version of the manual-capture builder, recorded in each capture. */
export const MANUAL_ADAPTER_VERSION = '1.0.0';

/** What a supervisor hands in, and who they are. */
export interface ManualCaptureInput {
  /** The file exactly as saved: HTML, MHTML, PNG or JPEG. */
  bytes: Uint8Array;
  /** The account (of the subject) the file documents. */
  account: Account;
  /** The page's address as the supervisor saw it. */
  sourceUrl: string;
  /** Who imported it (recorded in the capture and the audit log). */
  importedBy: string;
  /** When it was imported (ISO 8601 with zone). */
  importedAt: string;
  note?: string;
  fileName?: string;
  /**
   * The platform's page parser (`parseFacebookPage`, `parseInstagramPage`, ...). Without one, a
   * saved page is kept as evidence without Items.
   */
  parser?: SavedPageParser;
}

/** What {@link buildManualCapture} made: the record and the bytes to store as its blob. */
export interface ManualCapture {
  capture: Capture;
  /** Store these bytes with `putBlob`; the store must answer with `blob.sha256`. */
  blob: { sha256: string; bytes: Uint8Array; mediaType: string };
  format: SavedFileFormat;
  /**
   * Why no Items were read from a saved page, when that happened: markup not recognised
   * (`parse`), a private account. The file is still kept as evidence.
   */
  parseProblem?: AdapterErrorV1;
  /** Things a person should check, e.g. the page shows a different account than the one named. */
  warnings: string[];
}

/** Why a file cannot become a staff capture. */
export type ManualCaptureError =
  | InvalidInputError
  | {
      /** The saved page is a login wall or a checkpoint: it documents nothing of the account. */
      type: 'unauthorized';
      source: string;
      message: string;
    };

// Tokens end up in URLs copied from an address bar; evidence must never keep them.
const SECRET_QUERY_KEYS = /^(access_token|token|oauth_token|client_secret|code|signature|sig|fb_dtsg|__a|session|sessionid|csrftoken)$/i;

/** Remove query parameters that may carry credentials from a URL copied by a person. */
export function redactUrlSecrets(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  for (const key of [...parsed.searchParams.keys()]) {
    if (SECRET_QUERY_KEYS.test(key)) parsed.searchParams.set(key, 'REDACTED');
  }
  return parsed.toString();
}

/**
 * Build a staff capture (`adapter.id === "manual"`) from a saved page or a screenshot. Pure:
 * hashes the bytes, reads Items from a saved page with the platform's parser, and returns the
 * capture plus the blob to store. A screenshot is evidence without Items. A login wall or a
 * checkpoint page is refused (`unauthorized`): it shows nothing of the account.
 */
export function buildManualCapture(input: ManualCaptureInput): Result<ManualCapture, ManualCaptureError> {
  const source = input.fileName ?? 'imported file';
  if (input.bytes.length === 0) return err(invalid(source, '(root)', 'the file is empty'));
  const format = detectSavedFileFormat(input.bytes);
  const sha256 = sha256Hex(input.bytes);
  const sourceUrl = redactUrlSecrets(input.sourceUrl);
  const warnings: string[] = [];
  let items: Item[] = [];
  let parseProblem: AdapterErrorV1 | undefined;
  let observation: Capture['accountObservation'] = 'unknown';

  if (format === 'unknown') {
    return err(invalid(source, '(root)', 'not an HTML or MHTML page, nor a PNG or JPEG screenshot; save the page with the browser ("Save page as…") or take a PNG screenshot'));
  }
  if (format === 'html' || format === 'mhtml') {
    const page = readSavedPage(input.bytes, sourceUrl);
    if (page.isErr()) return err({ type: 'invalid_input', source, message: `${source}: ${page.error.message}`, issues: page.error.issues });
    if (input.parser) {
      const parsed = safeParse(input.parser, { html: page.value.html, ...(page.value.url ? { url: page.value.url } : {}), bodySha256: sha256 });
      if (parsed.isOk()) {
        items = parsed.value.items;
        observation = parsed.value.observation;
        const shown = parsed.value.account;
        if (shown?.handle && shown.handle.toLowerCase() !== input.account.handle.toLowerCase()) {
          warnings.push(`the page shows account "${shown.handle}", not "${input.account.handle}"`);
        }
        if (shown?.id && input.account.id && shown.id !== input.account.id) {
          warnings.push(`the page shows account id ${shown.id}, not ${input.account.id}`);
        }
      } else if (parsed.error.type === 'unauthorized') {
        return err({ type: 'unauthorized', source, message: `${source}: ${parsed.error.message}` });
      } else {
        parseProblem = parsed.error;
        if (parsed.error.type === 'private') observation = 'private';
        if (parsed.error.type === 'suspended') observation = 'suspended';
        if (parsed.error.type === 'not_found') observation = 'not_found';
        warnings.push(`no items read: ${parsed.error.message}`);
      }
    } else {
      warnings.push(`no page parser for platform "${input.account.platform}"; the page is kept as evidence without items`);
    }
  }

  const candidate = {
    id: manualCaptureId(input.importedAt, sha256),
    adapter: { id: MANUAL_ADAPTER_ID, version: MANUAL_ADAPTER_VERSION },
    platform: input.account.platform,
    account: input.account,
    accountKey: accountKey(input.account),
    scope: 'timeline' as const,
    capturedAt: input.importedAt,
    status: 'ok' as const,
    accountObservation: observation,
    requests: [{ method: 'IMPORT', url: sourceUrl, at: input.importedAt, bodySha256: sha256 }],
    rawBlobs: [sha256],
    items,
    window: windowOf(items),
    manual: {
      importedBy: input.importedBy,
      sourceUrl,
      ...(input.note ? { note: input.note } : {}),
      ...(input.fileName ? { fileName: input.fileName } : {}),
      mediaType: savedFileMediaType(format),
    },
  };
  const checked = CaptureSchema.safeParse(candidate);
  if (!checked.success) {
    const issues = issuesFromZod(checked.error);
    return err({ type: 'invalid_input', source, message: `${source}: ${issues[0]?.path ?? '(root)'}: ${issues[0]?.message ?? 'invalid capture'}`, issues });
  }
  return ok({
    capture: checked.data,
    blob: { sha256, bytes: input.bytes, mediaType: savedFileMediaType(format) },
    format,
    ...(parseProblem ? { parseProblem } : {}),
    warnings,
  });
}

/** `manual-20241120T081500Z-<first 12 hex of the sha256>`: sortable, and unique per file and time. */
export function manualCaptureId(importedAt: string, sha256: string): string {
  const stamp = new Date(importedAt).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `manual-${stamp}-${sha256.slice(0, 12)}`;
}

// A saved page shows what the browser had loaded: never a complete stretch of history.
function windowOf(items: Item[]): CaptureWindow {
  const dated = items.filter((item) => item.createdAt).sort((a, b) => Date.parse(a.createdAt ?? '') - Date.parse(b.createdAt ?? ''));
  const oldest = dated[0];
  const newest = dated.at(-1);
  return {
    complete: false,
    reachedEnd: false,
    ...(newest ? { newest: { id: newest.id, ...(newest.createdAt ? { at: newest.createdAt } : {}) } } : {}),
    ...(oldest ? { oldest: { id: oldest.id, ...(oldest.createdAt ? { at: oldest.createdAt } : {}) } } : {}),
  };
}

// A third party's parser may throw; a staff import must still end in a value.
function safeParse(parser: SavedPageParser, page: Parameters<SavedPageParser>[0]): ReturnType<SavedPageParser> {
  try {
    return parser(page);
  } catch (error) {
    return err({ type: 'parse', message: `the page parser failed: ${error instanceof Error ? error.message : String(error)}`, bodySha256: page.bodySha256, issues: [] });
  }
}

function invalid(source: string, path: string, message: string): InvalidInputError {
  return { type: 'invalid_input', source, message: `${source}: ${message}`, issues: [{ path, message }] };
}
