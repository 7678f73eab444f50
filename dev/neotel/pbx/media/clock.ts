/**
 * The 20 ms media clock. Drift-free: tick n is due at `start + n·period`, and every tick due since
 * the last wake-up is run, so timer lateness never accumulates into a slower stream
 * (werift-probe.md, "Send one 20 ms frame": not a naive setInterval). When the process stalls for
 * longer than `maxCatchUpTicks` periods, the missed ticks are skipped (counted in `stats`) rather
 * than burst out, as a jitter buffer on the far end would drop them anyway.
 */

/** Timer seam so tests can drive the clock with fake time. */
export interface ClockTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: ClockTimers = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // The clock must not keep a process alive on its own: servers and tests do that.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface FrameClockOptions {
  periodMs?: number;
  /** Ticks run back to back after a stall before the rest are skipped (default 5 = 100 ms). */
  maxCatchUpTicks?: number;
  timers?: ClockTimers;
  /** Called when a tick throws; the clock keeps running. */
  onError?: (error: unknown) => void;
}

export interface FrameClockStats {
  ticks: number;
  skippedTicks: number;
  /** Worst lateness of a wake-up behind its due time, ms. */
  maxLatenessMs: number;
}

/** Calls `onTick` every period, drift-free, while started. */
export class FrameClock {
  private readonly periodMs: number;
  private readonly maxCatchUpTicks: number;
  private readonly timers: ClockTimers;
  private handle: unknown;
  private startedAt = 0;
  private nextTick = 0;
  private readonly counters: FrameClockStats = { ticks: 0, skippedTicks: 0, maxLatenessMs: 0 };

  constructor(
    private readonly onTick: () => void,
    private readonly options: FrameClockOptions = {},
  ) {
    this.periodMs = options.periodMs ?? 20;
    this.maxCatchUpTicks = options.maxCatchUpTicks ?? 5;
    this.timers = options.timers ?? realTimers;
  }

  get running(): boolean {
    return this.handle !== undefined;
  }

  get stats(): Readonly<FrameClockStats> {
    return this.counters;
  }

  start(): void {
    if (this.running) return;
    this.startedAt = this.timers.now();
    this.nextTick = 1;
    this.schedule();
  }

  stop(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private schedule(): void {
    const due = this.startedAt + this.nextTick * this.periodMs;
    this.handle = this.timers.setTimeout(() => this.wake(), Math.max(0, due - this.timers.now()));
  }

  private wake(): void {
    const now = this.timers.now();
    const lateness = now - (this.startedAt + this.nextTick * this.periodMs);
    this.counters.maxLatenessMs = Math.max(this.counters.maxLatenessMs, lateness);
    const dueThrough = Math.floor((now - this.startedAt) / this.periodMs);
    let pending = dueThrough - this.nextTick + 1;
    if (pending > this.maxCatchUpTicks) {
      this.counters.skippedTicks += pending - this.maxCatchUpTicks;
      this.nextTick += pending - this.maxCatchUpTicks;
      pending = this.maxCatchUpTicks;
    }
    for (let i = 0; i < pending && this.running; i++) {
      this.nextTick++;
      this.counters.ticks++;
      try {
        this.onTick();
      } catch (error) {
        this.options.onError?.(error);
      }
    }
    if (this.running) this.schedule();
  }
}
