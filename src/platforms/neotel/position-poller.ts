/**
 * The Position poll loop: NeoApi has no push, so the agent's state is learnt by asking
 * `Position(USUARIO)` every second (neoapi.md §2.4) and turning each answer into edge-triggered
 * facts with {@link positionEvents}.
 *
 * ```
 *            start()                        success                     NOT_LOGGED
 *  stopped ─────────► polling ──(interval)──► poll ─────────► polling ──────────► loggedOutByPlatform, stopped
 *                        ▲                     │ failure / malformed
 *                        │ success:            ▼
 *                        │ platformRecovered  degraded (platformDegraded once; back-off 1 s → 2 → 4 … ≤ 15 s ± jitter)
 *                        └─────────────────────┘
 * ```
 *
 * Never two polls in flight; `pollNow()` joins the one running. The last good snapshot survives
 * errors, so a call seen before an outage is neither started again nor ended by it. Nothing a
 * poll does (a malformed payload, a throwing listener) escapes the loop.
 */
import { isNeoApiError } from './errors.ts';
import { positionEvents, unusablePositionReason, type PositionPollerEvent } from './position-events.ts';
import { parsePosition, type ParsedPosition } from './position.ts';
import { timeoutTicker, type Ticker } from './ticker.ts';
import { messageOf } from '../../shared/errors.ts';

/** What the poller passes with each poll. */
export interface PositionSourceOptions {
  readonly signal: AbortSignal;
  readonly timeoutMs?: number | undefined;
  /**
   * The poller has a good snapshot and is healthy: a source may keep polling on its own and
   * resolve only with an answer that differs from the last one it gave (position-watch.ts).
   * `NeoApiClient` ignores it and answers every poll.
   */
  readonly holdUnchanged?: boolean;
}

/** The one NeoApi call the poller makes (`NeoApiClient` fits). */
export interface PositionSource {
  position(user: string, options: PositionSourceOptions): Promise<string>;
  /** Asks a source that holds unchanged answers to poll at once (`pollNow`). */
  nudge?(): void;
}

/** Exponential back-off after failed polls. */
export interface PositionBackoff {
  /** First delay after a failure. Default 1000 ms. */
  readonly initialMs: number;
  /** Longest delay. Default 15 000 ms. */
  readonly maxMs: number;
  /** ± fraction of the delay drawn from `random`, so agents do not retry in lock-step. Default 0.2. */
  readonly jitter: number;
}

/** How to build a {@link PositionPoller}. */
export interface PositionPollerOptions {
  readonly client: PositionSource;
  /** The Neotel user (`USUARIO`). */
  readonly user: string;
  /** Time between the starts of two polls. Default 1000 ms (the wiki's cadence). */
  readonly intervalMs?: number;
  /** Per-poll timeout handed to the client. Default: the client's own. */
  readonly timeoutMs?: number;
  /** Receives every fact; an exception thrown here is counted, never propagated. */
  readonly onEvent: (event: PositionPollerEvent) => void;
  /** Receives every usable Position as parsed (fields no event carries, e.g. `MONITOREO`); exceptions counted like `onEvent`'s. */
  readonly onSnapshot?: (position: ParsedPosition) => void;
  /** Epoch ms for the events' `at` and for latencies. Default `Date.now`. */
  readonly now?: () => number;
  /**
   * Default {@link timeoutTicker}; browsers should pass `createTicker()` (not throttled when
   * hidden). The poller owns it: `stop()` disposes it, so do not share one between pollers.
   */
  readonly ticker?: Ticker;
  /** In [0, 1), for the back-off jitter. Default `Math.random`. */
  readonly random?: () => number;
  readonly backoff?: Partial<PositionBackoff>;
}

/** Counters for diagnostics. */
export interface PositionPollerStats {
  readonly running: boolean;
  readonly degraded: boolean;
  /** Polls sent since construction. */
  readonly polls: number;
  /** Polls that failed (errors and malformed payloads) since construction. */
  readonly failures: number;
  /** Of which: answers refused by {@link unusablePositionReason}. */
  readonly malformed: number;
  /** Failures since the last success. */
  readonly consecutiveFailures: number;
  /** Exceptions thrown by `onEvent`. */
  readonly listenerErrors: number;
  /** Duration of the last finished poll, ms. */
  readonly lastLatencyMs: number | null;
  /** When the last good snapshot arrived (epoch ms). */
  readonly lastSuccessAt: number | null;
  /** Why the last poll failed, while failing. */
  readonly lastFailure: string | null;
  /** The delay before the next poll, ms. */
  readonly nextDelayMs: number | null;
}

