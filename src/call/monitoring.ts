/**
 * Supervisor monitoring as a small pure machine beside the call machine (docs/monitoring.md).
 * A supervisor's monitoring leg is not a customer call: no pop, no Task of a call, no wrap-up.
 * The app asks {@link claimsMonitoringEvent} first and feeds the SIP and platform status facts of the
 * monitoring leg here instead of to `transition()`.
 *
 * ```
 *            start                monitor ok / INVITE        leg up
 *   ┌────┐ ────────► ┌────────┐ ───────────────────────► ┌───────┐ ──────► ┌──────┐ switch: monitor
 *   │idle│           │starting│   (platform leg: answered │ringing│         │active│ ◄──── again, mode kept
 *   └────┘ ◄──────── └────────┘    at once, no ringing)   └───────┘         └──────┘       until it is ok
 *     ▲    refused / failed                                                      │ stop
 *     │                       leg ended (BYE either way) → record the session    ▼
 *     └─────────────────────────────────────────────────────────────────── ┌────────┐
 *                                                                          │stopping│ stopMonitor
 *                                                                          └────────┘
 * ```
 *
 * Requests are the platform commands `monitor` and `stopMonitor` (platform.ts); the adapter
 * names them on its wire.
 */
import type { CallId, SipLegId } from './ids.ts';
import type { AgentEvent } from './events.ts';
import { isMonitorCall } from './monitor-call.ts';
import type { CommandOf } from './platform.ts';

/**
 * `mode`: `listen` = hears agent and customer, heard by nobody; `assist` = the agent hears the
 * supervisor too; `barge` = the supervisor joins the call: agent and customer both hear them.
 */
export type MonitorMode = 'listen' | 'assist' | 'barge';
/** Both modes, in the order the panel offers them. */
export const MONITOR_MODES = ['listen', 'assist', 'barge'] as const satisfies readonly MonitorMode[];

/** A mode in force from `at` (epoch ms). */
export interface ModeChange {
  readonly mode: MonitorMode;
  readonly at: number;
}

/** Where the supervisor is. */
export type SupervisionStatus = 'idle' | 'starting' | 'ringing' | 'active' | 'stopping';

/** The supervisor's monitoring, as data. */
export interface Supervision {
  readonly status: SupervisionStatus;
  /** The Neotel user being monitored (`agent`). */
  readonly agent: string | null;
  /** The monitored agent's platform call when monitoring began (the user list `Llamada`), for the Task. */
  readonly agentCallId: string | null;
  /** The mode the platform confirmed. */
  readonly mode: MonitorMode | null;
  /** A mode asked for and not yet confirmed (monitor in flight). */
  readonly requestedMode: MonitorMode | null;
  readonly legId: SipLegId | null;
  /** The monitoring call's own platform id (`X-Neotel-CallId`, the platform status call id, `call type=Monitor`). */
  readonly monitorCallId: CallId | null;
  readonly startedAt: number | null;
  readonly modes: readonly ModeChange[];
  /** The last failure, in the server's words. */
  readonly error: string | null;
}

/** One finished monitoring session: what Salesforce records. */
export interface MonitoringSession {
  readonly supervisor: string;
  readonly agent: string;
  readonly agentCallId: string | null;
  readonly monitorCallId: string | null;
  /** Every mode in force, in order (the first is the starting mode). */
  readonly modes: readonly ModeChange[];
  readonly startedAt: number;
  readonly endedAt: number;
}

/** What can happen to the supervision. */
export type SupervisionEvent =
  | { readonly kind: 'monitorStart'; readonly at: number; readonly agent: string; readonly mode: MonitorMode; readonly agentCallId: string | null }
  | { readonly kind: 'monitorSwitch'; readonly at: number; readonly mode: MonitorMode }
  | { readonly kind: 'monitorStop'; readonly at: number }
  | { readonly kind: 'monitorRequestDone'; readonly at: number; readonly command: 'monitor' | 'stopMonitor'; readonly ok: boolean; readonly message: string | null }
  | { readonly kind: 'monitorLegOffered'; readonly at: number; readonly legId: SipLegId; readonly callId: CallId | null }
  | { readonly kind: 'monitorLegUp'; readonly at: number; readonly legId: SipLegId }
  | { readonly kind: 'monitorLegEnded'; readonly at: number; readonly legId: SipLegId };

