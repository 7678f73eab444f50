/**
 * Phase-continuous tone generation for the simulated parties: a customer "speaks" a sine so tests
 * can tell parties apart by frequency, and pressed keys sound as DTMF pairs.
 */

/** Samples per 20 ms frame at 8 kHz: the PBX's only frame size. */
export const FRAME_SAMPLES = 160;
export const SAMPLE_RATE = 8000;
/** Default tone amplitude: −12 dBFS, loud enough to detect after µ-law, far from clipping. */
export const DEFAULT_TONE_AMPLITUDE = 8192;

/** DTMF low/high frequency pairs (ITU-T Q.23). */
export const DTMF_FREQUENCIES: Readonly<Record<string, readonly [number, number]>> = {
  '1': [697, 1209], '2': [697, 1336], '3': [697, 1477], A: [697, 1633],
  '4': [770, 1209], '5': [770, 1336], '6': [770, 1477], B: [770, 1633],
  '7': [852, 1209], '8': [852, 1336], '9': [852, 1477], C: [852, 1633],
  '*': [941, 1209], '0': [941, 1336], '#': [941, 1477], D: [941, 1633],
};

/** A sum of sines that keeps its phase across frames, so consecutive frames join without clicks. */
export class ToneOscillator {
  private phases: number[] = [];
  private frequencies: readonly number[] = [];

  constructor(
    frequencies: readonly number[] = [],
    private readonly amplitude = DEFAULT_TONE_AMPLITUDE,
    private readonly sampleRate = SAMPLE_RATE,
  ) {
    this.setFrequencies(frequencies);
  }

  /** Changes the tone; frequencies ≤ 0 are ignored (an empty list is silence). */
  setFrequencies(frequencies: readonly number[]): void {
    this.frequencies = frequencies.filter((hz) => hz > 0);
    this.phases = this.frequencies.map(() => 0);
  }

  /** Fills and returns `frame` with the next samples (the amplitude is shared between tones). */
  next(frame: Int16Array = new Int16Array(FRAME_SAMPLES)): Int16Array {
    const count = this.frequencies.length;
    if (count === 0) return frame.fill(0);
    const perTone = this.amplitude / count;
    for (let i = 0; i < frame.length; i++) {
      let value = 0;
      for (let t = 0; t < count; t++) {
        value += Math.sin(this.phases[t]!) * perTone;
        this.phases[t] = (this.phases[t]! + (2 * Math.PI * this.frequencies[t]!) / this.sampleRate) % (2 * Math.PI);
      }
      frame[i] = Math.round(value);
    }
    return frame;
  }
}

/** One buffer of a pure sine, for tests and prompts. */
export function sine(hz: number, durationMs: number, amplitude = DEFAULT_TONE_AMPLITUDE, sampleRate = SAMPLE_RATE): Int16Array {
  return new ToneOscillator([hz], amplitude, sampleRate).next(new Int16Array(Math.round((durationMs * sampleRate) / 1000)));
}
