/**
 * One WebRTC audio endpoint on the PBX side (werift), speaking PCMU and RFC 4733 DTMF with an
 * agent's browser. Follows werift-probe.md closely:
 * - ICE pinned to one address (loopback by default) with all five settings (pitfalls 1–2);
 * - the PBX offers ("Node offers, browser answers") with telephone-event/8000, so Chrome's
 *   48 kHz telephone-event never gets negotiated (pitfall 5); browser re-offers are cleaned too;
 * - each received track is subscribed once, by uuid (pitfall 3);
 * - frames are sent only while connected (pitfall 6) and while the negotiated direction includes
 *   send (pitfall 4: werift does not gate sending itself);
 * - our own continuous RTP sequence and timestamp (pitfall 6).
 */

import { randomInt } from 'node:crypto';
import {
  MediaStreamTrack, RTCPeerConnection, RTCRtpCodecParameters, RtpHeader, RtpPacket, usePCMU,
} from 'werift';
import { ulawDecode, ulawEncode } from './g711.ts';
import { audioDirection, dropWidebandTelephoneEvents, keepCandidates, peerAcceptsMedia, telephoneEventPayloadTypes, type MediaDirection } from './sdp.ts';
import { FRAME_SAMPLES } from './tone.ts';

export interface WebRtcAudioEndpointOptions {
  /** The only ICE host address, and the bind address (default 127.0.0.1). */
  iceAddress?: string;
  /** Payload type offered for telephone-event/8000 (default 101). */
  dtmfPayloadType?: number;
  /** Give up waiting for ICE gathering after this long (default 2 s). */
  gatheringTimeoutMs?: number;
}

export interface WebRtcAudioStats {
  packetsSent: number;
  packetsReceived: number;
  /** Frames not sent because the browser's direction excluded receiving (hold). */
  framesHeldBack: number;
  dtmfDigits: number;
}

const DTMF_EVENTS = '0123456789*#ABCD';
const PCMU = 0;

/** A werift peer connection carrying one PCMU audio stream. */
export class WebRtcAudioEndpoint {
  /** Decoded PCMU received from the browser, packet by packet. */
  onAudio: (pcm: Int16Array) => void = () => undefined;
  /** An RFC 4733 digit, once per key press. */
  onDtmf: (digit: string) => void = () => undefined;
  /** ICE/DTLS failed or closed after having connected. */
  onFailure: (detail: string) => void = () => undefined;

  private readonly pc: RTCPeerConnection;
  private readonly track = new MediaStreamTrack({ kind: 'audio' });
  private readonly subscribedTracks = new Set<string>();
  private readonly ssrc = randomInt(1, 2 ** 31);
  private sequence = randomInt(0, 0x10000);
  private timestamp = randomInt(0, 2 ** 31);
  private dtmfTypes = new Set<number>();
  private readonly reportedDtmf = new Set<number>();
  private remoteDirection: MediaDirection = 'sendrecv';
  private closed = false;
  private readonly counters: WebRtcAudioStats = { packetsSent: 0, packetsReceived: 0, framesHeldBack: 0, dtmfDigits: 0 };

  private constructor(private readonly options: WebRtcAudioEndpointOptions) {
    const address = options.iceAddress ?? '127.0.0.1';
    this.pc = new RTCPeerConnection({
      codecs: {
        audio: [
          usePCMU(),
          new RTCRtpCodecParameters({ mimeType: 'audio/telephone-event', clockRate: 8000, payloadType: options.dtmfPayloadType ?? 101, parameters: '0-16' }),
        ],
      },
      headerExtensions: { audio: [] },
      iceUseIpv4: false,
      iceUseIpv6: false,
      iceAdditionalHostAddresses: [address],
      iceInterfaceAddresses: { udp4: address },
      iceFilterStunResponse: (_message, remote) => remote[0] === address,
      iceFilterCandidatePair: (pair) => pair.remoteCandidate.host === address,
    });
    this.pc.onTrack.subscribe((track) => this.subscribe(track));
    this.pc.connectionStateChange.subscribe((state) => {
      if ((state === 'failed' || state === 'closed') && !this.closed) this.onFailure(`WebRTC connection ${state}`);
    });
  }

  /** Creates an endpoint and its SDP offer (non-trickle: candidates included). */
  static async offer(options: WebRtcAudioEndpointOptions = {}): Promise<{ endpoint: WebRtcAudioEndpoint; sdp: string }> {
    const endpoint = new WebRtcAudioEndpoint(options);
    endpoint.pc.addTransceiver(endpoint.track, { direction: 'sendrecv' });
    await endpoint.pc.setLocalDescription(await endpoint.pc.createOffer());
    await endpoint.gathered();
    return { endpoint, sdp: endpoint.localSdp() };
  }

  get stats(): Readonly<WebRtcAudioStats> {
    return this.counters;
  }

  get connected(): boolean {
    return this.pc.connectionState === 'connected';
  }

