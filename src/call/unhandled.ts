/**
 * The default answer of every phase to an event it has no rule for: a fact is ignored (it is
 * stale, duplicate or irrelevant here), an intent is refused with the reason that fits the phase.
 */
import { CALL_CONTROL_INTENTS } from './call-control-types.ts';
import type { AgentEvent } from './events.ts';
import { isIntent } from './events.ts';
import { ignore, notNow, type TransitionResult } from './outcome.ts';
import type { AgentState } from './state.ts';

const CALL_INTENTS = new Set(['hangUp', 'hold', 'resume', 'mute', 'unmute', 'sendDtmf', ...CALL_CONTROL_INTENTS]);
const RINGING_INTENTS = new Set(['answer', 'reject']);
const WRAP_UP_INTENTS = new Set(['categorise', 'scheduleCallback', 'releaseContact', 'available']);

/** Ignores a fact or refuses an intent the phase has no rule for. */
export function unhandled(state: AgentState, event: AgentEvent): TransitionResult {
  if (!isIntent(event)) return ignore(state);
  const what: string = event.kind;
  switch (state.phase) {
    case 'loggedOut':
      return notNow('NOT_LOGGED_IN', what, state.phase, 'Log in first.');
    case 'loggingIn':
      return notNow('LOGIN_IN_PROGRESS', what, state.phase, 'Wait for the login to finish.');
    case 'loggingOut':
      return notNow('LOGOUT_IN_PROGRESS', what, state.phase, 'Wait for the logout to finish, then log in again.');
    default:
      break;
  }
  if (event.kind === 'login') return notNow('ALREADY_LOGGED_IN', what, state.phase, 'Log out first to change user or device.');
  if (WRAP_UP_INTENTS.has(event.kind)) return notNow('NOT_IN_WRAP_UP', what, state.phase, 'Categorise, schedule or release a contact after its call ends.');
  if (RINGING_INTENTS.has(event.kind)) {
    return notNow('NOT_RINGING', what, state.phase, state.phase === 'connected' ? 'The call is already answered; hang up to end it.' : 'Only a ringing call can be answered or declined.');
  }
  if (CALL_INTENTS.has(event.kind)) {
    if (state.phase === 'ringing' || state.phase === 'dialing') return notNow('NOT_CONNECTED', what, state.phase, state.phase === 'ringing' ? 'Answer first, or reject to decline.' : 'Wait for the call to connect.');
    return notNow('NO_CALL', what, state.phase, 'There is no call in progress.');
  }
  if (event.kind === 'dial') {
    if (state.phase === 'wrapUp') return notNow('WRAP_UP_IN_PROGRESS', what, state.phase, 'Categorise or release the contact, then dial.');
    return notNow('CALL_IN_PROGRESS', what, state.phase, 'End the current call first.');
  }
  return notNow('CALL_IN_PROGRESS', what, state.phase, 'End the current call first.');
}
