import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host once a second for timers drawn from the state's epoch timestamps (the state
 * itself does not change while a call runs, so without a clock the timer would stand still), and
 * only when that shows: the next tick is armed only if the last render read `now`, lands on the
 * next whole second (the display's resolution, `m:ss`), and waits for an animation frame, which a
 * hidden tab or a closed utility panel does not get, so nobody pays for a timer nobody sees. It
 * catches up on the first frame after the panel opens.
 */
export class ClockController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame: number | undefined;
  private read = false;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly intervalMs = 1000,
  ) {
    host.addController(this);
  }

  /** The current epoch ms (read during render; reading it keeps the clock ticking). */
  get now(): number {
    this.read = true;
    return Date.now();
  }

  hostConnected(): void {
    this.connected = true;
    // Back in the document (moved, or shown again): draw once, which re-arms the tick if needed.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    this.read = false;
  }

  hostUpdated(): void {
    if (!this.read || this.timer !== undefined || this.frame !== undefined || !this.connected) return;
    const wait = this.intervalMs - (Date.now() % this.intervalMs);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.frame = requestAnimationFrame(() => {
        this.frame = undefined;
        this.host.requestUpdate();
      });
    }, wait);
  }

  hostDisconnected(): void {
    this.connected = false;
    clearTimeout(this.timer);
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.timer = undefined;
    this.frame = undefined;
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
