import { SessionState, type Invitation } from 'sip.js';
import { SessionDescriptionHandler } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler.js';
import type { SessionDescriptionHandlerOptions } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler-options.js';
import { describeValue } from '../shared/errors.ts';
import { DtmfQueue, type DtmfTiming } from './dtmf-queue.ts';
import { SipPhoneError } from './errors.ts';
import type { IncomingCallInfo } from './incoming-call.ts';
import type { CallEndReason, CallPhase, CallSnapshot } from './types.ts';

/** What a call tells the phone that owns it. */
export interface PhoneCallHooks {
  readonly established: (call: PhoneCall) => void;
  readonly updated: (call: PhoneCall) => void;
  readonly ended: (call: PhoneCall, reason: CallEndReason, detail?: string) => void;
  readonly dtmfSent: (call: PhoneCall, digit: string) => void;
  /** A remote audio track arrived (first answer, and again after each re-offer). */
  readonly remoteTrack: (track: MediaStreamTrack) => void;
}

/** SDP options for every offer/answer of the call. */
export interface PhoneCallMedia {
  readonly constraints: () => MediaStreamConstraints;
  readonly iceGatheringTimeoutMs: number;
  readonly dtmfTiming: DtmfTiming;
}

/**
 * One incoming call over a sip.js `Invitation`:
 *
 * ```
 *  ringing ──answer()──► answering ──200 OK/ACK──► established ──hangUp()/BYE──► ended
 *     │  reject() 486/603, CANCEL, failure                                     ▲
 *     └──────────────────────────────────────────────────────────────────────┘
 * ```
 *
 * Hold and resume are re-INVITEs (`sendonly` / `sendrecv`); mute disables the microphone track;
 * DTMF is RFC 4733, one digit at a time.
 */
export class PhoneCall {
  private phase: CallPhase = 'ringing';
  private onHold = false;
  private muted = false;
  private atRisk = false;
  private establishedAt: number | null = null;
  private endReason: { reason: CallEndReason; detail?: string } | undefined;
  private readonly receivedAt = performance.now();
  private readonly dtmf: DtmfQueue;

  constructor(
    private readonly invitation: Invitation,
    readonly info: IncomingCallInfo,
    private readonly media: PhoneCallMedia,
    private readonly hooks: PhoneCallHooks,
  ) {
    this.dtmf = new DtmfQueue((digit, timing) => this.handler()?.sendDtmf(digit, { duration: timing.durationMs, interToneGap: timing.gapMs }) ?? false, media.dtmfTiming, undefined, (digit) =>
      hooks.dtmfSent(this, digit),
    );
    invitation.delegate = {
      onBye: () => this.noteEnd('remote-hangup'),
      onCancel: () => this.noteEnd('cancelled'),
      onSessionDescriptionHandler: (handler) => {
        if (handler instanceof SessionDescriptionHandler) handler.peerConnectionDelegate = { ontrack: (event: RTCTrackEvent) => hooks.remoteTrack(event.track) };
      },
    };
    invitation.stateChange.addListener((state) => this.onState(state));
  }

  /** A read-only view for events and the app. */
  snapshot(): CallSnapshot {
    return {
      ...this.info,
      phase: this.phase,
      onHold: this.onHold,
      muted: this.muted,
      atRisk: this.atRisk,
      receivedAt: this.receivedAt,
      establishedAt: this.establishedAt,
    };
  }

  get currentPhase(): CallPhase {
    return this.phase;
  }

  /** Sends 200 OK with our SDP answer (opens the microphone). */
  async answer(): Promise<void> {
    this.requirePhase('answer()', ['ringing']);
    this.phase = 'answering';
    try {
      const sessionDescriptionHandlerOptions: SessionDescriptionHandlerOptions = {
        constraints: this.media.constraints(),
        iceGatheringTimeout: this.media.iceGatheringTimeoutMs,
      };
      await this.invitation.accept({ sessionDescriptionHandlerOptions });
    } catch (error) {
      const wrapped =
        error instanceof SipPhoneError
          ? error
          : new SipPhoneError('answer-failed', `Answering call ${this.describe()} failed: ${error instanceof Error ? error.message : describeValue(error)}.`, { cause: error });
      this.noteEnd('failed', wrapped.message);
      if (this.invitation.state !== SessionState.Terminated) void this.invitation.reject({ statusCode: 488 }).catch(() => undefined);
      throw wrapped;
    }
  }

  /** Declines a ringing call: 486 Busy Here (default) or 603 Decline. */
  async reject(statusCode: 486 | 603 = 486): Promise<void> {
    this.requirePhase('reject()', ['ringing']);
    this.noteEnd('rejected', `${statusCode}`);
    await this.invitation.reject({ statusCode });
  }

  /** Ends the call: BYE when up, 486 while ringing. With no transport the call is ended locally. */
  async hangUp(): Promise<void> {
    if (this.phase === 'ended') return;
    if (this.phase === 'ringing') {
      await this.reject(486);
      return;
    }
    this.noteEnd('local-hangup');
    try {
      if (this.invitation.state === SessionState.Established) await this.invitation.bye();
      else if (this.invitation.state !== SessionState.Terminated) await this.invitation.reject({ statusCode: 486 });
    } catch (error) {
      // The BYE could not go out (WebSocket down): the call is over for us anyway; say why.
      this.endReason = { reason: 'local-hangup', detail: `BYE not sent: ${error instanceof Error ? error.message : describeValue(error)}` };
      await this.invitation.dispose();
    }
  }

