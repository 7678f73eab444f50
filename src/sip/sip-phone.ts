import type { Invitation, Session, SessionDescriptionHandlerFactory } from 'sip.js';
import { Inviter, UserAgent } from 'sip.js';
import { defaultSessionDescriptionHandlerFactory } from 'sip.js/lib/platform/web/session-description-handler/session-description-handler-factory-default.js';
import { describeValue } from '../shared/errors.ts';
import { callTargetUri, outgoingCallInfo } from './call-target.ts';
import { lineCall, takeInvitation, type CallLinesHost } from './call-lines.ts';
import { SipPhoneError, type SipPhoneErrorCode } from './errors.ts';
import type { IncomingCallInfo } from './incoming-call.ts';
import type { PhoneCall } from './phone-call.ts';
import { DEFAULT_BACKOFF } from './reconnect-backoff.ts';
import { SipRegistration } from './registration.ts';
import { installSipExtensions } from './sip-extensions.ts';
import { importCallParts, LazyCallParts, type CallPartsImport } from './lazy-call-parts.ts';
import { PhoneAudio } from './phone-audio.ts';
import type { SecondLine } from './second-line.ts';
import { TypedEvents } from './typed-events.ts';
import { userAgentOptions } from './user-agent-options.ts';

export { warmUpSipStack } from './warm-up.ts';

import type { AudioDevices, CallSnapshot, NotReadyRefusal, RegistrationState, SipPhoneEvents, SipPhoneOptions } from './types.ts';

/**
 * The agent's WebRTC phone: registers the device on the PBX over SIP/WebSocket (sip.js), takes
 * the calls the platform sends it (auto-answering platform legs when configured, ringing for queue
 * calls), places calls of its own (`call()`: on Neotel the platform dials instead, but other
 * proxies need it), and offers the call controls, audio devices and recovery the app needs. One
 * call at a time: a second INVITE while busy is answered 486 Busy Here.
 *
 * ```ts
 * const phone = new SipPhone({ connection: config.connection, credentials: { user: '1001', password } });
 * phone.on('incoming', (call, autoAnswer) => { if (!autoAnswer) showRinging(call); });
 * await phone.requestMicrophone();   // early: the permission prompt before the first call
 * await phone.register();            // before NeoApi Login
 * ```
 */
export class SipPhone {
  private readonly events = new TypedEvents<SipPhoneEvents>();
  private readonly audio: PhoneAudio;
  private readonly registration: SipRegistration;
  /** Transfer, consult and conference: built when the call-only parts arrive (after REGISTER 200). */
  private secondLine: SecondLine | undefined;
  private readonly parts: LazyCallParts;
  private readonly lines: CallLinesHost;
  private activeCall: PhoneCall | undefined;
  /** Not ready: inbound INVITEs get this status (486 or 480, never 603). */
  private notReadyRefusal: NotReadyRefusal | undefined;
  private disposed = false;

