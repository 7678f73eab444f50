import type { CallFacts } from '../../call/call-facts.ts';
import type { AgentView } from '../../view/agent-view.ts';

/** Who the agent is talking to, as the call cards show it. */
export interface CallParty {
  /** The linked record's name, else the name the platform sent; `null` = only the number is known. */
  readonly name: string | null;
  readonly number: string | null;
}

/**
 * The name an agent knows the caller by: the Salesforce record the screen pop linked (what the
 * record card shows too, so the two never disagree), else the caller name the platform delivered.
 * Untrusted text: render it as text only.
 */
export function callPartyOf(view: AgentView, call: CallFacts): CallParty {
  // A blank name (whitespace only) is no name: the number is what identifies the call then.
  const named = [view.record?.linked?.name, call.callerName].map((text) => text?.trim() ?? '').find((text) => text !== '');
  return { name: named ?? null, number: call.number ?? null };
}
