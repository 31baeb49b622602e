/**
 * Time as the adapter machinery sees it. Injected so tests drive waits with fake timers or a
 * virtual clock instead of the wall clock.
 */
export interface AdapterClock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /**
   * Resolve after `ms` milliseconds, or as soon as `signal` aborts (never rejects: callers
   * check `signal.aborted` themselves).
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * The wall clock. It reads `Date.now` and `setTimeout` at call time, so `vi.useFakeTimers()`
 * also drives it.
 */
export const systemClock: AdapterClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    }),
};
