/**
 * Transfers and conference in the pure machine (src/call/call-control.ts): each intent sends the
 * documented NeoApi request, the `control` sub-state follows the answers, failures are notices
 * that leave the call as it was, the call's facts record every transfer for the Task, and DTMF
 * and breaks keep working during a consultation and a conference.
 */
import { describe, expect, it } from 'vitest';
import { transition, type AgentEvent, type AgentState, type Connected, type TransferMode, type TransferTarget } from '../../src/call/index.ts';
import { expectWellFormedEffects } from './effect-checks.ts';
import { CALL, CONTEXT, LEG, STATES, T0, deepFreeze, failed, kinds, onlyRequest, step, succeeded } from './support.ts';

const AT = T0 + 30_000;

function connected(): Connected {
  return STATES.connected;
}

function asConnected(state: AgentState): Connected {
  expect(state.phase).toBe('connected');
  return state as Connected;
}

/** Runs an event, checking its effects are well-formed against the contract. */
function run(state: AgentState, event: AgentEvent): { state: AgentState; effects: ReturnType<typeof step>['effects'] } {
  const next = step(state, event);
  expectWellFormedEffects(state, next.state, next.effects);
  return next;
}

const TARGETS: readonly { target: TransferTarget; blind: string; attended: string; params: Record<string, unknown> }[] = [
  { target: { kind: 'number', number: '1155550001' }, blind: 'BlindTransfer', attended: 'AttendedTransfer', params: { EXTENSION: '1155550001' } },
  { target: { kind: 'user', user: '1002' }, blind: 'BlindTransfer', attended: 'AttendedTransfer', params: { EXTENSION: '1002' } },
  { target: { kind: 'queue', queue: 4 }, blind: 'BlindTransferQueue', attended: 'AttendedTransferQueue', params: { COLA: 4 } },
  { target: { kind: 'campaign', campaign: 7 }, blind: 'BlindTransferCampaign', attended: 'AttendedTransferCampaign', params: { CAMPAÑA: 7 } },
];

