import type { Session } from 'sip.js';
import { SessionDescriptionHandler } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler.js';
import type { DtmfTiming } from './dtmf-timing.ts';

/**
 * The WebRTC side of one call, read from its sip.js session's description handler: tracks
 * in and out, the RFC 4733 sender. Everything is a no-op before the handler exists (and with the
 * unit tests' fake handler, which is not sip.js's web one).
 */
export class CallMedia {
  constructor(private readonly session: Session) {}

  /** Enables or disables our microphone track (mute, hold): RTP keeps flowing with silence. */
  setMicrophoneEnabled(enabled: boolean): void {
    for (const sender of this.peerConnection()?.getSenders() ?? []) if (sender.track) sender.track.enabled = enabled;
  }

  /** Plays (true) or silences (false) what the far end sends, e.g. on hold. */
  setReceiving(enabled: boolean): void {
    this.handler()?.enableReceiverTracks(enabled);
  }

  /** Swaps the microphone track mid-call; stops the old one (or `track` when there is no sender). */
  async replaceMicrophone(track: MediaStreamTrack): Promise<boolean> {
    const sender = this.peerConnection()?.getSenders().find((candidate) => candidate.track?.kind === 'audio' || candidate.track === null);
    if (!sender) {
      track.stop();
      return false;
    }
    const old = sender.track;
    await sender.replaceTrack(track);
    old?.stop();
    return true;
  }

  /** Whether the call has an RFC 4733 sender. */
  canSendDtmf(): boolean {
    return this.peerConnection()?.getSenders()[0]?.dtmf?.canInsertDTMF ?? false;
  }

  /** Sends one RFC 4733 tone; false when it cannot be sent. */
  sendDtmf(digit: string, timing: DtmfTiming): boolean {
    return this.handler()?.sendDtmf(digit, { duration: timing.durationMs, interToneGap: timing.gapMs }) ?? false;
  }

  /** The sender of our audio (the microphone, or the conference mix), once media is up. */
  audioSender(): RTCRtpSender | undefined {
    return this.peerConnection()?.getSenders().find((sender) => sender.track?.kind === 'audio');
  }

  /** The remote audio tracks currently received. */
  remoteTracks(): MediaStreamTrack[] {
    return this.peerConnection()?.getReceivers().map((receiver) => receiver.track).filter((track) => track.kind === 'audio') ?? [];
  }

  /** Reports each remote track as it arrives (first answer, and again after each re-offer). */
  static watchTracks(handler: unknown, onTrack: (track: MediaStreamTrack) => void): void {
    if (handler instanceof SessionDescriptionHandler) handler.peerConnectionDelegate = { ontrack: (event: RTCTrackEvent) => onTrack(event.track) };
  }

  private handler(): SessionDescriptionHandler | undefined {
    const handler = this.session.sessionDescriptionHandler;
    return handler instanceof SessionDescriptionHandler ? handler : undefined;
  }

  private peerConnection(): RTCPeerConnection | undefined {
    return this.handler()?.peerConnection;
  }
}
