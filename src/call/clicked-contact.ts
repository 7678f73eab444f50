/**
 * Click-to-dial sends the dial at once and looks the clicked record's Neotel contact up beside it
 * (an Apex round trip in production): the contact joins the call when it arrives, in whatever
 * phase the call has reached by then.
 */
import type { ClickedContactFound } from './events.ts';
import { accept, ignore, type TransitionResult } from './outcome.ts';
import { hasCall, type AgentState } from './state.ts';

/**
 * Attaches the contact to the outbound call the click started (one started at or after the
 * click, with no contact yet); anything else (no call, another call, a contact already there) is
 * stale and ignored.
 */
export function clickedContactFound(state: AgentState, event: ClickedContactFound): TransitionResult {
  if (!hasCall(state)) return ignore(state);
  const call = state.call;
  if (call.direction !== 'outbound' || call.contact !== null || call.startedAt < event.clickedAt) return ignore(state);
  return accept({ ...state, call: { ...call, contact: event.contact } });
}
