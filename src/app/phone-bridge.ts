/**
 * Turns the SIP phone's events into the machine's facts, and the machine's SIP actions into phone
 * calls. The machine decides auto-answer, so one rule governs the UI, the Task and the audio: the
 * phone's own `autoAnswerPlatformLegs` is off, and instead it asks the machine's rule
 * (`answersAtOnce`, src/call/auto-answer.ts) inside the INVITE's task and answers a yes at once;
 * that leg reaches the machine as `sipIncoming` with `answering`. Any other INVITE rings.
 */
import { parseCallId, parseSipLegId, type AgentEvent, type EventOf, type SipAction } from '../call/index.ts';
import type { CallSnapshot, SipConnectionSettings, SipPhone, SipPhoneError } from '../sip/index.ts';
import { messageOf } from '../shared/errors.ts';
import { markLatest } from '../shared/latest-mark.ts';

/** The slice of {@link SipPhone} the app drives (tests pass a fake). */
export type PhoneLike = Pick<
  SipPhone,
  'on' | 'state' | 'currentCall' | 'register' | 'unregister' | 'answer' | 'reject' | 'hangUp' | 'hold' | 'resume' | 'mute' | 'unmute' | 'sendDtmf' | 'dispose' | 'setMicrophone' | 'setSpeaker' | 'setRinger' | 'dtmfViaPlatform'
>;

/** The phone's connection settings with the phone's own auto-answer switched off. */
export function phoneConnection(connection: SipConnectionSettings): SipConnectionSettings {
  return { ...connection, autoAnswerPlatformLegs: false };
}

/** The machine's `sipIncoming` for an INVITE the phone took; `answering` = the phone is answering it by itself. */
export function incomingEventOf(call: CallSnapshot, at: number, answering = false): EventOf<'sipIncoming'> | null {
  const legId = parseSipLegId(call.sipCallId);
  if (legId === null) return null;
  return {
    kind: 'sipIncoming',
    at,
    legId,
    callId: parseCallId(call.platformCallId),
    leg: call.leg,
    answerAfterZero: call.answerAfterSeconds === 0,
    from: call.callerNumber === 'anonymous' ? null : call.callerNumber,
    fromName: call.callerName,
    queue: null,
    ...(call.queueName ? { queueName: call.queueName } : {}),
    ...(answering ? { answering: true } : {}),
  };
}

/**
 * Subscribes to `phone` and feeds `dispatch` with the machine's SIP facts. Returns the
 * unsubscribe function.
 */
export function bridgePhoneEvents(phone: PhoneLike, dispatch: (event: AgentEvent) => void, now: () => number): () => void {
  let previous = phone.state;
  const offs = [
    phone.on('registration', (state, error) => {
      const at = now();
      const was = previous;
      previous = state;
      switch (state) {
        case 'registered':
          if (was === 'reconnecting') dispatch({ kind: 'sipTransportRecovered', at });
          dispatch({ kind: 'sipRegistered', at });
          return;
        case 'reconnecting':
          dispatch({ kind: 'sipTransportLost', at, cause: error?.code === 'registration-lost' ? 'registration' : 'transport' });
          return;
        case 'failed':
          dispatch({ kind: 'sipRegistrationFailed', at, reason: reasonOf(error) });
          return;
        case 'unregistered':
          dispatch({ kind: 'sipUnregistered', at });
          return;
        case 'registering':
          return;
      }
    }),
    phone.on('incoming', (call, autoAnswer) => {
      markLatest('dialtone:invite'); // read by bench/incoming-call.ts (INVITE → card ≤ 50 ms p95)
      const event = incomingEventOf(call, now(), autoAnswer);
      if (event !== null) dispatch(event);
    }),
    phone.on('established', (call) => {
      const legId = parseSipLegId(call.sipCallId);
      if (legId !== null) dispatch({ kind: 'sipAnswered', at: now(), legId });
    }),
    phone.on('call-updated', (call) => {
      const legId = parseSipLegId(call.sipCallId);
      if (legId === null) return;
      dispatch({ kind: 'sipHoldChanged', at: now(), legId, held: call.onHold });
      dispatch({ kind: 'sipMuteChanged', at: now(), legId, muted: call.muted });
    }),
    phone.on('ended', (call, reason, detail) => {
      const legId = parseSipLegId(call.sipCallId);
      if (legId === null) return;
      const by = reason === 'remote-hangup' || reason === 'cancelled' ? 'remote' : 'local';
      dispatch({ kind: 'sipEnded', at: now(), legId, by, reason: detail ?? reason });
    }),
    phone.on('error', (error) => {
      dispatch({ kind: 'sipActionFailed', at: now(), legId: parseSipLegId(phone.currentCall?.sipCallId), action: actionOf(error), message: error.message });
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}

/** Runs one SIP action of the machine; a failure comes back as `sipActionFailed`. */
export async function runSipAction(phone: PhoneLike, action: SipAction, dispatch: (event: AgentEvent) => void, now: () => number): Promise<void> {
  try {
    switch (action.action) {
      case 'register':
        await phone.register();
        return;
      case 'unregister':
        await phone.unregister();
        return;
      case 'answer':
        await phone.answer();
        return;
      case 'reject':
        await phone.reject(action.status);
        return;
      case 'hangup':
        await phone.hangUp();
        return;
      case 'hold':
        await phone.hold();
        return;
      case 'resume':
        await phone.resume();
        return;
      case 'mute':
        phone.mute();
        return;
      case 'unmute':
        phone.unmute();
        return;
      case 'dtmf':
        await phone.sendDtmf(action.digit);
        return;
    }
  } catch (error) {
    const message = messageOf(error);
    // Registration failures arrive as `registration: failed` events too; only report others here.
    if (action.action === 'register') return;
    dispatch({ kind: 'sipActionFailed', at: now(), legId: 'legId' in action ? action.legId : null, action: action.action, message });
  }
}

function reasonOf(error: SipPhoneError | undefined): string {
  return error === undefined ? 'registration failed' : `${error.code}: ${error.message}`;
}

function actionOf(error: SipPhoneError): string {
  return error.code === 'answer-failed' ? 'answer' : error.code;
}