describe('transfers', () => {
  it.each(TARGETS.flatMap((t) => (['blind', 'attended'] as const).map((mode) => [t.target.kind, mode, t] as const)))('a %s target, %s, sends the documented request and records it', (_kind, mode: TransferMode, t) => {
    const asked = run(connected(), { kind: 'transfer', at: AT, target: t.target, mode });
    const request = onlyRequest(asked.effects);
    expect(request.request).toEqual({ method: mode === 'blind' ? t.blind : t.attended, params: { USUARIO: '1001', ...t.params } });
    const state = asConnected(asked.state);
    expect(state.control).toEqual(mode === 'blind' ? { kind: 'transferring', target: t.target } : { kind: 'consulting', target: t.target, step: 'starting' });
    expect(state.call.transfers).toEqual([{ target: t.target, mode, at: AT, outcome: 'requested' }]);
  });

  it('blind: the agent leg ends by BYE before the answer arrives; the wrap-up call still records the transfer as done', () => {
    const asked = run(connected(), { kind: 'transfer', at: AT, target: { kind: 'user', user: '1002' }, mode: 'blind' });
    const bye = run(asked.state, { kind: 'sipEnded', at: AT + 100, legId: LEG, by: 'remote', reason: 'BYE' });
    expect(bye.state.phase).toBe('wrapUp');
    const logged = bye.effects.find((e) => e.kind === 'logCall');
    expect(logged?.kind === 'logCall' && logged.call.transfers[0]?.outcome).toBe('requested');
    const answered = run(bye.state, succeeded(onlyRequest(asked.effects), AT + 200));
    expect(answered.state.phase === 'wrapUp' && answered.state.call.transfers[0]?.outcome).toBe('done');
  });

  it('blind: a refused transfer is a notice; the call goes on as before, the record says failed', () => {
    const asked = run(connected(), { kind: 'transfer', at: AT, target: { kind: 'queue', queue: 4 }, mode: 'blind' });
    const refused = run(asked.state, failed(onlyRequest(asked.effects), AT + 50, 'Queue 4 not found'));
    expect(kinds(refused.effects)).toEqual(['notify:operationFailed']);
    const state = asConnected(refused.state);
    expect(state.control).toEqual({ kind: 'none' });
    expect(state.call.transfers.map((t) => t.outcome)).toEqual(['failed']);
  });

  it('attended: consult, then complete; or consult, then end ("fin de transferencia") and back to the customer', () => {
    const asked = run(connected(), { kind: 'transfer', at: AT, target: { kind: 'number', number: '1155550001' }, mode: 'attended' });
    const early = transition(deepFreeze(asked.state), { kind: 'completeTransfer', at: AT + 1 }, CONTEXT);
    expect(!early.ok && early.error.code).toBe('OPERATION_PENDING');
    const talking = run(asked.state, succeeded(onlyRequest(asked.effects), AT + 100));
    expect(asConnected(talking.state).control).toMatchObject({ kind: 'consulting', step: 'talking' });

    const second = transition(deepFreeze(talking.state), { kind: 'transfer', at: AT + 2, target: { kind: 'user', user: '1003' }, mode: 'blind' }, CONTEXT);
    expect(!second.ok && second.error.code).toBe('TRANSFER_IN_PROGRESS');

    const ending = run(talking.state, { kind: 'endTransfer', at: AT + 200 });
    expect(onlyRequest(ending.effects).request).toEqual({ method: 'EndTransfer', params: { USUARIO: '1001' } });
    const failedEnd = run(ending.state, failed(onlyRequest(ending.effects), AT + 250));
    expect(asConnected(failedEnd.state).control).toMatchObject({ kind: 'consulting', step: 'talking' });
    const again = run(failedEnd.state, { kind: 'endTransfer', at: AT + 300 });
    const back = run(again.state, succeeded(onlyRequest(again.effects), AT + 350));
    const state = asConnected(back.state);
    expect(state.control).toEqual({ kind: 'none' });
    expect(state.call.transfers.map((t) => t.outcome)).toEqual(['ended']);

    const complete = run(talking.state, { kind: 'completeTransfer', at: AT + 200 });
    expect(onlyRequest(complete.effects).request).toEqual({ method: 'CompleteTransfer', params: { USUARIO: '1001' } });
    const done = run(complete.state, succeeded(onlyRequest(complete.effects), AT + 250));
    expect(asConnected(done.state).call.transfers.map((t) => t.outcome)).toEqual(['completed']);
  });

  it('refuses a plain hang-up during a consultation (BYE would complete it, Hangup would end it): the agent picks Complete or End', () => {
    const asked = run(connected(), { kind: 'transfer', at: AT, target: { kind: 'user', user: '1002' }, mode: 'attended' });
    const talking = run(asked.state, succeeded(onlyRequest(asked.effects), AT + 100)).state;
    const result = transition(deepFreeze(talking), { kind: 'hangUp', at: AT + 200 }, CONTEXT);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('TRANSFER_IN_PROGRESS');
      expect(result.error.hint).toMatch(/Complete transfer.*End transfer/);
    }
    const ending = run(talking, { kind: 'endTransfer', at: AT + 300 });
    const back = run(ending.state, succeeded(onlyRequest(ending.effects), AT + 350));
    expect(kinds(run(back.state, { kind: 'hangUp', at: AT + 400 }).effects)).toEqual(['sip:hangup', 'neoapi:Hangup']);
  });

  it('refuses a malformed target with what was received', () => {
    const result = transition(connected(), { kind: 'transfer', at: AT, target: { kind: 'number', number: '12a' }, mode: 'blind' }, CONTEXT);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_ARGUMENT');
      expect(result.error.message).toContain('"12a"');
    }
  });

  it('DTMF, mute and breaks keep working during a consultation', () => {
    const asked = run(connected(), { kind: 'transfer', at: AT, target: { kind: 'user', user: '1002' }, mode: 'attended' });
    const talking = run(asked.state, succeeded(onlyRequest(asked.effects), AT + 100)).state;
    expect(kinds(run(talking, { kind: 'sendDtmf', at: AT + 1, digit: '5' }).effects)).toEqual(['sip:dtmf']);
    expect(kinds(run(talking, { kind: 'mute', at: AT + 1 }).effects)).toEqual(['sip:mute']);
    const paused = run(talking, { kind: 'pause', at: AT + 1, subtype: 1 });
    expect(kinds(paused.effects)).toEqual(['neoapi:Pause']);
    expect(asConnected(paused.state).control).toMatchObject({ kind: 'consulting', step: 'talking' });
  });
});

