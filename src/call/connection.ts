/**
 * The phone's registration and NeoApi's health: orthogonal to the phase, so they are fields, and
 * the agent is told when they change. A lost transport during a call is shown, never hidden: the
 * media may still flow, and the call ends by platform status if the BYE cannot arrive.
 */
import type { AgentEvent } from './events.ts';
import { accept, ignore, notify, type TransitionResult } from './outcome.ts';
import type { AgentState } from './state.ts';

type ConnectionEvent = Extract<
  AgentEvent,
  { kind: 'sipRegistered' | 'sipUnregistered' | 'sipRegistrationFailed' | 'sipTransportLost' | 'sipTransportRecovered' | 'platformDegraded' | 'platformRecovered' }
>;

const KINDS: ReadonlySet<string> = new Set(['sipRegistered', 'sipUnregistered', 'sipRegistrationFailed', 'sipTransportLost', 'sipTransportRecovered', 'platformDegraded', 'platformRecovered']);

/** Whether the event is about the connection, not the phase (type guard). */
export function isConnectionEvent(event: AgentEvent): event is ConnectionEvent {
  return KINDS.has(event.kind);
}

/** Applies a connection event in a phase other than `loggingIn` (which drives its own login). */
export function connectionEvent(state: AgentState, event: ConnectionEvent): TransitionResult {
  const inSession = 'session' in state && state.phase !== 'loggingOut';
  const inCall = state.phase === 'connected' || state.phase === 'ringing' || state.phase === 'dialing';
  switch (event.kind) {
    case 'sipRegistered':
      if (state.phone === 'registered') return ignore(state);
      // Back from a lost registration (the transport was fine): say callers reach the agent again.
      return accept({ ...state, phone: 'registered' }, inSession && state.phone === 'reconnecting' ? [notify('registrationRecovered', 'info')] : []);
    case 'sipUnregistered':
      if (state.phone === 'down') return ignore(state);
      return accept({ ...state, phone: 'down' }, inSession ? [notify('phoneUnregistered', 'warning')] : []);
    case 'sipRegistrationFailed':
      // sip.js retries a refused registration: only the first failure is news to the agent.
      if (state.phone === 'down') return ignore(state);
      return accept({ ...state, phone: 'down' }, inSession ? [notify('phoneRegistrationFailed', 'error', event.reason)] : []);
    case 'sipTransportLost':
      if (state.phone === 'reconnecting' || state.phone === 'down') return ignore(state);
      if (event.cause === 'registration') return accept({ ...state, phone: 'reconnecting' }, inSession ? [notify('registrationLost', 'error')] : []);
      return accept({ ...state, phone: 'reconnecting' }, inSession ? [notify('transportLost', inCall ? 'error' : 'warning')] : []);
    case 'sipTransportRecovered':
      // sip.js registers again after the WebSocket returns; `sipRegistered` completes the recovery.
      if (state.phone !== 'reconnecting') return ignore(state);
      return accept({ ...state, phone: 'registering' }, inSession ? [notify('transportRecovered', 'info')] : []);
    case 'platformDegraded':
      return state.neoApi === 'degraded' ? ignore(state) : accept({ ...state, neoApi: 'degraded' }, [notify('neoApiDegraded', 'warning', event.reason)]);
    case 'platformRecovered':
      return state.neoApi === 'ok' ? ignore(state) : accept({ ...state, neoApi: 'ok' }, [notify('neoApiRecovered', 'info')]);
  }
}
