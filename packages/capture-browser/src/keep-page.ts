import type { PatrolTls } from '@sipansos/core';
import { sha256Hex } from '@sipansos/core/evidence';
import { ResultAsync, errAsync } from 'neverthrow';
import type { Page } from 'playwright-core';
import type { ExchangeRecorder, RecordedExchange } from './exchange-recorder.js';
import { pageRedactor, redactExchange } from './exchange-secrets.js';
import type { PatrolBrowser } from './patrol-browser.js';
import { errorText, type PatrolError } from './patrol-error.js';
import { isAllowedHost } from './patrol-settings.js';
import { PATROL_ADAPTER_VERSION } from './patrol-version.js';
import { writeWarcFile } from './warc-file.js';

/** One page as kept: the blobs to store and what the parsers read. Free of secrets. */
export interface KeptPage {
  /** The page's address at keep time (secrets removed). */
  url: string;
  urlChain: string[];
  tls?: PatrolTls;
  product: string;
  userAgent: string;
  actor: string;
  startedAt: string;
  capturedAt: string;
  /** Every exchange, secrets removed (what the WARC holds). */
  exchanges: RecordedExchange[];
  /** The DOM as rendered at keep time (secrets removed). */
  html: string;
  blobs: { warc: Blob; screenshot?: Blob; mhtml?: Blob; text: Blob };
  /** Secret values replaced across bodies, the DOM, the MHTML and the text. */
  redactedValues: number;
}

/** Bytes to store, with their sha256. */
export interface Blob {
  bytes: Uint8Array;
  sha256: string;
  mediaType: string;
}

/** What {@link keepPage} should also take. */
export interface KeepOptions {
  /** Take the full-page screenshot. @default true */
  screenshot?: boolean;
  /** Take the MHTML snapshot. @default true */
  mhtml?: boolean;
}

const KEEP_BUTTON_ID = 'sipansos-keep';

/**
 * Keep the page a tab shows: its exchanges as one WARC/1.1 file, a full-page screenshot, an
 * MHTML snapshot, the visible text, the URL chain and the TLS details of the main document.
 * Cookie and authorization headers are dropped; every cookie value and embedded token is
 * replaced wherever else it appears. A page on a host that is not allowed is refused.
 */
export function keepPage(browser: PatrolBrowser, page: Page, recorder: ExchangeRecorder, actor: string, options: KeepOptions = {}): ResultAsync<KeptPage, PatrolError> {
  const url = page.url();
  if (!isAllowedHost(url, browser.allowedHosts)) {
    return errAsync({ type: 'not_allowed', url, message: `${url} bukan host yang diizinkan (patrol.allowedHosts); tidak ada yang direkam / is not an allowed host (patrol.allowedHosts); nothing was recorded` });
  }
  return ResultAsync.fromPromise(keep(browser, page, recorder, actor, options), (error): PatrolError => ({ type: 'navigation', url, message: `halaman tidak dapat direkam / the page could not be kept: ${errorText(error)}` }));
}

async function keep(browser: PatrolBrowser, page: Page, recorder: ExchangeRecorder, actor: string, options: KeepOptions): Promise<KeptPage> {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  // The keep button is ours, not the page's: it leaves the DOM before anything is taken.
  await page.evaluate(`document.getElementById(${JSON.stringify(KEEP_BUTTON_ID)})?.remove()`).catch(() => undefined);
  const recording = await recorder.current();
  const cookies = await browser.context.cookies();
  const redactor = pageRedactor(
    cookies.map((cookie) => cookie.value),
    recording.exchanges,
  );
  let redactedValues = 0;
  const exchanges = recording.exchanges.map((exchange) => {
    const redacted = redactExchange(exchange, redactor);
    redactedValues += redacted.replaced;
    return redacted.exchange;
  });
  const encoder = new TextEncoder();
  const html = redactor.text(await page.content());
  const text = redactor.text(String(await page.evaluate('document.body ? document.body.innerText : ""')));
  let screenshot: Blob | undefined;
  if (options.screenshot !== false) screenshot = blob(new Uint8Array(await page.screenshot({ fullPage: true, type: 'png', animations: 'disabled' })), 'image/png');
  let mhtml: Blob | undefined;
  if (options.mhtml !== false) {
    const session = await browser.context.newCDPSession(page);
    try {
      const snapshot = (await session.send('Page.captureSnapshot', { format: 'mhtml' })) as { data: string };
      const redacted = redactor.body(encoder.encode(snapshot.data));
      redactedValues += redacted.redactions.reduce((sum, entry) => sum + entry.count, 0);
      mhtml = blob(redacted.bytes, 'multipart/related');
    } finally {
      await session.detach().catch(() => undefined);
    }
  }
  const details = recording.mainResponse ? await recording.mainResponse.securityDetails().catch(() => null) : null;
  const tls: PatrolTls | undefined =
    details && details.validFrom !== undefined && details.validTo !== undefined
      ? { protocol: details.protocol ?? 'unknown', issuer: details.issuer ?? '', subjectName: details.subjectName ?? '', validFrom: new Date(details.validFrom * 1000).toISOString(), validTo: new Date(details.validTo * 1000).toISOString() }
      : undefined;
  const capturedAt = new Date().toISOString();
  const warc = await writeWarcFile(exchanges, { software: `sipansos-capture-browser/${PATROL_ADAPTER_VERSION} (warcio.js)`, browser: browser.product, userAgent: browser.userAgent, actor, description: 'SIPANSOS patrol capture: records custody (who kept the page, when, with which browser), not origin / rekaman patroli: membuktikan penguasaan, bukan asal' }, capturedAt);
  return {
    url: redactor.url(page.url()),
    urlChain: recording.urlChain.map((entry) => redactor.url(entry)),
    ...(tls ? { tls } : {}),
    product: browser.product,
    userAgent: browser.userAgent,
    actor,
    startedAt: recording.startedAt ?? capturedAt,
    capturedAt,
    exchanges,
    html,
    blobs: { warc: blob(warc, 'application/warc'), text: blob(encoder.encode(text), 'text/plain; charset=utf-8'), ...(screenshot ? { screenshot } : {}), ...(mhtml ? { mhtml } : {}) },
    redactedValues,
  };
}

function blob(bytes: Uint8Array, mediaType: string): Blob {
  return { bytes, sha256: sha256Hex(bytes), mediaType };
}
