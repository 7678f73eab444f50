/**
 * Before the agent talks: `dialing` (dial sent, waiting for the platform leg) and `ringing` (a
 * leg rings, or platform status announced a call or a contact whose leg is on its way).
 */
import { NO_CONTROL } from '../call-control-types.ts';
import { concernsCall, mergeFacts, type CallFacts } from '../call-facts.ts';
import { callEnded, deliverContact, deliveryConcerns, ringerOn, sameContact, stopRinging } from '../call-end.ts';
import type { MachineContext } from '../context.ts';
import type { Effect } from '../effects.ts';
import type { AgentEvent } from '../events.ts';
import { accept, ignore, issue, notify, refuse, type TransitionResult } from '../outcome.ts';
import type { Connected, Dialing, Ringing } from '../state.ts';
import { directionOf, isPlatformLeg, ringLeg } from './ready.ts';
import { startLogout } from './session-lifecycle.ts';
import { unhandled } from '../unhandled.ts';

/** The state with `call` as its record, or the same state when the facts added nothing new. */
export function withFacts(state: Dialing | Ringing | Connected, call: CallFacts): TransitionResult {
  return call === state.call ? ignore(state) : accept({ ...state, call });
}

/** logout during a call: refused unless confirmed, then the leg is dropped and the call logged. */
export function logoutDuringCall(state: Dialing | Ringing | Connected, force: boolean, at: number): TransitionResult {
  if (!force) {
    return refuse('CALL_IN_PROGRESS', `Logging out now would end the ${state.phase} call.`, 'Hang up first, or confirm the logout (force) to end the call.');
  }
  const effects: Effect[] = [...stopRinging(state)];
  if (state.call.legId !== null) effects.push({ kind: 'sip', action: 'hangup', legId: state.call.legId });
  const call = { ...state.call, endedAt: at, endedBy: 'local' as const };
  if (call.callId !== null || call.legId !== null) effects.push({ kind: 'logCall', call, final: true });
  return startLogout(state, effects);
}

/** A leg for a call we expect (dial's platform leg, a delivered contact's leg): attach and ring. */
function attachLeg(state: Dialing | Ringing, event: Extract<AgentEvent, { kind: 'sipIncoming' }>, context: MachineContext): TransitionResult {
  const platformLeg = state.phase === 'dialing' || isPlatformLeg(event);
  const call = mergeFacts(state.call, { legId: event.legId, callId: state.call.callId ?? event.callId, queue: event.queue, queueName: event.queueName, number: state.call.number ?? event.from, platformLeg });
  const ringing: Ringing = { ...state, phase: 'ringing', call, autoAnswer: platformLeg && context.config.autoAnswerPlatformLegs, answering: false };
  const rung = ringLeg(ringing);
  return accept(rung.state, rung.effects);
}

/** A second INVITE while this one is up: Neotel gives one call at a time, so answer busy. */
function busy(state: Dialing | Ringing | Connected, event: Extract<AgentEvent, { kind: 'sipIncoming' }>): TransitionResult {
  if (state.call.legId === event.legId) return ignore(state);
  return accept(state, [{ kind: 'sip', action: 'reject', legId: event.legId, status: 486 }, notify('callRejectedBusy', 'info', event.from)]);
}

/** Handles an event in `dialing`. */
export function dialing(state: Dialing, event: AgentEvent, context: MachineContext): TransitionResult {
  switch (event.kind) {
    case 'sipIncoming':
      // The platform rings the agent first; a queued call cannot be it (dial made us busy).
      if (event.leg === 'queue' || !concernsCall(state.call, event.callId)) return busy(state, event);
      // The agent cancelled before the leg came: decline it rather than auto-answer a call they dropped.
      if (state.hangUpRequested) return accept(state, [{ kind: 'sip', action: 'reject', legId: event.legId, status: 486 }]);
      return attachLeg(state, event, context);
    case 'platformCallStarted':
      if (!concernsCall(state.call, event.callId)) return ignore(state);
      return withFacts(state, mergeFacts(state.call, { callId: event.callId, campaign: event.campaign, queue: event.queue }));
    case 'contactDelivered': {
      if (!deliveryConcerns(state.call, event) || sameContact(state.call.contact, event.contact)) return ignore(state);
      const delivered = deliverContact(state, event);
      return accept(delivered.state, delivered.effects);
    }
    case 'platformCallEnded': {
      if (state.call.callId !== event.callId) return ignore(state);
      const ended = callEnded(state, state.hangUpRequested ? 'local' : 'remote', event.at, context);
      return accept(ended.state, ended.effects);
    }
    case 'hangUp': {
      if (state.hangUpRequested) return refuse('OPERATION_PENDING', 'The dial is already being cancelled.', 'Wait for the platform to end it.');
      const sent = issue({ ...state, hangUpRequested: true }, 'hangUp', { command: 'hangUp', agent: state.session.user });
      return accept(sent.state, [sent.effect]);
    }
    case 'logout':
      return logoutDuringCall(state, event.force, event.at);
    default:
      return unhandled(state, event);
  }
}

