/**
 * A call to an agent's browser: SIP INVITE over the device's WebSocket with a werift SDP offer,
 * then PCMU both ways through the mixing engine.
 *
 * ```
 *  preparing ──offer ready──► inviting ──1xx──► early ──2xx──► ACK ─► connecting ──ICE+DTLS──► up
 *      │                        │  │              │                      │                    │
 *      │ not registered         │  └─3xx-6xx─► ACK, ended(rejected)     │ media failed       │ BYE either way,
 *      ▼                        ▼                 ▼                      ▼                    ▼ WebSocket lost
 *   ended(unreachable)   hangup()/ring timeout: CANCEL ─► ended(local|timeout)   BYE, ended(failed)   ended
 * ```
 * A 2xx that crosses our CANCEL is ACKed and immediately BYEd. Browser re-INVITEs (hold/resume)
 * are answered by werift; while the browser's offer excludes receiving (sendonly/inactive) the
 * PBX stops sending (werift-probe.md pitfall 4) and emits `hold`.
 */

import { JitterBuffer, type JitterBufferOptions } from '../media/jitter-buffer.ts';
import { PcmRecorder } from '../media/pcm-recorder.ts';
import { ToneOscillator } from '../media/tone.ts';
import { WebRtcAudioEndpoint } from '../media/webrtc-audio-endpoint.ts';
import { OutgoingInviteDialog } from '../sip/dialog.ts';
import { infoDtmfDigit, INFO_DTMF_TYPES } from '../sip/info-dtmf.ts';
import { createResponse, type SipRequest, type SipResponse } from '../sip/message.ts';
import { userForDevice, type Binding } from '../sip/registrar.ts';
import type { SipCore } from '../sip/sip-core.ts';
import { parseCSeq } from '../sip/syntax.ts';
import type { SipConnection } from '../sip/transport.ts';
import type { AgentLeg, AgentLegRequest, LegEndReason } from '../types.ts';
import { LegBase, type LegContext, type MediaParticipant } from './leg-base.ts';

export interface AgentLegSettings {
  domain: string;
  iceAddress: string;
  defaultRingTimeoutMs: number;
  mediaConnectTimeoutMs: number;
  jitterBuffer: JitterBufferOptions;
  maxRecordedSeconds: number;
  /** Tone the other parties hear while this agent holds (undefined = silence). */
  musicOnHoldHz: number | undefined;
  /**
   * How long an answered leg outlives the agent's WebSocket (a reloaded or crashed browser page):
   * the PBX keeps the call, silent on the agent's side, like Asterisk until its `rtp_timeout`,
   * and ends the leg `unreachable` after this. 0 = ends it at once.
   */
  orphanedLegMs: number;
}

type Phase = 'preparing' | 'inviting' | 'early' | 'connecting' | 'up' | 'ended';

/** How long the INVITE transaction stays alive after the leg ended, to ACK a late final response. */
const LATE_RESPONSE_WINDOW_MS = 32_000;

export class AgentLegImpl extends LegBase implements AgentLeg, MediaParticipant {
  readonly kind = 'agent';
  private phase: Phase = 'preparing';
  private endpoint: WebRtcAudioEndpoint | undefined;
  private dialog: OutgoingInviteDialog | undefined;
  private connection: SipConnection | undefined;
  private readonly jitter: JitterBuffer;
  private readonly recorder: PcmRecorder;
  private readonly holdMusic: ToneOscillator | undefined;
  private held = false;
  private answered2xx = false;
  private reinviteBusy = false;
  private ringTimer: ReturnType<typeof setTimeout> | undefined;
  private orphanTimer: ReturnType<typeof setTimeout> | undefined;
  private releaseTransaction: (() => void) | undefined;
  private releaseDialog: (() => void) | undefined;
  private readonly timeline: { invite?: number; answer?: number; media?: number } = {};

