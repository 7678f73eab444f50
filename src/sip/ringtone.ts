/**
 * The ringtone, synthesised with WebAudio (no asset to download): 440 + 480 Hz, 2 s on, 4 s off
 * (the North American ring cadence, recognisable everywhere). It plays through its own `<audio>`
 * element so the ringer can go to a different device than the call audio (`setSinkId`, e.g.
 * the PC speakers while the call stays in the headset).
 */

const TONES_HZ = [440, 480] as const;
const ON_MS = 2000;
const OFF_MS = 4000;
const LEVEL = 0.15;
const RAMP_S = 0.02;

/** A WebAudio ringtone with a selectable output device. */
export class Ringtone {
  private context: AudioContext | undefined;
  private gain: GainNode | undefined;
  private element: HTMLAudioElement | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sinkId: string | undefined;
  private active = false;

  constructor(private readonly container: () => HTMLElement) {}

  /** True between `start()` and `stop()`. */
  get playing(): boolean {
    return this.active;
  }

  /** Starts ringing (idempotent). Never throws: a blocked AudioContext only means silence. */
  start(): void {
    if (this.active) return;
    this.active = true;
    try {
      const { context, gain } = this.graph();
      void context.resume().catch(() => undefined); // autoplay policy: the iframe has allow="autoplay"
      void this.element?.play().catch(() => undefined);
      this.cycle(context, gain);
    } catch (error) {
      console.warn('[dialtone sip] ringtone could not start', error);
    }
  }

  /** Stops ringing (idempotent). */
  stop(): void {
    if (!this.active) return;
    this.active = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.gain && this.context) {
      this.gain.gain.cancelScheduledValues(this.context.currentTime);
      this.gain.gain.setTargetAtTime(0, this.context.currentTime, RAMP_S);
    }
    void this.context?.suspend().catch(() => undefined);
  }

  /** Sends the ringtone to another output device (`setSinkId`). */
  async setSinkId(deviceId: string): Promise<void> {
    this.sinkId = deviceId;
    if (this.element) await this.element.setSinkId(deviceId);
  }

  /** Releases the audio graph. */
  async dispose(): Promise<void> {
    this.stop();
    this.element?.remove();
    this.element = undefined;
    await this.context?.close().catch(() => undefined);
    this.context = undefined;
    this.gain = undefined;
  }

  private graph(): { context: AudioContext; gain: GainNode } {
    if (this.context && this.gain) return { context: this.context, gain: this.gain };
    const context = new AudioContext();
    const gain = context.createGain();
    gain.gain.value = 0;
    for (const hz of TONES_HZ) {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = hz;
      oscillator.connect(gain);
      oscillator.start();
    }
    const destination = context.createMediaStreamDestination();
    gain.connect(destination);
    const element = document.createElement('audio');
    element.dataset.dialtone = 'ringtone';
    element.autoplay = true;
    element.srcObject = destination.stream;
    this.container().appendChild(element);
    if (this.sinkId !== undefined) void element.setSinkId(this.sinkId).catch(() => undefined);
    this.context = context;
    this.gain = gain;
    this.element = element;
    return { context, gain };
  }

  /** One on/off period, then the next one from a timer (stopped by `stop()`). */
  private cycle(context: AudioContext, gain: GainNode): void {
    if (!this.active) return;
    const now = context.currentTime;
    gain.gain.cancelScheduledValues(now);
    gain.gain.setTargetAtTime(LEVEL, now, RAMP_S);
    gain.gain.setTargetAtTime(0, now + ON_MS / 1000, RAMP_S);
    this.timer = setTimeout(() => this.cycle(context, gain), ON_MS + OFF_MS);
  }
}
