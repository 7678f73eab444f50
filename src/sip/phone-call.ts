import { Invitation, Inviter, SessionState, type Core, type Session } from 'sip.js';
import type { SessionDescriptionHandlerOptions } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler-options.js';
import { describeValue } from '../shared/errors.ts';
import { CallMedia } from './call-media.ts';
import type { sendDtmfByInfo } from './call-transfer.ts';
import type { DtmfQueue } from './dtmf-queue.ts';
import type { DtmfTiming } from './dtmf-timing.ts';
import { SipPhoneError } from './errors.ts';
import type { IncomingCallInfo } from './incoming-call.ts';
import type { CallDirection, CallEndReason, CallPhase, CallSnapshot, DtmfTransport } from './types.ts';

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
  /** `info`: digits go as SIP INFO `application/dtmf-relay` instead of RFC 4733 (default `rfc4733`). */
  readonly dtmfTransport?: DtmfTransport;
  /** The DTMF code, loaded after REGISTER 200 with the other call-only parts (./call-parts.ts). */
  readonly dtmfCode: () => Promise<{ readonly DtmfQueue: typeof DtmfQueue; readonly sendDtmfByInfo: typeof sendDtmfByInfo }>;
}

/**
 * One call over a sip.js `Session`: an incoming `Invitation` or an outgoing `Inviter`.
 *
 * ```
 *  Invitation: ringing ──answer()──► answering ──200 OK/ACK──► established ──hangUp()/BYE──► ended
 *                 │  reject() 486/480, CANCEL, failure                                    ▲
 *                 └─────────────────────────────────────────────────────────────────────┤
 *  Inviter:    calling ──dial(): INVITE ··· 200 OK──────────────► established ──────────┤
 *                 │  4xx-6xx (refused), hangUp(): CANCEL (local-hangup), failure         │
 *                 └─────────────────────────────────────────────────────────────────────┘
 * ```
 *
 * Once established both directions are the same call: hold and resume are re-INVITEs
 * (`sendonly` / `sendrecv`); mute disables the microphone track; DTMF is RFC 4733, one digit at
 * a time.
 */
export class PhoneCall {
  readonly direction: CallDirection;
  private phase: CallPhase;
  private onHold = false;
  private muted = false;
  private atRisk = false;
  private establishedAt: number | null = null;
  private endReason: { reason: CallEndReason; detail?: string } | undefined;
  private finalStatusCode: number | null = null;
  /** Outgoing only: the INVITE went out (before that, `dial()` itself reports the end). */
  private inviteSent = false;
  private readonly receivedAt = performance.now();
  /** Built at the first digit (its code may still be on the way then). */
  private dtmf: Promise<DtmfQueue> | undefined;
  private readonly rtc: CallMedia;
  private confirm: () => void = () => undefined;
  /**
   * Incoming: settles when the far end ACKs our 200 OK, or when the call ends (answered or not);
   * the phone holds its listeners for an automatic answer until then (./call-lines.ts).
   */
  readonly confirmed = new Promise<void>((resolve) => {
    this.confirm = resolve;
  });

  constructor(
    private readonly session: Session,
    readonly info: IncomingCallInfo,
    private readonly media: PhoneCallMedia,
    private readonly hooks: PhoneCallHooks,
  ) {
    this.direction = session instanceof Inviter ? 'outgoing' : 'incoming';
    this.phase = this.direction === 'outgoing' ? 'calling' : 'ringing';
    this.rtc = new CallMedia(session);
    session.delegate = {
      // With an onBye delegate sip.js leaves the 200 OK to us. Unanswered, the BYE's server
      // transaction never ends and keeps its request alive: ~3.6 KB a call (docs/benchmarks.md).
      onBye: (bye) => {
        // A failed 200 (transport gone) leaves the PBX to time its BYE out; the call is over anyway.
        bye.accept().catch(() => undefined);
        this.noteEnd('remote-hangup');
      },
      onCancel: () => this.noteEnd('cancelled'),
      onAck: () => this.confirm(),
      onSessionDescriptionHandler: (handler) => CallMedia.watchTracks(handler, (track) => this.onRemoteTrack(track)),
    };
    session.stateChange.addListener((state) => this.onState(state));
  }

  /** A read-only view for events and the app. */
  snapshot(): CallSnapshot {
    return {
      ...this.info,
      direction: this.direction,
      phase: this.phase,
      onHold: this.onHold,
      muted: this.muted,
      atRisk: this.atRisk,
      receivedAt: this.receivedAt,
      establishedAt: this.establishedAt,
      finalStatusCode: this.finalStatusCode,
    };
  }

  get currentPhase(): CallPhase {
    return this.phase;
  }