  constructor(
    id: string,
    private readonly request: AgentLegRequest,
    private readonly core: SipCore,
    private readonly settings: AgentLegSettings,
    context: LegContext,
  ) {
    super(id, request.device, context);
    this.jitter = new JitterBuffer(settings.jitterBuffer);
    this.recorder = new PcmRecorder(settings.maxRecordedSeconds);
    this.holdMusic = settings.musicOnHoldHz ? new ToneOscillator([settings.musicOnHoldHz]) : undefined;
    const binding = core.registrar.binding(request.device);
    if (!binding) this.end('unreachable', `device ${request.device} is not registered`);
    else void this.start(binding);
  }

  get mediaActive(): boolean {
    // An orphaned leg (connectionLost) is still up for the call, but carries no audio.
    return this.phase === 'up' && this.orphanTimer === undefined;
  }

  /** Whether the agent currently holds the call. */
  get onHold(): boolean {
    return this.held;
  }

  /** RTP and buffer counters, for tests and the control page. */
  get mediaStats(): Record<string, number> {
    return { ...(this.endpoint?.stats ?? {}), ...this.jitter.stats, heardSamples: this.recorder.sampleCount };
  }

  /** Call setup, ms: INVITE sent → 200 OK received, and 200 OK → ICE+DTLS connected. */
  get setupTimings(): { inviteToAnswerMs?: number; answerToMediaMs?: number } {
    const { invite, answer, media } = this.timeline;
    return {
      ...(invite !== undefined && answer !== undefined ? { inviteToAnswerMs: answer - invite } : {}),
      ...(answer !== undefined && media !== undefined ? { answerToMediaMs: media - answer } : {}),
    };
  }

  heard(): Int16Array {
    return this.recorder.toInt16Array();
  }

  hangup(): void {
    this.stop('local');
  }

  produceFrame(): Int16Array | undefined {
    if (this.held && this.holdMusic) return this.holdMusic.next();
    return this.jitter.pull();
  }

  consumeFrame(frame: Int16Array): void {
    this.endpoint?.sendFrame(frame);
  }

  private async start(binding: Binding): Promise<void> {
    let offer: Awaited<ReturnType<typeof WebRtcAudioEndpoint.offer>>;
    try {
      offer = await WebRtcAudioEndpoint.offer({ iceAddress: this.settings.iceAddress });
    } catch (error) {
      this.end('failed', `could not create the WebRTC offer: ${String(error)}`);
      return;
    }
    if (this.phase === 'ended') {
      void offer.endpoint.close();
      return;
    }
    this.endpoint = offer.endpoint;
    this.endpoint.onAudio = (pcm) => {
      this.recorder.append(pcm);
      if (this.phase === 'up' && !this.held) this.jitter.push(pcm);
    };
    this.endpoint.onDtmf = (digit) => this.emit('dtmf', digit);
    this.endpoint.onFailure = (detail) => this.fail(detail);
    const connection = binding.connection;
    if (!connection.open) {
      this.end('unreachable', `the WebSocket of ${this.request.device} is closed`);
      return;
    }
    this.connection = connection;
    const { domain } = this.settings;
    const headers: Record<string, string> = {
      'X-Neotel-CallId': this.request.callId,
      'X-Neotel-Leg': this.request.platformOriginated ? 'platform' : 'queue',
      ...(this.request.platformOriginated ? { 'Call-Info': `<sip:${domain}>;answer-after=0` } : {}),
      ...this.request.headers,
    };
    const dialog = new OutgoingInviteDialog({
      requestUri: binding.contactUri,
      // An unknown caller is "anonymous", as RFC 3323 §4.1.1.3 words it.
      fromUri: `sip:${encodeURIComponent(this.request.fromNumber || 'anonymous')}@${domain}`,
      ...(this.request.fromDisplayName ? { fromDisplayName: this.request.fromDisplayName } : {}),
      toUri: `sip:${userForDevice(this.request.device)}@${domain}`,
      contactUri: `sip:pbx@${domain};transport=ws`,
      viaHost: domain,
      headers,
      sdp: offer.sdp,
    });
    this.dialog = dialog;
    this.releaseTransaction = this.core.onResponses(dialog.inviteBranch, (response) => this.onInviteResponse(response));
    this.releaseDialog = this.core.onDialog(dialog.callId, dialog.localTag, connection, {
      onRequest: (request) => this.onRequest(request),
      onConnectionLost: () => this.connectionLost(),
    });
    this.phase = 'inviting';
    this.timeline.invite = performance.now();
    connection.send(dialog.invite);
    const ringTimeoutMs = this.request.ringTimeoutMs ?? this.settings.defaultRingTimeoutMs;
    this.ringTimer = setTimeout(() => this.stop('timeout', `no answer within ${ringTimeoutMs} ms`), ringTimeoutMs);
  }

