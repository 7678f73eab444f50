/**
 * The poller's facts fed to the real agent machine (src/call) while the simulator runs a flow:
 * the phases an agent would see, and no phantom ringing from the record left on screen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { transition, type AgentState } from '../../../src/call/index.ts';
import { positionEvents } from '../../../src/platforms/neotel/position-events.ts';
import { parsePosition, type ParsedPosition } from '../../../src/platforms/neotel/position.ts';
import { CONTEXT, STATES } from '../../call/support.ts';
import { eventually, makeHarness, settle, type Harness } from '../../dev/neotel/center-harness.ts';

let h: Harness;
afterEach(() => h.center.shutdown());

/** Polls user 1001 and applies every fact to the machine; returns the phase after the poll. */
function agent(initial: AgentState): { poll(): string; state(): AgentState } {
  let previous: ParsedPosition | null = null;
  let state = initial;
  return {
    state: () => state,
    poll() {
      const next = parsePosition(h.raw('1001'));
      for (const event of positionEvents(previous, next, h.clock.now())) {
        const result = transition(state, event, CONTEXT);
        if (!result.ok) throw new Error(`machine refused ${event.kind}: ${result.error.message}`);
        state = result.state;
      }
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
});
