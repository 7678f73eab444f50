/**
 * The health gate's probes in the browser (docs/health-gate.md): the microphone permission, its
 * inputs and level (a short analyser reading, only once the permission is granted, so loading
 * the panel never prompts), the outputs and the speaker test tone (Web Audio, on the chosen
 * speaker where the browser can route it), and the round-trips the app hands in (platform,
 * Salesforce, storage).
 */
import { listAudioDevices, openMicrophone } from '../sip/media-devices.ts';
import { messageOf } from '../shared/errors.ts';
import type { MicrophoneFacts, RoundTrip } from './health-checks.ts';
import type { HealthProbes } from './health-gate.ts';
import { microphonePermissionStatus, sharedMedia as media } from './media-queries.ts';

/** How long the input level is read: Chromium's fake microphone beeps once a second. */
const LEVEL_MS = 1200;
const TONE_HZ = 440;
const TONE_MS = 700;
/** A browser that never starts the audio clock (autoplay refused) fails the tone after this. */
const TONE_LIMIT_MS = 4000;

/** What the app provides beside the browser's own probes. */
export interface BrowserProbeOptions {
  readonly microphoneId: () => string | null;
  readonly speakerId: () => string | null;
  readonly platform: () => Promise<RoundTrip | 'none'>;
  readonly salesforce: () => Promise<RoundTrip | 'none'>;
  readonly storage: () => Promise<RoundTrip>;
}

type WithSink = AudioContext & { setSinkId?: (id: string) => Promise<void> };

/** The probes on this browser. */
export function browserProbes(options: BrowserProbeOptions): HealthProbes {
  return {
    microphone: (measure) => microphoneFacts(measure, options.microphoneId()),
    outputs: async () => {
      const devices = await listAudioDevices(media);
      return { count: devices.speakers.length, listed: devices.canSelectOutput };
    },
    playTone: () => playTone(options.speakerId()),
    platform: options.platform,
    salesforce: options.salesforce,
    storage: options.storage,
    watch: watchDevices,
  };
}

async function microphoneFacts(measure: boolean, deviceId: string | null): Promise<MicrophoneFacts> {
  const [status, devices] = await Promise.all([microphonePermissionStatus(), listAudioDevices(media)]);
  const permission = status?.state ?? 'unknown';
  const inputs = devices.microphones.length;
  if (!measure || permission !== 'granted' || inputs === 0) return { permission, inputs, levelDb: null, error: null };
  try {
    return { permission, inputs, levelDb: await inputLevel(deviceId), error: null };
  } catch (error) {
    return { permission, inputs, levelDb: null, error: messageOf(error) };
  }
}

/** The loudest RMS of the microphone over {@link LEVEL_MS}, dBFS; `null` when the audio clock does not run. */
async function inputLevel(deviceId: string | null): Promise<number | null> {
  const stream = await openMicrophone(media, deviceId ?? undefined);
  const context = new AudioContext();
  try {
    if (!(await running(context, 500))) return null;
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let loudest = 0;
    const end = performance.now() + LEVEL_MS;
    while (performance.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      loudest = Math.max(loudest, Math.sqrt(sum / samples.length));
    }
    return loudest === 0 ? -120 : 20 * Math.log10(loudest);
  } finally {
    for (const track of stream.getTracks()) track.stop();
    void context.close().catch(() => undefined);
  }
}

/** Whether the audio clock runs within `ms` (a browser may keep it suspended without a click). */
async function running(context: AudioContext, ms: number): Promise<boolean> {
  if (context.state === 'running') return true;
  await Promise.race([context.resume().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, ms))]);
  return (context.state as AudioContextState) === 'running';
}

async function playTone(speakerId: string | null): Promise<void> {
  const context: WithSink = new AudioContext();
  try {
    if (speakerId !== null && typeof context.setSinkId === 'function') await context.setSinkId(speakerId);
    if (!(await running(context, TONE_LIMIT_MS))) throw new Error(`the browser kept the audio suspended (AudioContext state ${context.state})`);
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = TONE_HZ;
    gain.gain.value = 0.2;
    oscillator.connect(gain).connect(context.destination);
    const ended = new Promise<void>((resolve) => oscillator.addEventListener('ended', () => resolve(), { once: true }));
    oscillator.start();
    oscillator.stop(context.currentTime + TONE_MS / 1000);
    const limit = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the tone did not finish within ${TONE_LIMIT_MS} ms`)), TONE_LIMIT_MS));
    await Promise.race([ended, limit]);
  } finally {
    void context.close().catch(() => undefined);
  }
}

/** Device changes and permission changes, one callback. */
function watchDevices(changed: () => void): () => void {
  // No navigator outside a browser (the app's Node tests): nothing to watch.
  if (typeof navigator === 'undefined') return () => undefined;
  const devices = navigator.mediaDevices as MediaDevices | undefined;
  devices?.addEventListener('devicechange', changed);
  let status: PermissionStatus | null = null;
  let stopped = false;
  void microphonePermissionStatus().then((found) => {
    if (stopped || found === null) return;
    status = found;
    status.addEventListener('change', changed);
  });
  return () => {
    stopped = true;
    devices?.removeEventListener('devicechange', changed);
    status?.removeEventListener('change', changed);
  };
}
