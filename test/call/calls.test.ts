/** Scenarios of calls: manual dial, a queued inbound call, a dialer contact, and in-call controls. */
import { NO_CALLBACK_DATE } from '../../src/platforms/neotel/commands.ts';
import { describe, expect, it } from 'vitest';
import { transition, type AgentEvent, type AgentState, type Effect, type MachineContext } from '../../src/call/index.ts';
import { expectWellFormedEffects } from './effect-checks.ts';
import { CALL, CONTACT, CONTEXT, LEG, OTHER_LEG, STATES, T0, contextWith, failed, kinds, loggedIn, onlyRequest, step, succeeded } from './support.ts';

/** Runs events in order, checking every step's effects, and returns the last state and all effects. */
function walk(start: AgentState, events: readonly AgentEvent[], context: MachineContext = CONTEXT): { state: AgentState; effects: Effect[][] } {
  let state = start;
  const effects: Effect[][] = [];
  for (const event of events) {
    const next = step(state, event, context);
    expectWellFormedEffects(state, next.state, next.effects);
    effects.push([...next.effects]);
    state = next.state;
  }
  return { state, effects };
}

const platformLeg = (at: number): AgentEvent => ({ kind: 'sipIncoming', at, legId: LEG, callId: CALL, leg: 'platform', answerAfterZero: true, from: '1155550000', queue: null });