const DEFAULT_BACKOFF: PositionBackoff = { initialMs: 1000, maxMs: 15_000, jitter: 0.2 };

/** Polls Position for one user and reports what changed. */
export class PositionPoller {
  private readonly options: PositionPollerOptions;
  private readonly intervalMs: number;
  private readonly backoff: PositionBackoff;
  private readonly ticker: Ticker;
  private readonly now: () => number;
  private readonly random: () => number;
  private running = false;
  /** Bumped by start/stop: a poll that settles in another generation is stale and dropped. */
  private generation = 0;
  private inFlight: Promise<void> | null = null;
  private controller: AbortController | null = null;
  private cancelTimer: (() => void) | null = null;
  private last: ParsedPosition | null = null;
  private degraded = false;
  private counters = { polls: 0, failures: 0, malformed: 0, consecutiveFailures: 0, listenerErrors: 0 };
  private lastLatencyMs: number | null = null;
  private lastSuccessAt: number | null = null;
  private lastFailure: string | null = null;
  private nextDelayMs: number | null = null;

  constructor(options: PositionPollerOptions) {
    this.options = options;
    this.intervalMs = options.intervalMs ?? 1000;
    if (!(this.intervalMs > 0)) throw new RangeError(`PositionPoller intervalMs must be a positive number of ms, got ${String(options.intervalMs)}.`);
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.ticker = options.ticker ?? timeoutTicker();
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? Math.random;
  }

  /** The last good snapshot (`null` before the first, and after start()). */
  get snapshot(): ParsedPosition | null {
    return this.last;
  }

  /** Counters and state for diagnostics. */
  get stats(): PositionPollerStats {
    return {
      running: this.running,
      degraded: this.degraded,
      ...this.counters,
      lastLatencyMs: this.lastLatencyMs,
      lastSuccessAt: this.lastSuccessAt,
      lastFailure: this.lastFailure,
      nextDelayMs: this.nextDelayMs,
    };
  }