/** What the app must do. */
export type SupervisionEffect =
  | { readonly kind: 'platform'; readonly command: CommandOf<'monitor'> | CommandOf<'stopMonitor'> }
  | { readonly kind: 'answerLeg'; readonly legId: SipLegId }
  | { readonly kind: 'hangUpLeg'; readonly legId: SipLegId }
  | { readonly kind: 'recordSession'; readonly session: MonitoringSession };

/** The next supervision, its effects, or why the intent was refused (state untouched). */
export type SupervisionResult =
  | { readonly ok: true; readonly state: Supervision; readonly effects: readonly SupervisionEffect[] }
  | { readonly ok: false; readonly message: string };

/** Not monitoring anybody. */
export const IDLE_SUPERVISION: Supervision = {
  status: 'idle', agent: null, agentCallId: null, mode: null, requestedMode: null, legId: null, monitorCallId: null, startedAt: null, modes: [], error: null,
};

const same = (state: Supervision): SupervisionResult => ({ ok: true, state, effects: [] });
const refuse = (message: string): SupervisionResult => ({ ok: false, message });

/** Reads a mode as typed in settings or sent by a UI; anything else is `null`. */
export function parseMonitorMode(raw: string | null | undefined): MonitorMode | null {
  const value = raw?.trim().toLowerCase();
  return value === 'listen' || value === 'assist' || value === 'barge' ? value : null;
}

/** Ends the session: the record of it (when it ever became active) and back to idle. */
function finished(state: Supervision, supervisor: string, at: number, error: string | null, extra: readonly SupervisionEffect[] = []): SupervisionResult {
  const effects: SupervisionEffect[] = [...extra];
  if (state.agent !== null && state.startedAt !== null && state.modes.length > 0) {
    effects.push({
      kind: 'recordSession',
      session: { supervisor, agent: state.agent, agentCallId: state.agentCallId, monitorCallId: state.monitorCallId, modes: state.modes, startedAt: state.startedAt, endedAt: at },
    });
  }
  return { ok: true, state: { ...IDLE_SUPERVISION, error }, effects };
}

/**
 * The supervision after `event`, for supervisor `supervisor` (the logged-in Neotel user). Pure.
 * Intents (`monitorStart`, `monitorSwitch`, `monitorStop`) may be refused; facts never are.
 */
export function supervise(state: Supervision, event: SupervisionEvent, supervisor: string): SupervisionResult {
  switch (event.kind) {
    case 'monitorStart': {
      if (state.status !== 'idle') return refuse(`Already monitoring ${state.agent ?? 'an agent'}: end it before monitoring ${event.agent}.`);
      const agent = event.agent.trim();
      if (agent === '') return refuse('Cannot monitor an empty agent: pick an agent from the list.');
      if (agent === supervisor) return refuse(`Cannot monitor yourself (${supervisor}): pick another agent.`);
      return {
        ok: true,
        state: { ...IDLE_SUPERVISION, status: 'starting', agent, agentCallId: event.agentCallId, requestedMode: event.mode },
        effects: [{ kind: 'platform', command: { command: 'monitor', agent: supervisor, monitored: agent, mode: event.mode } }],
      };
    }
    case 'monitorSwitch': {
      if (state.status !== 'active' || state.agent === null) return refuse(`Cannot switch to ${event.mode}: no monitoring is active (status ${state.status}).`);
      if (state.requestedMode !== null) return refuse(`A switch to ${state.requestedMode} is still waiting for the platform.`);
      if (state.mode === event.mode) return same(state);
      return {
        ok: true,
        state: { ...state, requestedMode: event.mode, error: null },
        effects: [{ kind: 'platform', command: { command: 'monitor', agent: supervisor, monitored: state.agent, mode: event.mode } }],
      };
    }
    case 'monitorStop': {
      if (state.status === 'idle') return refuse('Nothing to end: no monitoring is active.');
      if (state.status === 'stopping') return same(state);
      return { ok: true, state: { ...state, status: 'stopping' }, effects: [{ kind: 'platform', command: { command: 'stopMonitor', agent: supervisor } }] };
    }
    case 'monitorRequestDone':
      return requestDone(state, event, supervisor);
    case 'monitorLegOffered': {
      if (state.status !== 'starting' && state.status !== 'ringing') return { ok: true, state, effects: [{ kind: 'hangUpLeg', legId: event.legId }] };
      return { ok: true, state: { ...state, status: 'ringing', legId: event.legId, monitorCallId: event.callId ?? state.monitorCallId }, effects: [{ kind: 'answerLeg', legId: event.legId }] };
    }
    case 'monitorLegUp': {
      if (state.legId !== event.legId || state.status !== 'ringing') return same(state);
      const mode = state.requestedMode ?? state.mode ?? 'listen';
      return { ok: true, state: { ...state, status: 'active', mode, requestedMode: null, startedAt: event.at, modes: [{ mode, at: event.at }] }, effects: [] };
    }
    case 'monitorLegEnded':
      if (state.legId !== event.legId) return same(state);
      return finished(state, supervisor, event.at, state.status === 'stopping' ? null : state.error);
  }
}

