import type { Item } from '@sipansos/core';
import { ExchangeRecorder } from './exchange-recorder.js';
import { keepPage, type KeptPage } from './keep-page.js';
import type { PatrolBrowser } from './patrol-browser.js';
import { errorText } from './patrol-error.js';
import { readPatrolPage, type PatrolPageReading } from './patrol-page-reading.js';
import { isAllowedHost } from './patrol-settings.js';

/** A post captured before, to be reopened. */
export interface RevisitTarget {
  /** `accountKey` of the account whose state tracks it. */
  accountKey: string;
  /** The item's platform id. */
  itemId: string;
  /** Where the post was seen (its permalink). */
  url: string;
  /** Its text as last captured, to tell an edit. */
  text?: string;
}

/**
 * What a revisit saw of one post.
 * - `present` / `edited`: the page showed it (same text / other text).
 * - `gone`: "this content isn't available" while the control URL loaded in the same session.
 * - `unauthorized`: a login wall or checkpoint; `rate_limited`: the app throttled the viewer —
 *   neither says anything about the post.
 * - `unknown`: could not look (network, budget, a control that did not load, a page without the post).
 */
export type RevisitStatus = 'present' | 'edited' | 'gone' | 'unauthorized' | 'rate_limited' | 'unknown';

export interface RevisitResult {
  target: RevisitTarget;
  status: RevisitStatus;
  reason: string;
  at: string;
  /** The post as served, when present or edited. */
  item?: Item;
  /** The page as kept (evidence of the answer), when the page was opened. */
  kept?: KeptPage;
}

/** Requests a revisit may make, per host, and the pause between them. */
export interface RevisitBudget {
  /** @default 30 */
  maxRequestsPerHost?: number;
  /** Pause before each request. @default 4000 */
  delayMs?: number;
  /** Random extra pause, up to this. @default 4000 */
  jitterMs?: number;
}