  /** Puts the call on hold (`sendonly`) or resumes it (`sendrecv`) with a re-INVITE. */
  async setHold(onHold: boolean): Promise<void> {
    this.requirePhase(onHold ? 'hold()' : 'resume()', ['established']);
    if (this.onHold === onHold) return;
    const invitation = this.invitation;
    const reInvite: SessionDescriptionHandlerOptions = { hold: onHold, iceGatheringTimeout: this.media.iceGatheringTimeoutMs };
    invitation.sessionDescriptionHandlerOptionsReInvite = reInvite;
    const accepted = await new Promise<boolean | Error>((resolve) => {
      invitation
        .invite({ requestDelegate: { onAccept: () => resolve(true), onReject: () => resolve(false) } })
        .catch((error: unknown) => resolve(error instanceof Error ? error : new Error(describeValue(error))));
    });
    if (accepted !== true) {
      throw new SipPhoneError(
        'hold-failed',
        `${onHold ? 'Hold' : 'Resume'} of call ${this.describe()} failed: the re-INVITE was ${accepted === false ? 'refused by the PBX' : `not sent (${accepted.message})`}.`,
        accepted === false ? {} : { cause: accepted },
      );
    }
    this.onHold = onHold;
    this.handler()?.enableReceiverTracks(!onHold);
    this.applyMicrophone();
    this.hooks.updated(this);
  }

  /** Mutes (or unmutes) the microphone: the sender track is disabled, RTP carries silence. */
  setMuted(muted: boolean): void {
    this.requirePhase(muted ? 'mute()' : 'unmute()', ['answering', 'established']);
    if (this.muted === muted) return;
    this.muted = muted;
    this.applyMicrophone();
    this.hooks.updated(this);
  }

  /** Replaces the microphone track mid-call (a new device chosen). */
  async replaceMicrophone(track: MediaStreamTrack): Promise<void> {
    const sender = this.handler()?.peerConnection?.getSenders().find((candidate) => candidate.track?.kind === 'audio' || candidate.track === null);
    if (!sender) {
      track.stop();
      return;
    }
    const old = sender.track;
    await sender.replaceTrack(track);
    old?.stop();
    this.applyMicrophone();
  }

  /** Queues DTMF digits (RFC 4733), resolved once they went out. */
  sendDtmf(digits: string): Promise<void> {
    this.requirePhase('sendDtmf()', ['established']);
    return this.dtmf.enqueue(digits);
  }

  /** Whether this call has an RFC 4733 sender (otherwise the app must use NeoApi SendDTMF). */
  canSendDtmf(): boolean {
    const sender = this.handler()?.peerConnection?.getSenders()[0];
    return sender?.dtmf?.canInsertDTMF ?? false;
  }

  /** The WebSocket dropped: signalling for this call may be lost. */
  markAtRisk(): void {
    if (this.atRisk || this.phase === 'ended') return;
    this.atRisk = true;
    this.hooks.updated(this);
  }

  /** The remote audio tracks currently received. */
  remoteTracks(): MediaStreamTrack[] {
    return this.handler()?.peerConnection?.getReceivers().map((receiver) => receiver.track).filter((track) => track.kind === 'audio') ?? [];
  }

  private handler(): SessionDescriptionHandler | undefined {
    const handler = this.invitation.sessionDescriptionHandler;
    return handler instanceof SessionDescriptionHandler ? handler : undefined;
  }

  private applyMicrophone(): void {
    const enabled = !this.muted && !this.onHold;
    for (const sender of this.handler()?.peerConnection?.getSenders() ?? []) if (sender.track) sender.track.enabled = enabled;
  }

  /** Remembers the first known reason the call is ending (the Terminated state comes later). */
  private noteEnd(reason: CallEndReason, detail?: string): void {
    this.endReason ??= detail === undefined ? { reason } : { reason, detail };
  }

  private onState(state: SessionState): void {
    if (state === SessionState.Established && this.phase !== 'ended') {
      this.phase = 'established';
      this.establishedAt = performance.now();
      this.hooks.established(this);
    } else if (state === SessionState.Terminated && this.phase !== 'ended') {
      const wasUp = this.phase === 'established';
      this.phase = 'ended';
      this.dtmf.clear(new SipPhoneError('no-call', `DTMF dropped: call ${this.describe()} ended.`));
      const end = this.endReason ?? { reason: wasUp ? 'remote-hangup' : 'failed', detail: wasUp ? undefined : 'the INVITE transaction ended before an answer' };
      this.hooks.ended(this, end.reason, end.detail);
    }
  }

  private requirePhase(what: string, phases: readonly CallPhase[]): void {
    if (!phases.includes(this.phase)) {
      throw new SipPhoneError('invalid-call-state', `${what} on call ${this.describe()} in phase "${this.phase}" (expected ${phases.map((p) => `"${p}"`).join(' or ')}).`);
    }
  }

  private describe(): string {
    return this.info.platformCallId ?? this.info.sipCallId;
  }
}
