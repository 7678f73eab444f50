/**
 * Proof that audio flowed, from both ends of a call: what the agent's browser hears (WebAudio
 * analyser of e2e/support/audio.ts, after RTP really arrived) and what the simulator recorded
 * (the WAV served by the control API, analysed with the PBX's Goertzel detector).
 */
import { parseWav, toneLevelDbfs, toneLevelsOverTime, type WavInfo } from '../../../dev/neotel/pbx/index.ts';
import { audioRtpStats, measureTone, type AudioScope, type ToneMeasurement } from '../../support/audio.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface HeardInBrowser extends ToneMeasurement {
  /** Level the analyser reads at each other frequency asked about (dB): should sit near the floor. */
  others: Record<number, number>;
  /** RTP packets that arrived while waiting for audio. */
  packets: number;
}

/**
 * Waits until `minPackets` new RTP packets reached the page (audio is flowing, not just
 * "Established"), then averages the spectrum for `durationMs` and reads `hz` and `otherHz`.
 */
export async function measureHeardTone(page: AudioScope, hz: number, otherHz: readonly number[] = [], durationMs = 700, minPackets = 25): Promise<HeardInBrowser> {
  const before = (await audioRtpStats(page)).packetsReceived;
  let packets = 0;
  for (let attempt = 0; attempt < 60 && packets < minPackets; attempt++) {
    await sleep(50);
    packets = (await audioRtpStats(page)).packetsReceived - before;
  }
  if (packets < minPackets) throw new Error(`The browser received ${packets} RTP packets in 3 s (expected ≥ ${minPackets}): no audio is flowing to it`);
  const measured = await measureTone(page, hz, durationMs);
  if (!measured) throw new Error('The browser has no remote audio track attached to its analyser');
  const others: Record<number, number> = {};
  for (const other of otherHz) others[other] = (await measureTone(page, other, 200))?.levelDb ?? -Infinity;
  return { ...measured, others, packets };
}

export interface DownloadedRecording {
  contentType: string;
  byteLength: number;
  wav: WavInfo;
  seconds: number;
}

/** GETs a recording URL and parses it as WAV; fails with the server's words when it is not one. */
export async function downloadRecording(url: string): Promise<DownloadedRecording> {
  const response = await fetch(url);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${new TextDecoder().decode(bytes).slice(0, 200)}`);
  const wav = parseWav(bytes);
  return { contentType: response.headers.get('content-type') ?? '', byteLength: bytes.byteLength, wav, seconds: wav.samples.length / wav.sampleRate };
}

/** Levels of `hz` over 100 ms windows of a recording. */
export interface ToneInRecording {
  /** Median window level, dBFS: high for a voice that speaks all along, very low for one that is absent. */
  medianDbfs: number;
  peakDbfs: number;
}

/**
 * A continuous voice (a customer's tone) is in the recording when its median 100 ms window is
 * loud; another call's voice would be just as loud, so a median far below means it is absent. The
 * median, not the peak: the fake microphone's beeps are square-ish and leak into their harmonics
 * (800, 1200 Hz…) and neighbours for a window or two every half second.
 */
export function toneInRecording(wav: WavInfo, hz: number): ToneInRecording {
  const levels = toneLevelsOverTime(wav.samples, hz, 100).sort((a, b) => a - b);
  return { medianDbfs: levels[Math.floor(levels.length / 2)] ?? -Infinity, peakDbfs: levels.at(-1) ?? -Infinity };
}

export interface BeepsInRecording {
  /** Separate bursts at or above the threshold. */
  count: number;
  peakDbfs: number;
  /** How many a beep every `intervalMs` would have produced in the recording. */
  expected: number;
}

/**
 * Chromium's fake microphone beeps (400 Hz, ~25 ms every 500 ms). A burst that short reads
 * anywhere from −5 to −35 dBFS in a 100 ms window depending on where it falls, so count bursts in
 * 20 ms windows sliding by 10 ms instead.
 */
export function beepsInRecording(wav: WavInfo, hz: number, thresholdDbfs = -20, intervalMs = 500): BeepsInRecording {
  const size = Math.round(wav.sampleRate / 50);
  const hop = size / 2;
  let count = 0;
  let peakDbfs = -Infinity;
  let inBurst = false;
  for (let start = 0; start + size <= wav.samples.length; start += hop) {
    const level = toneLevelDbfs(wav.samples.subarray(start, start + size), hz, wav.sampleRate);
    peakDbfs = Math.max(peakDbfs, level);
    if (level >= thresholdDbfs && !inBurst) count++;
    inBurst = level >= thresholdDbfs;
  }
  return { count, peakDbfs, expected: Math.floor((wav.samples.length / wav.sampleRate) * (1000 / intervalMs)) };
}