  /** Ends the leg from our side: CANCEL while ringing, BYE once answered. */
  private stop(reason: LegEndReason, detail?: string): void {
    const { dialog, connection } = this;
    if (this.phase === 'ended') return;
    if (dialog && connection) {
      if (this.phase === 'inviting' || this.phase === 'early') {
        // Sent even before a provisional (RFC 3261 §9.1 says SHOULD wait): sip.js creates the
        // INVITE server transaction on receipt and WebSocket keeps order, so it always matches.
        connection.send(dialog.cancel());
      } else {
        connection.send(dialog.request('BYE'));
      }
    }
    this.end(reason, detail);
  }

  private fail(detail: string): void {
    // An orphaned leg's media is gone by definition: only its timeout or a hang-up ends it.
    if (this.orphanTimer !== undefined) return;
    if (this.phase === 'connecting' || this.phase === 'up') this.stop('failed', detail);
  }

  /**
   * The agent's WebSocket closed. A leg not yet answered ends (its INVITE transaction died with
   * it); an answered one stays up without signalling or media for `orphanedLegMs`, so the call
   * goes on for the customer until NeoApi `Hangup`, the customer, or that timeout ends it.
   */
  private connectionLost(): void {
    const ms = this.settings.orphanedLegMs;
    if (this.phase !== 'up' || ms <= 0) {
      this.end('unreachable', 'the WebSocket closed during the call');
      return;
    }
    this.releaseDialog?.();
    this.releaseDialog = undefined;
    this.connection = undefined;
    this.jitter.reset();
    this.context.log(`${this.id} (${this.party}) orphaned: the WebSocket closed; the call stays up for ${ms} ms without the agent's media`);
    this.orphanTimer = setTimeout(() => this.end('unreachable', `no agent media for ${ms} ms after the WebSocket closed`), ms);
    this.orphanTimer.unref();
  }

  private end(reason: LegEndReason, detail?: string): void {
    const finalResponsePending = !this.answered2xx && (this.phase === 'inviting' || this.phase === 'early');
    this.phase = 'ended';
    if (this.ringTimer) clearTimeout(this.ringTimer);
    if (this.orphanTimer) clearTimeout(this.orphanTimer);
    this.context.leaveMedia(this);
    this.releaseDialog?.();
    if (finalResponsePending) setTimeout(() => this.releaseTransaction?.(), LATE_RESPONSE_WINDOW_MS).unref();
    else this.releaseTransaction?.();
    void this.endpoint?.close();
    this.markEnded(reason, detail);
  }

  private onInviteResponse(response: SipResponse): void {
    const { dialog, connection } = this;
    if (!dialog || !connection) return;
    if (parseCSeq(response.get('cseq'))?.method !== 'INVITE') return; // 200 to our CANCEL
    if (response.status < 200) {
      if (this.phase === 'inviting') this.phase = 'early';
      return;
    }
    if (response.status < 300) {
      void this.on2xx(response, dialog, connection);
      return;
    }
    connection.send(dialog.ackForFailure(response));
    this.releaseTransaction?.();
    if (this.phase !== 'ended') this.end('rejected', `${response.status} ${response.reason}`);
  }

