import type { Invitation, Session } from 'sip.js';
import { DEFAULT_DTMF_TIMING } from './dtmf-timing.ts';
import { SipPhoneError } from './errors.ts';
import { parseIncomingCall, shouldAutoAnswer, type IncomingCallInfo } from './incoming-call.ts';
import type { LazyCallParts } from './lazy-call-parts.ts';
import type { PhoneAudio } from './phone-audio.ts';
import { PhoneCall } from './phone-call.ts';
import type { TypedEvents } from './typed-events.ts';
import type { NotReadyRefusal, SipPhoneEvents, SipPhoneOptions } from './types.ts';

/** What a call line needs from the phone that owns it. */
export interface CallLinesHost {
  readonly options: SipPhoneOptions;
  readonly audio: PhoneAudio;
  /** The call-only code, loaded after REGISTER 200 (./lazy-call-parts.ts). */
  readonly parts: LazyCallParts;
  readonly events: TypedEvents<SipPhoneEvents>;
  stopRinging(): void;
  /** The main call ended (reported after this): forget it and stop a conference. */
  mainEnded(call: PhoneCall): void;
  /** The consult call ended: go back to the customer (SecondLine.consultEnded). */
  consultEnded(call: PhoneCall): void;
}

/**
 * Wraps a session as a call on one of the phone's two lines, wired to its events: the main line
 * (incoming, or `call()`) reports through `established`/`call-updated`/`ended` and plays on the
 * main `<audio>` element; the consult line (`consult()`) through `consult-updated`, on its own.
 */
export function lineCall(host: CallLinesHost, session: Session, info: IncomingCallInfo, line: 'main' | 'consult'): PhoneCall {
  const { options, events } = host;
  const consult = line === 'consult';
  const audio = consult ? host.audio.consult : host.audio.main;
  return new PhoneCall(
    session,
    info,
    {
      constraints: () => host.audio.constraints(),
      iceGatheringTimeoutMs: options.connection.iceGatheringTimeoutMs,
      dtmfTiming: { ...DEFAULT_DTMF_TIMING, ...options.dtmfTiming },
      dtmfTransport: options.dtmfTransport ?? 'rfc4733',
      dtmfCode: () => host.parts.need('sendDtmf()', 'dtmf-unavailable'),
    },
    {
      established: (c) => {
        const play = () => {
          if (c.currentPhase === 'established') for (const track of c.remoteTracks()) audio.play(track);
        };
        // An incoming call's 200 OK just went out: its audio starts once the far end ACKs it.
        if (c.direction === 'incoming') onceAcked(c, play);
        else play();
        if (consult) {
          events.emit('consult-updated', c.snapshot());
          return;
        }
        host.stopRinging();
        events.emit('established', c.snapshot());
      },
      updated: (c) => events.emit(consult ? 'consult-updated' : 'call-updated', c.snapshot()),
      ended: (c, reason, detail) => {
        if (consult) {
          events.emit('consult-updated', c.snapshot());
          host.consultEnded(c);
          return;
        }
        host.stopRinging();
        host.audio.main.stop();
        host.mainEnded(c);
        events.emit('ended', c.snapshot(), reason, detail);
      },
      dtmfSent: (c, digit) => events.emit('dtmf-sent', c.snapshot(), digit),
      remoteTrack: (track) => audio.play(track),
    },
  );
}

/**
 * The longest the phone keeps its listeners waiting while it answers a call by itself: more than
 * an answer and one round trip take on a loaded agent PC, short enough that a lost ACK (or a
 * microphone that never opens) still shows the call within half a second.
 */
export const ANSWER_HOLD_MAX_MS = 500;

/**
 * The longest an answered call's audio waits for the ACK of its 200 OK. Media flows only once ICE
 * and DTLS are through, at least two round trips after the 200 OK, and the ACK comes after one:
 * the wait costs no sound, and it keeps the `<audio>` element's start (5–10 ms of main thread, the
 * media element's load) from delaying the ACK itself. The bound is for an ACK that never comes.
 */
export const ANSWER_AUDIO_MAX_WAIT_MS = 100;

/** Runs `then` once the far end ACKs `call`'s 200 OK (or the call ends), or after {@link ANSWER_AUDIO_MAX_WAIT_MS}. */
function onceAcked(call: PhoneCall, then: () => void): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    clearTimeout(cap);
    then();
  };
  const cap = setTimeout(run, ANSWER_AUDIO_MAX_WAIT_MS);
  void call.confirmed.then(run);
}

/**
 * Takes an incoming INVITE: refused with `refusal` (486 while busy, or the not-ready status —
 * never 603), else wrapped by `start` on the main line and either auto-answered (a platform leg,
 * when configured; the phone's events wait until that answer is ACKed) or rung. The `incoming`
 * event says which.
 */
export function takeInvitation(host: CallLinesHost, invitation: Invitation, refusal: NotReadyRefusal | undefined, start: (info: IncomingCallInfo) => PhoneCall): void {
  const { options, events } = host;
  if (refusal !== undefined) {
    void invitation.reject({ statusCode: refusal }).catch(() => undefined);
    return;
  }
  const info = parseIncomingCall({
    sipCallId: invitation.request.callId,
    header: (name) => invitation.request.getHeader(name),
    fromUser: invitation.remoteIdentity.uri.user,
    fromDisplayName: invitation.remoteIdentity.displayName,
    fromUri: invitation.remoteIdentity.uri.toString(),
  }, options.inviteHeaders ?? []);
  const call = start(info);
  const snapshot = call.snapshot();
  if (options.answersAtOnce ? options.answersAtOnce(snapshot) : shouldAutoAnswer(info, options.connection.autoAnswerPlatformLegs)) {
    // The answer alone on the main thread: the listeners (the app's machine, view and tabs) hear
    // of the call, and of everything after it in order, once the far end ACKs the 200 OK or the
    // call ends; so its media work, the 200 OK and the ACK never wait for them. At most
    // ANSWER_HOLD_MAX_MS, in case neither comes (sip.js would retransmit the 200 OK for 32 s).
    const release = events.hold();
    const cap = setTimeout(release, ANSWER_HOLD_MAX_MS);
    void call.confirmed.then(() => {
      clearTimeout(cap);
      release();
    });
    const answered = call.answer();
    events.emit('incoming', call.snapshot(), true);
    answered.catch((error: unknown) => events.emit('error', error instanceof SipPhoneError ? error : new SipPhoneError('answer-failed', String(error))));
    return;
  }
  // One 180 Ringing: sip.js already sent it before onInvite, unless the INVITE requires 100rel.
  if (!invitation.autoSendAnInitialProvisionalResponse) void invitation.progress().catch(() => undefined);
  // A leg the app answers at once must not start the ringer only to stop it milliseconds later.
  const silent = options.silentPlatformLegs === true && shouldAutoAnswer(info, true);
  if (!silent) {
    // Rings now even if the tone's code is still on the way: it starts when it arrives (./phone-audio.ts).
    host.audio.startRinging();
    if (!host.parts.loaded) host.parts.preload();
    events.emit('ringing', true);
  }
  events.emit('incoming', snapshot, false);
}
