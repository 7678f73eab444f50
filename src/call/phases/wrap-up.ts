/**
 * `wrapUp`: the call is over, its record may still be on screen. The agent categorises
 * (`categorise`), schedules a callback (`categorise` with `callback=true`, which frees the
 * agent on the platform — or, with `schedulingMethod=scheduleCallback`, `scheduleCallback` followed
 * by `release`), releases the contact without a disposition, or presses Play
 * (`release`); or the automatic release countdown does it for them.
 */
import type { DeliveredContact, Disposition } from '../call-facts.ts';
import { deliverContact, logCall, readyFrom, sameContact } from '../call-end.ts';
import type { MachineContext } from '../context.ts';
import type { Effect } from '../effects.ts';
import type { AgentEvent, CommandFailed, CommandSucceeded } from '../events.ts';
import { accept, failureNotice, ignore, issue, refuse, type TransitionResult } from '../outcome.ts';
import type { AgentState, Ready, WrapUp } from '../state.ts';
import { callSeenWhileReady, incomingWhileReady, ready } from './ready.ts';
import { startLogout } from './session-lifecycle.ts';
import { unhandled } from '../unhandled.ts';

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/**
 * Whether `text` is a real wall time `YYYY-MM-DDTHH:mm:ss` (no 30 February, no 24:00). Whether it
 * is in the future is the app's check: the machine has no clock and no time zone.
 */
