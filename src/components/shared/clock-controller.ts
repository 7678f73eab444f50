import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host every second while connected, for timers drawn from the state's epoch
 * timestamps. The state itself does not change while a call runs, so without a clock the timer
 * would stand still.
 */
export class ClockController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly intervalMs = 1000,
  ) {
    host.addController(this);
  }

  /** The current epoch ms (read during render). */
  get now(): number {
    return Date.now();
  }

  hostConnected(): void {
    this.timer ??= setInterval(() => this.host.requestUpdate(), this.intervalMs);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** `m:ss`, or `h:mm:ss` past an hour; negative spans (clock skew) read as `0:00`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** ISO 8601 duration (`PT1M5S`) for a `<time datetime>`, so assistive tech can read the span. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `PT${Math.floor(total / 60)}M${total % 60}S`;
}
