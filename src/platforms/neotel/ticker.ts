/**
 * The poll loop's clock: "call me back in N ms", behind an interface so the browser can use a
 * timer that background tabs do not throttle (ticker-worker.ts) and tests can drive time by hand.
 */

/** Schedules one-shot callbacks. */
export interface Ticker {
  /** `worker` when callbacks come from a dedicated worker, `timeout` for the page's own setTimeout. */
  readonly kind: 'worker' | 'timeout';
  /** Calls `tick` once, about `delayMs` from now. Returns a function that cancels it. */
  after(delayMs: number, tick: () => void): () => void;
  /** Cancels everything pending and frees the ticker's resources (the worker). */
  dispose(): void;
}

/**
 * The plain `setTimeout` ticker (Node, tests, and the fallback when a worker cannot be created).
 * In a hidden browser tab Chrome aligns these to 1 s and, after 5 minutes hidden, runs chained
 * timers once a minute: https://developer.chrome.com/blog/timer-throttling-in-chrome-88
 */
export function timeoutTicker(): Ticker {
  const pending = new Set<ReturnType<typeof setTimeout>>();
  return {
    kind: 'timeout',
    after(delayMs, tick) {
      const handle = setTimeout(() => {
        pending.delete(handle);
        tick();
      }, Math.max(0, delayMs));
      pending.add(handle);
      return () => {
        clearTimeout(handle);
        pending.delete(handle);
      };
    },
    dispose() {
      for (const handle of pending) clearTimeout(handle);
      pending.clear();
    },
  };
}
