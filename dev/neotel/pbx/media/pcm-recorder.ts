/**
 * Append-only PCM store for what a party heard and for call recordings. Chunked so appending a
 * frame is O(1), and capped (default 10 min of 8 kHz audio, 9.6 MB) so a forgotten call cannot
 * eat the simulator's memory; past the cap the first minutes are kept and `truncated` is set.
 */

import { SAMPLE_RATE } from './tone.ts';

/** Default cap on any one recording or `heard()` buffer. */
export const DEFAULT_MAX_RECORDED_SECONDS = 600;

export class PcmRecorder {
  private chunks: Int16Array[] = [];
  private total = 0;
  private readonly maxSamples: number;
  /** True once samples were discarded because of the cap. */
  truncated = false;

  constructor(maxSeconds = DEFAULT_MAX_RECORDED_SECONDS, sampleRate = SAMPLE_RATE) {
    this.maxSamples = Math.max(0, Math.floor(maxSeconds * sampleRate));
  }

  get sampleCount(): number {
    return this.total;
  }

  /** Appends a copy of `samples` (or the part that still fits under the cap). */
  append(samples: Int16Array): void {
    const room = this.maxSamples - this.total;
    if (room <= 0) {
      if (samples.length) this.truncated = true;
      return;
    }
    const kept = samples.length > room ? samples.subarray(0, room) : samples;
    if (kept.length < samples.length) this.truncated = true;
    this.chunks.push(kept.slice());
    this.total += kept.length;
  }

  /** Everything recorded so far, as one contiguous copy. */
  toInt16Array(): Int16Array {
    const out = new Int16Array(this.total);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    if (this.chunks.length > 1) this.chunks = [out.slice()];
    return out;
  }
}
