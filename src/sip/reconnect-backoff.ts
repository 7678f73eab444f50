/**
 * Reconnect delays: exponential back-off with full jitter, capped (AWS architecture blog,
 * "Exponential Backoff And Jitter": https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 * Full jitter spreads a whole contact center's browsers over the window after a PBX restart
 * instead of having them all REGISTER in the same millisecond.
 */

/** Tuning of the reconnect loop. */
export interface BackoffOptions {
  /** First delay ceiling, ms (default 500). */
  readonly initialDelayMs: number;
  /** Largest delay, ms (default 30 000). */
  readonly maxDelayMs: number;
  /** Growth per attempt (default 2). */
  readonly multiplier: number;
  /** Attempts before the phone gives up and reports `failed` (default 120, ≈ 1 h at the cap). */
  readonly maxAttempts: number;
}

/** Defaults for {@link BackoffOptions}. */
export const DEFAULT_BACKOFF: BackoffOptions = { initialDelayMs: 500, maxDelayMs: 30_000, multiplier: 2, maxAttempts: 120 };

/**
 * Delay before attempt `attempt` (0-based): a value in [ceiling/2, ceiling] where
 * ceiling = min(max, initial·multiplier^attempt). Half of it is fixed so a retry never fires at
 * once in a tight loop; `random` is injectable for tests.
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempt, 64));
  const ceiling = Math.min(options.maxDelayMs, options.initialDelayMs * options.multiplier ** exponent);
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * jitter);
}
