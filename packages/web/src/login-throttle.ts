/** Settings of {@link createLoginThrottle}. */
export interface LoginThrottleSettings {
  /** Wrong passwords in a row that lock an account. @default 10 */
  maxFailures?: number;
  /** How long a locked account stays locked. @default 15 minutes */
  lockMs?: number;
  /** Wrong passwords from one address within `windowMs` that slow it down. @default 30 */
  maxPerAddress?: number;
  /** @default 15 minutes */
  windowMs?: number;
  now?: () => number;
}

/** What the throttle says about a login attempt before the password is checked. */
export type LoginGate = { allowed: true } | { allowed: false; reason: 'account_locked' | 'address_throttled'; retryAt: number };

/** Counts wrong passwords per account and per address; locks after too many. */
export interface LoginThrottle {
  check(username: string, address: string): LoginGate;
  /** Record a wrong password; returns true when this failure locked the account. */
  failed(username: string, address: string): boolean;
  succeeded(username: string): void;
}

/**
 * Login throttling and lockout, in memory. Ten wrong passwords in a row lock the account for a
 * while (whatever the address); many failures from one address slow that address down, so one
 * machine cannot lock every account in the office at no cost.
 */
export function createLoginThrottle(settings: LoginThrottleSettings = {}): LoginThrottle {
  const maxFailures = settings.maxFailures ?? 10;
  const lockMs = settings.lockMs ?? 15 * 60 * 1000;
  const maxPerAddress = settings.maxPerAddress ?? 30;
  const windowMs = settings.windowMs ?? 15 * 60 * 1000;
  const now = settings.now ?? Date.now;
  const accounts = new Map<string, { failures: number; lockedUntil: number }>();
  const addresses = new Map<string, number[]>();

  const recent = (address: string): number[] => {
    const cutoff = now() - windowMs;
    const times = (addresses.get(address) ?? []).filter((time) => time > cutoff);
    addresses.set(address, times);
    return times;
  };

  return {
    check(username, address) {
      const account = accounts.get(username);
      if (account && account.lockedUntil > now()) return { allowed: false, reason: 'account_locked', retryAt: account.lockedUntil };
      const times = recent(address);
      if (times.length >= maxPerAddress) return { allowed: false, reason: 'address_throttled', retryAt: (times[0] ?? now()) + windowMs };
      return { allowed: true };
    },
    failed(username, address) {
      recent(address).push(now());
      const account = accounts.get(username) ?? { failures: 0, lockedUntil: 0 };
      if (account.lockedUntil && account.lockedUntil <= now()) account.failures = 0;
      account.failures += 1;
      let locked = false;
      if (account.failures >= maxFailures) {
        account.lockedUntil = now() + lockMs;
        account.failures = 0;
        locked = true;
      }
      accounts.set(username, account);
      return locked;
    },
    succeeded(username) {
      accounts.delete(username);
    },
  };
}