  /**
   * Starts polling now. The first answer is compared with nothing, so it reports the current
   * call, break and campaign (a reloaded page catches up). No-op while running.
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.generation++;
    this.last = null;
    this.degraded = false;
    this.counters.consecutiveFailures = 0;
    this.lastFailure = null;
    void this.poll();
  }

  /**
   * Stops polling and aborts the poll in flight; its answer, if any, is dropped. The ticker is
   * disposed (the poller owns it: a worker ticker's worker ends here and restarts on `start`).
   */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.generation++;
    this.clearTimer();
    this.controller?.abort();
    this.nextDelayMs = null;
    this.ticker.dispose();
  }

  /**
   * Polls at once (after a Dial, to see `IDLLAMADA` sooner); joins the poll in flight rather than
   * sending a second. Resolves when that poll is handled; does nothing while stopped.
   */
  pollNow(): Promise<void> {
    if (!this.running) return Promise.resolve();
    // A source holding unchanged answers (position-watch.ts) fetches now rather than at its interval.
    if (this.inFlight !== null) this.options.client.nudge?.();
    return this.poll();
  }

  private poll(): Promise<void> {
    if (this.inFlight !== null) return this.inFlight;
    this.clearTimer();
    this.inFlight = this.runPoll();
    return this.inFlight;
  }

  private clearTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    this.nextDelayMs = delayMs;
    this.cancelTimer = this.ticker.after(delayMs, () => {
      this.cancelTimer = null;
      void this.poll();
    });
  }

  private async runPoll(): Promise<void> {
    const generation = this.generation;
    const controller = new AbortController();
    this.controller = controller;
    this.counters.polls++;
    const startedAt = this.now();
    let answer: { ok: true; raw: string } | { ok: false; error: unknown };
    try {
      const holdUnchanged = this.last !== null && !this.degraded;
      answer = { ok: true, raw: await this.options.client.position(this.options.user, { signal: controller.signal, timeoutMs: this.options.timeoutMs, holdUnchanged }) };
    } catch (error) {
      answer = { ok: false, error };
    }
    const finishedAt = this.now();
    this.inFlight = null;
    this.controller = null;
    if (generation !== this.generation) {
      // Stopped meanwhile; if started again, that generation's first poll waited for this one.
      if (this.running) this.schedule(0);
      return;
    }
    this.lastLatencyMs = finishedAt - startedAt;
    const delay = answer.ok ? this.accept(answer.raw, finishedAt, generation) : this.fail(answer.error, finishedAt);
    if (generation !== this.generation) return; // a listener stopped (or restarted) the poller
    // Healthy: one poll per interval, counted from the poll's start. Failing: the back-off counts from now.
    const wait = this.degraded ? delay : delay === null ? null : delay - this.lastLatencyMs;
    if (this.running && wait !== null) this.schedule(Math.max(0, wait));
  }

  /** A Position text arrived; returns the delay before the next poll. */
  private accept(raw: string, at: number, generation: number): number | null {
    // The same text as the last good snapshot parses to the same snapshot and gives no facts
    // (positionEvents compares snapshots): most polls, so they allocate nothing here.
    const unchanged = this.last !== null && raw === this.last.entries.raw;
    const events = unchanged ? [] : this.parsed(raw, at);
    if (events === null) return this.failed(this.lastFailure ?? 'unusable Position', at);
    this.lastSuccessAt = at;
    this.lastFailure = null;
    this.counters.consecutiveFailures = 0;
    if (this.degraded) {
      this.degraded = false;
      this.emit({ kind: 'platformRecovered', at });
    }
    for (const event of events) {
      if (generation !== this.generation) break; // stopped by a listener: the rest is stale
      this.emit(event);
    }
    return this.intervalMs;
  }

  /** A new Position text: the facts it gives, or `null` (counted, `lastFailure` set) when unusable. */
  private parsed(raw: string, at: number): PositionPollerEvent[] | null {
    const parsed = parsePosition(raw);
    const reason = unusablePositionReason(parsed);
    if (reason !== null) {
      this.counters.malformed++;
      this.lastFailure = reason;
      return null;
    }
    const events = positionEvents(this.last, parsed, at);
    this.last = parsed;
    try {
      this.options.onSnapshot?.(parsed);
    } catch {
      // The listener's bug must not stop the poll; it is counted like onEvent's.
      this.counters.listenerErrors++;
    }
    return events;
  }

  /** The call failed; returns the back-off delay, or `null` when the loop stops. */
  private fail(error: unknown, at: number): number | null {
    if (isNeoApiError(error, 'NOT_LOGGED')) {
      const message = error.serverText ?? error.message;
      this.stop();
      this.emit({ kind: 'loggedOutByPlatform', message, at });
      return null;
    }
    const reason = isNeoApiError(error)
      ? `Position for ${this.options.user} failed (${error.code}): ${error.message}`
      : `Position for ${this.options.user} failed: ${messageOf(error)}`;
    return this.failed(reason, at);
  }

  private failed(reason: string, at: number): number {
    this.counters.failures++;
    this.counters.consecutiveFailures++;
    this.lastFailure = reason;
    if (!this.degraded) {
      this.degraded = true;
      this.emit({ kind: 'platformDegraded', reason, at });
    }
    return this.backoffDelay(this.counters.consecutiveFailures);
  }

  /** `initialMs · 2^(n-1)`, capped at `maxMs`, then ± `jitter` (never above `maxMs`). */
  private backoffDelay(failures: number): number {
    const { initialMs, maxMs, jitter } = this.backoff;
    const base = Math.min(maxMs, initialMs * 2 ** Math.min(failures - 1, 30));
    const spread = base * jitter * (2 * this.random() - 1);
    return Math.round(Math.min(maxMs, Math.max(0, base + spread)));
  }

  private emit(event: PositionPollerEvent): void {
    try {
      this.options.onEvent(event);
    } catch {
      // The listener's bug must not stop the agent's state from being polled; it is counted.
      this.counters.listenerErrors++;
    }
  }
}
