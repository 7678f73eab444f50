/**
 * `ready`: logged in, no call. Calls start here: a manual dial, an INVITE (queue call, platform
 * leg), or platform status showing a call or a delivered contact before the INVITE arrives.
 */
import { newCall, type CallDirection } from '../call-facts.ts';
import { deliverContact } from '../call-end.ts';
import type { MachineContext } from '../context.ts';
import type { Effect } from '../effects.ts';
import type { AgentEvent, PlatformCallStarted, SipIncoming } from '../events.ts';
import { accept, ignore, issue, isPending, refuse, type TransitionResult } from '../outcome.ts';
import type { Dialing, Ready, Ringing } from '../state.ts';
import { startLogout } from './session-lifecycle.ts';
import { unhandled } from '../unhandled.ts';

/** Whether an INVITE is the platform's own leg (dial, dialer), which may be answered automatically. */
export function isPlatformLeg(event: SipIncoming): boolean {
  return event.leg === 'platform' || event.answerAfterZero;
}

/** What ringing a fresh leg does: answer it at once, or ring and pop the caller by number. */
export function ringLeg(state: Ringing): { state: Ringing; effects: Effect[] } {
  if (state.autoAnswer && state.call.legId !== null) {
    return { state: { ...state, answering: true }, effects: [{ kind: 'sip', action: 'answer', legId: state.call.legId }] };
  }
  // Platform legs pop when platform status delivers the contact: their From is not a reliable key.
  const popByNumber = !state.call.platformLeg && state.call.popped === 'none' && state.call.number !== null;
  const call = popByNumber ? { ...state.call, popped: 'number' as const } : state.call;
  const effects: Effect[] = [{ kind: 'ringer', on: true }];
  if (popByNumber) effects.push({ kind: 'screenPop', call });
  return { state: { ...state, call }, effects };
}

/** An INVITE while ready: a queued inbound call, or a platform leg (dialer, a dial made elsewhere). */
export function incomingWhileReady(state: Ready, event: SipIncoming, context: MachineContext): TransitionResult {
  const platformLeg = isPlatformLeg(event);
  const direction: CallDirection = platformLeg ? 'dialer' : 'inbound';
  const call = newCall(direction, event.at, { legId: event.legId, callId: event.callId, number: event.from, callerName: event.fromName ?? null, queue: event.queue, ...(event.queueName ? { queueName: event.queueName } : {}), platformLeg });
  const ringing: Ringing = { ...state, phase: 'ringing', call, autoAnswer: platformLeg && context.config.autoAnswerPlatformLegs, answering: false };
  const rung = ringLeg(ringing);
  return accept(rung.state, rung.effects);
}

/** Maps platform status's call facts (`direction`, `call type`) to ours; `null` = keep what we know. */
export function directionOf(event: PlatformCallStarted): CallDirection | null {
  if (event.direction === 'inbound') return 'inbound';
  if (event.callType === 'Manual') return 'outbound';
  if (event.direction === 'outbound') return 'dialer';
  return null;
}

/** The platform status shows a call before its INVITE: offer it now, ring when the leg arrives. */
export function callSeenWhileReady(state: Ready, event: PlatformCallStarted): TransitionResult {
  const call = newCall(directionOf(event) ?? 'inbound', event.at, {
    callId: event.callId,
    number: event.number,
    queue: event.queue,
    campaign: event.campaign,
    ivrData: event.clave,
    platformData: event.platformData ?? null,
  });
  return accept({ ...state, phase: 'ringing', call, autoAnswer: false, answering: false });
}

/** Handles an event in `ready`. */
export function ready(state: Ready, event: AgentEvent, context: MachineContext): TransitionResult {
  switch (event.kind) {
    case 'dial': {
      if (!/\d/.test(event.number)) {
        return refuse('INVALID_ARGUMENT', `Cannot dial ${JSON.stringify(event.number)}: it has no digits.`, 'Type or pick a phone number.');
      }
      if (state.phone !== 'registered') {
        return refuse('PHONE_NOT_REGISTERED', `Cannot dial while the phone is ${state.phone}.`, 'Wait for the phone to register: the platform rings your phone first.');
      }
      if (isPending(state, 'dial')) return refuse('OPERATION_PENDING', 'A dial is already in progress.', 'Wait for it to ring or fail.');
      // A manual dial pops by the dialled number now, once: its platform leg (whose From is not
      // the customer) does not pop again. A dial with a contact came from a record (click-to-dial).
      const contact = event.contact ?? null;
      const call = newCall('outbound', event.at, { number: event.number, contact, popped: contact === null ? 'number' : 'none' });
      const dialing: Dialing = { ...state, phase: 'dialing', call, hangUpRequested: false };
      const sent = issue(dialing, 'dial', { command: 'dial', agent: state.session.user, number: event.number });
      const pop: Effect[] = contact === null ? [{ kind: 'screenPop', call: sent.state.call }] : [];
      return accept(sent.state, [sent.effect, ...pop]);
    }
    case 'sipIncoming':
      return incomingWhileReady(state, event, context);
    case 'platformCallStarted':
      return callSeenWhileReady(state, event);
    case 'contactDelivered': {
      // The contact of a call already over (and wrapped up, since the agent is ready): no call to offer.
      if (event.afterCall === true) return ignore(state);
      const direction: CallDirection = event.direction === 'inbound' ? 'inbound' : 'dialer';
      const ringing: Ringing = { ...state, phase: 'ringing', call: newCall(direction, event.at, { callId: event.callId }), autoAnswer: false, answering: false };
      const delivered = deliverContact(ringing, event);
      return accept(delivered.state, delivered.effects);
    }
    case 'logout':
      return startLogout(state, []);
    default:
      return unhandled(state, event);
  }
}
