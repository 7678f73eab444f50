/**
 * How continuously the far side heard the agent: the longest stretch without the agent's tone in
 * what the customer heard (the simulator's per-leg recording, 20 ms ticks aligned to the wall
 * clock, so a stop in the media is silence in the WAV, not a cut).
 */
import { parseWav, toneLevelsOverTime } from '../../../dev/neotel/pbx/index.ts';

export interface ToneRun {
  /** Seconds of audio in the recording. */
  readonly seconds: number;
  /** When the tone was first heard, seconds from the start. */
  readonly firstHeardS: number;
  /** The longest gap without the tone after it was first heard, up to the end, in ms. */
  readonly longestGapMs: number;
  /** Whether the tone is in the last 500 ms (the media still flows at the end). */
  readonly heardAtEnd: boolean;
}

/** Frames of `windowMs` whose tone level is at least `thresholdDbfs` count as "heard". */
export function toneRun(wavBytes: Uint8Array, hz: number, thresholdDbfs = -30, windowMs = 50): ToneRun {
  const wav = parseWav(wavBytes);
  const levels = toneLevelsOverTime(wav.samples, hz, windowMs, wav.sampleRate);
  const heard = levels.map((level) => level >= thresholdDbfs);
  const first = heard.indexOf(true);
  let longest = 0;
  let run = 0;
  for (let i = Math.max(first, 0); i < heard.length; i++) {
    run = heard[i] ? 0 : run + 1;
    longest = Math.max(longest, run);
  }
  const tail = Math.ceil(500 / windowMs);
  return {
    seconds: wav.samples.length / wav.sampleRate,
    firstHeardS: first < 0 ? Number.NaN : (first * windowMs) / 1000,
    longestGapMs: first < 0 ? Number.POSITIVE_INFINITY : longest * windowMs,
    heardAtEnd: heard.slice(-tail).some(Boolean),
  };
}