function requestDone(state: Supervision, event: Extract<SupervisionEvent, { kind: 'monitorRequestDone' }>, supervisor: string): SupervisionResult {
  if (event.command === 'stopMonitor') {
    if (state.status !== 'stopping') return same(state);
    if (event.ok) return same(state); // the platform hangs the leg up; its BYE ends the session
    // The platform refused (e.g. the session ended meanwhile): drop our leg ourselves.
    if (state.legId !== null) return { ok: true, state: { ...state, error: event.message }, effects: [{ kind: 'hangUpLeg', legId: state.legId }] };
    return finished(state, supervisor, event.at, event.message);
  }
  if (state.requestedMode === null) return same(state);
  if (state.status === 'active') {
    if (!event.ok) return { ok: true, state: { ...state, requestedMode: null, error: event.message }, effects: [] };
    const mode = state.requestedMode;
    return { ok: true, state: { ...state, mode, requestedMode: null, error: null, modes: [...state.modes, { mode, at: event.at }] }, effects: [] };
  }
  if (state.status !== 'starting' && state.status !== 'ringing') return same(state);
  if (event.ok) return same(state); // the leg is on its way (or already offered)
  const hangUp: SupervisionEffect[] = state.legId === null ? [] : [{ kind: 'hangUpLeg', legId: state.legId }];
  return finished(state, supervisor, event.at, event.message, hangUp);
}

/**
 * Whether an event of the call machine belongs to the monitoring leg instead: the INVITE the
 * platform sends after monitor, that leg's SIP facts, and the supervisor's platform status call of
 * `call type=Monitor`. Such events must not reach `transition()` (no pop, no wrap-up).
 */
export function claimsMonitoringEvent(state: Supervision, event: AgentEvent): boolean {
  switch (event.kind) {
    case 'sipIncoming':
      return (state.status === 'starting' || state.status === 'ringing') && state.legId === null && event.leg !== 'queue';
    case 'sipAnswered':
    case 'sipEnded':
    case 'sipHoldChanged':
    case 'sipMuteChanged':
      return state.legId !== null && event.legId === state.legId;
    case 'platformCallStarted':
      return isMonitorCall(event) || (state.monitorCallId !== null && event.callId === state.monitorCallId);
    case 'platformCallEnded':
      return state.monitorCallId !== null && event.callId === state.monitorCallId;
    default:
      return false;
  }
}

/** The supervision event a claimed call-machine event stands for (`null` = nothing to do). */
export function monitoringEventOf(event: AgentEvent): SupervisionEvent | null {
  switch (event.kind) {
    case 'sipIncoming':
      return { kind: 'monitorLegOffered', at: event.at, legId: event.legId, callId: event.callId };
    case 'sipAnswered':
      return { kind: 'monitorLegUp', at: event.at, legId: event.legId };
    case 'sipEnded':
      return { kind: 'monitorLegEnded', at: event.at, legId: event.legId };
    default:
      return null;
  }
}
