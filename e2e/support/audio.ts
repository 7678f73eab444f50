/**
 * Browser-side audio checks for end-to-end tests: is the far end really audible in the page?
 *
 * `installAudioProbe(page)` (call before `page.goto`) wraps `RTCPeerConnection` so every remote
 * audio track — whoever created the connection: the Dialtone adapter, sip.js, a test page — is
 * played by an `<audio>` element (without one, WebAudio reads pure silence: werift-probe.md
 * pitfall 7) and fed to one AnalyserNode. Then `measureTone` reads the level of a frequency, and
 * `audioRtpStats` the RTP counters (packets really flowing, codec negotiated).
 *
 * `installOscillatorMicrophone(page, hz)` replaces the microphone with a steady sine, to tell
 * several browsers apart (Chromium's fake device is the same 400 Hz beep everywhere).
 */

import type { BrowserContext, Frame, Page } from 'playwright-core';

/** Where audio is measured: a page, or a frame inside one (the adapter in the Lightning console). */
export type AudioScope = Page | Frame;

export interface ToneMeasurement {
  /** Level at the requested frequency (max of the 3 nearest bins), dB as WebAudio reports it. */
  levelDb: number;
  /** Strongest frequency between 100 Hz and 4 kHz, and its level. */
  peakHz: number;
  peakDb: number;
  /** Median level between 100 Hz and 4 kHz: the noise floor. */
  floorDb: number;
  /** How far the tone stands above the floor; > 30 dB means clearly audible. */
  snrDb: number;
}

export interface AudioRtpStats {
  packetsReceived: number;
  bytesReceived: number;
  packetsSent: number;
  /** `audio/PCMU` etc. for the inbound stream, when known. */
  inboundCodec: string | undefined;
}

interface AudioProbeState {
  connections: RTCPeerConnection[];
  tracks: Set<string>;
  context: AudioContext | undefined;
  analyser: AnalyserNode | undefined;
}

declare global {
  interface Window {
    __dialtoneAudioProbe?: AudioProbeState;
  }
}

/** Runs in the page before any of its scripts. */
function probeInitScript(): void {
  const state: AudioProbeState = { connections: [], tracks: new Set(), context: undefined, analyser: undefined };
  window.__dialtoneAudioProbe = state;
  const Native = window.RTCPeerConnection;
  const attach = (event: RTCTrackEvent): void => {
    if (event.track.kind !== 'audio' || state.tracks.has(event.track.id)) return; // track repeats on renegotiation
    state.tracks.add(event.track.id);
    // Our own stream, not event.streams[0]: Chrome removes the track from that one when a hold
    // re-offer stops receiving, and a source node built on it stays silent after resume.
    const stream = new MediaStream([event.track]);
    const element = document.createElement('audio');
    element.autoplay = true;
    element.srcObject = stream;
    (document.body as HTMLElement | null ?? document.documentElement).appendChild(element);
    void element.play().catch(() => undefined);
    state.context ??= new AudioContext();
    if (!state.analyser) {
      state.analyser = state.context.createAnalyser();
      state.analyser.fftSize = 8192;
      state.analyser.smoothingTimeConstant = 0;
    }
    state.context.createMediaStreamSource(stream).connect(state.analyser);
    void state.context.resume();
  };
  class ProbedPeerConnection extends Native {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      state.connections.push(this);
      this.addEventListener('track', attach);
    }
  }
  window.RTCPeerConnection = ProbedPeerConnection;
}

/**
 * tsx/esbuild with keepNames wraps named functions in `__name(...)`, which does not exist in the
 * page; the serialised functions below would throw "__name is not defined" without this shim.
 */
const KEEP_NAMES_SHIM = 'globalThis.__name ??= (target) => target;';

/** Hooks the page's WebRTC audio; call before navigating. */
export async function installAudioProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: `${KEEP_NAMES_SHIM}(${probeInitScript.toString()})();` });
}

/** Averages the spectrum for `durationMs` and reads the level of `hz`. Undefined if no audio arrived yet. */
export async function measureTone(page: AudioScope, hz: number, durationMs = 600): Promise<ToneMeasurement | undefined> {
  return page.evaluate(async ({ hz, durationMs }) => {
    const state = window.__dialtoneAudioProbe;
    const analyser = state?.analyser;
    if (!state?.context || !analyser) return undefined;
    const bins = new Float32Array(analyser.frequencyBinCount);
    const power = new Float64Array(bins.length);
    let frames = 0;
    const end = performance.now() + durationMs;
    for (let guard = 0; performance.now() < end && guard < 1000; guard++) {
      analyser.getFloatFrequencyData(bins);
      for (let i = 0; i < bins.length; i++) power[i]! += 10 ** (bins[i]! / 10);
      frames++;
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    const db = Array.from(power, (p) => 10 * Math.log10(Math.max(p / Math.max(frames, 1), 1e-30)));
    const binHz = state.context.sampleRate / analyser.fftSize;
    const at = Math.round(hz / binHz);
    const levelDb = Math.max(db[at - 1] ?? -Infinity, db[at] ?? -Infinity, db[at + 1] ?? -Infinity);
    const low = Math.round(100 / binHz);
    const high = Math.round(4000 / binHz);
    let peak = low;
    for (let i = low; i <= high; i++) if (db[i]! > db[peak]!) peak = i;
    const band = db.slice(low, high + 1).sort((a, b) => a - b);
    const floorDb = band[Math.floor(band.length / 2)]!;
    return { levelDb, peakHz: peak * binHz, peakDb: db[peak]!, floorDb, snrDb: levelDb - floorDb };
  }, { hz, durationMs });
}

/** Sums `inbound-rtp`/`outbound-rtp` audio counters over the page's peer connections. */
export async function audioRtpStats(page: AudioScope): Promise<AudioRtpStats> {
  return page.evaluate(async () => {
    const result = { packetsReceived: 0, bytesReceived: 0, packetsSent: 0, inboundCodec: undefined as string | undefined };
    for (const connection of window.__dialtoneAudioProbe?.connections ?? []) {
      if (connection.connectionState === 'closed') continue;
      const report = await connection.getStats();
      report.forEach((stat: Record<string, unknown>) => {
        if (stat.kind !== 'audio') return;
        if (stat.type === 'inbound-rtp') {
          result.packetsReceived += Number(stat.packetsReceived ?? 0);
          result.bytesReceived += Number(stat.bytesReceived ?? 0);
          const codec = report.get(String(stat.codecId)) as { mimeType?: string } | undefined;
          result.inboundCodec = codec?.mimeType ?? result.inboundCodec;
        } else if (stat.type === 'outbound-rtp') {
          result.packetsSent += Number(stat.packetsSent ?? 0);
        }
      });
    }
    return result;
  });
}

/**
 * Replaces the page's microphone with a steady sine at `hz` (−12 dBFS); call before navigating.
 * Given a browser context, every page it opens later gets it (a pop-up such as the phone window).
 */
export async function installOscillatorMicrophone(page: Page | BrowserContext, hz: number): Promise<void> {
  await page.addInitScript({ content: KEEP_NAMES_SHIM });
  await page.addInitScript((frequency: number) => {
    const devices = navigator.mediaDevices;
    const original = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
      if (!constraints?.audio || constraints.video) return original(constraints);
      const context = new AudioContext();
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      const gain = context.createGain();
      gain.gain.value = 0.25;
      const destination = context.createMediaStreamDestination();
      oscillator.connect(gain).connect(destination);
      oscillator.start();
      await context.resume();
      return destination.stream;
    };
  }, hz);
}
