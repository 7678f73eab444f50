/**
 * `connected`: the agent's leg is up. Hold and mute change when the phone confirms them (a
 * re-INVITE can fail), the call ends by SIP (BYE either way) or by platform status (the platform ended
 * it and no BYE came, e.g. while the WebSocket was down).
 */
import { callControlIntent, withChannels } from '../call-control.ts';
import { concernsCall, mergeFacts } from '../call-facts.ts';
import { callEnded, deliverContact, deliveryConcerns, sameContact } from '../call-end.ts';
import type { MachineContext } from '../context.ts';
import type { Effect } from '../effects.ts';
import type { AgentEvent } from '../events.ts';
import { accept, ignore, issue, notify, refuse, type TransitionResult } from '../outcome.ts';
import type { Connected } from '../state.ts';
import { logoutDuringCall, withFacts } from './call-setup.ts';
import { unhandled } from '../unhandled.ts';

const DTMF = /^[0-9*#A-D]$/;

/**
 * Hold, mute and DTMF once the agent hung up: the call is going, and a re-INVITE or a tone now
 * would race the BYE (the call card used to disable them on its own; the rule is the machine's).
 */
function endingRefusal(what: string): TransitionResult {
  return refuse('OPERATION_PENDING', `Cannot ${what}: the call is being ended.`, 'Wait for the call to end.');
}

/** Handles an event in `connected`. */
export function connected(state: Connected, event: AgentEvent, context: MachineContext): TransitionResult {
  const legId = state.call.legId;
  switch (event.kind) {
    case 'hangUp': {
      if (state.hangUpRequested) return refuse('OPERATION_PENDING', 'The call is already being ended.', 'Wait for the call to end.');
      // During a consultation a hang-up is ambiguous: the agent's BYE completes the transfer on the
      // PBX (Asterisk), NeoApi hangUp only ends the consultation. The agent says which they mean.
      if (state.control.kind === 'consulting') {
        return refuse('TRANSFER_IN_PROGRESS', 'The customer is waiting for the consultation to finish.', 'Use Complete transfer to leave them with the target, or End transfer to return to them.');
      }
      // BYE stops the media at once even if NeoApi is slow; hangUp ends the platform call (the
      // customer's side too) even if the BYE is lost on a broken WebSocket.
      const bye: Effect[] = legId === null ? [] : [{ kind: 'sip', action: 'hangup', legId }];
      const sent = issue({ ...state, hangUpRequested: true }, 'hangUp', { command: 'hangUp', agent: state.session.user });
      return accept(sent.state, [...bye, sent.effect]);
    }
    case 'hold':
    case 'resume': {
      const hold = event.kind === 'hold';
      if (state.hangUpRequested) return endingRefusal(event.kind);
      if (state.held === hold) return refuse(hold ? 'ALREADY_HELD' : 'NOT_HELD', `The call is ${hold ? 'already' : 'not'} on hold.`, hold ? 'Resume to take it off hold.' : 'Hold first.');
      if (legId === null) return refuse('NO_CALL', 'The call has no phone leg to hold.', 'Wait for the phone to connect.');
      return accept(state, [{ kind: 'sip', action: event.kind, legId }]);
    }
    case 'mute':
    case 'unmute': {
      const mute = event.kind === 'mute';
      if (state.hangUpRequested) return endingRefusal(event.kind);
      if (state.muted === mute) return refuse(mute ? 'ALREADY_MUTED' : 'NOT_MUTED', `The microphone is ${mute ? 'already' : 'not'} muted.`, mute ? 'Unmute to talk again.' : 'Mute first.');
      if (legId === null) return refuse('NO_CALL', 'The call has no phone leg to mute.', 'Wait for the phone to connect.');
      return accept(state, [{ kind: 'sip', action: event.kind, legId }]);
    }
    case 'sendDtmf':
      if (state.hangUpRequested) return endingRefusal(event.kind);
      if (!DTMF.test(event.digit)) return refuse('INVALID_ARGUMENT', `Cannot send DTMF ${JSON.stringify(event.digit)}.`, 'Send one of 0-9, *, #, A-D.');
      if (legId === null) return refuse('NO_CALL', 'The call has no phone leg for DTMF.', 'Wait for the phone to connect.');
      return accept(state, [{ kind: 'sip', action: 'dtmf', legId, digit: event.digit }]);
    case 'sipHoldChanged':
      return legId === event.legId && state.held !== event.held ? accept({ ...state, held: event.held }) : ignore(state);
    case 'sipMuteChanged':
      return legId === event.legId && state.muted !== event.muted ? accept({ ...state, muted: event.muted }) : ignore(state);
    case 'sipActionFailed':
      return accept(state, [notify('sipActionFailed', 'error', event.message)]);
    case 'sipEnded': {
      if (legId !== event.legId) return ignore(state);
      const ended = callEnded(state, event.by, event.at, context);
      return accept(ended.state, ended.effects);
    }
    case 'platformCallEnded': {
      if (state.call.callId !== event.callId) return ignore(state);
      // Drop a leg the platform ended without a BYE reaching us; after the agent's hang-up the BYE is already sent.
      const cleanup: Effect[] = legId === null || state.hangUpRequested ? [] : [{ kind: 'sip', action: 'hangup', legId }];
      const ended = callEnded(state, state.hangUpRequested ? 'local' : 'platform', event.at, context, [
        ...cleanup,
        ...(state.hangUpRequested ? [] : [notify('callEndedByPlatform', 'info')]),
      ]);
      return accept(ended.state, ended.effects);
    }
    case 'platformCallStarted':
      if (!concernsCall(state.call, event.callId)) return ignore(state);
      return withFacts(withChannels(state, event.channels), mergeFacts(state.call, { callId: event.callId, queue: event.queue, campaign: event.campaign, ivrData: event.clave, platformData: event.platformData, number: state.call.number ?? event.number }));
    case 'contactDelivered': {
      if (!deliveryConcerns(state.call, event) || sameContact(state.call.contact, event.contact)) return ignore(state);
      const delivered = deliverContact(state, event);
      return accept(delivered.state, delivered.effects);
    }
    case 'sipIncoming':
      if (legId === event.legId) return ignore(state);
      return accept(state, [{ kind: 'sip', action: 'reject', legId: event.legId, status: 486 }, notify('callRejectedBusy', 'info', event.from)]);
    case 'logout':
      return logoutDuringCall(state, event.force, event.at);
    case 'transfer':
    case 'completeTransfer':
    case 'endTransfer':
    case 'startConference':
    case 'inviteParticipant':
    case 'kickParticipant':
    case 'kickAll':
      return callControlIntent(state, event);
    default:
      return unhandled(state, event);
  }
}