/** Settings of {@link revisitPosts}. */
export interface RevisitOptions {
  browser: PatrolBrowser;
  actor: string;
  targets: readonly RevisitTarget[];
  /** A post known to be live, opened in the same session to tell "gone" from "cannot see". */
  controlUrl: string;
  budget?: RevisitBudget;
  /** Injected for tests. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** What a revisit session found. */
export interface RevisitReport {
  results: RevisitResult[];
  control: { url: string; status: 'live' | 'failed' | 'not_checked'; reason?: string; kept?: KeptPage };
}

/**
 * Reopen posts captured before, headless on the office profile, within a per-host request
 * budget with jitter. "Content isn't available" counts as `gone` only while a known-live control
 * post still loads in the same session (checked after the first such answer and again at the
 * end); a wall stops the host's remaining revisits and changes nothing.
 */
export async function revisitPosts(options: RevisitOptions): Promise<RevisitReport> {
  const { browser } = options;
  const budget = { maxRequestsPerHost: 30, delayMs: 4000, jitterMs: 4000, ...options.budget };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const page = await browser.context.newPage();
  const recorder = new ExchangeRecorder(page, browser.allowedHosts);
  const used = new Map<string, number>();
  const walls = new Map<string, { status: 'unauthorized' | 'rate_limited'; reason: string }>();
  const results: RevisitResult[] = [];
  let control: RevisitReport['control'] = { url: options.controlUrl, status: 'not_checked' };

  const open = async (url: string): Promise<{ kept: KeptPage; reading: PatrolPageReading } | { reason: string; status: RevisitStatus }> => {
    const host = new URL(url).hostname;
    const count = used.get(host) ?? 0;
    if (count >= budget.maxRequestsPerHost) return { status: 'unknown', reason: `anggaran permintaan ke ${host} habis / request budget for ${host} used up` };
    used.set(host, count + 1);
    await sleep(budget.delayMs + Math.floor(random() * budget.jitterMs));
    try {
      await page.goto(url, { waitUntil: 'load', timeout: browser.navigationTimeoutMs });
    } catch (error) {
      return { status: 'unknown', reason: `halaman tidak terbuka / the page did not open: ${errorText(error)}` };
    }
    const kept = await keepPage(browser, page, recorder, options.actor, { mhtml: false });
    if (kept.isErr()) return { status: 'unknown', reason: kept.error.message };
    return { kept: kept.value, reading: readPatrolPage(kept.value, kept.value.blobs.warc.sha256) };
  };
  const checkControl = async (): Promise<void> => {
    const opened = await open(options.controlUrl);
    if ('reason' in opened) control = { url: options.controlUrl, status: 'failed', reason: opened.reason };
    else if (opened.reading.kind === 'content' && opened.reading.items.length > 0) control = { url: options.controlUrl, status: 'live', kept: opened.kept };
    else control = { url: options.controlUrl, status: 'failed', reason: `kontrol menampilkan ${opened.reading.kind} / the control showed ${opened.reading.kind}`, kept: opened.kept };
  };

  try {
    for (const target of options.targets) {
      const at = () => new Date().toISOString();
      if (!isAllowedHost(target.url, browser.allowedHosts)) {
        results.push({ target, status: 'unknown', reason: 'bukan host yang diizinkan / not an allowed host', at: at() });
        continue;
      }
      const wall = walls.get(new URL(target.url).hostname);
      if (wall) {
        results.push({ target, ...wall, at: at() });
        continue;
      }
      const opened = await open(target.url);
      if ('reason' in opened) {
        results.push({ target, status: opened.status, reason: opened.reason, at: at() });
        continue;
      }
      const { kept, reading } = opened;
      switch (reading.kind) {
        case 'login_wall':
        case 'checkpoint':
        case 'rate_limited': {
          const status = reading.kind === 'rate_limited' ? 'rate_limited' : 'unauthorized';
          const reason = reading.kind === 'rate_limited' ? 'platform membatasi sementara / the platform throttled the viewer' : reading.kind === 'checkpoint' ? 'pemeriksaan keamanan / security checkpoint' : 'halaman login / login wall';
          walls.set(new URL(target.url).hostname, { status, reason });
          results.push({ target, status, reason, at: kept.capturedAt, kept });
          break;
        }
        case 'unavailable': {
          if (control.status === 'not_checked') await checkControl();
          results.push(
            control.status === 'live'
              ? { target, status: 'gone', reason: 'konten tidak tersedia, kontrol tetap termuat / content not available while the control loads', at: kept.capturedAt, kept }
              : { target, status: 'unknown', reason: `konten tidak tersedia tetapi kontrol tidak termuat / content not available but the control did not load (${control.reason ?? ''})`, at: kept.capturedAt, kept },
          );
          break;
        }
        case 'content': {
          const item = reading.items.find((entry) => entry.id === target.itemId);
          if (!item) {
            results.push({ target, status: 'unknown', reason: reading.problem?.message ?? 'halaman tidak menampilkan unggahan ini / the page does not show this post', at: kept.capturedAt, kept });
            break;
          }
          const same = target.text === undefined || normalise(target.text) === normalise(item.text ?? '');
          results.push({ target, status: same ? 'present' : 'edited', reason: same ? 'tampil / shown' : 'teks berubah / text changed', at: kept.capturedAt, item, kept });
          break;
        }
      }
    }
    // The control must still load at the end of the session, or no `gone` of it stands.
    if (results.some((result) => result.status === 'gone')) {
      await checkControl();
      if (control.status !== 'live') {
        for (const result of results) if (result.status === 'gone') Object.assign(result, { status: 'unknown', reason: `kontrol tidak termuat di akhir sesi / the control did not load at the end of the session (${control.reason ?? ''})` });
      }
    }
  } finally {
    recorder.detach();
    await page.close().catch(() => undefined);
  }
  return { results, control };
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