  /** Applies the browser's answer to our offer. */
  async acceptAnswer(sdp: string): Promise<void> {
    const cleaned = this.clean(sdp);
    await this.pc.setRemoteDescription({ type: 'answer', sdp: cleaned });
    this.learnRemote(cleaned);
  }

  /** Answers a browser re-offer (hold/resume); returns our answer and the offered direction. */
  async answerOffer(sdp: string): Promise<{ sdp: string; remoteDirection: MediaDirection }> {
    const cleaned = this.clean(sdp);
    await this.pc.setRemoteDescription({ type: 'offer', sdp: cleaned });
    for (const transceiver of this.pc.getTransceivers()) transceiver.setDirection('sendrecv');
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    await this.gathered();
    this.learnRemote(cleaned);
    return { sdp: this.localSdp(), remoteDirection: this.remoteDirection };
  }

  /** Resolves once ICE and DTLS are up (werift connectionState "connected"). */
  async waitConnected(timeoutMs: number): Promise<void> {
    if (this.connected) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`WebRTC media did not connect within ${timeoutMs} ms (state ${this.pc.connectionState})`));
      }, timeoutMs);
      const { unSubscribe: unsubscribe } = this.pc.connectionStateChange.subscribe((state) => {
        if (state === 'connected') {
          clearTimeout(timer);
          unsubscribe();
          resolve();
        } else if (state === 'failed' || state === 'closed') {
          clearTimeout(timer);
          unsubscribe();
          reject(new Error(`WebRTC connection ${state} before connecting`));
        }
      });
    });
  }

  /** Sends one 20 ms frame if the browser currently accepts media; returns whether it went out. */
  sendFrame(pcm: Int16Array): boolean {
    // The timestamp advances through silence and hold so the browser's jitter buffer sees real time.
    const timestamp = this.timestamp;
    this.timestamp = (this.timestamp + (pcm.length || FRAME_SAMPLES)) >>> 0;
    if (this.closed || !this.connected) return false;
    if (!peerAcceptsMedia(this.remoteDirection)) {
      this.counters.framesHeldBack++;
      return false;
    }
    const header = new RtpHeader({ payloadType: PCMU, sequenceNumber: this.sequence, timestamp, ssrc: this.ssrc });
    this.sequence = (this.sequence + 1) & 0xffff;
    this.track.writeRtp(new RtpPacket(header, Buffer.from(ulawEncode(pcm))));
    this.counters.packetsSent++;
    return true;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.pc.close();
    } catch {
      // Closing a half-negotiated werift connection can throw; the endpoint is gone either way.
    }
  }

  private clean(sdp: string): string {
    return dropWidebandTelephoneEvents(keepCandidates(sdp, [this.options.iceAddress ?? '127.0.0.1']));
  }

  private learnRemote(sdp: string): void {
    this.remoteDirection = audioDirection(sdp);
    const types = telephoneEventPayloadTypes(sdp);
    if (types.size) this.dtmfTypes = types;
  }

  private localSdp(): string {
    const sdp = this.pc.localDescription?.sdp;
    if (!sdp) throw new Error('werift produced no local description');
    return sdp;
  }

  private async gathered(): Promise<void> {
    if (this.pc.iceGatheringState === 'complete') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.options.gatheringTimeoutMs ?? 2000);
      const { unSubscribe } = this.pc.iceGatheringStateChange.subscribe((state) => {
        if (state === 'complete') done();
      });
      function done(): void {
        clearTimeout(timer);
        unSubscribe();
        resolve();
      }
    });
  }

  private subscribe(track: MediaStreamTrack): void {
    if (this.subscribedTracks.has(track.uuid)) return; // pitfall 3: onTrack repeats after renegotiation
    this.subscribedTracks.add(track.uuid);
    track.onReceiveRtp.subscribe((rtp) => {
      if (this.closed) return;
      const payloadType = rtp.header.payloadType;
      if (payloadType === PCMU) {
        this.counters.packetsReceived++;
        this.onAudio(ulawDecode(rtp.payload));
      } else if (this.dtmfTypes.has(payloadType) || (this.dtmfTypes.size === 0 && payloadType === (this.options.dtmfPayloadType ?? 101))) {
        this.receiveDtmf(rtp.header.timestamp, rtp.payload);
      }
    });
  }

  /** RFC 4733 §2.3: byte 0 = event, bit 0x80 of byte 1 = end; all packets of a press share a timestamp. */
  private receiveDtmf(timestamp: number, payload: Buffer): void {
    if (payload.length < 4) return;
    const end = (payload[1]! & 0x80) !== 0;
    if (!end || this.reportedDtmf.has(timestamp)) return; // the end packet is sent three times
    this.reportedDtmf.add(timestamp);
    if (this.reportedDtmf.size > 64) this.reportedDtmf.delete(this.reportedDtmf.values().next().value!);
    const digit = DTMF_EVENTS[payload[0]!];
    if (digit === undefined) return;
    this.counters.dtmfDigits++;
    this.onDtmf(digit);
  }
}
