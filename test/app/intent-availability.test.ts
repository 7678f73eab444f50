/**
 * `view.can` is the machine's own answer: for a table of states, every offered intent is available
 * exactly when the real `transition()` accepts the intent the UI would send (with the agent's real
 * arguments, not the dry run's samples), and refused with the same code otherwise. A rule
 * re-derived anywhere else (the samples, a component) that disagrees with the machine fails here.
 */
import { describe, expect, it } from 'vitest';
import { intentAvailabilityOf, offeredChoicesOf } from '../../src/app/intent-availability.ts';
import { initialView } from '../../src/app/view-model.ts';
import { transition, type AgentEvent, type AgentState, type MachineContext, type Session } from '../../src/call/index.ts';
import { OFFERED_INTENTS, type OfferedIntent } from '../../src/view/intent-availability-view.ts';
import { shippedConfig } from '../support/shipped-config.ts';
import { CONTEXT, STATES, T0, callFacts, contextWith, deepFreeze } from '../call/support.ts';

const AT = T0 + 120_000;

/** The intent exactly as the components send it, with what an agent would pick or type. */
function realIntent(kind: OfferedIntent): AgentEvent {
  switch (kind) {
    case 'sendDtmf':
      return { kind, at: AT, digit: '5' };
    case 'transfer':
      return { kind, at: AT, target: { kind: 'user', user: '1002' }, mode: 'attended' };
    case 'inviteParticipant':
      return { kind, at: AT, target: { kind: 'number', number: '1148765432' } };
    case 'categorise':
      return { kind, at: AT, subcategory: 101 };
    case 'scheduleCallback':
      return { kind, at: AT, subcategory: 102, when: '2030-05-04T10:30:00', phone: '1155550000', mine: false };
    case 'enterCampaign':
      // A number typed in the campaign picker, not one of the listed campaigns.
      return { kind, at: AT, campaign: 77 };
    default:
      return { kind, at: AT };
  }
}

const { connected, ringing, dialing, wrapUp } = STATES;
const readyWith = (session: Partial<Session>): AgentState => ({ ...STATES.ready, session: { ...STATES.ready.session, ...session } });
const ON_BREAK = { kind: 'onBreak', subtype: 2, since: T0 } as const;
const IN_CAMPAIGN = { kind: 'in', id: 5, since: T0 } as const;
const consulting = (step: 'starting' | 'talking' | 'completing' | 'ending'): AgentState => ({ ...connected, control: { kind: 'consulting', target: { kind: 'user', user: '1002' }, step } });
const conference = (step: 'starting' | 'on' | 'ending', inviting = false): typeof connected => ({
  ...connected,
  control: {
    kind: 'conference',
    step,
    participants: [
      { target: { kind: 'number', number: '1148765432' }, id: 'SIP/ext-1', state: 'in', request: null },
      { target: { kind: 'user', user: '1003' }, id: 'SIP/1003-2', state: 'leaving', previous: 'ringing', request: null },
      ...(inviting ? [{ target: { kind: 'user', user: '1004' }, id: null, state: 'inviting', request: null } as const] : []),
    ],
  },
});

