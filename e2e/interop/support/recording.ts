/**
 * baresip's `sndfile` recordings: 16-bit PCM at the codec's rate, one or two channels (opus is
 * decoded as stereo). This reads the first channel, whatever the layout, and trusts the bytes
 * present over a header libsndfile may not have finalised.
 */
import { toneLevelDbfs, toneLevelsOverTime } from '../../../dev/neotel/pbx/index.ts';

export interface Recording {
  sampleRate: number;
  channels: number;
  /** First channel. */
  samples: Int16Array;
}

export function readRecording(bytes: Uint8Array): Recording {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (offset: number): string => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (ascii(0) !== 'RIFF' || ascii(8) !== 'WAVE') throw new Error(`baresip recording: expected RIFF/WAVE, got ${JSON.stringify(ascii(0))}`);
  let format: { channels: number; sampleRate: number; bits: number } | undefined;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = ascii(offset);
    const declared = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') format = { channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bits: view.getUint16(body + 14, true) };
    if (id === 'data') {
      if (format?.bits !== 16) throw new Error(`baresip recording: expected 16-bit PCM, got ${JSON.stringify(format)}`);
      const size = Math.min(declared === 0 ? Infinity : declared, bytes.length - body);
      const frames = Math.floor(size / (2 * format.channels));
      const samples = new Int16Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = view.getInt16(body + i * 2 * format.channels, true);
      return { sampleRate: format.sampleRate, channels: format.channels, samples };
    }
    offset = body + declared + (declared % 2);
  }
  throw new Error('baresip recording: no data chunk');
}

/** The median 100 ms level of `hz` (dBFS) and which of `candidates` dominates the whole recording. */
export function toneOf(recording: Recording, hz: number, candidates: readonly number[]): { medianDbfs: number; dominantHz: number | undefined; seconds: number } {
  const levels = toneLevelsOverTime(recording.samples, hz, 100, recording.sampleRate).sort((a, b) => a - b);
  const ranked = candidates.map((candidate) => ({ hz: candidate, dbfs: toneLevelDbfs(recording.samples, candidate, recording.sampleRate) })).sort((a, b) => b.dbfs - a.dbfs);
  return { medianDbfs: levels[Math.floor(levels.length / 2)] ?? -Infinity, dominantHz: ranked[0]?.hz, seconds: recording.samples.length / recording.sampleRate };
}

/** Several recordings of one call (sndfile restarts its file on each re-INVITE) as one, in order. */
export function joinRecordings(recordings: readonly Recording[]): Recording {
  const first = recordings[0];
  if (!first) throw new Error('joinRecordings: no recording (baresip wrote no *-dec.wav for the call)');
  const odd = recordings.find((recording) => recording.sampleRate !== first.sampleRate);
  if (odd) throw new Error(`joinRecordings: sample rates differ (${first.sampleRate} and ${odd.sampleRate} Hz)`);
  const samples = new Int16Array(recordings.reduce((sum, recording) => sum + recording.samples.length, 0));
  let offset = 0;
  for (const recording of recordings) {
    samples.set(recording.samples, offset);
    offset += recording.samples.length;
  }
  return { sampleRate: first.sampleRate, channels: first.channels, samples };
}
