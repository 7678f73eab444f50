/**
 * A leg the phone answers by itself (src/call/auto-answer.ts): the phone asks `answersAtOnce`
 * inside the INVITE's task, then the leg arrives as `sipIncoming` with `answering`. The machine
 * enters the call already answering (no ringer, no `answer` effect of its own) exactly where its
 * own rule would have answered, and hangs up a leg it would not have answered.
 */
import { describe, expect, it } from 'vitest';
import { answersAtOnce, transition, type AgentEvent, type AgentState, type Effect } from '../../src/call/index.ts';
import { expectWellFormedEffects } from './effect-checks.ts';
import { CALL, LEG, OTHER_LEG, STATES, T0, contextWith, loggedIn, step } from './support.ts';

type Incoming = Extract<AgentEvent, { kind: 'sipIncoming' }>;

const platformLeg = (changes: Partial<Incoming> = {}): Incoming => ({ kind: 'sipIncoming', at: T0 + 500, legId: LEG, callId: CALL, leg: 'platform', answerAfterZero: true, from: '1155550000', queue: null, ...changes });
const answering = (event: Incoming): Incoming => ({ ...event, answering: true });
const hangUpOnly = (legId = LEG): Effect[] => [{ kind: 'sip', action: 'hangup', legId }, { kind: 'notify', notice: 'callRejectedBusy', level: 'info', detail: '1155550000' }];

function dialed(): AgentState {
  return step(loggedIn(), { kind: 'dial', at: T0, number: '1155550000' }).state;
}

describe('a leg the phone is already answering', () => {
  it('enters the call answering straight from ready: the state of the machine’s own auto-answer, without its answer effect, ringer or pop', () => {
    const ready = loggedIn();
    const event = platformLeg();
    expect(answersAtOnce(ready, event, contextWith())).toBe(true);
    const own = step(ready, event);
    expect(own.effects, 'what the phone now does itself').toEqual([{ kind: 'sip', action: 'answer', legId: LEG }]);
    const taken = step(ready, answering(event));
    expectWellFormedEffects(ready, taken.state, taken.effects);
    expect(taken.state).toEqual(own.state);
    expect(taken.state).toMatchObject({ phase: 'ringing', autoAnswer: true, answering: true, call: { legId: LEG, platformLeg: true, direction: 'dialer' } });
    expect(taken.effects).toEqual([]);
  });

  it('enters the call answering from dialing (the dial’s own platform leg), keeping the dial’s facts', () => {
    const dialing = dialed();
    expect(answersAtOnce(dialing, platformLeg(), contextWith())).toBe(true);
    const taken = step(dialing, answering(platformLeg()));
    expect(taken.state).toMatchObject({ phase: 'ringing', autoAnswer: true, answering: true, call: { legId: LEG, direction: 'outbound', number: '1155550000' } });
    expect(taken.effects).toEqual([]);
  });

  it('takes over from wrap-up as the platform does (the wrap-up ends with its own effects), minus the answer', () => {
    const event = platformLeg({ legId: OTHER_LEG });
    expect(answersAtOnce(STATES.wrapUp, event, contextWith())).toBe(true);
    const own = step(STATES.wrapUp, event);
    const taken = step(STATES.wrapUp, answering(event));
    expect(taken.state).toEqual(own.state);
    expect(taken.state).toMatchObject({ phase: 'ringing', answering: true, call: { legId: OTHER_LEG } });
    expect(taken.effects).toEqual(own.effects.filter((e) => !(e.kind === 'sip' && e.action === 'answer')));
    expect(taken.effects.length).toBe(own.effects.length - 1);
  });

  it('then connects on sipAnswered, and refuses Answer and Decline while the answer is on its way', () => {
    const taken = step(loggedIn(), answering(platformLeg())).state;
    expect(transition(taken, { kind: 'answer', at: T0 + 600 }, contextWith())).toMatchObject({ ok: false, error: { code: 'OPERATION_PENDING' } });
    expect(transition(taken, { kind: 'reject', at: T0 + 600 }, contextWith())).toMatchObject({ ok: false, error: { code: 'OPERATION_PENDING' } });
    const up = step(taken, { kind: 'sipAnswered', at: T0 + 700, legId: LEG });
    expect(up.state).toMatchObject({ phase: 'connected', call: { legId: LEG, answeredAt: T0 + 700 } });
    expect(up.effects).toEqual([]);
  });

  it('lets the agent answer by hand when the phone’s own answer failed', () => {
    const taken = step(loggedIn(), answering(platformLeg())).state;
    const failed = step(taken, { kind: 'sipActionFailed', at: T0 + 600, legId: LEG, action: 'answer', message: 'getUserMedia refused' });
    expect(failed.state).toMatchObject({ phase: 'ringing', autoAnswer: false, answering: false });
    expect(step(failed.state, { kind: 'answer', at: T0 + 700 }).effects).toContainEqual({ kind: 'sip', action: 'answer', legId: LEG });
  });

  it('ignores the same leg announced again instead of hanging up its own call', () => {
    const taken = step(loggedIn(), answering(platformLeg())).state;
    const again = step(taken, answering(platformLeg({ at: T0 + 550 })));
    expect(again.state).toBe(taken);
    expect(again.effects).toEqual([]);
  });
});

describe('legs the machine does not answer by itself: never answered at once, hung up if the phone did', () => {
  const refusals: { name: string; state: () => AgentState; event: Incoming; context?: Parameters<typeof contextWith>[0] }[] = [
    { name: 'auto-answer switched off', state: loggedIn, event: platformLeg(), context: { autoAnswerPlatformLegs: false } },
    { name: 'a queue call (the agent answers it)', state: loggedIn, event: platformLeg({ leg: 'queue', answerAfterZero: false, queue: 4 }) },
    { name: 'a dial the agent already cancelled', state: () => ({ ...(dialed() as Extract<AgentState, { phase: 'dialing' }>), hangUpRequested: true }), event: platformLeg() },
    { name: 'another leg during a call', state: () => STATES.connected, event: platformLeg({ legId: OTHER_LEG }) },
    { name: 'logged out', state: () => STATES.loggedOut, event: platformLeg() },
    { name: 'logging out', state: () => STATES.loggingOut, event: platformLeg() },
  ];
  for (const { name, state, event, context } of refusals) {
    it(name, () => {
      const before = state();
      expect(answersAtOnce(before, event, contextWith(context))).toBe(false);
      const taken = step(before, answering(event), contextWith(context));
      expect(taken.state, 'the machine keeps its state').toBe(before);
      expect(taken.effects).toEqual(hangUpOnly(event.legId));
    });
  }
});
