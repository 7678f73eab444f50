/**
 * The phone answers a platform leg without a round through the app. Inside the INVITE's own task
 * it asks {@link answersAtOnce} — a dry run of the machine on the leg, the same rule that would
 * emit the `answer` effect — and when the answer is yes starts the 200 OK at once; the leg then
 * reaches the machine as `sipIncoming` with `answering: true`, which enters the call already
 * answering (transition.ts `alreadyAnswering`): no ringer, no `answer` effect, no view or
 * subscriber between the INVITE and the 200 OK's media work. docs/call-state-machine.md
 * ("Automatic answer").
 */
import type { MachineContext } from './context.ts';
import type { SipIncoming } from './events.ts';
import type { AgentState } from './state.ts';
import { answersLeg, transition } from './transition.ts';

/** Whether the machine, in `state`, answers the leg of `event` by itself at once. Pure. */
export function answersAtOnce(state: AgentState, event: SipIncoming, context: MachineContext): boolean {
  const result = transition(state, { ...event, answering: false }, context);
  return result.ok && answersLeg(result.effects, event.legId);
}