export function isWallTime(text: string): boolean {
  const match = WALL_TIME.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

/** Closes the wrap-up: final Task (with the disposition), countdown cancelled, back to ready. */
export function finishWrapUp(state: WrapUp, disposition: Disposition | null = state.call.disposition): { state: Ready; effects: Effect[] } {
  const call = { ...state.call, disposition };
  const timer: Effect[] = state.releaseDeadline === null ? [] : [{ kind: 'cancelTimer', timer: 'autoRelease', callId: call.callId }];
  return { state: readyFrom(state), effects: [...timer, ...logCall(call, true)] };
}

/** Whether the settings demand a disposition before this contact may be released. */
function categorisationRequired(state: WrapUp, context: MachineContext): boolean {
  return state.call.contact !== null && context.config.allowCategorization && !context.config.allowContactRelease;
}

/** "Play": `release`, then ready once the platform confirms it. */
function release(state: WrapUp): TransitionResult {
  // Play is `release` after every call, not only a delivered contact's (seed 004: "el usuario
  // debe indicar, mediante el botón Play, que está nuevamente disponible"): the platform may hold
  // an agent out of the queue after any call until it arrives.
  const sent = issue({ ...state, step: 'releasing' as const }, 'release', { command: 'release', agent: state.session.user });
  return accept(sent.state, [sent.effect]);
}

/** `categorise` for the call's contact (zeros without one: the platform logs it, see the contract). */
function sendDisposition(state: WrapUp, disposition: Disposition, phone: string | null, mine: boolean): TransitionResult {
  const contact = state.call.contact;
  const step: WrapUp['step'] = disposition.callbackAt === null ? 'categorising' : 'scheduling';
  const callback = disposition.callbackAt === null ? null : { at: disposition.callbackAt, phone, mine };
  const sent = issue({ ...state, step, proposed: disposition }, step === 'categorising' ? 'categorise' : 'schedule', {
    command: 'categorise',
    agent: state.session.user,
    contact,
    disposition: disposition.subcategory,
    callback,
  });
  return accept(sent.state, [sent.effect]);
}

/**
 * `scheduleCallback` for the call's contact (`schedulingMethod=scheduleCallback`): the platform
 * assigns the callback to `agent`, and the sub-category stays with the Task (this method has no
 * `disposition`). `release` follows once it succeeds.
 */
function sendScheduleCall(state: WrapUp, contact: DeliveredContact, disposition: Disposition, phone: string | null): TransitionResult {
  const at = disposition.callbackAt ?? '';
  const sent = issue({ ...state, step: 'scheduling' as const, proposed: disposition }, 'scheduleCall', { command: 'scheduleCallback', agent: state.session.user, contact, at, phone });
  return accept(sent.state, [sent.effect]);
}

/** A new call or contact arrives before the agent closed this one: reality wins, close and go on. */
function handOver(state: WrapUp, event: AgentEvent, context: MachineContext): TransitionResult {
  const done = finishWrapUp(state);
  const next =
    event.kind === 'sipIncoming' ? incomingWhileReady(done.state, event, context)
    : event.kind === 'platformCallStarted' ? callSeenWhileReady(done.state, event)
    : ready(done.state, event, context);
  return next.ok ? accept(next.state, [...done.effects, ...next.effects]) : next;
}

/** Handles an event in `wrapUp`. */
export function wrapUp(state: WrapUp, event: AgentEvent, context: MachineContext): TransitionResult {
  const busy = state.step !== 'open';
  const pendingRefusal = (): TransitionResult => refuse('OPERATION_PENDING', `The contact is ${state.step}.`, 'Wait for the platform to answer.');
  switch (event.kind) {
    case 'categorise':
    case 'scheduleCallback': {
      if (!context.config.allowCategorization) return refuse('CATEGORISATION_DISABLED', 'Categorisation is turned off for this call center.', 'Release the contact or press Play.');
      if (busy) return pendingRefusal();
      if (!Number.isInteger(event.subcategory) || event.subcategory < 1) {
        return refuse('INVALID_ARGUMENT', `Sub-category ${JSON.stringify(event.subcategory)} is not a Neotel sub-category id.`, 'Pick a sub-category from the list.');
      }
      if (event.kind === 'categorise') return sendDisposition(state, { subcategory: event.subcategory, callbackAt: null }, null, false);
      if (state.call.contact === null) return refuse('NO_CONTACT', 'A callback needs a Neotel contact and this call has none.', 'Categorise the call instead.');
      if (!isWallTime(event.when)) return refuse('INVALID_ARGUMENT', `Callback time ${JSON.stringify(event.when)} is not a date and time YYYY-MM-DDTHH:mm:ss.`, 'Pick a date and time.');
      const disposition = { subcategory: event.subcategory, callbackAt: event.when };
      if (context.config.callbackBooking === 'separate') return sendScheduleCall(state, state.call.contact, disposition, event.phone);
      return sendDisposition(state, disposition, event.phone, event.mine);
    }
    case 'releaseContact':
      if (busy) return pendingRefusal();
      if (state.call.contact === null) return refuse('NO_CONTACT', 'This call has no Neotel contact to release.', 'Press Play to become available.');
      if (categorisationRequired(state, context)) return refuse('RELEASE_NOT_ALLOWED', 'This call center does not allow releasing a contact without a disposition.', 'Categorise the contact first.');
      return release(state);
    case 'available':
      if (busy) return pendingRefusal();
      if (state.call.disposition === null && categorisationRequired(state, context)) {
        return refuse('CATEGORISATION_REQUIRED', 'The contact must be categorised before you are available again.', 'Pick a sub-category, or schedule a callback.');
      }
      return release(state);
    case 'autoReleaseElapsed':
      // Stale countdowns (another call, or the agent already acting) are ignored.
      if (busy || state.releaseDeadline === null || event.callId !== state.call.callId || event.at < state.releaseDeadline) return ignore(state);
      return release(state);
    case 'logout': {
      if (!event.force && state.call.contact !== null && state.call.disposition === null) {
        return refuse('WRAP_UP_IN_PROGRESS', 'The contact on screen is not categorised or released.', 'Finish the contact first, or confirm the logout (force) to leave it uncategorised.');
      }
      const done = finishWrapUp(state);
      return startLogout(state, done.effects);
    }
    case 'sipIncoming':
      return handOver(state, event, context);
    case 'platformCallStarted':
      return event.callId === state.call.callId ? ignore(state) : handOver(state, event, context);
    case 'contactDelivered': {
      if (sameContact(state.call.contact, event.contact)) return ignore(state);
      if (event.callId === null || event.callId !== state.call.callId) return event.afterCall === true ? ignore(state) : handOver(state, event, context);
      // The platform named the call's contact only after the hang-up (a short call): the wrap-up
      // takes it, so it is categorised and can book its callback; a contact already shown or
      // categorised stays. Once the agent acted on the wrap-up (Play: `release` in flight), it is
      // too late: a ShowingContact sent after the Available would hold the agent off the queue.
      if (busy || state.call.contact !== null || state.call.disposition !== null) return ignore(state);
      const delivered = deliverContact(state, event);
      return accept(delivered.state, delivered.effects);
    }
    default:
      return unhandled(state, event);
  }
}

/** `categorise` / `release` answered. */
export function wrapUpResult(state: AgentState, event: CommandSucceeded | CommandFailed): TransitionResult {
  if (state.phase !== 'wrapUp') return ignore(state);
  if (event.kind === 'commandFailed') {
    return accept({ ...state, step: 'open', proposed: null }, [failureNotice('operationFailed', 'error', event)]);
  }
  if (event.op === 'categorise') return accept({ ...state, step: 'open', proposed: null, call: { ...state.call, disposition: state.proposed } });
  if (event.op === 'scheduleCall') {
    // The callback is booked; scheduleCallback does not free the agent, so Play follows by itself.
    return release({ ...state, proposed: null, call: { ...state.call, disposition: state.proposed } });
  }
  // A callback (callback=true) frees the agent on the platform: no Play needed (seed 004).
  const done = finishWrapUp(state, event.op === 'schedule' ? state.proposed : state.call.disposition);
  return accept(done.state, done.effects);
}
