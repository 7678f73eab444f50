/**
 * The poller's facts fed to the real agent machine (src/call) while the simulator runs a flow:
 * the phases an agent would see, and no phantom ringing from the record left on screen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseCallId, parseSipLegId, transition, type AgentEvent, type AgentState } from '../../../src/call/index.ts';
import { positionEvents } from '../../../src/platforms/neotel/position-events.ts';
import { parsePosition, type ParsedPosition } from '../../../src/platforms/neotel/position.ts';
import { CONTEXT, STATES } from '../../call/support.ts';
import { eventually, makeHarness, settle, type Harness } from '../../dev/neotel/center-harness.ts';

let h: Harness;
afterEach(() => h.center.shutdown());

/** Polls user 1001 and applies every fact to the machine; returns the phase after the poll. */
function agent(initial: AgentState): { poll(): string; state(): AgentState; apply(event: AgentEvent): string } {
  let previous: ParsedPosition | null = null;
  let state = initial;
  const apply = (event: AgentEvent): string => {
    const result = transition(state, event, CONTEXT);
    if (!result.ok) throw new Error(`machine refused ${event.kind}: ${result.error.message}`);
    state = result.state;
    return state.phase;
  };
  return {
    state: () => state,
    apply,
    poll() {
      const next = parsePosition(h.raw('1001'));
      for (const event of positionEvents(previous, next, h.clock.now())) apply(event);
      previous = next;
      return state.phase;
    },
  };
}

describe('positionEvents driving the agent machine', () => {
  it('rings for a dialer delivery with its record, wraps up on the hang-up and does not ring again for the record on screen', async () => {
    h = makeHarness();
    h.loginAgent('1001', 97);
    const a = agent(STATES.ready);
    expect(a.poll()).toBe('ready');
    h.center.setDialerRunning(true);
    await eventually(() => expect(h.pbx.lastAgentLeg('SIP/1001')).toBeDefined());
    expect(a.poll()).toBe('ringing');
    const ringing = a.state();
    expect(ringing.phase === 'ringing' && ringing.call.contact).toMatchObject({ base: 7, contactId: 12345, data: '003Dt000HccIdlkIIC' });
    h.center.setDialerRunning(false);
    h.center.hangup('1001');
    await settle();
    expect(a.poll()).toBe('wrapUp');
    expect(a.poll()).toBe('wrapUp');
    expect(a.poll()).toBe('wrapUp');
  });

  it('follows the break and campaign the platform reports', () => {
    h = makeHarness();
    h.loginAgent('1001');
    const a = agent(STATES.ready);
    a.poll();
    h.center.pause('1001', 12);
    h.center.loginCampaign('1001', 97);
    a.poll();
    const state = a.state();
    expect(state.phase === 'ready' && state.session).toMatchObject({ availability: { kind: 'onBreak', subtype: 12 }, campaign: { kind: 'in', id: 97 } });
  });

  it('gives the wrap-up the contact of a queue call answered and hung up between two polls, and never rings for it', async () => {
    h = makeHarness();
    h.loginAgent('1001');
    const a = agent(STATES.ready);
    expect(a.poll()).toBe('ready');
    // A caller with no key on the CRM queue (CLAVESF idContacto-): the platform rings the agent and
    // puts the inserted contact on the position, but no poll happens until the call is over.
    h.center.placeInbound({ number: '+12135550142', queue: 3, data: '' });
    await eventually(() => expect(h.pbx.lastAgentLeg('SIP/1001')).toBeDefined());
    const leg = h.pbx.lastAgentLeg('SIP/1001')!;
    const at = h.clock.now();
    const legId = parseSipLegId(leg.id)!;
    expect(a.apply({ kind: 'sipIncoming', at, legId, callId: parseCallId(leg.request.callId), leg: 'queue', answerAfterZero: false, from: '+12135550142', queue: 3 })).toBe('ringing');
    leg.answer();
    await settle();
    expect(a.apply({ kind: 'sipAnswered', at, legId })).toBe('connected');
    h.center.hangup('1001');
    await settle();
    expect(a.apply({ kind: 'sipEnded', at, legId, by: 'local', reason: 'BYE' })).toBe('wrapUp');
    const callId = leg.request.callId;
    expect(h.position('1001'), 'the call is gone, its contact still on the position').toMatchObject({ callId: undefined, callIdLast: callId, crmState: 'GetContact', base: 9 });

    expect(a.poll()).toBe('wrapUp');
    const wrapped = a.state();
    expect(wrapped.phase === 'wrapUp' && wrapped.call, 'the contact reached the wrap-up, so a callback can be booked').toMatchObject({ callId, contact: { crm: 3, base: 9 } });
    expect(a.poll(), 'reported once').toBe('wrapUp');
  });

  it('does not offer a call for the contact of a call already over when the agent is ready (a reloaded page)', async () => {
    h = makeHarness();
    h.loginAgent('1001');
    h.center.placeInbound({ number: '+12135550142', queue: 3, data: '' });
    await eventually(() => expect(h.pbx.lastAgentLeg('SIP/1001')).toBeDefined());
    h.pbx.lastAgentLeg('SIP/1001')!.answer();
    await settle();
    h.center.hangup('1001');
    await settle();
    const a = agent(STATES.ready);
    expect(a.poll(), 'the first poll after a reload sees the record left on screen').toBe('ready');
  });
});