describe('conference', () => {
  function inConference(): Connected {
    const asked = run(connected(), { kind: 'startConference', at: AT });
    expect(onlyRequest(asked.effects).request).toEqual({ method: 'JoinConference', params: { USUARIO: '1001' } });
    return asConnected(run(asked.state, succeeded(onlyRequest(asked.effects), AT + 50)).state);
  }

  it('invites one at a time, lists participants with their ids, removes one, removes all', () => {
    const on = inConference();
    expect(on.control).toEqual({ kind: 'conference', step: 'on', participants: [] });
    const invite = run(on, { kind: 'inviteParticipant', at: AT + 100, target: { kind: 'user', user: '1002' } });
    expect(onlyRequest(invite.effects).request).toEqual({ method: 'InviteParticipant', params: { USUARIO: '1001', EXTENSION: '1002' } });
    const busy = transition(deepFreeze(invite.state), { kind: 'inviteParticipant', at: AT + 101, target: { kind: 'number', number: '1155550001' } }, CONTEXT);
    expect(!busy.ok && busy.error.code).toBe('OPERATION_PENDING');
    const first = run(invite.state, succeeded(onlyRequest(invite.effects), AT + 150, 'SIP/1002-0000000a'));
    const invite2 = run(first.state, { kind: 'inviteParticipant', at: AT + 200, target: { kind: 'number', number: '1155550001' } });
    const second = run(invite2.state, succeeded(onlyRequest(invite2.effects), AT + 250, 'SIP/NEOTRUNK-0000000b'));
    const both = asConnected(second.state).control;
    expect(both.kind === 'conference' && both.participants.map((p) => [p.id, p.state])).toEqual([
      ['SIP/1002-0000000a', 'ringing'],
      ['SIP/NEOTRUNK-0000000b', 'ringing'],
    ]);

    // Position lists 1002's channel: they answered; the repeat changes nothing.
    const channels = { kind: 'platformCallStarted', at: AT + 260, callId: CALL, direction: 'outbound', number: '1155550000', queue: null, campaign: null, callType: null, clave: null } as const;
    const answered = run(second.state, { ...channels, channels: ['SIP/NEOTRUNK-00000001', 'SIP/1002-0000000a'] });
    const listed = asConnected(answered.state).control;
    expect(listed.kind === 'conference' && listed.participants.map((p) => p.state)).toEqual(['in', 'ringing']);
    expect(step(answered.state, { ...channels, channels: ['SIP/NEOTRUNK-00000001', 'SIP/1002-0000000a'] }).state).toBe(answered.state);

    const kick = run(answered.state, { kind: 'kickParticipant', at: AT + 300, participant: 'SIP/1002-0000000a' });
    expect(onlyRequest(kick.effects).request).toEqual({ method: 'KickParticipant', params: { USUARIO: '1001', PARTICIPANTE: 'SIP/1002-0000000a' } });
    const kicked = run(kick.state, succeeded(onlyRequest(kick.effects), AT + 350));
    const left = asConnected(kicked.state).control;
    expect(left.kind === 'conference' && left.participants.map((p) => p.id)).toEqual(['SIP/NEOTRUNK-0000000b']);

    const unknown = transition(deepFreeze(kicked.state), { kind: 'kickParticipant', at: AT + 360, participant: 'SIP/1002-0000000a' }, CONTEXT);
    expect(!unknown.ok && unknown.error.code).toBe('INVALID_ARGUMENT');

    const all = run(kicked.state, { kind: 'kickAll', at: AT + 400 });
    expect(onlyRequest(all.effects).request).toEqual({ method: 'KickAll', params: { USUARIO: '1001' } });
    const ended = run(all.state, succeeded(onlyRequest(all.effects), AT + 450));
    expect(asConnected(ended.state).control).toEqual({ kind: 'none' });
  });

  it('a failed invitation is a notice and the participant is not listed', () => {
    const on = inConference();
    const invite = run(on, { kind: 'inviteParticipant', at: AT + 100, target: { kind: 'user', user: '1009' } });
    const refused = run(invite.state, failed(onlyRequest(invite.effects), AT + 150, 'Destination 1009 not available'));
    expect(kinds(refused.effects)).toEqual(['notify:operationFailed']);
    expect(asConnected(refused.state).control).toEqual({ kind: 'conference', step: 'on', participants: [] });
  });

  it('a failed JoinConference leaves the call a two-party call', () => {
    const asked = run(connected(), { kind: 'startConference', at: AT });
    const refused = run(asked.state, failed(onlyRequest(asked.effects), AT + 10));
    expect(asConnected(refused.state).control).toEqual({ kind: 'none' });
  });

  it('DTMF and breaks keep working in a conference; a transfer is refused until it ends', () => {
    const on = inConference();
    expect(kinds(run(on, { kind: 'sendDtmf', at: AT + 1, digit: '#' }).effects)).toEqual(['sip:dtmf']);
    expect(kinds(run(on, { kind: 'pause', at: AT + 1, subtype: 2 }).effects)).toEqual(['neoapi:Pause']);
    const refused = transition(on, { kind: 'transfer', at: AT + 2, target: { kind: 'user', user: '1002' }, mode: 'blind' }, CONTEXT);
    expect(!refused.ok && refused.error.code).toBe('CONFERENCE_IN_PROGRESS');
  });
});