/** States an agent meets, with the settings that change the answers. */
const TABLE: readonly (readonly [string, AgentState, MachineContext])[] = [
  ['logged out', STATES.loggedOut, CONTEXT],
  ['logging in', STATES.loggingIn, CONTEXT],
  ['ready', STATES.ready, CONTEXT],
  ['on a break', readyWith({ availability: ON_BREAK }), CONTEXT],
  ['a break starting', readyWith({ availability: { kind: 'pausing', subtype: 2, previous: null } }), CONTEXT],
  ['a break ending', readyWith({ availability: { kind: 'unpausing', subtype: 2, since: T0 } }), CONTEXT],
  ['in a campaign', readyWith({ campaign: IN_CAMPAIGN }), CONTEXT],
  ['joining a campaign', readyWith({ campaign: { kind: 'joining', id: 5, previous: null } }), CONTEXT],
  ['leaving a campaign', readyWith({ campaign: { kind: 'leaving', id: 5, since: T0 } }), CONTEXT],
  ['logging out', STATES.loggingOut, CONTEXT],
  ['dialing', dialing, CONTEXT],
  ['dialing, cancel sent', { ...dialing, hangUpRequested: true }, CONTEXT],
  ['ringing, no leg yet', { ...ringing, call: callFacts({ legId: null }) }, CONTEXT],
  ['ringing', ringing, CONTEXT],
  ['ringing, being answered', { ...ringing, answering: true }, CONTEXT],
  ['ringing, auto-answering', { ...ringing, autoAnswer: true, answering: true }, CONTEXT],
  ['ringing, declined', { ...ringing, call: callFacts({ endedBy: 'rejected' }) }, CONTEXT],
  ['connected', connected, CONTEXT],
  ['connected, held and muted', { ...connected, held: true, muted: true }, CONTEXT],
  ['connected, hang-up sent', { ...connected, hangUpRequested: true }, CONTEXT],
  ['connected, no leg (resumed after a reload)', { ...connected, call: callFacts({ legId: null, answeredAt: T0 }) }, CONTEXT],
  ['blind transfer in flight', { ...connected, control: { kind: 'transferring', target: { kind: 'queue', queue: 4 } } }, CONTEXT],
  ['consultation starting', consulting('starting'), CONTEXT],
  ['consultation talking', consulting('talking'), CONTEXT],
  ['consultation completing', consulting('completing'), CONTEXT],
  ['conference starting', conference('starting'), CONTEXT],
  ['conference on', conference('on'), CONTEXT],
  ['conference on, inviting', conference('on', true), CONTEXT],
  ['conference ending', conference('ending'), CONTEXT],
  ['wrap-up', wrapUp, CONTEXT],
  ['wrap-up, categorising', { ...wrapUp, step: 'categorising' }, CONTEXT],
  ['wrap-up, releasing', { ...wrapUp, step: 'releasing' }, CONTEXT],
  ['wrap-up without contact', { ...wrapUp, call: callFacts({ contact: null, endedAt: T0 + 60_000 }) }, CONTEXT],
  ['wrap-up, categorisation off', wrapUp, contextWith({ allowCategorization: false })],
  ['wrap-up, disposition required', wrapUp, contextWith({ allowContactRelease: false })],
  ['wrap-up, disposition saved', { ...wrapUp, call: { ...wrapUp.call, disposition: { subcategory: 101, callbackAt: null } } }, contextWith({ allowContactRelease: false })],
  ['wrap-up, callbacks booked separately', wrapUp, contextWith({ callbackBooking: 'separate' })],
];

