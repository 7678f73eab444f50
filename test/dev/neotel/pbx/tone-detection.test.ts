import { describe, expect, it } from 'vitest';
import { ulawDecode, ulawEncode } from '../../../../dev/neotel/pbx/media/g711.ts';
import { detectTone, dominantTone, toneLevelDbfs, toneLevelsOverTime } from '../../../../dev/neotel/pbx/media/goertzel.ts';
import { DTMF_FREQUENCIES, sine, ToneOscillator } from '../../../../dev/neotel/pbx/media/tone.ts';

function mix(...parts: Int16Array[]): Int16Array {
  return Int16Array.from({ length: parts[0]!.length }, (_, i) => parts.reduce((sum, part) => sum + part[i]!, 0));
}

describe('Goertzel tone detection', () => {
  it.each([400, 800, 1200])('reads a −12 dBFS %i Hz sine at −12 dBFS (±0.5 dB)', (hz) => {
    expect(toneLevelDbfs(sine(hz, 500), hz)).toBeCloseTo(20 * Math.log10(8192 / 32768), 0);
  });

  it.each([400, 800, 1200])('detects %i Hz in a mix of the three after µ-law companding', (hz) => {
    const signal = ulawDecode(ulawEncode(mix(sine(400, 500, 4000), sine(800, 500, 4000), sine(1200, 500, 4000))));
    expect(detectTone(signal, hz).detected).toBe(true);
    expect(detectTone(signal, hz).peakDbfs).toBeGreaterThan(-25);
  });

  it('rejects tones that are absent, even next to a loud one', () => {
    const signal = ulawDecode(ulawEncode(sine(800, 1000)));
    for (const absent of [400, 600, 1000, 1200]) {
      expect(detectTone(signal, absent).detected, `${absent} Hz`).toBe(false);
      expect(toneLevelDbfs(signal, absent)).toBeLessThan(-50);
    }
  });

  it('rejects every tone in silence and in low white noise', () => {
    let seed = 7;
    const noise = Int16Array.from({ length: 8000 }, () => ((seed = (seed * 16807) % 2147483647) % 200) - 100);
    for (const hz of [400, 800, 1200]) {
      expect(detectTone(new Int16Array(8000), hz).detected).toBe(false);
      expect(detectTone(noise, hz).detected).toBe(false);
    }
  });

  it('finds a short burst (Chromium fake-mic style) and when it happened', () => {
    const signal = new Int16Array(8000);
    signal.set(sine(400, 100), 4000); // 100 ms of 400 Hz at 0.5 s
    const levels = toneLevelsOverTime(signal, 400);
    expect(levels.findIndex((level) => level > -40)).toBe(5);
    expect(detectTone(signal, 400).fraction).toBeCloseTo(0.1, 2);
    expect(detectTone(signal, 400, { minFraction: 0.5 }).detected).toBe(false);
  });

  it('names the dominant party among candidate tones', () => {
    expect(dominantTone(mix(sine(800, 300, 8000), sine(1200, 300, 1000)), [400, 800, 1200])?.hz).toBe(800);
  });
});

describe('tone generation', () => {
  it('keeps phase across frames, so a tone built from 20 ms frames equals one long sine', () => {
    const oscillator = new ToneOscillator([800]);
    const frames = Array.from({ length: 10 }, () => oscillator.next());
    const joined = Int16Array.from(frames.flatMap((frame) => [...frame]));
    const reference = sine(800, 200);
    for (let i = 0; i < joined.length; i++) expect(Math.abs(joined[i]! - reference[i]!)).toBeLessThanOrEqual(1);
  });

  it('plays DTMF as its two frequencies', () => {
    const [low, high] = DTMF_FREQUENCIES['5']!;
    const key = new ToneOscillator([low, high]).next(new Int16Array(800));
    expect(toneLevelDbfs(key, low)).toBeGreaterThan(-20);
    expect(toneLevelDbfs(key, high)).toBeGreaterThan(-20);
    expect(toneLevelDbfs(key, DTMF_FREQUENCIES['1']![0])).toBeLessThan(-45);
  });
});
