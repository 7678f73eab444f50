/**
 * The agent's phone on the `sip` platform: the same sip.js phone, with two differences the
 * machine needs (docs/sip-platform.md "How the machine sees a sip call"):
 *
 * - every INVITE first goes to the platform adapter (`SipPlatform.offered`), which announces the
 *   call and its pop data, so the record pops by CRM id before the phone rings;
 * - the browser's own INVITE (the agent's dial) is shown to the machine as the dial's leg — what
 *   Neotel's platform leg is — already answered by the agent who placed it: an `incoming` event
 *   marked as a platform leg with answer-after 0, `answer()` a no-op for it, the far end's 200 OK
 *   its `established`, and a refusal (486, 404…) a remote end.
 *
 * Everything else is the phone itself.
 */
import type { CallEndReason, CallSnapshot, SipPhoneEvents } from '../sip/index.ts';
import type { SipLine, SipPlatform } from '../platforms/sip/sip-platform.ts';
import type { LazyPhone } from './lazy-phone.ts';
import type { PhoneLike } from './phone-bridge.ts';


export class SipAgentPhone implements PhoneLike, SipLine {
  private readonly listeners = new Map<keyof SipPhoneEvents, Set<(...args: never[]) => void>>();
  /** The SIP Call-ID of the agent's dial not yet shown to the machine. */
  private dialPending = false;
  /** Calls the machine knows about (announced outgoing dials and incoming INVITEs). */
  private readonly shown = new Set<string>();
  private readonly offs: (() => void)[];

  constructor(
    private readonly inner: LazyPhone,
    private readonly platform: Pick<SipPlatform, 'offered' | 'started' | 'ended'>,
  ) {
    this.offs = [
      inner.on('incoming', (call, autoAnswer) => {
        this.shown.add(call.sipCallId);
        this.platform.offered(call);
        this.emit('incoming', call, autoAnswer);
      }),
      inner.on('established', (call) => {
        this.announce(call);
        if (this.shown.has(call.sipCallId)) this.platform.started(call);
        this.emit('established', call);
      }),
      inner.on('call-updated', (call) => {
        this.announce(call);
        this.emit('call-updated', call);
      }),
      inner.on('ended', (call, reason, detail) => this.onEnded(call, reason, detail)),
      inner.on('registration', (state, error) => this.emit('registration', state, error)),
      inner.on('error', (error) => this.emit('error', error)),
    ];
  }

  on<Name extends keyof SipPhoneEvents>(name: Name, listener: SipPhoneEvents[Name]): () => void {
    const set = this.listeners.get(name) ?? new Set();
    this.listeners.set(name, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  get state(): PhoneLike['state'] {
    return this.inner.state;
  }

  get currentCall(): CallSnapshot | undefined {
    return this.inner.currentCall;
  }

  get consultCall(): CallSnapshot | undefined {
    return this.inner.loadedPhone('consultCall').consultCall;
  }

  get dtmfViaPlatform(): boolean {
    return this.inner.dtmfViaPlatform;
  }

  async call(target: string, options: { readonly customerCall: boolean }): Promise<void> {
    this.dialPending = options.customerCall;
    try {
      await this.inner.loadedPhone('call()').call(target);
    } catch (error) {
      this.dialPending = false;
      throw error;
    }
    const call = this.inner.currentCall;
    if (call) this.announce(call);
  }

  /** The agent's own dial is answered by the far end, not by us: nothing to do. */
  answer(): Promise<void> {
    return this.inner.currentCall?.direction === 'outgoing' ? Promise.resolve() : this.inner.answer();
  }

  /** "Decline" of the agent's own ringing dial = cancel it. */
  reject(statusCode?: 486 | 480): Promise<void> {
    return this.inner.currentCall?.direction === 'outgoing' ? this.inner.hangUp() : this.inner.reject(statusCode);
  }

  setReady(ready: boolean, refusal?: 486 | 480): void {
    this.inner.loadedPhone('setReady()').setReady(ready, refusal);
  }

  transfer(target: string): Promise<void> {
    return this.inner.loadedPhone('transfer()').transfer(target);
  }

  consult(target: string): Promise<void> {
    return this.inner.loadedPhone('consult()').consult(target);
  }

  completeTransfer(): Promise<void> {
    return this.inner.loadedPhone('completeTransfer()').completeTransfer();
  }

  cancelTransfer(): Promise<void> {
    return this.inner.loadedPhone('cancelTransfer()').cancelTransfer();
  }

  conference(): Promise<void> {
    return this.inner.loadedPhone('conference()').conference();
  }

  register(): Promise<void> {
    return this.inner.register();
  }

  unregister(): Promise<void> {
    return this.inner.unregister();
  }

  hangUp(): Promise<void> {
    return this.inner.hangUp();
  }

  hold(): Promise<void> {
    return this.inner.hold();
  }

  resume(): Promise<void> {
    return this.inner.resume();
  }

  mute(): void {
    this.inner.mute();
  }

  unmute(): void {
    this.inner.unmute();
  }

  sendDtmf(digits: string): Promise<void> {
    return this.inner.sendDtmf(digits);
  }

  setMicrophone(deviceId: string | undefined): Promise<void> {
    return this.inner.setMicrophone(deviceId);
  }

  setSpeaker(deviceId: string): Promise<void> {
    return this.inner.setSpeaker(deviceId);
  }

  setRinger(deviceId: string): Promise<void> {
    return this.inner.setRinger(deviceId);
  }

  async dispose(): Promise<void> {
    for (const off of this.offs) off();
    await this.inner.dispose();
  }

  /** Shows the agent's dial to the machine once, before any other event of it (200 OK may be fast). */
  private announce(call: CallSnapshot): void {
    if (call.direction !== 'outgoing' || !this.dialPending || this.shown.has(call.sipCallId)) return;
    this.dialPending = false;
    this.shown.add(call.sipCallId);
    this.emit('incoming', { ...call, leg: 'platform', answerAfterSeconds: 0 }, false);
  }

  private onEnded(call: CallSnapshot, reason: CallEndReason, detail?: string): void {
    this.announce(call);
    if (!this.shown.delete(call.sipCallId)) {
      // A supervision call the machine never saw: nothing to end there.
      this.emit('ended', call, reason, detail);
      return;
    }
    this.platform.ended(call);
    // The far end refusing our INVITE (486, 404…) ended the call from there, not by the agent.
    if (call.direction === 'outgoing' && reason === 'refused') this.emit('ended', call, 'remote-hangup', detail ?? `refused ${call.finalStatusCode ?? ''}`.trim());
    else this.emit('ended', call, reason, detail);
  }

  private emit<Name extends keyof SipPhoneEvents>(name: Name, ...args: Parameters<SipPhoneEvents[Name]>): void {
    const set = this.listeners.get(name) as Set<(...a: Parameters<SipPhoneEvents[Name]>) => void> | undefined;
    for (const listener of set ?? []) listener(...args);
  }
}
