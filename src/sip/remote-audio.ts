/**
 * Plays the far end's audio. An `<audio>` element is required: a remote WebRTC stream fed only
 * to WebAudio is silent (werift-probe.md pitfall 7). The element plays a stream built on the
 * track itself, not `event.streams[0]`: on a hold re-offer Chrome removes the remote track from
 * that stream, and audio would not come back after resume (docs/dev-neotel-pbx.md).
 */
export class RemoteAudio {
  private element: HTMLAudioElement | undefined;
  private trackId: string | undefined;
  private sinkId: string | undefined;

  constructor(private readonly container: () => HTMLElement) {}

  /** The element, once a call produced audio (tests and the app may inspect it). */
  get audioElement(): HTMLAudioElement | undefined {
    return this.element;
  }

  /** Plays `track` (same track again after a re-offer: nothing to do). */
  play(track: MediaStreamTrack): void {
    if (track.kind !== 'audio' || track.id === this.trackId) return;
    this.trackId = track.id;
    const element = this.ensureElement();
    element.srcObject = new MediaStream([track]);
    void element.play().catch((error: unknown) => console.warn('[dialtone sip] remote audio did not start', error));
  }

  /** Stops playing (call over); the element is kept for the next call. */
  stop(): void {
    this.trackId = undefined;
    if (this.element) {
      this.element.pause();
      this.element.srcObject = null;
    }
  }

  /** Sends call audio to another output device. */
  async setSinkId(deviceId: string): Promise<void> {
    this.sinkId = deviceId;
    if (this.element) await this.element.setSinkId(deviceId);
  }

  /** Removes the element. */
  dispose(): void {
    this.stop();
    this.element?.remove();
    this.element = undefined;
  }

  private ensureElement(): HTMLAudioElement {
    if (this.element) return this.element;
    const element = document.createElement('audio');
    element.dataset.dialtone = 'remote-audio';
    element.autoplay = true;
    this.container().appendChild(element);
    if (this.sinkId !== undefined) void element.setSinkId(this.sinkId).catch(() => undefined);
    this.element = element;
    return element;
  }
}