  /** `loadCallParts` imports the call-only code (./call-parts.ts, after REGISTER 200); tests hold it back. */
  constructor(
    private readonly options: SipPhoneOptions,
    loadCallParts: CallPartsImport = importCallParts,
  ) {
    installSipExtensions();
    this.audio = new PhoneAudio(options);
    this.parts = new LazyCallParts(loadCallParts, ({ SecondLine, Ringtone }) => {
      this.audio.useRingtone((container) => new Ringtone(container));
      this.secondLine = new SecondLine({
        sipDomain: options.connection.sipDomain,
        transferTimeoutMs: options.transferTimeoutMs ?? 30_000,
        mainCall: () => this.activeCall,
        userAgent: () => this.registration.registeredUserAgent,
        startConsult: (inviter, info) => this.startCall(inviter, info, 'consult'),
        replayMain: () => {
          for (const track of this.activeCall?.remoteTracks() ?? []) this.audio.main.play(track);
        },
        consultAudio: this.audio.consult,
        emit: (name, ...args) => this.events.emit(name, ...args),
      });
    });
    this.lines = {
      options,
      audio: this.audio,
      parts: this.parts,
      events: this.events,
      stopRinging: () => this.stopRinging(),
      mainEnded: (call) => {
        if (this.activeCall === call) this.activeCall = undefined;
        void this.secondLine?.mainEnded();
      },
      // A consult call exists only through the second line, so it is there.
      consultEnded: (call) => void this.secondLine?.consultEnded(call),
    };
    const sdhFactory: SessionDescriptionHandlerFactory =
      options.sessionDescriptionHandlerFactory ?? defaultSessionDescriptionHandlerFactory(() => this.audio.openMicrophone());
    this.registration = new SipRegistration(
      {
        aor: `sip:${options.credentials.user}@${options.connection.sipDomain}`,
        expiresSeconds: options.registerExpiresSeconds ?? 300,
        timeoutMs: options.registerTimeoutMs ?? 10_000,
        backoff: { ...DEFAULT_BACKOFF, ...options.reconnect },
        random: options.random ?? Math.random,
        userAgentFactory: options.userAgentFactory ?? ((uaOptions) => new UserAgent(uaOptions)),
        userAgentOptions: userAgentOptions(options, sdhFactory),
      },
      {
        state: (state, error) => {
          // The call-only code, once registered: it never competes with REGISTER, and calls reach a registered phone only.
          if (state === 'registered' && !this.parts.loaded) this.parts.preload();
          this.events.emit('registration', state, error);
        },
        invite: (invitation) => this.onInvite(invitation),
        transportLost: () => this.onTransportLost(),
        error: (error) => this.events.emit('error', error),
      },
    );
  }

  /** Subscribes to an event; returns the unsubscribe function. */
  on<Name extends keyof SipPhoneEvents>(name: Name, listener: SipPhoneEvents[Name]): () => void {
    return this.events.on(name, listener);
  }

  /** Registration state. */
  get state(): RegistrationState {
    return this.registration.state;
  }

  /** The current call (ringing, answering or established), if any. */
  get currentCall(): CallSnapshot | undefined {
    return this.activeCall?.snapshot();
  }

  /** True while the ringtone plays. */
  get ringing(): boolean {
    return this.audio.ringing;
  }

  /**
   * True when digits must go through NeoApi `SendDTMF`: the app asked so (`dtmfViaPlatform`), or
   * the current call cannot carry RFC 4733.
   */
  get dtmfViaPlatform(): boolean {
    if (this.options.dtmfViaPlatform === true) return true;
    return this.activeCall?.currentPhase === 'established' ? !this.activeCall.canSendDtmf() : false;
  }

  /** The `<audio>` element that plays the far end (created with the first call). */
  get remoteAudioElement(): HTMLAudioElement | undefined {
    return this.audio.main.audioElement;
  }

  /** Asks for the microphone now (the permission prompt before the first call); typed `microphone-*` errors. */
  requestMicrophone(): Promise<void> {
    return this.audio.requestMicrophone();
  }

  /** Microphones and speakers, and whether the output can be chosen. */
  listDevices(): Promise<AudioDevices> {
    return this.audio.listDevices();
  }

  /**
   * Uses another microphone (undefined = default), also in the current call. In a conference the
   * customer's sender carries the mix, not the microphone: swapping it would cut the colleague
   * out of what the customer hears, so the new device waits for the next call there.
   */
  async setMicrophone(deviceId: string | undefined): Promise<void> {
    const track = await this.audio.chooseMicrophone(deviceId);
    const call = this.activeCall;
    if (call?.currentPhase === 'established' && track && this.secondLine?.conferenceActive !== true) await call.replaceMicrophone(track);
    else track?.stop();
  }

  /** Sends call audio (both lines: customer and consult) to another output device (`setSinkId`). */
  setSpeaker(deviceId: string): Promise<void> {
    return this.audio.setSpeaker(deviceId);
  }

  /** Sends the ringtone to another output device (`setSinkId`). */
  setRinger(deviceId: string): Promise<void> {
    return this.audio.setRinger(deviceId);
  }

  /** REGISTERs the device (digest auth); rejects with `auth-failed`, `device-not-found`, `transport-failed`, `register-timeout`…. */
  register(): Promise<void> {
    if (this.disposed) return Promise.reject(this.disposedError('register()'));
    return this.registration.register();
  }

