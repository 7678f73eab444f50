/**
 * NeoApi results: matched to the request by id (an unknown id is a stale or repeated result and
 * is ignored), removed from `pending`, then handed to the phase logic that asked. `not logged.`
 * on any request means the platform logged the agent out.
 */
import { callControlResult } from './call-control.ts';
import { readyFrom } from './call-end.ts';
import type { CommandFailed, CommandSucceeded } from './events.ts';
import { accept, failureNotice, ignore, type TransitionResult } from './outcome.ts';
import { forcedLogout, loginResult, logoutResult } from './phases/session-lifecycle.ts';
import { wrapUpResult } from './phases/wrap-up.ts';
import { sessionResult } from './session-ops.ts';
import type { AgentState } from './state.ts';

/** Applies a NeoApi result. */
export function neoApiResult(state: AgentState, event: CommandSucceeded | CommandFailed): TransitionResult {
  const request = state.pending.find((pending) => pending.id === event.requestId);
  if (request === undefined) return ignore(state);
  const settled = { ...state, pending: state.pending.filter((pending) => pending !== request) };
  const resolved = { ...event, op: request.op };
  if (resolved.kind === 'commandFailed' && resolved.failure.code === 'NOT_LOGGED_IN' && request.op !== 'login' && request.op !== 'logout') {
    return forcedLogout(settled, resolved.failure.detail, resolved.at);
  }
  switch (request.op) {
    case 'login':
      return loginResult(settled, resolved);
    case 'logout':
      return logoutResult(settled, resolved);
    case 'categorise':
    case 'schedule':
    case 'scheduleCall':
    case 'release':
      return wrapUpResult(settled, resolved);
    case 'dial': {
      // `dial` answers false when the platform cannot dial now (busy, unregistered, blocked).
      const refused = resolved.kind === 'commandFailed' || resolved.value === false;
      if (!refused || settled.phase !== 'dialing') return accept(settled);
      const failed: CommandFailed = resolved.kind === 'commandFailed' ? resolved : { ...resolved, kind: 'commandFailed', failure: { code: 'REFUSED', detail: 'the platform refused the dial' } };
      return accept(readyFrom(settled), [failureNotice('dialFailed', 'error', failed)]);
    }
    case 'hangUp':
      // A dial cancelled before the platform numbered it or rang the phone: no platform status end or
      // BYE will ever come for it, so the hangUp answer is the end.
      if (resolved.kind === 'commandSucceeded' && settled.phase === 'dialing' && settled.call.callId === null && settled.call.legId === null) return accept(readyFrom(settled));
      if (resolved.kind === 'commandSucceeded' || (settled.phase !== 'connected' && settled.phase !== 'dialing')) return accept(settled);
      return accept({ ...settled, hangUpRequested: false }, [failureNotice('operationFailed', 'error', resolved)]);
    case 'transfer':
    case 'completeTransfer':
    case 'endTransfer':
    case 'joinConference':
    case 'inviteParticipant':
    case 'kickParticipant':
    case 'kickAll':
      return callControlResult(settled, resolved, request.op);
    case 'showingContact':
      // The record stays on screen either way; the dialer may just not hold meanwhile.
      return accept(settled, resolved.kind === 'commandFailed' ? [failureNotice('operationFailed', 'warning', resolved)] : []);
    default:
      // The session's own operations (breaks, campaigns… session-ops.ts): a new one needs no case here.
      return sessionResult(settled, resolved);
  }
}
