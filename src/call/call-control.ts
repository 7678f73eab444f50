/**
 * Transfers and conference while the agent's call is up (`connected`): what the agent asked for,
 * the `control` sub-state of the call, and the results of the NeoApi requests that carry them.
 *
 * ```
 *            transfer(blind)                       blind transfer… ok → the platform ends the agent's leg
 *   none ─────────────────────► transferring ────► (BYE → wrapUp; the call's `transfers` keep the record)
 *    │ ▲   transfer(attended)
 *    │ └──────────────┐ cancelTransfer ok / start failed
 *    ├──────────────► consulting: starting → talking → completing (completeTransfer ok → BYE → wrapUp)
 *    │                                          └────→ ending (cancelTransfer ok → none: back to the customer)
 *    │ startConference
 *    └──────────────► conference: starting → on (participants: inviting → ringing → in → leaving)
 *                                            └──→ kickAll ok → none
 * ```
 *
 * A failed request leaves the call as it was before the request (a notice says why). The customer
 * is held by the platform during a consultation, not by the agent's phone: the agent's leg keeps
 * talking, to the consulted party, so DTMF, mute and breaks behave as in any connected call.
 */
import type { CallFacts } from './call-facts.ts';
import type { Effect } from './effects.ts';
import type { PlatformCommand } from './platform.ts';
import type { AgentEvent, CommandFailed, CommandSucceeded } from './events.ts';
import type { ConferenceTarget, Participant, TransferMode, TransferRecord, TransferTarget } from './call-control-types.ts';
import { NO_CONTROL, type CALL_CONTROL_INTENTS } from './call-control-types.ts';
import type { RequestId } from './ids.ts';
import { accept, failureNotice, issue, refuse, type TransitionResult } from './outcome.ts';
import type { AgentState, Connected, Operation } from './state.ts';

/** Platform operations of this file. */
export const CALL_CONTROL_OPERATIONS = ['transfer', 'completeTransfer', 'endTransfer', 'joinConference', 'inviteParticipant', 'kickParticipant', 'kickAll'] as const;
type ControlOperation = (typeof CALL_CONTROL_OPERATIONS)[number];

/** Whether an operation is one of this file's. */
export function isCallControlOperation(op: Operation): op is ControlOperation {
  return (CALL_CONTROL_OPERATIONS as readonly string[]).includes(op);
}

type ControlIntent = Extract<AgentEvent, { kind: (typeof CALL_CONTROL_INTENTS)[number] }>;

