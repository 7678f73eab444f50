import type { CallMedia } from './call-media.ts';
import { SipPhoneError } from './errors.ts';

/**
 * A three-party conference mixed in the agent's browser (Web Audio), for PBXes with no
 * conference bridge of their own: each remote hears the agent *and* the other remote; the agent
 * hears both remotes through the phone's two `<audio>` elements (main and consult line).
 *
 * ```
 *  microphone ──┬──────────────► mix A ──► sender of leg A (customer hears agent + colleague)
 *               └──────────────► mix B ──► sender of leg B (colleague hears agent + customer)
 *  remote of A ────────────────► mix B
 *  remote of B ────────────────► mix A
 * ```
 *
 * Each sender's track is swapped with `RTCRtpSender.replaceTrack` (no re-INVITE: the SDP does not
 * change); `stop()` puts the original microphone tracks back. The remote tracks must also play
 * in a media element, or Chrome feeds Web Audio silence (werift-probe.md pitfall 7): the phone's
 * RemoteAudio elements do that. The alternative, a PBX conference URI (the agent REFERs both legs
 * into a room), is a platform setting (docs/sip-platform.md), not this class.
 */
export class ConferenceMixer {
  private context: AudioContext | undefined;
  private originals: { sender: RTCRtpSender; track: MediaStreamTrack | null }[] = [];
  private microphone: MediaStreamTrack | undefined;

  constructor(
    private readonly legA: CallMedia,
    private readonly legB: CallMedia,
    private readonly createContext: () => AudioContext = () => new AudioContext(),
  ) {}

  /** Whether the mix is running. */
  get active(): boolean {
    return this.context !== undefined;
  }

  /** Builds both mixes and puts them on the senders; throws `conference-failed` saying what is missing. */
  async start(): Promise<void> {
    if (this.context) return;
    const senderA = this.legA.audioSender();
    const senderB = this.legB.audioSender();
    const microphone = senderA?.track ?? senderB?.track ?? undefined;
    const remoteA = this.legA.remoteTracks()[0];
    const remoteB = this.legB.remoteTracks()[0];
    const missing = [!senderA && 'the first call has no audio sender', !senderB && 'the second call has no audio sender', !microphone && 'no microphone track', !remoteA && 'no audio from the first call', !remoteB && 'no audio from the second call'].filter(Boolean);
    if (!senderA || !senderB || !microphone || !remoteA || !remoteB) {
      throw new SipPhoneError('conference-failed', `conference(): cannot mix the two calls: ${missing.join(', ')} (expected both calls established with audio).`);
    }
    let context: AudioContext;
    try {
      context = this.createContext();
    } catch (error) {
      throw new SipPhoneError('conference-failed', `conference(): this browser has no Web Audio (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
    }
    const source = (track: MediaStreamTrack): MediaStreamAudioSourceNode => context.createMediaStreamSource(new MediaStream([track]));
    const mic = source(microphone);
    const mixA = context.createMediaStreamDestination();
    const mixB = context.createMediaStreamDestination();
    mic.connect(mixA);
    mic.connect(mixB);
    source(remoteB).connect(mixA);
    source(remoteA).connect(mixB);
    await context.resume();
    this.context = context;
    this.microphone = microphone;
    this.originals = [
      { sender: senderA, track: senderA.track },
      { sender: senderB, track: senderB.track },
    ];
    const [trackA] = mixA.stream.getAudioTracks();
    const [trackB] = mixB.stream.getAudioTracks();
    await Promise.all([senderA.replaceTrack(trackA ?? null), senderB.replaceTrack(trackB ?? null)]);
  }

  /** Mutes the agent in both mixes (the remotes keep hearing each other). */
  setMicrophoneEnabled(enabled: boolean): void {
    if (this.microphone) this.microphone.enabled = enabled;
  }

  /** Restores each sender's own microphone track and closes the mix. Safe to call twice. */
  async stop(): Promise<void> {
    const context = this.context;
    if (!context) return;
    this.context = undefined;
    const originals = this.originals.splice(0);
    await Promise.all(originals.map(({ sender, track }) => sender.replaceTrack(track).catch(() => undefined)));
    if (this.microphone) this.microphone.enabled = true;
    this.microphone = undefined;
    await context.close().catch(() => undefined);
  }
}