describe('conference participants from Position', () => {
  it('a participant in the call who disappears from CANALES_ASOCIADOS has left; a failed removal restores their state', () => {
    const asked = run(STATES.connected, { kind: 'startConference', at: AT });
    const on = run(asked.state, succeeded(onlyRequest(asked.effects), AT + 1)).state;
    const invite = run(on, { kind: 'inviteParticipant', at: AT + 2, target: { kind: 'number', number: '1155550001' } });
    const ringing = run(invite.state, succeeded(onlyRequest(invite.effects), AT + 3, 'SIP/NEOTRUNK-0000000b')).state;
    const base = { kind: 'platformCallStarted', at: AT + 4, callId: CALL, direction: 'outbound', number: '1155550000', queue: null, campaign: null, callType: null, clave: null } as const;
    const joined = run(ringing, { ...base, channels: ['SIP/NEOTRUNK-00000001', 'SIP/NEOTRUNK-0000000b'] }).state;
    const kick = run(joined, { kind: 'kickParticipant', at: AT + 5, participant: 'SIP/NEOTRUNK-0000000b' });
    const refused = run(kick.state, failed(onlyRequest(kick.effects), AT + 6));
    const back = asConnected(refused.state).control;
    expect(back.kind === 'conference' && back.participants.map((p) => p.state)).toEqual(['in']);
    const left = asConnected(run(refused.state, { ...base, at: AT + 7, channels: ['SIP/NEOTRUNK-00000001'] }).state).control;
    expect(left).toEqual({ kind: 'conference', step: 'on', participants: [] });
  });
});
