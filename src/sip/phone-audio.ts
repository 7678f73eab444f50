import { browserMediaEnvironment, listAudioDevices, microphoneConstraints, openMicrophone, selectOutput } from './media-devices.ts';
import { RemoteAudio } from './remote-audio.ts';
import type { Ringtone } from './ringtone.ts';
import type { AudioDevices, MediaEnvironment, SipPhoneOptions } from './types.ts';

/**
 * The phone's audio devices and elements: the microphone it opens for every call, the ringer,
 * and one `<audio>` element per line — the main call (the customer) and the consult call (the
 * colleague), both on the chosen speaker. In a conference both play at once.
 *
 * The ringtone's code comes with the call-only parts after REGISTER 200 (./call-parts.ts). Ringing
 * is a state kept here, not the tone: an INVITE that arrives before the code rings at once for
 * the app (`ringing`, the card, the answer never wait) and the tone starts when the code arrives,
 * if the call still rings then.
 */
export class PhoneAudio {
  readonly media: MediaEnvironment;
  /** The ringtone, once the call-only parts are in. */
  private tone: Ringtone | undefined;
  private ringWanted = false;
  private ringerId: string | undefined;
  /** Plays the main call. */
  readonly main: RemoteAudio;
  /** Plays the consult call (second line). */
  readonly consult: RemoteAudio;
  private microphone: string | undefined;

  constructor(options: Pick<SipPhoneOptions, 'media' | 'microphoneId' | 'ringerId' | 'speakerId'>) {
    this.media = browserMediaEnvironment(options.media);
    this.microphone = options.microphoneId;
    this.main = new RemoteAudio(this.media.container);
    this.consult = new RemoteAudio(this.media.container);
    this.ringerId = options.ringerId;
    if (options.speakerId !== undefined) void this.applySpeaker(options.speakerId).catch(() => undefined);
  }

  /** The ringtone's code arrived: build the ringer (on the chosen device) and ring if a call rings. */
  useRingtone(make: (container: () => HTMLElement) => Ringtone): void {
    if (this.tone) return;
    const tone = make(this.media.container);
    this.tone = tone;
    if (this.ringerId !== undefined) void tone.setSinkId(this.ringerId).catch(() => undefined);
    if (this.ringWanted) tone.start();
  }

  /** True between `startRinging()` and `stopRinging()`, whether or not the tone's code is in yet. */
  get ringing(): boolean {
    return this.ringWanted;
  }

  /** A call rings: the tone now, or as soon as its code arrives. */
  startRinging(): void {
    this.ringWanted = true;
    this.tone?.start();
  }

  stopRinging(): void {
    this.ringWanted = false;
    this.tone?.stop();
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
    return selectOutput('setRinger()', deviceId, async () => {
      await this.tone?.setSinkId(deviceId);
      this.ringerId = deviceId;
    });
  }

  /** Removes the elements and the ringer. */
  async dispose(): Promise<void> {
    this.main.dispose();
    this.consult.dispose();
    this.ringWanted = false;
    await this.tone?.dispose();
  }

  private async applySpeaker(deviceId: string): Promise<void> {
    await Promise.all([this.main.setSinkId(deviceId), this.consult.setSinkId(deviceId)]);
  }
}
