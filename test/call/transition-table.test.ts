/**
 * Every (phase × event kind) pair, with the invariants the machine promises (transition.ts):
 * intents it cannot honour are refused with a known code and a hint, and leave the state alone;
 * facts are never refused; a repeated fact changes nothing; every effect is well-formed.
 */
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, FACT_KINDS, INTENT_KINDS, PHASES, REFUSAL_CODES, transition, type AgentState, type EventKind, type Phase } from '../../src/call/index.ts';
import { expectWellFormedEffects } from './effect-checks.ts';
import { EXPECTED_TABLE } from './expected-table.ts';
import { CONTEXT, STATES, deepFreeze, eventOf, kinds } from './support.ts';
import { HEAVY_LOOP_BUDGET_MS } from '../support/budgets.ts';

const PAIRS: readonly (readonly [Phase, EventKind])[] = PHASES.flatMap((phase) => EVENT_KINDS.map((kind) => [phase, kind] as const));
const FACTS: ReadonlySet<string> = new Set(FACT_KINDS);

/**
 * Facts that answer every occurrence, so a repeat is not a no-op: each INVITE is a new dialog the
 * phone must decline, and each failed SIP action is a new failure the agent must hear about. The
 * state object still stays the same.
 */
const ANSWERED_EVERY_TIME: ReadonlySet<EventKind> = new Set(['sipIncoming', 'sipActionFailed']);

/** A fresh, frozen copy of the representative state, so a mutating transition throws. */
function stateOf(phase: Phase): AgentState {
  return deepFreeze(structuredClone(STATES[phase]));
}

describe('the transition table', { timeout: HEAVY_LOOP_BUDGET_MS }, () => {
  it('covers every event kind exactly once, as an intent or as a fact', () => {
    expect([...INTENT_KINDS, ...FACT_KINDS].sort()).toEqual([...EVENT_KINDS].sort());
    expect(new Set(EVENT_KINDS).size).toBe(EVENT_KINDS.length);
    expect(INTENT_KINDS.filter((kind) => FACTS.has(kind))).toEqual([]);
  });

  it.each(PAIRS)('in %s, %s gives the outcome of the documented table', (phase, kind) => {
    const input = stateOf(phase);
    const result = transition(input, eventOf(kind), CONTEXT);
    const effects = result.ok && result.effects.length > 0 ? ` ${kinds(result.effects).join(' ')}` : '';
    const outcome = !result.ok ? `!${result.error.code}` : result.state !== input ? `${result.state.phase}${effects}` : effects === '' ? 'ignored' : `same${effects}`;
    expect(outcome).toBe(EXPECTED_TABLE[phase][kind]);
  });

  it.each(PAIRS)('in %s, %s obeys the refusal rules', (phase, kind) => {
    const state = stateOf(phase);
    const snapshot = structuredClone(state);
    const result = transition(state, eventOf(kind), CONTEXT);
    if (FACTS.has(kind)) {
      expect(result.ok, `fact ${kind} is never refused in ${phase}`).toBe(true);
      return;
    }
    if (result.ok) return;
    expect(REFUSAL_CODES).toContain(result.error.code);
    expect(result.error.hint.trim(), 'a refusal says what to do instead').not.toBe('');
    expect(result.error.message.trim(), 'a refusal says what was asked').not.toBe('');
    expect(state, 'a refused intent leaves the state untouched').toEqual(snapshot);
  });

  it.each(PAIRS)('in %s, %s produces only well-formed effects', (phase, kind) => {
    const state = stateOf(phase);
    const result = transition(state, eventOf(kind), CONTEXT);
    if (!result.ok) return;
    expectWellFormedEffects(state, result.state, result.effects);
  });

  it.each(PAIRS.filter(([, kind]) => FACTS.has(kind)))('in %s, %s repeated changes nothing the second time', (phase, kind) => {
    const first = transition(stateOf(phase), eventOf(kind), CONTEXT);
    if (!first.ok) throw new Error(`fact ${kind} refused in ${phase}`);
    const settled = deepFreeze(first.state);
    const second = transition(settled, eventOf(kind), CONTEXT);
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.state, `a repeated ${kind} returns the same state object`).toBe(settled);
    if (ANSWERED_EVERY_TIME.has(kind)) {
      expect(second.effects.every((effect) => effect.kind === 'notify' || (effect.kind === 'sip' && effect.action === 'reject'))).toBe(true);
    } else {
      expect(second.effects, `a repeated ${kind} has no effects`).toEqual([]);
    }
  });

  it.each(PHASES)('in %s, a NeoApi result for a request the machine never made is ignored', (phase) => {
    const state = stateOf(phase);
    for (const kind of ['commandSucceeded', 'commandFailed'] as const) {
      const result = transition(state, eventOf(kind), CONTEXT);
      expect(result).toEqual({ ok: true, state, effects: [] });
      if (result.ok) expect(result.state).toBe(state);
    }
  });
});