  /**
   * Outgoing: sends the INVITE with our SDP offer (opens the microphone). Resolves once it is on
   * the wire; the answer, a refusal (`refused` + `finalStatusCode`) or a failure come as hooks.
   */
  async dial(): Promise<void> {
    const inviter = this.requireInviter('dial()');
    if (this.inviteSent) throw this.phaseError('dial()', ['calling'], 'the INVITE was already sent');
    const requestDelegate: Core.OutgoingRequestDelegate = {
      // sip.js moves the Inviter to Terminated *before* calling this delegate, so the end is
      // reported a microtask later (onState) for the reason noted here to be the one reported.
      onReject: (response) => {
        const { statusCode = 0, reasonPhrase = '' } = response.message;
        if (this.endReason === undefined) this.finalStatusCode = statusCode;
        this.noteEnd('refused', `${statusCode} ${reasonPhrase}`.trim());
      },
    };
    try {
      await inviter.invite({ sessionDescriptionHandlerOptions: this.offerAnswerOptions(), requestDelegate });
      this.inviteSent = true;
    } catch (error) {
      if (this.endReason?.reason === 'local-hangup') {
        this.finish(); // hung up while the offer was being made: not a failure
        return;
      }
      const wrapped =
        error instanceof SipPhoneError
          ? error
          : new SipPhoneError('call-failed', `Calling ${this.describe()} failed before the INVITE went out: ${error instanceof Error ? error.message : describeValue(error)}.`, { cause: error });
      this.noteEnd('failed', wrapped.message);
      if (inviter.state !== SessionState.Terminated) await inviter.dispose().catch(() => undefined);
      this.finish();
      throw wrapped;
    }
  }

  /** Sends 200 OK with our SDP answer (opens the microphone). */
  async answer(): Promise<void> {
    const invitation = this.requireInvitation('answer()');
    this.requirePhase('answer()', ['ringing']);
    this.phase = 'answering';
    try {
      await invitation.accept({ sessionDescriptionHandlerOptions: this.offerAnswerOptions() });
    } catch (error) {
      const wrapped =
        error instanceof SipPhoneError
          ? error
          : new SipPhoneError('answer-failed', `Answering call ${this.describe()} failed: ${error instanceof Error ? error.message : describeValue(error)}.`, { cause: error });
      this.noteEnd('failed', wrapped.message);
      if (invitation.state !== SessionState.Terminated) void invitation.reject({ statusCode: 488 }).catch(() => undefined);
      throw wrapped;
    }
  }

  /**
   * Declines a ringing call: 486 Busy Here (default) or 480 Temporarily Unavailable. Never 603
   * Decline: it is global, so it would also cancel the forked branches of the same AOR (a desk phone).
   */
  async reject(statusCode: 486 | 480 = 486): Promise<void> {
    const invitation = this.requireInvitation('reject()');
    this.requirePhase('reject()', ['ringing']);
    this.noteEnd('rejected', `${statusCode}`);
    this.finalStatusCode ??= statusCode;
    await invitation.reject({ statusCode });
  }

  /**
   * Ends the call: BYE when up, 486 while ringing, CANCEL while our outgoing call is unanswered.
   * With no transport the call is ended locally.
   */
  async hangUp(): Promise<void> {
    if (this.phase === 'ended') return;
    if (this.phase === 'ringing') {
      await this.reject(486);
      return;
    }
    this.noteEnd('local-hangup');
    const session = this.session;
    try {
      if (session.state === SessionState.Established) await session.bye();
      else if (session instanceof Inviter && session.state !== SessionState.Terminated) await session.cancel();
      else if (session instanceof Invitation && session.state !== SessionState.Terminated) await session.reject({ statusCode: 486 });
    } catch (error) {
      // The BYE could not go out (WebSocket down): the call is over for us anyway; say why.
      this.endReason = { reason: 'local-hangup', detail: `BYE not sent: ${error instanceof Error ? error.message : describeValue(error)}` };
      await session.dispose();
    }
  }

