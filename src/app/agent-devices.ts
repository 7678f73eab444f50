/**
 * The audio devices and the microphone permission, as the settings panel shows them. Asked early
 * (right after the configuration is read, without a prompt) and again when the agent allows the
 * microphone, so a refused permission is explained before the first call, not during it.
 */
import type { AudioDeviceList } from '../view/agent-view.ts';
import { listAudioDevices, openMicrophone } from '../sip/media-devices.ts';
import { microphonePermissionStatus, sharedMedia as media } from './media-queries.ts';

/** The devices the browser lists now, and the permission state when the browser tells it. */
export async function readAudioDevices(): Promise<AudioDeviceList> {
  const [devices, permission] = await Promise.all([listAudioDevices(media), microphonePermission()]);
  return {
    microphones: devices.microphones.map((d, i) => ({ id: d.deviceId, label: d.label || `#${i + 1}` })),
    speakers: devices.speakers.map((d, i) => ({ id: d.deviceId, label: d.label || `#${i + 1}` })),
    canSelectOutput: devices.canSelectOutput,
    microphonePermission: permission,
  };
}

/** Opens and closes the microphone once, which makes the browser ask the agent. */
export async function askForMicrophone(deviceId: string | null): Promise<void> {
  const stream = await openMicrophone(media, deviceId ?? undefined);
  for (const track of stream.getTracks()) track.stop();
}

async function microphonePermission(): Promise<AudioDeviceList['microphonePermission']> {
  // null: Firefox and older browsers cannot query the microphone permission: unknown until asked.
  const status = await microphonePermissionStatus();
  return status?.state === 'granted' ? 'granted' : status?.state === 'denied' ? 'denied' : 'unknown';
}