  private async on2xx(response: SipResponse, dialog: OutgoingInviteDialog, connection: SipConnection): Promise<void> {
    if (this.answered2xx) {
      connection.send(dialog.ackFor2xx()); // a retransmitted 2xx: ACK again (RFC 3261 §13.2.2.4)
      return;
    }
    this.answered2xx = true;
    this.timeline.answer = performance.now();
    dialog.confirm(response);
    connection.send(dialog.ackFor2xx());
    if (this.ringTimer) clearTimeout(this.ringTimer);
    if (this.phase === 'ended') {
      connection.send(dialog.request('BYE')); // the answer crossed our CANCEL
      this.releaseTransaction?.();
      return;
    }
    if (!response.body.trim() || !this.endpoint) {
      this.stop('failed', '200 OK carried no SDP answer');
      return;
    }
    this.phase = 'connecting';
    try {
      await this.endpoint.acceptAnswer(response.body);
      await this.endpoint.waitConnected(this.settings.mediaConnectTimeoutMs);
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
      return;
    }
    if ((this.phase as Phase) !== 'connecting') return; // hung up while ICE/DTLS ran
    this.phase = 'up';
    this.timeline.media = performance.now();
    const { inviteToAnswerMs = 0, answerToMediaMs = 0 } = this.setupTimings;
    this.context.log(`${this.id} (${this.party}) up: 200 OK ${Math.round(inviteToAnswerMs)} ms after INVITE, media ${Math.round(answerToMediaMs)} ms later`);
    this.context.joinMedia(this);
    this.markUp();
  }

  private onRequest(request: SipRequest): void {
    const { dialog, connection } = this;
    if (!dialog || !connection) return;
    const cseq = parseCSeq(request.get('cseq'));
    if (!cseq || !dialog.acceptRemoteSeq(cseq.seq, request.method)) {
      connection.send(createResponse(request, 500, { reason: 'Server Internal Error (CSeq out of order)' }));
      return;
    }
    switch (request.method) {
      case 'ACK':
        return;
      case 'BYE':
        connection.send(createResponse(request, 200));
        this.end('remote', 'the agent hung up (BYE)');
        return;
      case 'INVITE':
        void this.onReinvite(request, connection);
        return;
      case 'INFO':
        connection.send(this.onInfo(request));
        return;
      case 'CANCEL':
      case 'OPTIONS':
        connection.send(createResponse(request, 200));
        return;
      default:
        connection.send(createResponse(request, 501));
    }
  }

  private async onReinvite(request: SipRequest, connection: SipConnection): Promise<void> {
    if (this.phase !== 'up' || this.reinviteBusy || !this.endpoint) {
      connection.send(createResponse(request, 491)); // the browser retries after a random delay
      return;
    }
    if (!request.body.trim()) {
      connection.send(createResponse(request, 488, { reason: 'Not Acceptable Here (re-INVITE without SDP offer)' }));
      return;
    }
    this.reinviteBusy = true;
    try {
      const answer = await this.endpoint.answerOffer(request.body);
      if ((this.phase as Phase) !== 'up') return; // ended while werift answered
      connection.send(createResponse(request, 200, {
        body: answer.sdp,
        headers: { Contact: `<sip:pbx@${this.settings.domain};transport=ws>` },
      }));
      const onHold = answer.remoteDirection === 'sendonly' || answer.remoteDirection === 'inactive';
      if (onHold !== this.held) {
        this.held = onHold;
        this.jitter.reset();
        this.emit('hold', onHold);
      }
    } catch (error) {
      this.context.log(`${this.id}: re-INVITE refused: ${String(error)}`);
      connection.send(createResponse(request, 488));
    } finally {
      this.reinviteBusy = false;
    }
  }

  /** SIP INFO DTMF (see sip/info-dtmf.ts); an empty INFO is a keep-alive. */
  private onInfo(request: SipRequest): SipResponse {
    if (!request.body.trim()) return createResponse(request, 200);
    const digit = infoDtmfDigit(request.get('content-type'), request.body);
    if (digit === undefined) return createResponse(request, 415, { headers: { Accept: INFO_DTMF_TYPES } });
    this.emit('dtmf', digit);
    return createResponse(request, 200);
  }
}
