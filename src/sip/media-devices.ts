import { describeValue } from '../shared/errors.ts';
import { SipPhoneError, microphoneError } from './errors.ts';
import type { AudioDevices, MediaEnvironment } from './types.ts';

/** The browser's media devices, read lazily (`navigator.mediaDevices` is undefined on insecure origins). */
export function browserMediaEnvironment(overrides: Partial<MediaEnvironment> = {}): MediaEnvironment {
  const devices = (): MediaDevices => {
    // Typed as always present, but absent outside secure contexts (http on a non-loopback host).
    const found = navigator.mediaDevices as MediaDevices | undefined;
    if (!found) {
      throw new SipPhoneError('microphone-unavailable', `navigator.mediaDevices is missing on ${location.origin}: the softphone must be served over https (or from localhost).`);
    }
    return found;
  };
  return {
    getUserMedia: overrides.getUserMedia ?? ((constraints) => devices().getUserMedia(constraints)),
    enumerateDevices: overrides.enumerateDevices ?? (() => devices().enumerateDevices()),
    container: overrides.container ?? (() => document.body),
  };
}

/** getUserMedia constraints for the chosen microphone (undefined = the default one). */
export function microphoneConstraints(deviceId: string | undefined): MediaStreamConstraints {
  const processing = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
  return { audio: deviceId === undefined ? processing : { ...processing, deviceId: { exact: deviceId } }, video: false };
}

/** Opens the microphone; failures become typed `microphone-*` errors. */
export async function openMicrophone(media: MediaEnvironment, deviceId: string | undefined): Promise<MediaStream> {
  try {
    return await media.getUserMedia(microphoneConstraints(deviceId));
  } catch (error) {
    throw microphoneError(error, deviceId);
  }
}

/** Whether this browser can route an `<audio>` element to a chosen output. */
export function canSelectOutput(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/** Microphones and speakers (labels need microphone permission first). */
export async function listAudioDevices(media: MediaEnvironment): Promise<AudioDevices> {
  const all = await media.enumerateDevices();
  return {
    microphones: all.filter((device) => device.kind === 'audioinput'),
    speakers: all.filter((device) => device.kind === 'audiooutput'),
    canSelectOutput: canSelectOutput(),
  };
}

/** Runs a `setSinkId`, turning "unsupported" and refusals into `output-device-failed`. */
export async function selectOutput(what: string, deviceId: string, apply: () => Promise<void>): Promise<void> {
  if (!canSelectOutput()) {
    throw new SipPhoneError('output-device-failed', `${what}: this browser cannot choose an audio output (HTMLMediaElement.setSinkId is missing); the system default is used.`);
  }
  try {
    await apply();
  } catch (error) {
    const name = error instanceof Error ? error.name : 'error';
    throw new SipPhoneError('output-device-failed', `${what}: output device ${describeValue(deviceId)} was refused (${name}); expected an id from listDevices().speakers.`, {
      cause: error,
    });
  }
}