describe('manual dial', () => {
  it('dials, auto-answers the platform leg, talks, and returns to ready after the customer hangs up and the agent presses Play', () => {
    const dialed = step(loggedIn(), { kind: 'dial', at: T0 + 1_000, number: '1155550000' });
    const dial = onlyRequest(dialed.effects);
    expect(dial.request).toEqual({ method: 'Dial', params: { USUARIO: '1001', TELEFONO: '1155550000' } });
    expect(dialed.state).toMatchObject({ phase: 'dialing', call: { direction: 'outbound', number: '1155550000', callId: null, legId: null } });

    const run = walk(dialed.state, [
      succeeded(dial, T0 + 1_100, true),
      platformLeg(T0 + 1_500),
      { kind: 'sipAnswered', at: T0 + 1_600, legId: LEG },
      { kind: 'platformCallStarted', at: T0 + 2_000, callId: CALL, direction: 'outbound', number: '1155550000', queue: null, campaign: null, callType: 'Manual', clave: null },
      { kind: 'sipEnded', at: T0 + 30_000, legId: LEG, by: 'remote', reason: 'BYE' },
    ]);
    const [afterResult, afterLeg, afterAnswer, afterPosition, afterBye] = run.effects;
    expect(afterResult).toEqual([]);
    expect(afterLeg, 'the platform leg is answered without ringing').toEqual([{ kind: 'sip', action: 'answer', legId: LEG }]);
    expect(afterAnswer).toEqual([]);
    expect(afterPosition).toEqual([]);
    expect(kinds(afterBye ?? [])).toEqual(['logCall']);
    expect(afterBye?.[0]).toMatchObject({ final: false, call: { callId: CALL, direction: 'outbound', answeredAt: T0 + 1_600, endedAt: T0 + 30_000, endedBy: 'remote' } });
    expect(run.state).toMatchObject({ phase: 'wrapUp', step: 'open', releaseDeadline: null });

    const play = step(run.state, { kind: 'available', at: T0 + 40_000 });
    expect(play.state, 'Play is CRM_Available after every call (seed 004), contact or not').toMatchObject({ phase: 'wrapUp', step: 'releasing' });
    expect(kinds(play.effects)).toEqual(['neoapi:CRM_Available']);
    const done = step(play.state, succeeded(onlyRequest(play.effects), T0 + 40_100));
    expect(done.state.phase).toBe('ready');
    expect(done.effects).toEqual([expect.objectContaining({ kind: 'logCall', final: true })]);
  });

  it('pops a manual dial by the dialled number once, when it is dialled; a dial from a record (with its contact) does not', () => {
    const dialed = step(loggedIn(), { kind: 'dial', at: T0, number: '1155550000' });
    expect(dialed.effects.filter((e) => e.kind === 'screenPop')).toEqual([{ kind: 'screenPop', call: expect.objectContaining({ direction: 'outbound', number: '1155550000', popped: 'number' }) }]);
    for (const autoAnswerPlatformLegs of [true, false]) {
      const leg = step(dialed.state, platformLeg(T0 + 500), contextWith({ autoAnswerPlatformLegs }));
      expect(kinds(leg.effects), 'the platform leg does not pop it again').not.toContain('screenPop');
    }
    const clicked = step(loggedIn(), { kind: 'dial', at: T0, number: '1155550000', contact: CONTACT });
    expect(kinds(clicked.effects), 'click-to-dial already knows its record').not.toContain('screenPop');
  });

  it('rings the platform leg for the agent when auto-answer is off', () => {
    const context = contextWith({ autoAnswerPlatformLegs: false });
    const dialed = step(loggedIn(), { kind: 'dial', at: T0, number: '1155550000' }, context);
    const leg = step(dialed.state, platformLeg(T0 + 500), context);
    expect(leg.state).toMatchObject({ phase: 'ringing', autoAnswer: false, call: { legId: LEG, platformLeg: true } });
    expect(leg.effects, 'a platform leg is not popped by its From').toEqual([{ kind: 'ringer', on: true }]);
  });

  it('returns to ready and says why when Dial answers false', () => {
    const dialed = step(loggedIn(), { kind: 'dial', at: T0, number: '1155550000' });
    const refused = step(dialed.state, succeeded(onlyRequest(dialed.effects), T0 + 100, false));
    expect(refused.state).toMatchObject({ phase: 'ready', pending: [] });
    expect(refused.effects).toEqual([{ kind: 'notify', notice: 'dialFailed', level: 'error', detail: 'the platform refused the dial', failure: { op: 'dial', code: 'REFUSED' } }]);
  });

  it('refuses to dial while the phone is not registered, or a number without digits', () => {
    const ready = loggedIn();
    expect(transition({ ...ready, phone: 'reconnecting' }, { kind: 'dial', at: T0, number: '1155550000' }, CONTEXT)).toMatchObject({ ok: false, error: { code: 'PHONE_NOT_REGISTERED' } });
    expect(transition(ready, { kind: 'dial', at: T0, number: '+-' }, CONTEXT)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('goes back to ready when the dial is cancelled before the platform numbered it or rang the phone', () => {
    const dialed = step(loggedIn(), { kind: 'dial', at: T0, number: '1155550000' });
    const cancelling = step(dialed.state, { kind: 'hangUp', at: T0 + 200 });
    const hangup = onlyRequest(cancelling.effects);
    expect(hangup.request).toEqual({ method: 'Hangup', params: { USUARIO: '1001' } });
    const done = step(cancelling.state, succeeded(hangup, T0 + 300));
    expect(done.state.phase, 'no Position end or BYE will come for a call that never existed').toBe('ready');
  });

  it('declines a platform leg that arrives after the agent cancelled the dial instead of answering it', () => {
    const dialed = step(loggedIn(), { kind: 'dial', at: T0, number: '1155550000' });
    const cancelling = step(dialed.state, { kind: 'hangUp', at: T0 + 200 });
    const late = step(cancelling.state, platformLeg(T0 + 250));
    expect(late.state.phase).toBe('dialing');
    expect(late.effects).toEqual([{ kind: 'sip', action: 'reject', legId: LEG, status: 486 }]);
  });

  it('answers a queued INVITE during a dial with busy', () => {
    const dialed = step(loggedIn(), { kind: 'dial', at: T0, number: '1155550000' });
    const queued = step(dialed.state, { kind: 'sipIncoming', at: T0 + 100, legId: OTHER_LEG, callId: null, leg: 'queue', answerAfterZero: false, from: '1144440000', queue: 4 });
    expect(queued.state).toBe(dialed.state);
    expect(kinds(queued.effects)).toEqual(['sip:reject', 'notify:callRejectedBusy']);
  });
});

describe('inbound queued call', () => {
  it('rings and pops by number, is answered by the agent, and is hung up by the agent', () => {
    const incoming = step(loggedIn(), { kind: 'sipIncoming', at: T0 + 1_000, legId: LEG, callId: CALL, leg: 'queue', answerAfterZero: false, from: '1144440000', queue: 4 });
    expect(incoming.state).toMatchObject({ phase: 'ringing', autoAnswer: false, call: { direction: 'inbound', number: '1144440000', queue: 4, popped: 'number' } });
    expect(kinds(incoming.effects)).toEqual(['ringer', 'screenPop']);

    const answering = step(incoming.state, { kind: 'answer', at: T0 + 3_000 });
    expect(answering.effects).toEqual([{ kind: 'ringer', on: false }, { kind: 'sip', action: 'answer', legId: LEG }]);
    const talking = step(answering.state, { kind: 'sipAnswered', at: T0 + 3_200, legId: LEG });
    expect(talking.state).toMatchObject({ phase: 'connected', held: false, muted: false, call: { answeredAt: T0 + 3_200 } });
    expect(talking.effects, 'the ringer was already stopped by the answer').toEqual([]);

    const hanging = step(talking.state, { kind: 'hangUp', at: T0 + 60_000 });
    expect(kinds(hanging.effects)).toEqual(['sip:hangup', 'neoapi:Hangup']);
    const bye = step(hanging.state, { kind: 'sipEnded', at: T0 + 60_050, legId: LEG, by: 'local', reason: null });
    expect(bye.state).toMatchObject({ phase: 'wrapUp', call: { endedBy: 'local' } });
    const result = step(bye.state, succeeded(onlyRequest(hanging.effects), T0 + 60_100));
    expect(result.state).toMatchObject({ phase: 'wrapUp', pending: [] });
    expect(result.effects).toEqual([]);
  });

  it('ends a declined call by Position as rejected, without hanging up the declined leg again', () => {
    const rejecting = step(STATES.ringing, { kind: 'reject', at: T0 + 2_000 });
    const ended = step(rejecting.state, { kind: 'platformCallEnded', at: T0 + 2_100, callId: CALL });
    expect(ended.state.phase).toBe('ready');
    expect(ended.effects).toEqual([expect.objectContaining({ kind: 'logCall', final: true, call: expect.objectContaining({ endedBy: 'rejected' }) })]);
  });

  it('does not send a second BYE when Position ends a call the agent already hung up', () => {
    const hanging = step(STATES.connected, { kind: 'hangUp', at: T0 + 60_000 });
    const ended = step(hanging.state, { kind: 'platformCallEnded', at: T0 + 60_100, callId: CALL });
    expect(ended.state).toMatchObject({ phase: 'wrapUp', call: { endedBy: 'local' } });
    expect(kinds(ended.effects)).toEqual(['logCall']);
  });

  it('goes straight back to ready with a final Task when the caller gives up before the answer', () => {
    const gaveUp = step(STATES.ringing, { kind: 'sipEnded', at: T0 + 5_000, legId: LEG, by: 'remote', reason: 'CANCEL' });
    expect(gaveUp.state.phase).toBe('ready');
    expect(gaveUp.effects).toEqual([{ kind: 'ringer', on: false }, expect.objectContaining({ kind: 'logCall', final: true, call: expect.objectContaining({ endedBy: 'remote' }) })]);
  });

  it('declines a call the agent rejects, silences the ringer once, and logs it as rejected', () => {
    const rejecting = step(STATES.ringing, { kind: 'reject', at: T0 + 2_000 });
    expect(rejecting.effects).toEqual([{ kind: 'ringer', on: false }, { kind: 'sip', action: 'reject', legId: LEG, status: 486 }]);
    expect(transition(rejecting.state, { kind: 'answer', at: T0 + 2_010 }, CONTEXT), 'a declined call cannot be answered').toMatchObject({ ok: false, error: { code: 'NOT_RINGING' } });
    expect(transition(rejecting.state, { kind: 'reject', at: T0 + 2_020 }, CONTEXT), 'nor declined twice').toMatchObject({ ok: false, error: { code: 'NOT_RINGING' } });
    const ended = step(rejecting.state, { kind: 'sipEnded', at: T0 + 2_050, legId: LEG, by: 'local', reason: null });
    expect(ended.effects).toEqual([expect.objectContaining({ kind: 'logCall', call: expect.objectContaining({ endedBy: 'rejected' }) })]);
  });
});

describe('dialer contact', () => {
  it('pops the contact, tells the platform it is shown, talks, categorises, and releases with CRM_Available', () => {
    const delivered = step(loggedIn(), { kind: 'contactDelivered', at: T0 + 1_000, callId: CALL, direction: 'outbound', contact: CONTACT });
    expect(delivered.state).toMatchObject({ phase: 'ringing', call: { direction: 'dialer', contact: CONTACT, popped: 'contact', number: CONTACT.phone } });
    expect(delivered.effects[0]).toMatchObject({ kind: 'screenPop', call: { contact: CONTACT } });
    const shown = onlyRequest(delivered.effects);
    expect(shown.request).toEqual({ method: 'CRM_ShowingContact', params: { USUARIO: '1001', BASE: 3, IDCONTACTO: 4567, DATA: CONTACT.data } });

    const run = walk(delivered.state, [
      succeeded(shown, T0 + 1_100),
      platformLeg(T0 + 1_200),
      { kind: 'sipAnswered', at: T0 + 1_300, legId: LEG },
      { kind: 'sipEnded', at: T0 + 90_000, legId: LEG, by: 'remote', reason: 'BYE' },
    ]);
    expect(run.effects[1], 'the dialer leg is answered automatically and not popped again').toEqual([{ kind: 'sip', action: 'answer', legId: LEG }]);
    expect(run.state).toMatchObject({ phase: 'wrapUp', step: 'open' });

    const categorising = step(run.state, { kind: 'categorise', at: T0 + 95_000, subcategory: 12 });
    const update = onlyRequest(categorising.effects);
    expect(update.request).toEqual({
      method: 'UpdateContact',
      params: { CRM: 7, USUARIO: '1001', BASE: 3, IDCONTACTO: 4567, DATA: CONTACT.data, SUBCATEGORIA: 12, XML_UPDATE: '', AGENDA: false, FECHA_AGENDA: NO_CALLBACK_DATE, USUARIO_AGENDA: '', TEL_AGENDA: '' },
    });
    expect(transition(categorising.state, { kind: 'available', at: T0 + 95_001 }, CONTEXT)).toMatchObject({ ok: false, error: { code: 'OPERATION_PENDING' } });
    const categorised = step(categorising.state, succeeded(update, T0 + 95_100));
    expect(categorised.state).toMatchObject({ phase: 'wrapUp', step: 'open', call: { disposition: { subcategory: 12, callbackAt: null } } });

    const releasing = step(categorised.state, { kind: 'available', at: T0 + 96_000 });
    const release = onlyRequest(releasing.effects);
    expect(release.request).toEqual({ method: 'CRM_Available', params: { USUARIO: '1001' } });
    const done = step(releasing.state, succeeded(release, T0 + 96_100));
    expect(done.state.phase).toBe('ready');
    expect(done.effects).toEqual([expect.objectContaining({ kind: 'logCall', final: true, call: expect.objectContaining({ disposition: { subcategory: 12, callbackAt: null } }) })]);
  });

  it('schedules a callback, which frees the agent without Play', () => {
    const scheduling = step(STATES.wrapUp, { kind: 'scheduleCallback', at: T0 + 95_000, subcategory: 12, when: '2026-12-05T10:00:00', phone: '1155550001', mine: true });
    const update = onlyRequest(scheduling.effects);
    expect(update.request.params).toMatchObject({ AGENDA: true, FECHA_AGENDA: '2026-12-05T10:00:00', USUARIO_AGENDA: '1001', TEL_AGENDA: '1155550001' });
    const done = step(scheduling.state, succeeded(update, T0 + 95_100));
    expect(done.state.phase).toBe('ready');
    expect(kinds(done.effects)).toEqual(['cancelTimer', 'logCall']);
  });

  it('requires a disposition before Play when release without one is not allowed', () => {
    const context = contextWith({ allowContactRelease: false });
    expect(transition(STATES.wrapUp, { kind: 'available', at: T0 }, context)).toMatchObject({ ok: false, error: { code: 'CATEGORISATION_REQUIRED' } });
    expect(transition(STATES.wrapUp, { kind: 'releaseContact', at: T0 }, context)).toMatchObject({ ok: false, error: { code: 'RELEASE_NOT_ALLOWED' } });
  });

  it('keeps the wrap-up open and says why when UpdateContact fails', () => {
    const categorising = step(STATES.wrapUp, { kind: 'categorise', at: T0, subcategory: 12 });
    const back = step(categorising.state, failed(onlyRequest(categorising.effects), T0 + 100, 'bad SUBCATEGORIA'));
    expect(back.state).toMatchObject({ phase: 'wrapUp', step: 'open', proposed: null, call: { disposition: null } });
    expect(kinds(back.effects)).toEqual(['notify:operationFailed']);
  });
});

describe('automatic release', () => {
  const context = contextWith({ automaticContactReleaseSeconds: 30 });

  it('starts a countdown when the call ends and releases the contact when it elapses', () => {
    const ended = step(STATES.connected, { kind: 'sipEnded', at: T0 + 60_000, legId: LEG, by: 'remote', reason: null }, context);
    expect(ended.effects).toContainEqual({ kind: 'startTimer', timer: 'autoRelease', callId: CALL, at: T0 + 90_000 });
    const early = step(ended.state, { kind: 'autoReleaseElapsed', at: T0 + 89_999, callId: CALL }, context);
    expect(early.state, 'a timer firing early is ignored').toBe(ended.state);
    const elapsed = step(ended.state, { kind: 'autoReleaseElapsed', at: T0 + 90_000, callId: CALL }, context);
    expect(elapsed.state, 'the countdown releases with CRM_Available, contact or not').toMatchObject({ phase: 'wrapUp', step: 'releasing' });
    expect(kinds(elapsed.effects)).toEqual(['neoapi:CRM_Available']);
  });

  it('sends CRM_Available for a contact when the countdown elapses, and ignores a countdown of another call', () => {
    const elapsed = step(STATES.wrapUp, { kind: 'autoReleaseElapsed', at: T0 + 90_000, callId: CALL }, context);
    expect(onlyRequest(elapsed.effects).request.method).toBe('CRM_Available');
    const other = step(STATES.wrapUp, { kind: 'autoReleaseElapsed', at: T0 + 90_000, callId: null }, context);
    expect(other.state).toBe(STATES.wrapUp);
  });
});

describe('in-call controls', () => {
  it('holds and resumes when the phone confirms, refusing a second hold', () => {
    const holding = step(STATES.connected, { kind: 'hold', at: T0 });
    expect(holding.effects).toEqual([{ kind: 'sip', action: 'hold', legId: LEG }]);
    const held = step(holding.state, { kind: 'sipHoldChanged', at: T0 + 100, legId: LEG, held: true });
    expect(held.state).toMatchObject({ held: true });
    expect(transition(held.state, { kind: 'hold', at: T0 + 200 }, CONTEXT)).toMatchObject({ ok: false, error: { code: 'ALREADY_HELD' } });
    const resuming = step(held.state, { kind: 'resume', at: T0 + 300 });
    expect(resuming.effects).toEqual([{ kind: 'sip', action: 'resume', legId: LEG }]);
    expect(step(resuming.state, { kind: 'sipHoldChanged', at: T0 + 400, legId: LEG, held: false }).state).toMatchObject({ held: false });
  });

  it('mutes and unmutes the microphone', () => {
    const muting = step(STATES.connected, { kind: 'mute', at: T0 });
    expect(muting.effects).toEqual([{ kind: 'sip', action: 'mute', legId: LEG }]);
    const muted = step(muting.state, { kind: 'sipMuteChanged', at: T0 + 10, legId: LEG, muted: true });
    expect(step(muted.state, { kind: 'unmute', at: T0 + 20 }).effects).toEqual([{ kind: 'sip', action: 'unmute', legId: LEG }]);
  });

  it('sends DTMF digits and refuses anything that is not one digit', () => {
    expect(step(STATES.connected, { kind: 'sendDtmf', at: T0, digit: '#' }).effects).toEqual([{ kind: 'sip', action: 'dtmf', legId: LEG, digit: '#' }]);
    expect(transition(STATES.connected, { kind: 'sendDtmf', at: T0, digit: '12' }, CONTEXT)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', hint: 'Send one of 0-9, *, #, A-D.' } });
  });

  it('keeps the hold state when the re-INVITE fails, and tells the agent', () => {
    const failedHold = step(STATES.connected, { kind: 'sipActionFailed', at: T0, legId: LEG, action: 'hold', message: '488 Not Acceptable Here' });
    expect(failedHold.state).toBe(STATES.connected);
    expect(failedHold.effects).toEqual([{ kind: 'notify', notice: 'sipActionFailed', level: 'error', detail: '488 Not Acceptable Here' }]);
  });
});
