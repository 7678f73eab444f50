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
import { notNow, type TransitionResult } from './outcome.ts';
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
  if (isSessionEvent(event)) {
    if (state.phase === 'loggingOut') return event.kind === 'breakChanged' || event.kind === 'campaignChanged' ? { ok: true, state, effects: [] } : notNow('LOGOUT_IN_PROGRESS', event.kind, state.phase, 'Wait for the logout to finish.');
    if ('session' in state) return sessionEvent(state, event);
  }
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