/** Handles an event in `ringing`. */
export function ringing(state: Ringing, event: AgentEvent, context: MachineContext): TransitionResult {
  const legId = state.call.legId;
  switch (event.kind) {
    case 'sipIncoming':
      if (legId === null && concernsCall(state.call, event.callId)) return attachLeg(state, event, context);
      return busy(state, event);
    case 'answer':
      if (legId === null) return refuse('NOT_RINGING', 'The call has not reached the phone yet.', 'Wait for the phone to ring, then answer.');
      if (state.call.endedBy === 'rejected') return refuse('NOT_RINGING', 'The call was already declined.', 'Wait for the next call.');
      if (state.answering) return refuse('OPERATION_PENDING', 'The call is already being answered.', 'Wait for the audio to connect.');
      return accept({ ...state, answering: true }, [...stopRinging(state), { kind: 'sip', action: 'answer', legId }]);
    case 'reject':
      if (legId === null) return refuse('NOT_RINGING', 'The call has not reached the phone yet.', 'Wait for the phone to ring, then reject.');
      if (state.call.endedBy === 'rejected') return refuse('NOT_RINGING', 'The call was already declined.', 'Wait for it to end.');
      // The answer is on its way (the agent's, or automatic): declining now would race it.
      if (state.answering) return refuse('OPERATION_PENDING', 'The call is already being answered.', 'Wait for the audio to connect, then hang up.');
      return accept({ ...state, answering: false, autoAnswer: false, call: { ...state.call, endedBy: 'rejected' } }, [
        ...stopRinging(state),
        { kind: 'sip', action: 'reject', legId, status: 486 },
      ]);
    case 'sipAnswered': {
      if (legId !== event.legId) return ignore(state);
      const connected: Connected = { ...state, phase: 'connected', call: { ...state.call, answeredAt: event.at }, held: false, muted: false, hangUpRequested: false, control: NO_CONTROL };
      return accept(connected, ringerOn(state) ? [{ kind: 'ringer', on: false }] : []);
    }
    case 'sipEnded': {
      if (legId !== event.legId) return ignore(state);
      const by = state.call.endedBy === 'rejected' || event.by === 'local' ? 'rejected' : 'remote';
      const ended = callEnded(state, by, event.at, context);
      return accept(ended.state, ended.effects);
    }
    case 'sipActionFailed':
      if (event.action !== 'answer' || event.legId !== legId) return accept(state, [notify('sipActionFailed', 'error', event.message)]);
      // Auto-answer (or the agent's answer) failed: let the agent try by hand.
      return accept({ ...state, answering: false, autoAnswer: false }, [notify('sipActionFailed', 'error', event.message), { kind: 'ringer', on: true }]);
    case 'platformCallStarted': {
      if (!concernsCall(state.call, event.callId)) return ignore(state);
      const direction = directionOf(event);
      const facts = { callId: event.callId, number: event.number, queue: event.queue, campaign: event.campaign, ivrData: event.clave, platformData: event.platformData };
      return withFacts(state, mergeFacts(state.call, direction === null || state.call.contact !== null ? facts : { ...facts, direction }));
    }
    case 'contactDelivered': {
      if (!deliveryConcerns(state.call, event) || sameContact(state.call.contact, event.contact)) return ignore(state);
      const delivered = deliverContact(state, event);
      return accept(delivered.state, delivered.effects);
    }
    case 'platformCallEnded': {
      if (state.call.callId !== event.callId) return ignore(state);
      // The caller gave up in the queue; if no CANCEL reached the phone, drop the leg ourselves
      // (unless the agent already declined it: the leg is going, and the call stays "rejected").
      const rejected = state.call.endedBy === 'rejected';
      const cleanup: Effect[] = legId === null || rejected ? [] : [{ kind: 'sip', action: 'hangup', legId }];
      const ended = callEnded(state, rejected ? 'rejected' : 'platform', event.at, context, cleanup);
      return accept(ended.state, ended.effects);
    }
    case 'logout':
      return logoutDuringCall(state, event.force, event.at);
    default:
      return unhandled(state, event);
  }
}