  /** Ends any call, un-REGISTERs and closes the WebSocket. */
  async unregister(): Promise<void> {
    await this.secondLine?.call?.hangUp().catch(() => undefined);
    await this.activeCall?.hangUp().catch(() => undefined);
    await this.registration.unregister();
  }

  /**
   * Calls `target` — a number or SIP user on the phone's `sipDomain`, `user@host`, or a full
   * `sip:` URI (see ./call-target.ts) — with the same media, events and controls as an incoming
   * call. Resolves once the INVITE is out; then `established`, or `ended` with `refused` and the
   * status (486, 404…) when the far end declines. Rejects with `call-in-progress`,
   * `not-registered`, `invalid-target`, `microphone-*` or `call-failed`.
   */
  async call(target: string): Promise<void> {
    if (this.disposed) throw this.disposedError('call()');
    const uri = callTargetUri(target, this.options.connection.sipDomain);
    const busy = this.activeCall?.currentPhase;
    if (busy !== undefined && busy !== 'ended') {
      throw new SipPhoneError('call-in-progress', `call(${describeValue(target)}): a call is already ${busy} (expected no call; hang up first).`);
    }
    const userAgent = this.registration.registeredUserAgent;
    if (!userAgent) {
      throw new SipPhoneError('not-registered', `call(${describeValue(target)}): the phone is ${this.registration.state} (expected registered: await register() first).`);
    }
    const parsed = UserAgent.makeURI(uri);
    if (!parsed) throw new SipPhoneError('invalid-target', `call(${describeValue(target)}): ${describeValue(uri)} is not a valid SIP URI (expected sip:user@host).`);
    const inviter = new Inviter(userAgent, parsed);
    await this.startCall(inviter, outgoingCallInfo(inviter.request.callId, uri)).dial();
  }

  /** Answers the ringing call. */
  async answer(): Promise<void> {
    this.stopRinging();
    await this.requireCall('answer()').answer();
  }

  /** Declines the ringing call with 486 Busy Here (default) or 480 Temporarily Unavailable (never 603: see PhoneCall.reject). */
  async reject(statusCode: 486 | 480 = 486): Promise<void> {
    this.stopRinging();
    await this.requireCall('reject()').reject(statusCode);
  }

  /** Hangs up: BYE when up, 486 while ringing. */
  async hangUp(): Promise<void> {
    this.stopRinging();
    await this.requireCall('hangUp()').hangUp();
  }

  /** Holds the call (re-INVITE `sendonly`). */
  hold(): Promise<void> {
    return this.requireCall('hold()').setHold(true);
  }

  /** Resumes a held call (re-INVITE `sendrecv`). */
  resume(): Promise<void> {
    return this.requireCall('resume()').setHold(false);
  }

  /** Mutes the microphone (the track is disabled; no re-INVITE). */
  mute(): void {
    const call = this.requireCall('mute()');
    this.secondLine?.setMicrophoneEnabled(false);
    call.setMuted(true);
  }

  /** Unmutes the microphone. */
  unmute(): void {
    const call = this.requireCall('unmute()');
    this.secondLine?.setMicrophoneEnabled(true);
    call.setMuted(false);
  }

  /**
   * Sends DTMF by RFC 4733, one digit at a time; resolves once every digit went out. Rejects with
   * `dtmf-unavailable` when {@link dtmfViaPlatform} is true: send them with NeoApi `SendDTMF`.
   */
  sendDtmf(digits: string): Promise<void> {
    const call = this.requireCall('sendDtmf()');
    if (this.options.dtmfViaPlatform === true) {
      return Promise.reject(new SipPhoneError('dtmf-unavailable', 'sendDtmf(): dtmfViaPlatform is set, so digits go through NeoApi SendDTMF, not RFC 4733.'));
    }
    return call.sendDtmf(digits);
  }

  /**
   * Availability without a platform (the `sip` platform's Ready / Not ready): while not ready,
   * every inbound INVITE is refused with `refusal` — 486 Busy Here (default) or 480 Temporarily
   * Unavailable, never 603 Decline (global: it would also stop the PBX's other branches).
   */
  setReady(ready: boolean, refusal: NotReadyRefusal = 486): void {
    this.notReadyRefusal = ready ? undefined : refusal;
  }

