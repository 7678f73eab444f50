/**
 * Receive buffer between a leg's network side (packets arrive in bursts) and the mixer's clock
 * (one 160-sample frame per tick). Bounded (oldest samples dropped on overflow, so latency cannot
 * grow) with a prefill: after an underrun it waits for `prefillFrames` before playing again, which
 * removes the −75 dB underrun noise seen without one (werift-probe.md, "Mixer").
 */

import { FRAME_SAMPLES } from './tone.ts';

export interface JitterBufferOptions {
  /** Capacity in frames (default 10 = 200 ms). */
  capacityFrames?: number;
  /** Frames to accumulate before playing, at start and after each underrun (default 3). */
  prefillFrames?: number;
  frameSamples?: number;
}

export interface JitterBufferStats {
  underruns: number;
  droppedSamples: number;
  bufferedSamples: number;
}

/** A bounded FIFO of PCM samples that hands out whole frames. */
export class JitterBuffer {
  private readonly ring: Int16Array;
  private readIndex = 0;
  private length = 0;
  private playing = false;
  private readonly prefillSamples: number;
  private readonly frameSamples: number;
  private underruns = 0;
  private droppedSamples = 0;

  constructor(options: JitterBufferOptions = {}) {
    this.frameSamples = options.frameSamples ?? FRAME_SAMPLES;
    const capacity = (options.capacityFrames ?? 10) * this.frameSamples;
    this.prefillSamples = Math.min(capacity, (options.prefillFrames ?? 3) * this.frameSamples);
    this.ring = new Int16Array(capacity);
  }

  get stats(): JitterBufferStats {
    return { underruns: this.underruns, droppedSamples: this.droppedSamples, bufferedSamples: this.length };
  }

  /** Appends received samples; drops the oldest ones past capacity. */
  push(samples: Int16Array): void {
    const capacity = this.ring.length;
    let input = samples;
    if (input.length > capacity) {
      this.droppedSamples += input.length - capacity;
      input = input.subarray(input.length - capacity);
    }
    const overflow = this.length + input.length - capacity;
    if (overflow > 0) {
      this.readIndex = (this.readIndex + overflow) % capacity;
      this.length -= overflow;
      this.droppedSamples += overflow;
    }
    let writeIndex = (this.readIndex + this.length) % capacity;
    for (const sample of input) {
      this.ring[writeIndex] = sample;
      writeIndex = writeIndex + 1 === capacity ? 0 : writeIndex + 1;
    }
    this.length += input.length;
  }

  /** The next frame, or undefined (silence) while prefilling or after an underrun. */
  pull(): Int16Array | undefined {
    if (!this.playing) {
      if (this.length < this.prefillSamples) return undefined;
      this.playing = true;
    }
    if (this.length < this.frameSamples) {
      this.playing = false;
      this.underruns++;
      return undefined;
    }
    const frame = new Int16Array(this.frameSamples);
    const capacity = this.ring.length;
    for (let i = 0; i < this.frameSamples; i++) {
      frame[i] = this.ring[this.readIndex]!;
      this.readIndex = this.readIndex + 1 === capacity ? 0 : this.readIndex + 1;
    }
    this.length -= this.frameSamples;
    return frame;
  }

  /** Forgets buffered audio (e.g. on hold) and prefills again. */
  reset(): void {
    this.readIndex = 0;
    this.length = 0;
    this.playing = false;
  }
}
