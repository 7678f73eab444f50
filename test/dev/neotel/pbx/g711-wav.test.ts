import { describe, expect, it } from 'vitest';
import { ulawDecode, ulawDecodeSample, ulawEncode, ulawEncodeSample } from '../../../../dev/neotel/pbx/media/g711.ts';
import { encodeWav, parseWav } from '../../../../dev/neotel/pbx/media/wav.ts';

describe('G.711 µ-law', () => {
  it('maps the reference points of ITU-T G.711', () => {
    expect(ulawEncodeSample(0)).toBe(0xff);
    expect(ulawEncodeSample(32767)).toBe(0x80);
    expect(ulawEncodeSample(-32768)).toBe(0x00);
    expect(ulawDecodeSample(0xff)).toBe(0);
    expect(ulawDecodeSample(0x80)).toBe(32124);
    expect(ulawDecodeSample(0x00)).toBe(-32124);
  });

  it('decodes then re-encodes every one of the 256 codes to itself (except negative zero)', () => {
    for (let code = 0; code < 256; code++) {
      if (code === 0x7f) continue; // −0 decodes to 0, which encodes as +0 (0xff)
      expect(ulawEncodeSample(ulawDecodeSample(code))).toBe(code);
    }
  });

  it('keeps the round-trip error within the segment step (≤ 3.2 % of the value above 256)', () => {
    const pcm = Int16Array.from({ length: 2000 }, (_, i) => Math.round(Math.sin(i / 7) * 30000));
    const back = ulawDecode(ulawEncode(pcm));
    for (let i = 0; i < pcm.length; i++) {
      const value = pcm[i]!;
      expect(Math.abs(back[i]! - value)).toBeLessThanOrEqual(Math.max(8, Math.abs(value) * 0.032));
    }
  });
});

describe('WAV', () => {
  it('writes a canonical 44-byte RIFF header for 8 kHz 16-bit mono', () => {
    const wav = encodeWav(Int16Array.from([0, 1, -1, 32767]), 8000);
    const view = new DataView(wav.buffer);
    const ascii = (offset: number) => String.fromCharCode(...wav.subarray(offset, offset + 4));
    expect([ascii(0), ascii(8), ascii(12), ascii(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(view.getUint32(4, true)).toBe(wav.length - 8);
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(8000);
    expect(view.getUint32(28, true)).toBe(16000);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(8);
    expect(wav.length).toBe(52);
  });

  it('reads back the samples it wrote', () => {
    const samples = Int16Array.from({ length: 321 }, (_, i) => (i * 977) % 65536 - 32768);
    expect(parseWav(encodeWav(samples))).toEqual({ sampleRate: 8000, channels: 1, bitsPerSample: 16, samples });
  });

  it('says what is wrong with a file that is not a mono 16-bit WAV', () => {
    expect(() => parseWav(new TextEncoder().encode('ID3 not a wav'))).toThrow(/RIFF/);
    const stereo = encodeWav(new Int16Array(4));
    new DataView(stereo.buffer).setUint16(22, 2, true);
    expect(() => parseWav(stereo)).toThrow(/mono 16-bit, got 2 channel/);
    expect(() => parseWav(encodeWav(new Int16Array(4)).subarray(0, 48))).toThrow(/claims/);
  });
});

describe('PCM recorder', () => {
  it('keeps the first maxSeconds and flags the rest as truncated', async () => {
    const { PcmRecorder } = await import('../../../../dev/neotel/pbx/media/pcm-recorder.ts');
    const recorder = new PcmRecorder(0.05); // 400 samples at 8 kHz
    recorder.append(Int16Array.from({ length: 300 }, (_, i) => i));
    expect(recorder.truncated).toBe(false);
    recorder.append(Int16Array.from({ length: 300 }, (_, i) => 300 + i));
    recorder.append(new Int16Array(10));
    const all = recorder.toInt16Array();
    expect([all.length, all[0], all[399], recorder.truncated]).toEqual([400, 0, 399, true]);
    expect(recorder.toInt16Array()).toEqual(all);
  });
});