  /** Whether inbound calls are taken (see {@link setReady}). */
  get ready(): boolean {
    return this.notReadyRefusal === undefined;
  }

  /**
   * Blind transfer: REFER the current call to `target` (number, user, `user@host` or SIP URI).
   * Resolves once the transferee reached the target (NOTIFY 2xx, or no final NOTIFY within
   * `transferTimeoutMs`); the call then ends `transferred`. Rejects with `transfer-failed` (and
   * the status) when refused: the customer's call is kept and resumed.
   */
  transfer(target: string): Promise<void> {
    this.requireCall('transfer()');
    return this.line('transfer()', 'transfer-failed').then((line) => line.blindTransfer(target));
  }

  /** Puts the current call on hold and calls `target` on a second line (events: `consult-updated`). */
  consult(target: string): Promise<void> {
    this.requireCall('consult()');
    return this.line('consult()', 'call-failed').then((line) => line.consult(target));
  }

  /** Attended transfer: REFER with Replaces (RFC 3891) hands the customer to the consulted party; both calls end `transferred`. */
  completeTransfer(): Promise<void> {
    return this.line('completeTransfer()', 'transfer-failed').then((line) => line.completeTransfer());
  }

  /** Hangs up the consult call and returns to the customer (resumed). Also ends a conference. */
  cancelTransfer(): Promise<void> {
    return this.line('cancelTransfer()', 'no-consult-call').then((line) => line.cancelTransfer());
  }

  /** Three-party conference mixed in the browser: customer and consulted party hear each other and the agent. */
  conference(): Promise<void> {
    return this.line('conference()', 'conference-failed').then((line) => line.conference());
  }

  /** The consult call (second line), if any. */
  get consultCall(): CallSnapshot | undefined {
    return this.secondLine?.call?.snapshot();
  }

  /** Whether the browser-mixed conference is running. */
  get inConference(): boolean {
    return this.secondLine?.conferenceActive === true;
  }

  /** Hangs up, unregisters, removes the audio elements and forgets every listener. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    await this.unregister().catch(() => undefined);
    this.disposed = true;
    await this.audio.dispose();
    this.events.clear();
  }

  private onInvite(invitation: Invitation): void {
    const busy = this.disposed || (this.activeCall !== undefined && this.activeCall.currentPhase !== 'ended') || this.secondLine?.call !== undefined;
    takeInvitation(this.lines, invitation, busy ? 486 : this.notReadyRefusal, (info) => this.startCall(invitation, info));
  }

  /** A call on the main line (it becomes the current call) or the consult line (./call-lines.ts). */
  private startCall(session: Session, info: IncomingCallInfo, line: 'main' | 'consult' = 'main'): PhoneCall {
    const call = lineCall(this.lines, session, info, line);
    if (line === 'main') this.activeCall = call;
    return call;
  }

  private onTransportLost(): void {
    const call = this.activeCall;
    if (!call || call.currentPhase === 'ended') return;
    call.markAtRisk();
    this.events.emit('call-transport-lost', call.snapshot());
  }

  private stopRinging(): void {
    if (!this.audio.ringing) return;
    this.audio.stopRinging();
    this.events.emit('ringing', false);
  }

  /** The second line, once the call-only code is in (normally already: it loads after REGISTER 200). */
  private async line(what: string, code: SipPhoneErrorCode): Promise<SecondLine> {
    await this.parts.need(what, code);
    if (!this.secondLine) throw new SipPhoneError(code, `${what}: the second line is missing after its code loaded (expected it built on arrival).`);
    return this.secondLine;
  }

  private requireCall(what: string): PhoneCall {
    if (this.disposed) throw this.disposedError(what);
    if (!this.activeCall) throw new SipPhoneError('no-call', `${what}: there is no call (expected an incoming or established call).`);
    return this.activeCall;
  }

  private disposedError(what: string): SipPhoneError {
    return new SipPhoneError('disposed', `${what} on a disposed SipPhone: create a new one.`);
  }
}
