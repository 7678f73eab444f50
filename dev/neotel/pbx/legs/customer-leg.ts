/**
 * A simulated outside party (customer, external transfer target): no SIP, no network — it rings
 * for `answerAfterMs`, then "speaks" a continuous tone at `toneHz` into its rooms and records what
 * it hears, frame by frame on the media clock (silence while in no room), so `heard()` is
 * time-aligned with the call. Key presses sound in-band as DTMF pairs (100 ms on, 60 ms off) and
 * are reported as `dtmf` events as each key goes down.
 */

import { PcmRecorder } from '../media/pcm-recorder.ts';
import { DTMF_FREQUENCIES, FRAME_SAMPLES, ToneOscillator } from '../media/tone.ts';
import type { CustomerLegRequest, SimulatedCustomerLeg } from '../types.ts';
import { LegBase, type LegContext, type MediaParticipant } from './leg-base.ts';

const DTMF_TONE_FRAMES = 5;
const DTMF_GAP_FRAMES = 3;

interface ToneOverride {
  frequencies: readonly number[];
  framesLeft: number;
  onStart?: () => void;
}

export class CustomerLegImpl extends LegBase implements SimulatedCustomerLeg, MediaParticipant {
  readonly kind = 'customer';
  private readonly voice: ToneOscillator;
  private readonly overrideOscillator = new ToneOscillator();
  private readonly queue: ToneOverride[] = [];
  /** The tone or key press playing instead of the voice, if any. */
  private playing: ToneOverride | undefined;
  private readonly recorder: PcmRecorder;
  private answerTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(id: string, private readonly request: CustomerLegRequest, context: LegContext, maxRecordedSeconds?: number) {
    super(id, request.number, context);
    this.voice = new ToneOscillator([request.toneHz]);
    this.recorder = new PcmRecorder(maxRecordedSeconds);
    if (!request.neverAnswer) {
      this.answerTimer = setTimeout(() => this.answer(), Math.max(0, request.answerAfterMs ?? 0));
    }
  }

  get mediaActive(): boolean {
    return this.state === 'up';
  }

  speakTone(hz: number, durationMs: number): void {
    if (this.state === 'ended') return;
    this.queue.push({ frequencies: [hz], framesLeft: Math.max(1, Math.round(durationMs / 20)) });
  }

  pressDigits(digits: string): void {
    if (this.state !== 'up') return;
    for (const digit of digits.toUpperCase()) {
      const pair = DTMF_FREQUENCIES[digit];
      if (!pair) continue;
      this.queue.push({ frequencies: pair, framesLeft: DTMF_TONE_FRAMES, onStart: () => this.emit('dtmf', digit) });
      this.queue.push({ frequencies: [], framesLeft: DTMF_GAP_FRAMES });
    }
  }

  heard(): Int16Array {
    return this.recorder.toInt16Array();
  }

  hangup(): void {
    this.finish('local');
  }

  hangupAsCustomer(): void {
    this.finish('remote', 'the customer hung up');
  }

  produceFrame(): Int16Array | undefined {
    if (!this.playing) {
      this.playing = this.queue.shift();
      if (this.playing) {
        this.overrideOscillator.setFrequencies(this.playing.frequencies);
        this.playing.onStart?.();
      }
    }
    if (!this.playing) return this.voice.next(new Int16Array(FRAME_SAMPLES));
    const frame = this.overrideOscillator.next(new Int16Array(FRAME_SAMPLES));
    if (--this.playing.framesLeft <= 0) this.playing = undefined;
    return frame;
  }

  consumeFrame(frame: Int16Array): void {
    this.recorder.append(frame);
  }

  private answer(): void {
    this.answerTimer = undefined;
    if (this.state !== 'ringing') return;
    this.context.joinMedia(this);
    this.markUp();
  }

  private finish(reason: 'local' | 'remote', detail?: string): void {
    if (this.answerTimer) clearTimeout(this.answerTimer);
    this.answerTimer = undefined;
    this.context.leaveMedia(this);
    this.markEnded(reason, detail);
  }
}
