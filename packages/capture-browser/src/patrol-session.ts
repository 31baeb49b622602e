import { ResultAsync, errAsync, okAsync } from 'neverthrow';
import type { Page } from 'playwright-core';
import { ExchangeRecorder } from './exchange-recorder.js';
import { keepPage, type KeepOptions, type KeptPage } from './keep-page.js';
import type { PatrolBrowser } from './patrol-browser.js';
import { errorText, type PatrolError } from './patrol-error.js';
import { isAllowedHost } from './patrol-settings.js';

/** Settings of {@link startPatrolSession}. */
export interface PatrolSessionOptions {
  browser: PatrolBrowser;
  /** The staff member recorded as the actor of every capture. */
  actor: string;
  /** Keep every page loaded on an allowed host, not only those the staff keep. @default false */
  recordEveryNavigation?: boolean;
  /** Called with each kept page (from the button, the key, `keep()` or every navigation). */
  onKept: (kept: KeptPage) => Promise<string> | string;
  /** Called when keeping failed. */
  onError?: (error: PatrolError) => void;
  keep?: KeepOptions;
}

/** One tab under patrol. */
export interface PatrolSession {
  page: Page;
  /** Open an address (only allowed hosts are recorded; any page may be shown). */
  open(url: string): ResultAsync<void, PatrolError>;
  /** Keep the page shown now, as the button does. */
  keep(): ResultAsync<KeptPage, PatrolError>;
  /** Resolves when the staff close the tab or the browser. */
  closed: Promise<void>;
}

const BINDING = '__sipansosKeep';

// Runs in every page before its own scripts. The button exists only on allowed hosts; it calls
// back into the patrol, which records the page from outside (the page never sees evidence).
function keepButtonScript(allowedHosts: readonly string[]): string {
  return `(() => {
  const allowed = ${JSON.stringify(allowedHosts.map((host) => host.toLowerCase()))};
  const host = location.hostname.toLowerCase();
  if (window.top !== window || !allowed.some((name) => host === name || host.endsWith('.' + name))) return;
  const keep = (button) => {
    if (button) { button.disabled = true; button.textContent = 'Menyimpan… / Keeping…'; }
    window.${BINDING}().then((answer) => { if (button) { button.disabled = false; button.textContent = answer; } });
  };
  const add = () => {
    if (document.getElementById('sipansos-keep') || !document.body) return;
    const button = document.createElement('button');
    button.id = 'sipansos-keep';
    button.type = 'button';
    button.textContent = 'Simpan bukti / Keep evidence (Alt+Shift+K)';
    button.setAttribute('style', 'position:fixed;right:16px;bottom:16px;z-index:2147483647;padding:10px 14px;background:#b00020;color:#fff;border:0;border-radius:6px;font:bold 14px sans-serif;cursor:pointer');
    button.addEventListener('click', (event) => { event.preventDefault(); event.stopPropagation(); keep(button); }, true);
    document.body.appendChild(button);
  };
  document.addEventListener('keydown', (event) => { if (event.altKey && event.shiftKey && (event.key === 'K' || event.key === 'k')) { event.preventDefault(); keep(document.getElementById('sipansos-keep')); } }, true);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', add); else add();
})();`;
}

/**
 * Start patrolling in the browser's tab: a keep button (and Alt+Shift+K) on pages of allowed
 * hosts, optionally every navigation kept. What is kept goes to `onKept` (which stores it).
 */
export async function startPatrolSession(options: PatrolSessionOptions): Promise<PatrolSession> {
  const { browser } = options;
  const page = await browser.page();
  const recorder = new ExchangeRecorder(page, browser.allowedHosts);
  let busy: Promise<unknown> = Promise.resolve();
  const keep = (): ResultAsync<KeptPage, PatrolError> =>
    keepPage(browser, page, recorder, options.actor, options.keep).andThen((kept) =>
      ResultAsync.fromPromise(Promise.resolve(options.onKept(kept)), (error): PatrolError => ({ type: 'navigation', url: kept.url, message: errorText(error) })).map(() => kept),
    );
  // Keeps run one at a time: a double click must not interleave two recordings of one page.
  const queued = (): Promise<string> => {
    const run = busy.then(async () => {
      const result = await keep();
      if (result.isErr()) {
        options.onError?.(result.error);
        return 'Gagal / Failed ✗';
      }
      return 'Tersimpan / Kept ✓';
    });
    busy = run.catch(() => undefined);
    return run;
  };
  await browser.context.exposeBinding(BINDING, () => queued());
  await browser.context.addInitScript({ content: keepButtonScript(browser.allowedHosts) });
  if (options.recordEveryNavigation) {
    page.on('load', () => {
      if (isAllowedHost(page.url(), browser.allowedHosts)) void queued();
    });
  }
  const closed = new Promise<void>((resolve) => {
    page.once('close', () => resolve());
    browser.context.once('close', () => resolve());
  });
  return {
    page,
    open: (url) => {
      if (!/^https?:\/\//i.test(url)) return errAsync({ type: 'navigation', url, message: `bukan alamat http(s): ${url} / not an http(s) address` });
      return ResultAsync.fromPromise(page.goto(url, { waitUntil: 'load', timeout: browser.navigationTimeoutMs }), (error): PatrolError => ({ type: 'navigation', url, message: errorText(error) })).andThen(() => okAsync(undefined));
    },
    keep: () => ResultAsync.fromPromise(busy, () => undefined as never).andThen(() => keep()),
    closed,
  };
}