const NUMBER = /^\+?[0-9*#]{1,32}$/;

/** Why a target is unusable, or `null`. */
function targetProblem(target: TransferTarget): string | null {
  switch (target.kind) {
    case 'number':
      return NUMBER.test(target.number) ? null : `number ${JSON.stringify(target.number)} is not digits (optionally +, *, #)`;
    case 'user':
      return /^\S{1,64}$/.test(target.user) ? null : `user ${JSON.stringify(target.user)} is not a platform user id`;
    case 'queue':
      return Number.isInteger(target.queue) && target.queue > 0 ? null : `queue ${String(target.queue)} is not a positive integer`;
    case 'campaign':
      return Number.isInteger(target.campaign) && target.campaign > 0 ? null : `campaign ${String(target.campaign)} is not a positive integer`;
  }
}

/** A participant's address, its id until the platform names it. */
function addressOf(target: ConferenceTarget): string {
  return target.kind === 'number' ? target.number : target.user;
}

/** The platform command of a transfer (documented in docs/transfers-conference.md). */
export function transferCommand(agent: string, target: TransferTarget, mode: TransferMode): PlatformCommand {
  return { command: 'transfer', agent, target, mode };
}

/** The call's facts with the last transfer's outcome set (the record the Task logs). */
function withOutcome(call: CallFacts, outcome: TransferRecord['outcome']): CallFacts {
  const last = call.transfers.at(-1);
  if (last === undefined || last.outcome === outcome) return call;
  return { ...call, transfers: [...call.transfers.slice(0, -1), { ...last, outcome }] };
}

/** Handles a transfer/conference intent in `connected`. */
export function callControlIntent(state: Connected, event: ControlIntent): TransitionResult {
  const control = state.control;
  const user: string = state.session.user;
  if (state.hangUpRequested) return refuse('OPERATION_PENDING', `Cannot ${event.kind}: the call is being ended.`, 'Wait for the call to end.');
  switch (event.kind) {
    case 'transfer': {
      if (control.kind === 'conference') return refuse('CONFERENCE_IN_PROGRESS', 'Cannot transfer during a conference.', 'Remove the participants (end the conference) first.');
      if (control.kind !== 'none') return refuse('TRANSFER_IN_PROGRESS', `Cannot transfer: a transfer to ${describe(control.target)} is in progress.`, 'Complete or end the current transfer first.');
      const problem = targetProblem(event.target);
      if (problem !== null) return refuse('INVALID_ARGUMENT', `Cannot transfer: ${problem}.`, 'Pick a target from the list or type a valid number.');
      const record: TransferRecord = { target: event.target, mode: event.mode, at: event.at, outcome: 'requested' };
      const next: Connected = {
        ...state,
        call: { ...state.call, transfers: [...state.call.transfers, record] },
        control: event.mode === 'blind' ? { kind: 'transferring', target: event.target } : { kind: 'consulting', target: event.target, step: 'starting' },
      };
      const sent = issue(next, 'transfer', transferCommand(user, event.target, event.mode));
      return accept(sent.state, [sent.effect]);
    }
    case 'completeTransfer':
    case 'endTransfer': {
      if (control.kind !== 'consulting') return refuse('NOT_CONSULTING', `Cannot ${event.kind}: no attended transfer is in progress.`, 'Start an attended transfer first.');
      if (control.step !== 'talking') return refuse('OPERATION_PENDING', `Cannot ${event.kind}: the transfer is ${control.step}.`, 'Wait for the platform to answer.');
      const complete = event.kind === 'completeTransfer';
      const sent = issue({ ...state, control: { ...control, step: complete ? 'completing' : 'ending' } }, event.kind, { command: complete ? 'completeTransfer' : 'cancelTransfer', agent: user });
      return accept(sent.state, [sent.effect]);
    }
    case 'startConference': {
      if (control.kind === 'conference') return refuse('CONFERENCE_IN_PROGRESS', 'The call is already a conference.', 'Invite participants to it.');
      if (control.kind !== 'none') return refuse('TRANSFER_IN_PROGRESS', 'Cannot start a conference during a transfer.', 'Complete or end the transfer first.');
      const sent = issue({ ...state, control: { kind: 'conference', step: 'starting', participants: [] } }, 'joinConference', { command: 'startConference', agent: user });
      return accept(sent.state, [sent.effect]);
    }
    case 'inviteParticipant': {
      if (control.kind !== 'conference') return refuse('NOT_IN_CONFERENCE', 'Cannot invite: the call is not a conference.', 'Start the conference first.');
      if (control.step !== 'on') return refuse('OPERATION_PENDING', `Cannot invite: the conference is ${control.step}.`, 'Wait for the platform to answer.');
      if (control.participants.some((p) => p.state === 'inviting')) return refuse('OPERATION_PENDING', 'Cannot invite: an invitation is being placed.', 'Invite one participant at a time.');
      const problem = targetProblem(event.target);
      if (problem !== null) return refuse('INVALID_ARGUMENT', `Cannot invite: ${problem}.`, 'Pick a user from the list or type a valid number.');
      const requestId = state.nextRequest as RequestId;
      const participant: Participant = { target: event.target, id: null, state: 'inviting', request: requestId };
      const sent = issue({ ...state, control: { ...control, participants: [...control.participants, participant] } }, 'inviteParticipant', { command: 'invite', agent: user, target: event.target });
      return accept(sent.state, [sent.effect]);
    }
    case 'kickParticipant': {
      if (control.kind !== 'conference') return refuse('NOT_IN_CONFERENCE', 'Cannot remove a participant: the call is not a conference.', 'Start the conference first.');
      const found = control.participants.find((p) => p.id === event.participant);
      if (found?.state !== 'ringing' && found?.state !== 'in') {
        const why = found === undefined ? 'not in this conference' : `it is ${found.state}`;
        return refuse('INVALID_ARGUMENT', `Cannot remove participant ${JSON.stringify(event.participant)}: ${why}.`, 'Pick a participant of the list.');
      }
      const requestId = state.nextRequest as RequestId;
      const participants = control.participants.map((p) => (p === found ? { ...p, state: 'leaving' as const, previous: found.state === 'in' ? ('in' as const) : ('ringing' as const), request: requestId } : p));
      const sent = issue({ ...state, control: { ...control, participants } }, 'kickParticipant', { command: 'kick', agent: user, participant: event.participant });
      return accept(sent.state, [sent.effect]);
    }
    case 'kickAll': {
      if (control.kind !== 'conference') return refuse('NOT_IN_CONFERENCE', 'Cannot end the conference: the call is not a conference.', 'Start the conference first.');
      if (control.step !== 'on') return refuse('OPERATION_PENDING', `Cannot end the conference: it is ${control.step}.`, 'Wait for the platform to answer.');
      const sent = issue({ ...state, control: { ...control, step: 'ending' } }, 'kickAll', { command: 'kickAll', agent: user });
      return accept(sent.state, [sent.effect]);
    }
  }
}

function describe(target: TransferTarget): string {
  switch (target.kind) {
    case 'number':
      return `number ${target.number}`;
    case 'user':
      return `user ${target.user}`;
    case 'queue':
      return `queue ${String(target.queue)}`;
    case 'campaign':
      return `campaign ${String(target.campaign)}`;
  }
}

/**
 * The result of a transfer/conference request. `settled` has the request already removed from
 * `pending`. In `connected` the control sub-state moves; in any phase with a call (a blind
 * transfer's BYE may come before its answer) the transfer record gets its outcome.
 */
export function callControlResult(settled: AgentState, event: CommandSucceeded | CommandFailed, op: ControlOperation): TransitionResult {
  const ok = event.kind === 'commandSucceeded';
  const failure: Effect[] = ok ? [] : [failureNotice('operationFailed', 'error', event)];
  if (settled.phase !== 'connected') {
    if (op !== 'transfer' || !('call' in settled)) return accept(settled, failure);
    const last = settled.call.transfers.at(-1);
    const outcome = !ok ? 'failed' : last?.mode === 'blind' ? 'done' : 'requested';
    return accept({ ...settled, call: withOutcome(settled.call, outcome) }, failure);
  }
  const state = settled;
  const control = state.control;
  switch (op) {
    case 'transfer': {
      if (!ok) return accept({ ...state, control: NO_CONTROL, call: withOutcome(state.call, 'failed') }, failure);
      if (control.kind === 'transferring') return accept({ ...state, control: NO_CONTROL, call: withOutcome(state.call, 'done') });
      if (control.kind === 'consulting' && control.step === 'starting') return accept({ ...state, control: { ...control, step: 'talking' } });
      return accept(state);
    }
    case 'completeTransfer':
    case 'endTransfer': {
      if (control.kind !== 'consulting') return accept(state, failure);
      if (!ok) return accept({ ...state, control: { ...control, step: 'talking' } }, failure);
      return accept({ ...state, control: NO_CONTROL, call: withOutcome(state.call, op === 'completeTransfer' ? 'completed' : 'ended') });
    }
    case 'joinConference':
      if (control.kind !== 'conference') return accept(state, failure);
      return accept({ ...state, control: ok ? { ...control, step: 'on' } : NO_CONTROL }, failure);
    case 'inviteParticipant':
    case 'kickParticipant': {
      if (control.kind !== 'conference') return accept(state, failure);
      const participant = control.participants.find((p) => p.request === event.requestId);
      if (participant === undefined) return accept(state, failure);
      const value = event.kind === 'commandSucceeded' ? event.value : null;
      const id = typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
      const participants =
        op === 'inviteParticipant'
          ? ok
            ? control.participants.map((p) => (p === participant ? { ...p, id: id ?? addressOf(p.target), state: 'ringing' as const, request: null } : p))
            : control.participants.filter((p) => p !== participant)
          : ok
            ? control.participants.filter((p) => p !== participant)
            : control.participants.map((p) => (p === participant ? { ...p, state: p.previous ?? 'ringing', request: null } : p));
      return accept({ ...state, control: { ...control, participants } }, failure);
    }
    case 'kickAll':
      if (control.kind !== 'conference') return accept(state, failure);
      return accept({ ...state, control: ok ? NO_CONTROL : { ...control, step: 'on' } }, failure);
  }
}

/**
 * Follows platform status `associated channels` (the channels of the parties that are up): a ringing
 * participant whose channel appears has answered (`in`); one that was in and is gone has left.
 * The same state when nothing changes (a repeated platform status fact stays a no-op).
 */
export function withChannels(state: Connected, channels: readonly string[] | undefined): Connected {
  const control = state.control;
  if (channels === undefined || control.kind !== 'conference') return state;
  const up = new Set(channels);
  const participants: Participant[] = [];
  for (const p of control.participants) {
    if (p.id !== null && p.state === 'ringing' && up.has(p.id)) participants.push({ ...p, state: 'in' });
    else if (p.id === null || p.state !== 'in' || up.has(p.id)) participants.push(p);
  }
  const changed = participants.length !== control.participants.length || participants.some((p, index) => p !== control.participants[index]);
  return changed ? { ...state, control: { ...control, participants } } : state;
}
