import { formatDuration, isoDuration } from './clock-controller.ts';

/**
 * `<dialtone-elapsed>`: a running timer (`m:ss` since `since`, epoch ms) that redraws itself, one
 * text node and one attribute, without re-rendering the component around it. The status timer
 * runs all day while an agent waits; as a `ClockController` on its host it was one Lit update of
 * the whole header a second (most of the idle garbage once the platform poll left the page,
 * docs/benchmarks.md).
 *
 * It draws only what a person can see change, at the display's resolution: the next draw is due
 * when the shown second changes (`since` + whole seconds, not the wall clock's); nothing is armed
 * while the page is hidden (a background tab: `visibilitychange` draws at once when it is back),
 * and an IntersectionObserver stops the timer altogether while the element is not on screen (a
 * minimised panel, a scrolled-away card) and draws at once when it is back. Without `since`
 * nothing runs. A draw is one task: the timer's callback sets the text, and the frame that
 * follows lays out and paints the timer alone — the element contains its layout and paint
 * (`contain: strict`, a width of as many `ch` as it shows characters, digits in tabular figures),
 * so a new second never lays out the header or the card around it. Light DOM (no shadow root):
 * the host's styles (`.visually-hidden`, `.timer`) apply to what it draws.
 *
 * ```html
 * <dialtone-elapsed class="timer" data-testid="status-timer" .since=${at} .label=${m.statusTimer}></dialtone-elapsed>
 * ```
 * draws `<span class="visually-hidden">{label}: </span><time datetime="PT1M5S">1:05</time>`.
 */
export class ElapsedTime extends HTMLElement {
  private sinceMs: number | null = null;
  private step: 'second' | 'minute' = 'second';
  private minuteText: (minutes: number) => string = (minutes) => `${minutes} min`;
  private labelText = '';
  private shown = '';
  private visible = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Characters shown, which set the width (a change of width is the only layout outside). */
  private width = -1;
  private observer: IntersectionObserver | undefined;
  private readonly spoken = document.createElement('span');
  private readonly time = document.createElement('time');
  private readonly text = document.createTextNode('');

  constructor() {
    super();
    this.spoken.className = 'visually-hidden';
    this.time.append(this.text);
  }

  /** The start of the span (epoch ms); `null` shows nothing and stops the timer. */
  get since(): number | null {
    return this.sinceMs;
  }

  set since(value: number | null) {
    if (value === this.sinceMs) return;
    this.sinceMs = value;
    this.tick();
  }

  /** `second` (`m:ss`, the default) or `minute` (whole minutes through {@link minutes}); also the `resolution` attribute. */
  get resolution(): 'second' | 'minute' {
    return this.step;
  }

  set resolution(value: 'second' | 'minute') {
    const step = value === 'minute' ? 'minute' : 'second';
    if (step === this.step) return;
    this.step = step;
    this.width = -1;
    this.shown = '';
    if (this.isConnected) {
      this.contain();
      this.tick();
    }
  }

  /** The text of whole minutes in `minute` resolution (`12 min`); the catalogue's. */
  get minutes(): (minutes: number) => string {
    return this.minuteText;
  }

  set minutes(value: (minutes: number) => string) {
    if (value === this.minuteText) return;
    this.minuteText = value;
    this.shown = '';
    if (this.isConnected) this.tick();
  }

  /** What a screen reader hears before the time (`Time in status`), not shown. */
  get label(): string {
    return this.labelText;
  }

  set label(value: string) {
    if (value === this.labelText) return;
    this.labelText = value;
    this.spoken.textContent = value === '' ? '' : `${value}: `;
  }

  connectedCallback(): void {
    this.takeOwnProperties();
    if (this.getAttribute('resolution') === 'minute') this.resolution = 'minute';
    if (this.time.parentNode !== this) {
      this.contain();
      this.append(this.spoken, this.time);
    }
    document.addEventListener('visibilitychange', this.onVisibility);
    if (typeof IntersectionObserver === 'function') {
      this.observer ??= new IntersectionObserver((entries) => {
        const entry = entries[entries.length - 1];
        if (entry === undefined || entry.isIntersecting === this.visible) return;
        this.visible = entry.isIntersecting;
        this.tick();
      });
      this.observer.observe(this);
    }
    this.tick();
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.stop();
  }

  /**
   * The header draws this element before its code is in (it comes with the agent's parts, after
   * REGISTER 200: docs/benchmarks.md, "Tenth pass (e)"); what Lit set on it before the upgrade is
   * an own property that hides the setters, so it is taken back through them.
   */
  private takeOwnProperties(): void {
    if (Object.hasOwn(this, 'since')) {
      const since: unknown = Reflect.get(this, 'since');
      Reflect.deleteProperty(this, 'since');
      this.since = typeof since === 'number' ? since : null;
    }
    if (Object.hasOwn(this, 'minutes')) {
      const minutes: unknown = Reflect.get(this, 'minutes');
      Reflect.deleteProperty(this, 'minutes');
      if (typeof minutes === 'function') this.minutes = minutes as (minutes: number) => string;
    }
    if (Object.hasOwn(this, 'resolution')) {
      const resolution: unknown = Reflect.get(this, 'resolution');
      Reflect.deleteProperty(this, 'resolution');
      this.resolution = resolution === 'minute' ? 'minute' : 'second';
    }
    if (Object.hasOwn(this, 'label')) {
      const label: unknown = Reflect.get(this, 'label');
      Reflect.deleteProperty(this, 'label');
      this.label = typeof label === 'string' ? label : '';
    }
  }

  /**
   * Seconds: its own layout and paint, a relayout boundary of fixed size (width set in draw) and
   * a paint boundary, so a new second lays out and paints this box alone. On the <time>, not the
   * host: Chromium never makes a flex item (the host in the status button) a boundary. Minutes:
   * plain inline text.
   */
  private contain(): void {
    if (this.step === 'second') {
      Object.assign(this.time.style, { display: 'inline-block', contain: 'strict', height: '1lh', verticalAlign: 'bottom', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' });
    } else {
      this.time.removeAttribute('style');
      this.time.style.whiteSpace = 'nowrap';
    }
  }

  private readonly onVisibility = (): void => this.tick();

  /** Draws now, and arms the next draw if a running timer is on screen. */
  private tick(): void {
    this.stop();
    const since = this.sinceMs;
    if (since === null) {
      this.draw('', '');
      return;
    }
    const elapsed = Date.now() - since;
    const byMinute = this.step === 'minute';
    const minutes = Math.floor(Math.max(0, elapsed) / 60_000);
    const shown = byMinute ? this.minuteText(minutes) : formatDuration(elapsed);
    if (shown !== this.shown) this.draw(shown, byMinute ? `PT${minutes}M` : isoDuration(elapsed));
    if (!this.isConnected || !this.visible || document.visibilityState === 'hidden') return;
    // The shown second (minute) changes at `since` + n·1000 (60 000) ms (before `since`, clock skew, at `since`).
    const unit = byMinute ? 60_000 : 1000;
    const wait = elapsed < 0 ? -elapsed : unit - (elapsed % unit);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.tick();
    }, wait);
  }

  private draw(shown: string, iso: string): void {
    this.shown = shown;
    this.text.data = shown;
    if (this.step === 'second' && shown.length !== this.width) {
      this.width = shown.length;
      this.time.style.width = `${shown.length}ch`;
    }
    if (iso === '') this.time.removeAttribute('datetime');
    else this.time.setAttribute('datetime', iso);
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

if (!customElements.get('dialtone-elapsed')) customElements.define('dialtone-elapsed', ElapsedTime);

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-elapsed': ElapsedTime;
  }
}
