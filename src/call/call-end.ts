/**
 * What happens around a call's edges, shared by every phase that has a call: a contact delivered
 * mid-way, the ringer, and the end of the call (wrap-up or straight back to ready).
 */
import { concernsCall, endCall, mergeFacts, type CallEndCause, type CallFacts, type DeliveredContact } from './call-facts.ts';
import type { MachineContext } from './context.ts';
import type { Effect } from './effects.ts';
import type { ContactDelivered } from './events.ts';
import { issue } from './outcome.ts';
import type { AgentState, CallState, Dialing, Ready, Ringing, Session, WrapUp } from './state.ts';

/**
 * Whether the ringtone is playing: a leg rings, nobody answered or declined it, and it is not
 * auto-answered. A declined leg stays `ringing` until its end arrives, but its ringer is off.
 */
export function ringerOn(state: AgentState): boolean {
  return state.phase === 'ringing' && state.call.legId !== null && !state.autoAnswer && !state.answering && state.call.endedBy !== 'rejected';
}

/** Effects that silence the ringtone when leaving `state`. */
export function stopRinging(state: AgentState): Effect[] {
  return ringerOn(state) ? [{ kind: 'ringer', on: false }] : [];
}

/** A call worth a Task: the platform or the phone knew it (a dial refused outright is not). */
export function isLoggable(call: CallFacts): boolean {
  return call.callId !== null || call.legId !== null;
}

/** The Task effect for the call, when it is worth one. */
export function logCall(call: CallFacts, final: boolean): Effect[] {
  return isLoggable(call) ? [{ kind: 'logCall', call, final }] : [];
}

/**
 * Whether a delivered contact is for `call`. A contact named after its call was over
 * (`afterCall`) belongs to that call only, by id: it never attaches to a call not numbered yet.
 */
export function deliveryConcerns(call: CallFacts, event: ContactDelivered): boolean {
  return event.afterCall === true ? event.callId !== null && call.callId === event.callId : concernsCall(call, event.callId);
}

/** Whether two deliveries are the same record (the poller may repeat one after a reconnect). */
export function sameContact(a: DeliveredContact | null, b: DeliveredContact): boolean {
  return a !== null && a.base === b.base && a.contactId === b.contactId && a.data === b.data;
}

/**
 * Applies a platform status delivery to the current call: remember the record, pop it (the contact is a
 * better key than the number, so it pops even after a pop by number) and tell the platform the
 * record is on screen so the dialer holds further calls.
 */
export function deliverContact<S extends CallState>(state: S, event: ContactDelivered): { state: S; effects: Effect[] } {
  const direction = event.direction === 'inbound' ? 'inbound' : state.call.direction === 'outbound' ? 'outbound' : 'dialer';
  const call = mergeFacts(state.call, {
    contact: event.contact,
    callId: state.call.callId ?? event.callId,
    number: state.call.number ?? event.contact.phone,
    direction,
    popped: 'contact',
  });
  const shown = issue({ ...state, call }, 'showingContact', { command: 'showingContact', agent: state.session.user, contact: event.contact });
  return { state: shown.state, effects: [{ kind: 'screenPop', call }, shown.effect] };
}

/** The wrap-up that follows an ended call, with its Task (not final yet) and release countdown. */
export function enterWrapUp(from: CallState, call: CallFacts, context: MachineContext): { state: WrapUp; effects: Effect[] } {
  const seconds = context.config.automaticContactReleaseSeconds;
  const endedAt = call.endedAt ?? call.startedAt;
  const releaseDeadline = seconds === null ? null : endedAt + seconds * 1000;
  const state: WrapUp = {
    phase: 'wrapUp',
    phone: from.phone,
    neoApi: from.neoApi,
    nextRequest: from.nextRequest,
    pending: from.pending,
    session: from.session,
    call,
    step: 'open',
    proposed: null,
    releaseDeadline,
  };
  const timer: Effect[] = releaseDeadline === null ? [] : [{ kind: 'startTimer', timer: 'autoRelease', callId: call.callId, at: releaseDeadline }];
  return { state, effects: [...logCall(call, false), ...timer] };
}

/** A ready state keeping the orthogonal fields of `from`. */
export function readyFrom(from: AgentState & { readonly session: Session }): Ready {
  return { phase: 'ready', phone: from.phone, neoApi: from.neoApi, nextRequest: from.nextRequest, pending: from.pending, session: from.session };
}

/**
 * The call is over. Answered calls and delivered contacts need a wrap-up (disposition, release);
 * a call that never connected and carried no record goes straight back to ready with its Task.
 */
export function callEnded(
  from: Dialing | Ringing | Extract<CallState, { phase: 'connected' }>,
  by: CallEndCause,
  at: number,
  context: MachineContext,
  extra: readonly Effect[] = [],
): { state: AgentState; effects: Effect[] } {
  const call = endCall(from.call, by, at);
  const silence = stopRinging(from);
  if (call.answeredAt !== null || call.contact !== null) {
    const wrap = enterWrapUp(from, call, context);
    return { state: wrap.state, effects: [...silence, ...extra, ...wrap.effects] };
  }
  return { state: readyFrom(from), effects: [...silence, ...extra, ...logCall(call, true)] };
}
