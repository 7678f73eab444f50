import { browserMediaEnvironment, listAudioDevices, microphoneConstraints, openMicrophone, selectOutput } from './media-devices.ts';
import { RemoteAudio } from './remote-audio.ts';
import { Ringtone } from './ringtone.ts';
import type { AudioDevices, MediaEnvironment, SipPhoneOptions } from './types.ts';

/**
 * The phone's audio devices and elements: the microphone it opens for every call, the ringer,
 * and one `<audio>` element per line — the main call (the customer) and the consult call (the
 * colleague), both on the chosen speaker. In a conference both play at once.
 */
export class PhoneAudio {
  readonly media: MediaEnvironment;
  readonly ringtone: Ringtone;
  /** Plays the main call. */
  readonly main: RemoteAudio;
  /** Plays the consult call (second line). */
  readonly consult: RemoteAudio;
  private microphone: string | undefined;

  constructor(options: Pick<SipPhoneOptions, 'media' | 'microphoneId' | 'ringerId' | 'speakerId'>) {
    this.media = browserMediaEnvironment(options.media);
    this.microphone = options.microphoneId;
    this.ringtone = new Ringtone(this.media.container);
    this.main = new RemoteAudio(this.media.container);
    this.consult = new RemoteAudio(this.media.container);
    if (options.ringerId !== undefined) void this.ringtone.setSinkId(options.ringerId).catch(() => undefined);
    if (options.speakerId !== undefined) void this.applySpeaker(options.speakerId).catch(() => undefined);
  }

  /** The chosen microphone (undefined = the default one). */
  get microphoneId(): string | undefined {
    return this.microphone;
  }

  /** getUserMedia constraints for the chosen microphone. */
  constraints(): MediaStreamConstraints {
    return microphoneConstraints(this.microphone);
  }

  /** Opens the chosen (or `deviceId`'s) microphone; typed `microphone-*` errors. */
  openMicrophone(deviceId: string | undefined = this.microphone): Promise<MediaStream> {
    return openMicrophone(this.media, deviceId);
  }

  /** Asks for the microphone now (the permission prompt) and releases it. */
  async requestMicrophone(): Promise<void> {
    const stream = await this.openMicrophone();
    for (const track of stream.getTracks()) track.stop();
  }

  /**
   * Opens `deviceId` and makes it the microphone of later calls; returns its track (the caller
   * puts it on the calls that are up, or stops it).
   */
  async chooseMicrophone(deviceId: string | undefined): Promise<MediaStreamTrack | undefined> {
    const stream = await this.openMicrophone(deviceId);
    this.microphone = deviceId;
    const [track] = stream.getAudioTracks();
    for (const other of stream.getTracks()) if (other !== track) other.stop();
    return track;
  }

  listDevices(): Promise<AudioDevices> {
    return listAudioDevices(this.media);
  }

  /** Both lines' audio to another output (a consult or conference must not stay on the old one). */
  setSpeaker(deviceId: string): Promise<void> {
    return selectOutput('setSpeaker()', deviceId, () => this.applySpeaker(deviceId));
  }

  setRinger(deviceId: string): Promise<void> {
    return selectOutput('setRinger()', deviceId, () => this.ringtone.setSinkId(deviceId));
  }

  /** Removes the elements and the ringer. */
  async dispose(): Promise<void> {
    this.main.dispose();
    this.consult.dispose();
    await this.ringtone.dispose();
  }

  private async applySpeaker(deviceId: string): Promise<void> {
    await Promise.all([this.main.setSinkId(deviceId), this.consult.setSinkId(deviceId)]);
  }
}
