import { Inviter, UserAgent } from 'sip.js';
import { describeValue } from '../shared/errors.ts';
import { callTargetUri, outgoingCallInfo } from './call-target.ts';
import { referAndFollow, replacesTarget, type ReferOutcome } from './call-transfer.ts';
import { ConferenceMixer } from './conference-mixer.ts';
import { SipPhoneError } from './errors.ts';
import type { IncomingCallInfo } from './incoming-call.ts';
import type { PhoneCall } from './phone-call.ts';
import type { RemoteAudio } from './remote-audio.ts';
import type { SipPhoneEvents, TransferProgress } from './types.ts';

/** What the second line needs from the phone that owns it. */
export interface SecondLineHost {
  readonly sipDomain: string;
  readonly transferTimeoutMs: number;
  /** The main call (the customer), if any. */
  mainCall(): PhoneCall | undefined;
  /** The registered UserAgent, or undefined (then `not-registered`). */
  userAgent(): UserAgent | undefined;
  /** Wraps an outgoing session as the consult call (its events go to `consultEnded`/`consult-updated`). */
  startConsult(inviter: Inviter, info: IncomingCallInfo): PhoneCall;
  /** Plays the main call's audio again (after the consult call ended). */
  replayMain(): void;
  readonly consultAudio: RemoteAudio;
  emit<Name extends keyof SipPhoneEvents>(name: Name, ...args: Parameters<SipPhoneEvents[Name]>): void;
}

/**
 * The second line of the SIP platform: blind transfer, a consult call, attended transfer,
 * a browser-mixed three-party conference, and the way back to the customer.
 *
 * ```
 *  main up ──transfer(target)──► REFER ──2xx NOTIFY──► main ended "transferred"
 *     │                              └──refused / failed──► main still up (resumed if held)
 *     └──consult(target)──► main on hold, consult calling ──200──► consult up
 *            consult up ──completeTransfer()──► REFER+Replaces on main ──2xx──► both ended
 *            consult up ──cancelTransfer()/consult ends──► consult hung up, main resumed
 *            consult up ──conference()──► main resumed, mix running ──either leg ends──► mix stopped
 * ```
 */
export class SecondLine {
  private consultCall: PhoneCall | undefined;
  private mixer: ConferenceMixer | undefined;
  private completing = false;
  /** The way back to the customer after the consult call ended, while it runs (awaited by cancelTransfer). */
  private returning: Promise<void> | undefined;

  constructor(private readonly host: SecondLineHost) {}

  /** The consult call, if any (not ended). */
  get call(): PhoneCall | undefined {
    return this.consultCall;
  }

  get conferenceActive(): boolean {
    return this.mixer?.active === true;
  }

  /** Mutes the agent in the conference mix instead of the senders (which carry the other remote too). */
  setMicrophoneEnabled(enabled: boolean): boolean {
    if (!this.mixer?.active) return false;
    this.mixer.setMicrophoneEnabled(enabled);
    return true;
  }

  /** Blind transfer: REFER the main call to `target`; on success the call ends `transferred`. */
  async blindTransfer(target: string): Promise<void> {
    const main = this.requireMain('transfer()');
    const uri = this.targetUri('transfer()', target);
    const outcome = await referAndFollow(main.sipSession, uri, this.host.transferTimeoutMs, () => this.progress('accepted', `REFER to ${uri.toString()} accepted`));
    this.finishTransfer(main, outcome, uri.toString());
    if (!outcome.ok) {
      if (main.snapshot().onHold) await main.setHold(false).catch(() => undefined);
      throw this.transferError('transfer()', outcome);
    }
    if (main.currentPhase !== 'ended') await main.hangUp();
  }

  /** Holds the main call and calls `target` on the second line; resolves once the INVITE is out. */
  async consult(target: string): Promise<void> {
    const main = this.requireMain('consult()');
    if (this.consultCall) throw new SipPhoneError('call-in-progress', `consult(${describeValue(target)}): a consult call is already ${this.consultCall.currentPhase} (expected none: cancelTransfer() first).`);
    const uri = this.targetUri('consult()', target);
    const userAgent = this.host.userAgent();
    if (!userAgent) throw new SipPhoneError('not-registered', `consult(${describeValue(target)}): the phone is not registered (expected registered).`);
    if (!main.snapshot().onHold) await main.setHold(true);
    const inviter = new Inviter(userAgent, uri);
    const call = this.host.startConsult(inviter, outgoingCallInfo(inviter.request.callId, uri.toString()));
    this.consultCall = call;
    try {
      await call.dial();
    } catch (error) {
      this.consultCall = undefined;
      await main.setHold(false).catch(() => undefined);
      throw error;
    }
  }