describe('view.can: a dry run of the machine', () => {
  it.each(TABLE)('in %s, says for every offered intent what the real transition answers', (_name, state, context) => {
    const can = intentAvailabilityOf(deepFreeze(state), context, AT);
    for (const kind of OFFERED_INTENTS) {
      const real = transition(state, realIntent(kind), context);
      const expected = real.ok ? { ok: true } : { ok: false, code: real.error.code };
      expect(can.intents[kind], kind).toEqual(expected);
    }
  });

  it('covers the table: each intent is both offered and refused somewhere, so no row is vacuous', () => {
    for (const kind of OFFERED_INTENTS) {
      const answers = TABLE.map(([, state, context]) => intentAvailabilityOf(state, context).intents[kind].ok);
      expect(answers, kind).toContain(true);
      expect(answers, kind).toContain(false);
    }
  });

  it.each(TABLE)('in %s, says for each offered break and campaign what the real transition answers (the status menu)', (_name, state, context) => {
    const choices = offeredChoicesOf({ breakTypes: [{ id: 1 }, { id: 2 }], campaigns: [{ id: 5 }, { id: 6 }] });
    const can = intentAvailabilityOf(deepFreeze(state), context, AT, choices);
    expect(Object.keys(can.pause).map(Number)).toEqual([1, 2]);
    expect(Object.keys(can.enterCampaign).map(Number)).toEqual([5, 6]);
    for (const subtype of choices.breaks) {
      const real = transition(state, { kind: 'pause', at: AT, subtype }, context);
      expect(can.pause[subtype], `break ${subtype}`).toEqual(real.ok ? { ok: true } : { ok: false, code: real.error.code });
    }
    for (const campaign of choices.campaigns) {
      const real = transition(state, { kind: 'enterCampaign', at: AT, campaign }, context);
      expect(can.enterCampaign[campaign], `campaign ${campaign}`).toEqual(real.ok ? { ok: true } : { ok: false, code: real.error.code });
    }
  });

  it('refuses the current break and campaign again, and any while a change is pending, as the status menu shows', () => {
    const choices = { breaks: [1, 2], campaigns: [5, 6] };
    const onBreak = intentAvailabilityOf(readyWith({ availability: ON_BREAK }), CONTEXT, AT, choices);
    expect(onBreak.pause).toEqual({ 1: { ok: true }, 2: { ok: false, code: 'ALREADY_ON_BREAK' } });
    expect(onBreak.intents.unpause).toEqual({ ok: true });
    const starting = intentAvailabilityOf(readyWith({ availability: { kind: 'pausing', subtype: 2, previous: null } }), CONTEXT, AT, choices);
    expect(starting.pause[1]).toEqual({ ok: false, code: 'OPERATION_PENDING' });
    const inCampaign = intentAvailabilityOf(readyWith({ campaign: IN_CAMPAIGN }), CONTEXT, AT, choices);
    expect(inCampaign.enterCampaign).toEqual({ 5: { ok: false, code: 'ALREADY_IN_CAMPAIGN' }, 6: { ok: true } });
    expect(inCampaign.intents.leaveCampaign).toEqual({ ok: true });
    expect(intentAvailabilityOf(STATES.ready, CONTEXT, AT, choices).intents.leaveCampaign).toEqual({ ok: false, code: 'NOT_IN_CAMPAIGN' });
  });

  it('answers Remove per conference participant as the machine does', () => {
    const state = conference('on');
    const can = intentAvailabilityOf(state, CONTEXT, AT);
    expect(Object.keys(can.kickParticipant).sort()).toEqual(['SIP/1003-2', 'SIP/ext-1']);
    for (const [participant, answer] of Object.entries(can.kickParticipant)) {
      const real = transition(state, { kind: 'kickParticipant', at: AT, participant }, CONTEXT);
      expect(answer, participant).toEqual(real.ok ? { ok: true } : { ok: false, code: real.error.code });
    }
    expect(can.kickParticipant['SIP/ext-1']).toEqual({ ok: true });
    const ending = intentAvailabilityOf({ ...state, hangUpRequested: true }, CONTEXT, AT);
    expect(ending.kickParticipant['SIP/ext-1'], 'the call is being ended').toEqual({ ok: false, code: 'OPERATION_PENDING' });
  });

  it('changes nothing: the state is frozen, and the same state gives the same answer twice', () => {
    const state = deepFreeze(consulting('talking'));
    const before = JSON.stringify(state);
    const first = intentAvailabilityOf(state, CONTEXT, AT);
    expect(JSON.stringify(state)).toBe(before);
    expect(intentAvailabilityOf(state, CONTEXT, AT + 60_000), 'no rule reads the clock').toEqual(first);
  });

  it('holds the rules the components used to re-derive, now the machine’s', () => {
    // The call card disabled hold and mute only while a hang-up was in flight: the machine also
    // refuses them without a leg, and hang-up during a consultation.
    expect(intentAvailabilityOf({ ...connected, call: callFacts({ legId: null }) }, CONTEXT).intents.hold).toEqual({ ok: false, code: 'NO_CALL' });
    expect(intentAvailabilityOf(consulting('talking'), CONTEXT).intents.hangUp).toEqual({ ok: false, code: 'TRANSFER_IN_PROGRESS' });
    // The wrap-up enabled Available whenever nothing was pending: the machine wants a disposition first when release is not allowed.
    expect(intentAvailabilityOf(wrapUp, contextWith({ allowContactRelease: false })).intents.available).toEqual({ ok: false, code: 'CATEGORISATION_REQUIRED' });
    // The ringing card disabled Decline while answering: the machine refuses it too.
    expect(intentAvailabilityOf({ ...ringing, answering: true }, CONTEXT).intents.reject).toEqual({ ok: false, code: 'OPERATION_PENDING' });
  });

  it('is in the first view the app draws, from the configuration', () => {
    const view = initialView(STATES.loggedOut, shippedConfig());
    expect(view.can.intents.hangUp).toEqual({ ok: false, code: 'NOT_LOGGED_IN' });
  });
});