  /** Puts the call on hold (`sendonly`) or resumes it (`sendrecv`) with a re-INVITE. */
  async setHold(onHold: boolean): Promise<void> {
    this.requirePhase(onHold ? 'hold()' : 'resume()', ['established']);
    if (this.onHold === onHold) return;
    const session = this.session;
    const reInvite: SessionDescriptionHandlerOptions = { hold: onHold, iceGatheringTimeout: this.media.iceGatheringTimeoutMs };
    session.sessionDescriptionHandlerOptionsReInvite = reInvite;
    const accepted = await new Promise<boolean | Error>((resolve) => {
      session
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
    this.rtc.setReceiving(!onHold);
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
    if (await this.rtc.replaceMicrophone(track)) this.applyMicrophone();
  }

  /** Queues DTMF digits (RFC 4733), resolved once they went out. */
  sendDtmf(digits: string): Promise<void> {
    this.requirePhase('sendDtmf()', ['established']);
    // Digits typed while the code loads wait for it together, in the order typed.
    return this.dtmfQueue().then((queue) => {
      if (this.phase === 'ended') throw new SipPhoneError('no-call', `sendDtmf(): call ${this.describe()} ended before its digits went out.`);
      return queue.enqueue(digits);
    });
  }

  private dtmfQueue(): Promise<DtmfQueue> {
    this.dtmf ??= this.media.dtmfCode().then(
      ({ DtmfQueue, sendDtmfByInfo }) => {
        const send = this.media.dtmfTransport === 'info' ? (digit: string, timing: DtmfTiming) => sendDtmfByInfo(this.session, digit, timing) : (digit: string, timing: DtmfTiming) => this.rtc.sendDtmf(digit, timing);
        return new DtmfQueue(send, this.media.dtmfTiming, undefined, (digit) => this.hooks.dtmfSent(this, digit));
      },
      (error: unknown) => {
        this.dtmf = undefined; // the next digit fetches again
        throw error;
      },
    );
    return this.dtmf;
  }

  /** Whether this call can carry digits: SIP INFO when so configured, else an RFC 4733 sender (otherwise the app must use NeoApi SendDTMF). */
  canSendDtmf(): boolean {
    return this.media.dtmfTransport === 'info' ? this.session.state === SessionState.Established : this.rtc.canSendDtmf();
  }

  /** The sip.js session (transfer and conference work on it: ./call-transfer.ts, ./conference-mixer.ts). */
  get sipSession(): Session {
    return this.session;
  }

  /** The WebRTC side of the call (its audio sender and remote tracks, for the conference mixer). */
  get callMedia(): CallMedia {
    return this.rtc;
  }

  /** Our REFER was carried out: the call ends `transferred`, whoever sends the BYE. */
  markTransferred(target: string): void {
    this.noteEnd('transferred', target);
  }

  /** The WebSocket dropped: signalling for this call may be lost. */
  markAtRisk(): void {
    if (this.atRisk || this.phase === 'ended') return;
    this.atRisk = true;
    this.hooks.updated(this);
  }

  /** The remote audio tracks currently received. */
  remoteTracks(): MediaStreamTrack[] {
    return this.rtc.remoteTracks();
  }

  private applyMicrophone(): void {
    this.rtc.setMicrophoneEnabled(!this.muted && !this.onHold);
  }

  /**
   * A remote track arrived: played at once, except on an incoming call not yet answered. Its
   * tracks arrive with the INVITE's offer, while the answer's media work and the 200 OK are under
   * way, and an `<audio>` element starting to play takes the main thread for 5–10 ms (the media
   * element's load); nothing can be heard before the far end has our 200 OK, and the phone plays
   * every remote track once it is ACKed (./call-lines.ts, docs/benchmarks.md "Eleventh pass (a)").
   * Outgoing calls play at once: early media (a ringback, an announcement) comes before the answer.
   */
  private onRemoteTrack(track: MediaStreamTrack): void {
    if (this.direction === 'incoming' && this.phase !== 'established') return;
    this.hooks.remoteTrack(track);
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
      if (this.direction === 'incoming' || this.phase === 'established') this.finish();
      // Outgoing and unanswered: a refusal's status arrives right after this (see dial()), and
      // before the INVITE is out dial() itself reports the failure.
      else if (this.inviteSent) queueMicrotask(() => this.finish());
    }
  }

  /** Reports the end once, with the first reason noted. */
  private finish(): void {
    if (this.phase === 'ended') return;
    const wasUp = this.phase === 'established';
    this.phase = 'ended';
    const dropped = new SipPhoneError('no-call', `DTMF dropped: call ${this.describe()} ended.`);
    void this.dtmf?.then((queue) => queue.clear(dropped), () => undefined);
    const end = this.endReason ?? { reason: wasUp ? 'remote-hangup' : 'failed', detail: wasUp ? undefined : 'the INVITE transaction ended before an answer' };
    this.hooks.ended(this, end.reason, end.detail);
    this.confirm();
  }

  private offerAnswerOptions(): SessionDescriptionHandlerOptions {
    return { constraints: this.media.constraints(), iceGatheringTimeout: this.media.iceGatheringTimeoutMs };
  }

  private requireInvitation(what: string): Invitation {
    if (this.session instanceof Invitation) return this.session;
    throw this.phaseError(what, ['ringing'], 'it is an outgoing call');
  }

  private requireInviter(what: string): Inviter {
    if (this.session instanceof Inviter) return this.session;
    throw this.phaseError(what, ['calling'], 'it is an incoming call');
  }

  private requirePhase(what: string, phases: readonly CallPhase[]): void {
    if (!phases.includes(this.phase)) throw this.phaseError(what, phases);
  }

  private phaseError(what: string, phases: readonly CallPhase[], why?: string): SipPhoneError {
    const because = why === undefined ? '' : `: ${why}`;
    return new SipPhoneError('invalid-call-state', `${what} on call ${this.describe()} in phase "${this.phase}"${because} (expected ${phases.map((p) => `"${p}"`).join(' or ')}).`);
  }

  private describe(): string {
    return this.info.platformCallId ?? this.info.sipCallId;
  }
}
