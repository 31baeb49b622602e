import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { ResultAsync, errAsync } from 'neverthrow';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { errorText, type PatrolError } from './patrol-error.js';
import { DEFAULT_ALLOWED_HOSTS, DEFAULT_CHROMIUM_PATH, type PatrolBrowserSettings } from './patrol-settings.js';

/** A running patrol browser on the office's profile. */
export interface PatrolBrowser {
  context: BrowserContext;
  /** `Browser.getVersion` product, e.g. `Chrome/131.0.6778.85`. */
  product: string;
  userAgent: string;
  allowedHosts: readonly string[];
  navigationTimeoutMs: number;
  /** The open tab, or a new one. */
  page(): Promise<Page>;
  close(): Promise<void>;
}

// Quiet flags: no sync, updates or background requests of the browser's own mixed into evidence.
const QUIET_FLAGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-quic'];

/**
 * Start Debian's Chromium on the office's persistent profile (created 0700). Chromium's sandbox
 * refuses to run as root, so `--no-sandbox` is added only then.
 */
export function openPatrolBrowser(settings: PatrolBrowserSettings): ResultAsync<PatrolBrowser, PatrolError> {
  const executablePath = settings.executablePath ?? DEFAULT_CHROMIUM_PATH;
  if (!existsSync(executablePath)) {
    return errAsync({
      type: 'browser_missing',
      executablePath,
      message: `Chromium tidak ada di ${executablePath}; pasang dengan apt-get install -y chromium / Chromium is missing at ${executablePath}; install it with apt-get install -y chromium`,
    });
  }
  const args = [...QUIET_FLAGS, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...(settings.extraArgs ?? [])];
  return ResultAsync.fromPromise(
    (async () => {
      await mkdir(settings.profileDir, { recursive: true, mode: 0o700 });
      await chmod(settings.profileDir, 0o700);
      const context = await chromium.launchPersistentContext(settings.profileDir, {
        executablePath,
        headless: settings.headless ?? false,
        args,
        viewport: settings.viewport ?? { width: 1280, height: 900 },
        acceptDownloads: false,
        serviceWorkers: 'block',
      });
      try {
        const first = context.pages()[0] ?? (await context.newPage());
        const session = await context.newCDPSession(first);
        const version = (await session.send('Browser.getVersion')) as { product: string; userAgent: string };
        await session.detach();
        return { context, product: version.product, userAgent: version.userAgent };
      } catch (error) {
        await context.close().catch(() => undefined);
        throw error;
      }
    })(),
    (error): PatrolError => ({ type: 'launch', message: `Chromium tidak dapat dijalankan / Chromium could not start: ${errorText(error)}` }),
  ).map(({ context, product, userAgent }) => ({
    context,
    product,
    userAgent,
    allowedHosts: settings.allowedHosts ?? DEFAULT_ALLOWED_HOSTS,
    navigationTimeoutMs: settings.navigationTimeoutMs ?? 30_000,
    page: async () => context.pages()[0] ?? (await context.newPage()),
    close: () => context.close(),
  }));
}
