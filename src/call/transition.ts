/**
 * The agent + call state machine: one pure function from (state, event, context) to the next
 * state and the effects the app must run, or a refusal of the agent's intent with a hint.
 * No clock, no I/O, no DOM: time arrives inside events, and effects are data.
 *
 * ```
 *                 login                 sipRegistered / login ok
 *   ┌─────────┐ ──────────► ┌──────────┐ ───────────────────────► ┌───────────────────────────┐
 *   │loggedOut│             │loggingIn │                          │ ready                     │
 *   └─────────┘ ◄────────── └──────────┘                          │  availability: available │
 *     ▲    ▲   login failed / registration failed                 │   | pausing | onBreak     │
 *     │    │                                                      │   | unpausing             │
 *     │    │ logout ok / not logged.   ┌──────────┐  logout       │  campaign: none | joining │
 *     │    └────────────────────────── │loggingOut│ ◄──────────── │   | in | leaving          │
 *     │                                └──────────┘  (logout fail └───────────────────────────┘
 *     │ not logged. (forced,                           → ready)     │ dial     │ INVITE      ▲
 *     │ from any logged-in phase)                                   ▼          │ platform status    │
 *     │                                                      ┌───────┐       │ call/contact│
 *     │                                      dial false/fail │dialing│       │             │
 *     │                                        → ready ◄──── └───────┘       │             │
 *     │                                                          │ platform  │             │
 *     │                                                          │ leg INVITE▼             │
 *     │                                                          └──────► ┌───────┐        │
 *     │                       not answered, no contact: ended → ready ◄── │ringing│ (auto- │
 *     │                                                                   └───────┘ answer)│
 *     │                                                          sipAnswered │             │
 *     │                                                                      ▼             │
 *     │                                                          ┌─────────────────────┐   │
 *     │                                                          │connected            │   │
 *     │                                                          │ held, muted         │   │
 *     │                                                          └─────────────────────┘   │
 *     │                            BYE (local/remote) │ platform status platform call id→0               │
 *     │                                               ▼                                    │
 *     │                                    ┌──────────────────────────┐ Play / release /   │
 *     │                                    │wrapUp  step: open |      │ callback / timer   │
 *     │                                    │ categorising | scheduling│ ───────────────────┘
 *     │                                    │ | releasing              │
 *     │                                    └──────────────────────────┘
 *  Orthogonal fields (every phase): phone = down | registering | registered | reconnecting,
 *  neoApi = ok | degraded, pending NeoApi requests (matched to results by id).
 * ```
 *
 * Rules: intents the phase cannot honour are refused (`{ ok: false, error: { code, message,
 * hint } }`, state untouched); facts (SIP, platform status, results, timers) are never refused: they are
 * applied, or ignored when stale or repeated (the same state object comes back, no effects). The
 * full table of transitions and effects is in docs/call-state-machine.md.
 */
import { clickedContactFound } from './clicked-contact.ts';
import { isConnectionEvent, connectionEvent } from './connection.ts';
import type { MachineContext } from './context.ts';
import type { AgentEvent } from './events.ts';
import type { Effect } from './effects.ts';
import type { SipIncoming } from './events.ts';
import { accept, ignore, notify, notNow, type TransitionResult } from './outcome.ts';
import { dialing, ringing } from './phases/call-setup.ts';
import { connected } from './phases/connected.ts';
import { ready } from './phases/ready.ts';
import { forcedLogout, loggedOut, loggingIn, loggingOut } from './phases/session-lifecycle.ts';
import { wrapUp } from './phases/wrap-up.ts';
import { neoApiResult } from './results.ts';
import { isSessionEvent, sessionEvent } from './session-ops.ts';
import type { AgentState } from './state.ts';

export type { TransitionResult } from './outcome.ts';

/** The next state and effects for `event` in `state`, or the refusal of an intent. Pure. */
export function transition(state: AgentState, event: AgentEvent, context: MachineContext): TransitionResult {
  if (event.kind === 'commandSucceeded' || event.kind === 'commandFailed') return neoApiResult(state, event);
  if (event.kind === 'clickedContactFound') return clickedContactFound(state, event);
  if (event.kind === 'loggedOutByPlatform' && state.phase !== 'loggingOut') return forcedLogout(state, event.message, event.at);
  if (isConnectionEvent(event) && state.phase !== 'loggingIn') return connectionEvent(state, event);
  if (event.kind === 'sipIncoming' && event.answering === true) return alreadyAnswering(state, event, context);
  if (isSessionEvent(event)) {
    if (state.phase === 'loggingOut') return event.kind === 'breakChanged' || event.kind === 'campaignChanged' ? { ok: true, state, effects: [] } : notNow('LOGOUT_IN_PROGRESS', event.kind, state.phase, 'Wait for the logout to finish.');
    if ('session' in state) return sessionEvent(state, event);
  }
  return byPhase(state, event, context);
}

/** Whether `effects` answer the leg `legId` (the machine's automatic answer of a platform leg). */
export function answersLeg(effects: readonly Effect[], legId: SipIncoming['legId']): boolean {
  return effects.some((effect) => effect.kind === 'sip' && effect.action === 'answer' && effect.legId === legId);
}

/**
 * A leg the phone is already answering (`sipIncoming` with `answering`, auto-answer.ts): it enters
 * the call as the machine's own automatic answer would — `ringing` with `answering` set, no ringer,
 * no pop by number — minus the `answer` effect, which the phone has run. A leg the machine would
 * not answer by itself now is hung up (the phone answers only after asking, in the same task, so
 * this is a guard, not a path); the agent is told a call was turned away, as for a busy one.
 */
function alreadyAnswering(state: AgentState, event: SipIncoming, context: MachineContext): TransitionResult {
  // The same leg again (a repeated event): it is this call's, never one to turn away.
  if ('call' in state && state.call.legId === event.legId) return ignore(state);
  const rung = transition(state, { ...event, answering: false }, context);
  if (rung.ok && answersLeg(rung.effects, event.legId)) {
    return { ...rung, effects: rung.effects.filter((effect) => !(effect.kind === 'sip' && effect.action === 'answer' && effect.legId === event.legId)) };
  }
  return accept(state, [{ kind: 'sip', action: 'hangup', legId: event.legId }, notify('callRejectedBusy', 'info', event.from)]);
}

function byPhase(state: AgentState, event: AgentEvent, context: MachineContext): TransitionResult {
  switch (state.phase) {
    case 'loggedOut':
      return loggedOut(state, event, context);
    case 'loggingIn':
      return loggingIn(state, event);
    case 'ready':
      return ready(state, event, context);
    case 'dialing':
      return dialing(state, event, context);
    case 'ringing':
      return ringing(state, event, context);
    case 'connected':
      return connected(state, event, context);
    case 'wrapUp':
      return wrapUp(state, event, context);
    case 'loggingOut':
      return loggingOut(state, event);
  }
}
