import type { AgentState } from '../../call/state.ts';

/**
 * The phone is answering the platform's own leg by itself (`autoAnswerPlatformLegs`): a ringing
 * state with nothing for the agent to decide, drawn as the call card rather than the ringing card.
 * A failed automatic answer clears `autoAnswer` (the card then rings, with Answer and Decline).
 */
export function isAutoAnswering(agent: AgentState): agent is Extract<AgentState, { phase: 'ringing' }> {
  return agent.phase === 'ringing' && agent.autoAnswer && agent.answering;
}
