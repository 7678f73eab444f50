/**
 * Tone detection by the Goertzel algorithm: the level of one frequency in 8 kHz PCM, in dBFS,
 * Hann-windowed so a loud tone does not leak into its neighbours. Used by the tests to prove
 * that audio really flowed ("Established" is not proof of a call).
 */

import { SAMPLE_RATE } from './tone.ts';

/**
 * Amplitude of `hz` in `samples`, as dB relative to a full-scale sine (a sine of amplitude
 * 32768 reads 0 dBFS). Silence reads −Infinity; treat anything below ~−60 as absent.
 */
export function toneLevelDbfs(samples: Int16Array, hz: number, sampleRate = SAMPLE_RATE): number {
  const n = samples.length;
  if (n === 0) return -Infinity;
  const omega = (2 * Math.PI * hz) / sampleRate;
  const coefficient = 2 * Math.cos(omega);
  let s1 = 0;
  let s2 = 0;
  let windowSum = 0;
  for (let i = 0; i < n; i++) {
    const w = n === 1 ? 1 : 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1));
    windowSum += w;
    const s0 = samples[i]! * w + coefficient * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
  const amplitude = (2 * Math.sqrt(Math.max(power, 0))) / windowSum;
  return 20 * Math.log10(amplitude / 32768);
}

/** Level of `hz` in consecutive windows (default 100 ms): shows when a tone starts and stops. */
export function toneLevelsOverTime(samples: Int16Array, hz: number, windowMs = 100, sampleRate = SAMPLE_RATE): number[] {
  const size = Math.max(1, Math.round((windowMs * sampleRate) / 1000));
  const levels: number[] = [];
  for (let start = 0; start + size <= samples.length; start += size) {
    levels.push(toneLevelDbfs(samples.subarray(start, start + size), hz, sampleRate));
  }
  return levels;
}

export interface ToneDetectionOptions {
  /** Minimum level, dBFS, for a window to count (default −40). */
  thresholdDbfs?: number;
  /** Window length (default 100 ms). */
  windowMs?: number;
  /** Fraction of windows that must hold the tone (default: any one window). */
  minFraction?: number;
}

/** Summary of one frequency across a buffer. */
export interface ToneDetection {
  detected: boolean;
  /** Loudest window, dBFS. */
  peakDbfs: number;
  /** Fraction of windows at or above the threshold. */
  fraction: number;
}

/**
 * Whether `hz` is present. Works for continuous tones and for bursts such as Chromium's fake
 * microphone (a 400 Hz beep every 500 ms): a burst fills at least one 100 ms window.
 */
export function detectTone(samples: Int16Array, hz: number, options: ToneDetectionOptions = {}): ToneDetection {
  const threshold = options.thresholdDbfs ?? -40;
  const levels = toneLevelsOverTime(samples, hz, options.windowMs ?? 100);
  const hits = levels.filter((level) => level >= threshold).length;
  const fraction = levels.length ? hits / levels.length : 0;
  const peakDbfs = levels.reduce((max, level) => Math.max(max, level), -Infinity);
  const detected = options.minFraction === undefined ? hits > 0 : hits > 0 && fraction >= options.minFraction;
  return { detected, peakDbfs, fraction };
}

/** The strongest frequency among `candidates` (e.g. every party's tone) — who is speaking. */
export function dominantTone(samples: Int16Array, candidates: readonly number[]): { hz: number; dbfs: number } | undefined {
  let best: { hz: number; dbfs: number } | undefined;
  for (const hz of candidates) {
    const dbfs = toneLevelDbfs(samples, hz);
    if (!best || dbfs > best.dbfs) best = { hz, dbfs };
  }
  return best;
}
