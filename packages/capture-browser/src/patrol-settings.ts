/** Hosts a patrol records from when the office names none. */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['facebook.com', 'm.facebook.com', 'instagram.com', 'x.com'];

/** Debian's Chromium. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Settings of {@link openPatrolBrowser}. */
export interface PatrolBrowserSettings {
  /**
   * The persistent browser profile the office owns (created with mode 0700). Staff log in by
   * hand once; the session stays here and nowhere else.
   */
  profileDir: string;
  /** @default "/usr/bin/chromium" */
  executablePath?: string;
  /** Headless for tests and revisits; a window for staff. @default false */
  headless?: boolean;
  /**
   * Hosts (and their subdomains) the patrol may record; pages elsewhere get no keep button and
   * nothing of theirs is recorded. @default DEFAULT_ALLOWED_HOSTS
   */
  allowedHosts?: readonly string[];
  /** More Chromium flags (e.g. `--proxy-server=…` of the office network). */
  extraArgs?: readonly string[];
  /** @default { width: 1280, height: 900 } */
  viewport?: { width: number; height: number };
  /** Milliseconds a navigation may take. @default 30000 */
  navigationTimeoutMs?: number;
}

/** The host is one of `allowed` or a subdomain of one (`www.facebook.com` under `facebook.com`). */
export function isAllowedHost(url: string, allowed: readonly string[]): boolean {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
    host = parsed.hostname.toLowerCase();
  } catch {
    return false;
  }
  return allowed.some((entry) => {
    const name = entry.toLowerCase().replace(/^\.+/, '');
    return host === name || host.endsWith(`.${name}`);
  });
}