  /** Attended transfer: REFER the customer to the consulted party with Replaces; both our calls end. */
  async completeTransfer(): Promise<void> {
    const main = this.requireMain('completeTransfer()');
    const consult = this.requireConsultUp('completeTransfer()');
    await this.stopConference();
    this.completing = true;
    const outcome = await referAndFollow(main.sipSession, replacesTarget(consult.sipSession), this.host.transferTimeoutMs, () => this.progress('accepted', 'REFER with Replaces accepted'));
    this.completing = false;
    this.finishTransfer(main, outcome, consult.info.callerNumber);
    if (!outcome.ok) throw this.transferError('completeTransfer()', outcome);
    consult.markTransferred(main.info.callerNumber);
    // The target's stack normally ends the consult dialog (Replaces) and the transferee ours.
    await Promise.all([consult.hangUp().catch(() => undefined), main.currentPhase === 'ended' ? undefined : main.hangUp().catch(() => undefined)]);
  }

  /** Hangs up the consult call (or the conference's second leg) and returns to the customer. */
  async cancelTransfer(): Promise<void> {
    const consult = this.consultCall;
    if (!consult) throw new SipPhoneError('no-consult-call', 'cancelTransfer(): there is no consult call (expected one started by consult()).');
    await consult.hangUp();
    // The call's `ended` hook (consultEnded) starts the way back; wait for it rather than racing it
    // with a second resume re-INVITE (sip.js refuses one while the other is in progress).
    await this.returning;
  }

  /** Joins the held customer and the consulted party: the browser mixes both legs (see ConferenceMixer). */
  async conference(): Promise<void> {
    const main = this.requireMain('conference()');
    const consult = this.requireConsultUp('conference()');
    if (this.mixer?.active) return;
    if (main.snapshot().onHold) await main.setHold(false);
    const mixer = new ConferenceMixer(main.callMedia, consult.callMedia);
    await mixer.start();
    this.mixer = mixer;
    this.host.emit('conference', true);
  }

  /** The consult call ended (hung up by either side, refused): stop the mix and go back to the customer. */
  async consultEnded(call: PhoneCall): Promise<void> {
    if (call !== this.consultCall) return;
    this.consultCall = undefined;
    this.host.consultAudio.stop();
    if (this.completing) return;
    this.returning = this.returnToMain().finally(() => {
      this.returning = undefined;
    });
    await this.returning;
  }

  /** The main call ended: a conference stops; the consult call, if any, stays up for the agent to end. */
  async mainEnded(): Promise<void> {
    await this.stopConference();
  }

  private async returnToMain(): Promise<void> {
    await this.stopConference();
    const main = this.host.mainCall();
    if (main?.currentPhase === 'established' && main.snapshot().onHold) await main.setHold(false).catch((error: unknown) => this.host.emit('error', error instanceof SipPhoneError ? error : new SipPhoneError('hold-failed', String(error))));
    this.host.replayMain();
  }

  private async stopConference(): Promise<void> {
    const mixer = this.mixer;
    if (!mixer) return;
    this.mixer = undefined;
    await mixer.stop();
    this.host.emit('conference', false);
  }

  private finishTransfer(main: PhoneCall, outcome: ReferOutcome, target: string): void {
    if (outcome.ok) main.markTransferred(target);
    this.progress(outcome.ok ? 'completed' : 'failed', outcome.detail);
  }

  private progress(state: TransferProgress, detail: string): void {
    this.host.emit('transfer', state, detail);
  }

  private transferError(what: string, outcome: Extract<ReferOutcome, { ok: false }>): SipPhoneError {
    return new SipPhoneError('transfer-failed', `${what}: ${outcome.detail}; the customer's call is kept (expected the target to accept the transfer).`, outcome.statusCode === null ? {} : { statusCode: outcome.statusCode });
  }

  private targetUri(what: string, target: string) {
    const uri = UserAgent.makeURI(callTargetUri(target, this.host.sipDomain));
    if (!uri) throw new SipPhoneError('invalid-target', `${what}: ${describeValue(target)} is not a valid SIP target (expected a number, user or sip: URI).`);
    return uri;
  }

  private requireMain(what: string): PhoneCall {
    const main = this.host.mainCall();
    if (main?.currentPhase !== 'established') throw new SipPhoneError('no-call', `${what}: there is no established call (expected the customer's call to be up).`);
    return main;
  }

  private requireConsultUp(what: string): PhoneCall {
    const consult = this.consultCall;
    if (consult?.currentPhase !== 'established') {
      throw new SipPhoneError('no-consult-call', `${what}: the consult call is ${consult?.currentPhase ?? 'absent'} (expected it established: consult() and wait for the answer).`);
    }
    return consult;
  }
}
